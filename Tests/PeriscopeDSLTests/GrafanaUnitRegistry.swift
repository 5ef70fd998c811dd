/// Grafana's unit registry: the `id` of every value format in its categories, in their order.
///
/// Source: grafana/grafana `packages/grafana-data/src/valueFormats/categories.ts` (`getCategories()`),
/// read at commit ed1aac226b3bd196012053975b4072fb2b91fd4a, plus the ids that the current,
/// translated version of the same file adds (`sishort`, `candela`, `acres`, `hectares`, six
/// currencies, `mwatth`, `mohm`, `rotkhz`, `rotmhz`, `rotghz`). The same set, no more and no
/// less, is what the Grafana Foundation SDK's `units.jsonschema.json` lists
/// (`UnitRegistryTests` checks this when `../shared/grafana-schema` is present).
enum GrafanaUnitRegistry {
    static let ids: [String] = [
        // Misc
        "none", "string", "short", "percent", "percentunit", "humidity", "dB", "hex0x", "hex", "sci",
        "locale", "pixel", "sishort", "candela",
        // Acceleration
        "accMS2", "accFS2", "accG",
        // Angle
        "degree", "radian", "grad", "arcmin", "arcsec",
        // Area
        "areaM2", "areaF2", "areaMI2", "acres", "hectares",
        // Computation
        "flops", "mflops", "gflops", "tflops", "pflops", "eflops", "zflops", "yflops",
        // Concentration
        "ppm", "conppb", "conngm3", "conngNm3", "conμgm3", "conμgNm3", "conmgm3", "conmgNm3", "congm3",
        "congNm3", "conmgdL", "conmmolL",
        // Currency
        "currencyUSD", "currencyGBP", "currencyEUR", "currencyJPY", "currencyRUB", "currencyUAH",
        "currencyBRL", "currencyDKK", "currencyISK", "currencyNOK", "currencySEK", "currencyCZK",
        "currencyCHF", "currencyPLN", "currencyBTC", "currencymBTC", "currencyμBTC", "currencyZAR",
        "currencyINR", "currencyKRW", "currencyIDR", "currencyPHP", "currencyVND", "currencyTRY",
        "currencyMYR", "currencyXPF", "currencyBGN", "currencyPYG", "currencyUYU", "currencyILS",
        // Data
        "bytes", "decbytes", "bits", "decbits", "kbytes", "deckbytes", "mbytes", "decmbytes", "gbytes",
        "decgbytes", "tbytes", "dectbytes", "pbytes", "decpbytes",
        // Data rate
        "pps", "binBps", "Bps", "binbps", "bps", "KiBs", "Kibits", "KBs", "Kbits", "MiBs", "Mibits", "MBs",
        "Mbits", "GiBs", "Gibits", "GBs", "Gbits", "TiBs", "Tibits", "TBs", "Tbits", "PiBs", "Pibits", "PBs",
        "Pbits",
        // Date & time
        "dateTimeAsIso", "dateTimeAsIsoNoDateIfToday", "dateTimeAsUS", "dateTimeAsUSNoDateIfToday",
        "dateTimeAsLocal", "dateTimeAsLocalNoDateIfToday", "dateTimeAsSystem", "dateTimeFromNow",
        // Energy
        "watt", "kwatt", "megwatt", "gwatt", "mwatt", "Wm2", "voltamp", "kvoltamp", "voltampreact",
        "kvoltampreact", "watth", "watthperkg", "kwatth", "kwattm", "amph", "kamph", "mamph", "joule", "ev",
        "amp", "kamp", "mamp", "volt", "kvolt", "mvolt", "dBm", "ohm", "kohm", "Mohm", "farad", "µfarad",
        "nfarad", "pfarad", "ffarad", "henry", "mhenry", "µhenry", "lumens", "mwatth", "mohm",
        // Flow
        "flowgpm", "flowcms", "flowcfs", "flowcfm", "litreh", "flowlpm", "flowmlpm", "lux",
        // Force
        "forceNm", "forcekNm", "forceN", "forcekN",
        // Hash rate
        "Hs", "KHs", "MHs", "GHs", "THs", "PHs", "EHs",
        // Mass
        "massmg", "massg", "masslb", "masskg", "masst",
        // Length
        "lengthmm", "lengthin", "lengthft", "lengthm", "lengthkm", "lengthmi",
        // Pressure
        "pressurembar", "pressurebar", "pressurekbar", "pressurepa", "pressurehpa", "pressurekpa",
        "pressurehg", "pressurepsi",
        // Radiation
        "radbq", "radci", "radgy", "radrad", "radsv", "radmsv", "radusv", "radrem", "radexpckg", "radr",
        "radsvh", "radmsvh", "radusvh",
        // Rotational Speed
        "rotrpm", "rothz", "rotrads", "rotdegs", "rotkhz", "rotmhz", "rotghz",
        // Temperature
        "celsius", "fahrenheit", "kelvin",
        // Time
        "hertz", "ns", "µs", "ms", "s", "m", "h", "d", "dtdurationms", "dtdurations", "dthms", "dtdhms",
        "timeticks", "clockms", "clocks",
        // Throughput
        "cps", "ops", "reqps", "rps", "wps", "iops", "eps", "mps", "recps", "rowsps", "cpm", "opm", "reqpm",
        "rpm", "wpm", "epm", "mpm", "recpm", "rowspm",
        // Velocity
        "velocityms", "velocitykmh", "velocitymph", "velocityknot",
        // Volume
        "mlitre", "litre", "m3", "Nm3", "dm3", "gallons",
        // Boolean
        "bool", "bool_yes_no", "bool_on_off",
    ]
}

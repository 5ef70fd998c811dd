/// A Grafana unit id (`fieldConfig.defaults.unit`), e.g. `s`, `bytes`, `percentunit`, `reqps`.
///
/// Use the typed constants, or `.custom("suffix:req")` for Grafana's custom units. Every constant
/// is an id of Grafana's unit registry, the value formats of
/// `packages/grafana-data/src/valueFormats/categories.ts`; an id Grafana does not know is shown
/// as the raw number followed by the id.
public struct Unit: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Grafana's unit id.
    public var id: String

    /// Creates a unit from Grafana's id.
    public init(_ id: String) { self.id = id }
    /// Creates a unit from a literal id.
    public init(stringLiteral value: String) { self.id = value }

    /// A custom unit such as `suffix: req`, `prefix:$`, `si:g`, `count:req`, `currency:EUR`.
    public static func custom(_ id: String) -> Unit { Unit(id) }
    /// A suffix unit: the value followed by `text`.
    public static func suffix(_ text: String) -> Unit { Unit("suffix:" + text) }
    /// A prefix unit: `text` followed by the value.
    public static func prefix(_ text: String) -> Unit { Unit("prefix:" + text) }

    /// The unit id, as written to `fieldConfig.defaults.unit`.
    public var description: String { id }

    // Misc
    /// `none` (Grafana's "Number"): the number as it is, with no unit and no scaling.
    public static let none: Unit = "none"
    /// `short`: a plain count scaled with K, Mil, Bil, Tri.
    public static let short: Unit = "short"
    /// SI prefixes without a unit: 1.2 k, 3.4 M, 5 m (`sishort`).
    public static let siShort: Unit = "sishort"
    /// `string`: the value shown as text, not formatted as a number.
    public static let string: Unit = "string"
    /// `percent`: a value from 0 to 100, shown with `%`.
    public static let percent: Unit = "percent"
    /// `percentunit`: a ratio from 0.0 to 1.0, shown as a percentage (`0.25` → `25%`).
    public static let percentUnit: Unit = "percentunit"
    /// `humidity`: relative humidity, shown with `%H`.
    public static let humidity: Unit = "humidity"
    /// `dB`: decibels.
    public static let decibel: Unit = "dB"
    /// `hex`: the integer in hexadecimal.
    public static let hexadecimal: Unit = "hex"
    /// `hex0x`: the integer in hexadecimal with a `0x` prefix.
    public static let hexadecimal0x: Unit = "hex0x"
    /// `sci`: scientific notation (`1.5e+3`).
    public static let scientific: Unit = "sci"
    /// `locale`: the number in the browser's locale format (thousands separators).
    public static let locale: Unit = "locale"
    /// `pixel`: pixels (`px`).
    public static let pixels: Unit = "pixel"
    /// `bool`: zero as `False`, anything else as `True`.
    public static let bool: Unit = "bool"
    /// `bool_yes_no`: zero as `No`, anything else as `Yes`.
    public static let boolYesNo: Unit = "bool_yes_no"
    /// `bool_on_off`: zero as `Off`, anything else as `On`.
    public static let boolOnOff: Unit = "bool_on_off"
    // Time
    /// `ns`: nanoseconds, scaled up to larger time units.
    public static let nanoseconds: Unit = "ns"
    /// `µs`: microseconds, scaled up to larger time units.
    public static let microseconds: Unit = "µs"
    /// `ms`: milliseconds, scaled up to larger time units.
    public static let milliseconds: Unit = "ms"
    /// `s`: seconds, scaled to larger or smaller time units (the unit of Prometheus durations and histogram latencies).
    public static let seconds: Unit = "s"
    /// `m`: minutes, scaled to larger or smaller time units.
    public static let minutes: Unit = "m"
    /// `h`: hours, scaled to larger or smaller time units.
    public static let hours: Unit = "h"
    /// `d`: days, scaled to larger or smaller time units.
    public static let days: Unit = "d"
    /// `dtdurationms`: milliseconds shown as a duration in words (`1 hour, 2 minutes`).
    public static let durationMilliseconds: Unit = "dtdurationms"
    /// `dtdurations`: seconds shown as a duration in words (`1 hour, 2 minutes`).
    public static let durationSeconds: Unit = "dtdurations"
    /// `dthms`: seconds shown as `hh:mm:ss`.
    public static let durationHHMMSS: Unit = "dthms"
    /// A duration in seconds shown as days and `hh:mm:ss` (`dtdhms`).
    public static let durationDaysHHMMSS: Unit = "dtdhms"
    /// `clockms`: milliseconds shown as a clock (hours, minutes, seconds and milliseconds).
    public static let clockMilliseconds: Unit = "clockms"
    /// `clocks`: seconds shown as a clock (hours, minutes and seconds).
    public static let clockSeconds: Unit = "clocks"
    /// `hertz`: a frequency in Hz, scaled with SI prefixes.
    public static let hertz: Unit = "hertz"
    // Date & time
    /// `dateTimeAsIso`: a Unix time in milliseconds shown as an ISO 8601 date-time.
    public static let dateTimeISO: Unit = "dateTimeAsIso"
    /// `dateTimeAsUS`: a Unix time in milliseconds shown in US date format.
    public static let dateTimeUS: Unit = "dateTimeAsUS"
    /// `dateTimeFromNow`: a Unix time in milliseconds shown relative to now (`3 hours ago`).
    public static let dateTimeFromNow: Unit = "dateTimeFromNow"
    /// `dateTimeAsSystem`: a Unix time in milliseconds shown in Grafana's default date format.
    public static let dateTimeSystem: Unit = "dateTimeAsSystem"
    // Data (IEC and SI)
    /// `bits`: bits, scaled by powers of 1024 (IEC: Kib, Mib).
    public static let bits: Unit = "bits"
    /// `bytes`: bytes, scaled by powers of 1024 (IEC: KiB, MiB, GiB).
    public static let bytes: Unit = "bytes"
    /// `kbytes`: kibibytes (1024 bytes), scaled by powers of 1024.
    public static let kibibytes: Unit = "kbytes"
    /// `mbytes`: mebibytes (1024² bytes), scaled by powers of 1024.
    public static let mebibytes: Unit = "mbytes"
    /// `gbytes`: gibibytes (1024³ bytes), scaled by powers of 1024.
    public static let gibibytes: Unit = "gbytes"
    /// `tbytes`: tebibytes (1024⁴ bytes), scaled by powers of 1024.
    public static let tebibytes: Unit = "tbytes"
    /// `decbits`: bits, scaled by powers of 1000 (SI: kb, Mb).
    public static let bitsSI: Unit = "decbits"
    /// `decbytes`: bytes, scaled by powers of 1000 (SI: kB, MB, GB).
    public static let bytesSI: Unit = "decbytes"
    /// `deckbytes`: kilobytes (1000 bytes), scaled by powers of 1000.
    public static let kilobytes: Unit = "deckbytes"
    /// `decmbytes`: megabytes (1000² bytes), scaled by powers of 1000.
    public static let megabytes: Unit = "decmbytes"
    /// `decgbytes`: gigabytes (1000³ bytes), scaled by powers of 1000.
    public static let gigabytes: Unit = "decgbytes"
    /// `dectbytes`: terabytes (1000⁴ bytes), scaled by powers of 1000.
    public static let terabytes: Unit = "dectbytes"
    // Data rate: Grafana's `bps` and `Bps` scale by 1000 (SI); `binbps` and `binBps` by 1024 (IEC).
    /// Bits per second with SI prefixes: kb/s, Mb/s (`bps`).
    public static let bitsPerSecond: Unit = "bps"
    /// Bytes per second with SI prefixes: kB/s, MB/s (`Bps`).
    public static let bytesPerSecond: Unit = "Bps"
    /// Bits per second with SI prefixes (`bps`), the same id as ``bitsPerSecond``.
    public static let bitsPerSecondSI: Unit = "bps"
    /// Bytes per second with SI prefixes (`Bps`), the same id as ``bytesPerSecond``.
    public static let bytesPerSecondSI: Unit = "Bps"
    /// Bits per second with IEC prefixes: Kib/s, Mib/s (`binbps`).
    public static let bitsPerSecondIEC: Unit = "binbps"
    /// Bytes per second with IEC prefixes: KiB/s, MiB/s (`binBps`).
    public static let bytesPerSecondIEC: Unit = "binBps"
    /// Kilobits per second, scaled from there (`Kbits`).
    public static let kilobitsPerSecond: Unit = "Kbits"
    /// Megabits per second, scaled from there (`Mbits`).
    public static let megabitsPerSecond: Unit = "Mbits"
    /// Gigabits per second, scaled from there (`Gbits`).
    public static let gigabitsPerSecond: Unit = "Gbits"
    /// Kilobytes per second, scaled from there (`KBs`).
    public static let kilobytesPerSecond: Unit = "KBs"
    /// Megabytes per second, scaled from there (`MBs`).
    public static let megabytesPerSecond: Unit = "MBs"
    /// Gigabytes per second, scaled from there (`GBs`).
    public static let gigabytesPerSecond: Unit = "GBs"
    /// Kibibytes per second, scaled from there (`KiBs`).
    public static let kibibytesPerSecond: Unit = "KiBs"
    /// Mebibytes per second, scaled from there (`MiBs`).
    public static let mebibytesPerSecond: Unit = "MiBs"
    /// Gibibytes per second, scaled from there (`GiBs`).
    public static let gibibytesPerSecond: Unit = "GiBs"
    /// Packets per second (`pps`).
    public static let packetsPerSecond: Unit = "pps"
    // Throughput
    /// Counts per second, `c/s` (`cps`).
    public static let countsPerSecond: Unit = "cps"
    /// `ops`: operations per second.
    public static let operationsPerSecond: Unit = "ops"
    /// `reqps`: requests per second; the unit of `rate()` over a request counter.
    public static let requestsPerSecond: Unit = "reqps"
    /// `rps`: reads per second.
    public static let readsPerSecond: Unit = "rps"
    /// `wps`: writes per second.
    public static let writesPerSecond: Unit = "wps"
    /// `iops`: I/O operations per second.
    public static let ioOpsPerSecond: Unit = "iops"
    /// Counts per minute, `c/m` (`cpm`).
    public static let countsPerMinute: Unit = "cpm"
    /// `opm`: operations per minute.
    public static let operationsPerMinute: Unit = "opm"
    /// `reqpm`: requests per minute.
    public static let requestsPerMinute: Unit = "reqpm"
    /// `eps`: events per second.
    public static let eventsPerSecond: Unit = "eps"
    /// `mps`: messages per second.
    public static let messagesPerSecond: Unit = "mps"
    /// `recps`: records per second.
    public static let recordsPerSecond: Unit = "recps"
    /// `rowsps`: rows per second.
    public static let rowsPerSecond: Unit = "rowsps"
    // Computation and energy
    /// `flops`: floating-point operations per second, scaled with SI prefixes.
    public static let flops: Unit = "flops"
    /// `watt`: power in watts (W), scaled with SI prefixes.
    public static let watts: Unit = "watt"
    /// `kwatt`: power in kilowatts (kW).
    public static let kilowatts: Unit = "kwatt"
    /// `watth`: energy in watt-hours (Wh), scaled with SI prefixes.
    public static let wattHours: Unit = "watth"
    /// `joule`: energy in joules (J), scaled with SI prefixes.
    public static let joules: Unit = "joule"
    /// `volt`: electric potential in volts (V), scaled with SI prefixes.
    public static let volts: Unit = "volt"
    /// `amp`: electric current in amperes (A), scaled with SI prefixes.
    public static let amperes: Unit = "amp"
    // Temperature
    /// `celsius`: degrees Celsius (°C).
    public static let celsius: Unit = "celsius"
    /// `fahrenheit`: degrees Fahrenheit (°F).
    public static let fahrenheit: Unit = "fahrenheit"
    /// `kelvin`: kelvins (K).
    public static let kelvin: Unit = "kelvin"
    // Currency
    /// `currencyUSD`: US dollars (`$`), scaled with K, M, B.
    public static let dollars: Unit = "currencyUSD"
    /// `currencyEUR`: euros (`€`), scaled with K, M, B.
    public static let euros: Unit = "currencyEUR"
    /// `currencyGBP`: pounds sterling (`£`), scaled with K, M, B.
    public static let pounds: Unit = "currencyGBP"
}

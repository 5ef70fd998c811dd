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

    public var description: String { id }

    // Misc
    public static let none: Unit = "none"
    public static let short: Unit = "short"
    /// SI prefixes without a unit: 1.2 k, 3.4 M, 5 m (`sishort`).
    public static let siShort: Unit = "sishort"
    public static let string: Unit = "string"
    public static let percent: Unit = "percent"
    public static let percentUnit: Unit = "percentunit"
    public static let humidity: Unit = "humidity"
    public static let decibel: Unit = "dB"
    public static let hexadecimal: Unit = "hex"
    public static let hexadecimal0x: Unit = "hex0x"
    public static let scientific: Unit = "sci"
    public static let locale: Unit = "locale"
    public static let pixels: Unit = "pixel"
    public static let bool: Unit = "bool"
    public static let boolYesNo: Unit = "bool_yes_no"
    public static let boolOnOff: Unit = "bool_on_off"
    // Time
    public static let nanoseconds: Unit = "ns"
    public static let microseconds: Unit = "µs"
    public static let milliseconds: Unit = "ms"
    public static let seconds: Unit = "s"
    public static let minutes: Unit = "m"
    public static let hours: Unit = "h"
    public static let days: Unit = "d"
    public static let durationMilliseconds: Unit = "dtdurationms"
    public static let durationSeconds: Unit = "dtdurations"
    public static let durationHHMMSS: Unit = "dthms"
    /// A duration in seconds shown as days and `hh:mm:ss` (`dtdhms`).
    public static let durationDaysHHMMSS: Unit = "dtdhms"
    public static let clockMilliseconds: Unit = "clockms"
    public static let clockSeconds: Unit = "clocks"
    public static let hertz: Unit = "hertz"
    // Date & time
    public static let dateTimeISO: Unit = "dateTimeAsIso"
    public static let dateTimeUS: Unit = "dateTimeAsUS"
    public static let dateTimeFromNow: Unit = "dateTimeFromNow"
    public static let dateTimeSystem: Unit = "dateTimeAsSystem"
    // Data (IEC and SI)
    public static let bits: Unit = "bits"
    public static let bytes: Unit = "bytes"
    public static let kibibytes: Unit = "kbytes"
    public static let mebibytes: Unit = "mbytes"
    public static let gibibytes: Unit = "gbytes"
    public static let tebibytes: Unit = "tbytes"
    public static let bitsSI: Unit = "decbits"
    public static let bytesSI: Unit = "decbytes"
    public static let kilobytes: Unit = "deckbytes"
    public static let megabytes: Unit = "decmbytes"
    public static let gigabytes: Unit = "decgbytes"
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
    public static let operationsPerSecond: Unit = "ops"
    public static let requestsPerSecond: Unit = "reqps"
    public static let readsPerSecond: Unit = "rps"
    public static let writesPerSecond: Unit = "wps"
    public static let ioOpsPerSecond: Unit = "iops"
    /// Counts per minute, `c/m` (`cpm`).
    public static let countsPerMinute: Unit = "cpm"
    public static let operationsPerMinute: Unit = "opm"
    public static let requestsPerMinute: Unit = "reqpm"
    public static let eventsPerSecond: Unit = "eps"
    public static let messagesPerSecond: Unit = "mps"
    public static let recordsPerSecond: Unit = "recps"
    public static let rowsPerSecond: Unit = "rowsps"
    // Computation and energy
    public static let flops: Unit = "flops"
    public static let watts: Unit = "watt"
    public static let kilowatts: Unit = "kwatt"
    public static let wattHours: Unit = "watth"
    public static let joules: Unit = "joule"
    public static let volts: Unit = "volt"
    public static let amperes: Unit = "amp"
    // Temperature
    public static let celsius: Unit = "celsius"
    public static let fahrenheit: Unit = "fahrenheit"
    public static let kelvin: Unit = "kelvin"
    // Currency
    public static let dollars: Unit = "currencyUSD"
    public static let euros: Unit = "currencyEUR"
    public static let pounds: Unit = "currencyGBP"
}

/// Prometheus duration strings (`30s`, `1m30s`, `1h`, `0`), parsed exactly as Prometheus'
/// `model.ParseDuration` does.
///
/// Units are `y` (365d), `w` (7d), `d` (24h), `h`, `m`, `s` and `ms`. They must appear from the
/// largest to the smallest, each at most once, every number is unsigned decimal digits, and
/// the total must fit Go's `time.Duration` (about 292 years of nanoseconds). `0` is the only
/// value allowed without a unit.
public enum DurationSyntax: Sendable {
    /// Whether `text` is a valid Prometheus duration.
    public static func isValidPrometheusDuration(_ text: String) -> Bool {
        parsePrometheusDuration(text) != nil
    }

    /// The duration in milliseconds, or nil when `text` is not a valid Prometheus duration.
    public static func parsePrometheusDuration(_ text: String) -> Int64? {
        switch parse(text) {
        case .success(let nanoseconds): Int64(nanoseconds / nanosecondsPerMillisecond)
        case .failure: nil
        }
    }

    /// Why `text` is not a valid Prometheus duration, in Prometheus' own words, or nil when it is valid.
    public static func problem(in text: String) -> String? {
        switch parse(text) {
        case .success: nil
        case .failure(let failure): failure.message
        }
    }

    /// A parse failure with Prometheus' message.
    struct Failure: Error {
        let message: String
    }

    private static let nanosecondsPerMillisecond: UInt64 = 1_000_000

    /// Units from the largest to the smallest; a unit's rank must strictly grow along a duration.
    private static let units: [(symbol: String, nanoseconds: UInt64)] = [
        ("y", 365 * 24 * 3_600 * 1_000_000_000),
        ("w", 7 * 24 * 3_600 * 1_000_000_000),
        ("d", 24 * 3_600 * 1_000_000_000),
        ("h", 3_600 * 1_000_000_000),
        ("m", 60 * 1_000_000_000),
        ("s", 1_000_000_000),
        ("ms", 1_000_000),
    ]

    /// The largest `time.Duration`, which Prometheus refuses to exceed.
    private static let maximumNanoseconds = UInt64(Int64.max)

    static func parse(_ text: String) -> Result<UInt64, Failure> {
        if text == "0" { return .success(0) }
        if text.isEmpty { return .failure(Failure(message: "empty duration string")) }
        let invalid = Failure(message: "not a valid duration string: \"\(text)\"")
        // Work on UTF-8 bytes: every valid duration is ASCII, and byte comparisons never trap.
        let bytes = Array(text.utf8)
        var index = 0
        var total: UInt64 = 0
        var lastRank = -1
        while index < bytes.count {
            let numberStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > numberStart,
                  let number = UInt64(String(decoding: bytes[numberStart..<index], as: UTF8.self))
            else { return .failure(invalid) }
            let unitStart = index
            while index < bytes.count, !isDigit(bytes[index]) { index += 1 }
            guard index > unitStart else { return .failure(invalid) }
            let symbol = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let rank = units.firstIndex(where: { $0.symbol == symbol }) else {
                return .failure(Failure(message: "unknown unit \"\(symbol)\" in duration \"\(text)\""))
            }
            guard rank > lastRank else { return .failure(invalid) }
            lastRank = rank
            let multiplier = units[rank].nanoseconds
            // Mirrors `v > 1<<63/unit.mult` and `dur > 1<<63-1` in Prometheus.
            guard number <= (UInt64(1) << 63) / multiplier else {
                return .failure(Failure(message: "duration out of range"))
            }
            let (sum, overflow) = total.addingReportingOverflow(number * multiplier)
            guard !overflow, sum <= maximumNanoseconds else {
                return .failure(Failure(message: "duration out of range"))
            }
            total = sum
        }
        return .success(total)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

/// A point of a dashboard's time range as written: relative to now (`now`, `now-6h`,
/// `now/d`, `now-1d/d`) or absolute (an ISO-8601 date or date-time, or epoch milliseconds).
///
/// Written from a string literal, so `.time(from: "now-6h")` reads as before; the text is
/// written to the dashboard exactly as given and checked when the catalog is compiled.
public struct GrafanaTime: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The time as written.
    public var rawValue: String

    /// A time from text, checked when the catalog is compiled.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A time from a literal, checked when the catalog is compiled.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// `now`.
    public static let now: GrafanaTime = "now"

    /// Whether Grafana reads the text as a time.
    public var isValid: Bool {
        let bytes = Array(rawValue.utf8)
        guard bytes.starts(with: Array("now".utf8)) else {
            // An absolute time: an ISO-8601 date or date-time, or epoch milliseconds.
            if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
            return bytes.count >= 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
                && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || "-:TZ.+ ".utf8.contains($0) }
        }
        let units = Set("smhdwMy".utf8)
        var index = 3
        while index < bytes.count {
            let sign = bytes[index]
            if sign == UInt8(ascii: "/") {
                return index + 2 == bytes.count && units.contains(bytes[index + 1])
            }
            guard sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
            index += 1
            let digitsStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > digitsStart, index < bytes.count, units.contains(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// The time as written, as it appears in the output.
    public var description: String { rawValue }
}

/// How often a dashboard refreshes (`refresh`), as written: one positive whole number and one
/// unit of `s`, `m`, `h` or `d` (`30s`, `1m`), or empty for no automatic refresh.
///
/// Grafana reads only the first number and unit of a refresh interval, so a compound `1m30s`
/// would silently refresh every minute and is rejected. The same rule checks a dashboard's
/// `.refresh(_:)` and the environment's `grafana.refresh`.
///
/// ```swift
/// Dashboard("Checkout", uid: "checkout") { … }.refresh("30s")
/// ```
public struct RefreshInterval: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The interval as written.
    public var rawValue: String

    /// An interval from text, checked when the catalog is compiled.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// An interval from a literal, checked when the catalog is compiled.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The units Grafana's refresh picker understands.
    public static let units: Set<String> = ["s", "m", "h", "d"]

    /// Why Grafana would not refresh at this interval, or nil when it is valid (or empty).
    public var problem: String? {
        if rawValue.isEmpty { return nil }
        if let problem = DurationSyntax.problem(in: rawValue) { return problem }
        let digits = rawValue.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        let unit = String(decoding: rawValue.utf8.dropFirst(digits.count), as: UTF8.self)
        guard !digits.isEmpty, Self.units.contains(unit) else {
            return "Grafana reads one number and one unit of s, m, h or d"
        }
        if DurationSyntax.parsePrometheusDuration(rawValue) == 0 { return "the interval is zero" }
        return nil
    }

    /// The interval as written, as it appears in the output.
    public var description: String { rawValue }
}

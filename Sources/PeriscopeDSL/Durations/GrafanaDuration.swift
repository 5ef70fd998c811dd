/// A Grafana panel or query duration as written: a panel's or query's minimum `interval`
/// (`1m`, `>30s`), a panel's `timeFrom` (`24h`) or `timeShift` (`1d`), or a variable that
/// Grafana resolves at query time (`$__interval`, `${interval}`).
///
/// Written from a string literal, so `.interval("1m")` reads as before; the text is written
/// to the dashboard exactly as given and checked when the catalog is compiled (`problem`).
///
/// ```swift
/// TimeSeries("Requests") { … }.interval(">30s").timeShift("1d")
/// ```
public struct GrafanaDuration: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The duration as written.
    public var rawValue: String

    /// A duration from text, checked when the catalog is compiled.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A duration from a literal, checked when the catalog is compiled.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Why the text is not a duration, or nil when it is one or is a variable.
    ///
    /// A leading `>` or `<` (Grafana's minimum and maximum interval) is allowed; the rest must
    /// be a Prometheus duration (`1h30m`).
    public var problem: String? {
        // Variables ($__interval, ${interval}) are resolved by Grafana at query time.
        if rawValue.hasPrefix("$") { return nil }
        let body = rawValue.hasPrefix(">") || rawValue.hasPrefix("<") ? String(rawValue.dropFirst()) : rawValue
        return DurationSyntax.problem(in: body)
    }

    /// The duration as written, as it appears in the output.
    public var description: String { rawValue }
}

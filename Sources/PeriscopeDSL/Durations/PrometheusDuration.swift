/// A Prometheus duration as written (`30s`, `5m`, `1h30m`, `0`): rule `for` and
/// `keep_firing_for`, group `interval` and `query_offset`, promtool test intervals and
/// evaluation times, the environment's scrape interval.
///
/// Written from a string literal, so `.for("5m")` reads as before; the text is kept exactly
/// as written and is what the rule files contain. It is checked when the catalog is compiled
/// (`problem`), and a text Prometheus would reject is reported at the modifier's line.
/// Two durations are equal when they are written the same (`60m` is not `1h`).
///
/// ```swift
/// AlertRule("Down", expr: "up == 0").for("5m")
/// RuleGroup("api") { … }.interval("\(minutes)m")
/// ```
public struct PrometheusDuration: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The duration as written.
    public var rawValue: String

    /// A duration from text, checked when the catalog is compiled.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A duration from a literal, checked when the catalog is compiled.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Why Prometheus would reject the text, in `model.ParseDuration`'s words, or nil when it is valid.
    public var problem: String? { DurationSyntax.problem(in: rawValue) }

    /// Whether Prometheus accepts the text.
    public var isValid: Bool { problem == nil }

    /// The length in milliseconds, or nil when the text is not valid.
    public var milliseconds: Int64? { DurationSyntax.parsePrometheusDuration(rawValue) }

    /// The duration as written, as it appears in the output.
    public var description: String { rawValue }
}

/// A severity tier of an alert, written as its `severity` label.
///
/// The label value is the tier's own name (`.critical` → `severity: critical`) unless the
/// environment's `alerting.severities` maps the tier to another value (`page: critical`), so
/// `.warning`, `.critical` and any custom name work without a mapping, and teams that route by
/// tier (`.page`, `.ticket`) map the tiers to their Alertmanager's values per environment.
///
/// ```swift
/// AlertRule("HighErrorRate", expr: "…").severity(.critical)
/// AlertRule("HighErrorRate", expr: "…").severity(.page)     // with alerting.severities: { page: critical }
/// ```
public struct Severity: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The tier name as written under `alerting.severities` (`page`, `ticket`, …).
    public var rawValue: String

    /// Creates a tier.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a tier from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Wakes someone up.
    public static let page: Severity = "page"
    /// Goes to a queue to be handled in working hours.
    public static let ticket: Severity = "ticket"
    /// Informational only.
    public static let info: Severity = "info"
    /// `severity: warning`, the usual label of the lower of two thresholds of one alert.
    public static let warning: Severity = "warning"
    /// `severity: critical`, the usual label of the higher of two thresholds of one alert.
    public static let critical: Severity = "critical"

    /// The tier name (`page`), before the environment's `alerting.severities` mapping.
    public var description: String { rawValue }
}

/// A severity tier of an alert, mapped to the `severity` label value by the environment's
/// `alerting.severities` (e.g. `page: critical`, `ticket: warning`).
///
/// ```swift
/// AlertRule("HighErrorRate", expr: "…").severity(.page)
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

    public var description: String { rawValue }
}

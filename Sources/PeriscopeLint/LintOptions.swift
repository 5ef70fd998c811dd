import PeriscopeDSL
import PromQL

/// The settings rules read: from `.periscope.yaml`, from the environment (target version,
/// scrape and evaluation intervals) and from the optional metrics inventory.
///
/// Defaults follow the conventions the rules cite; each is documented where it is declared.
public struct LintOptions: Sendable {
    /// The PromQL dialect expressions must parse in (`prometheus.target`), default 3.
    public var target: PromQLTarget
    /// The scrape interval in seconds (`prometheus.scrapeInterval`), default 60 (Prometheus'
    /// own `global.scrape_interval` default is 1m).
    public var scrapeIntervalSeconds: Double
    /// The rule evaluation interval in seconds when a group sets none, default 60 (Prometheus'
    /// `global.evaluation_interval` default is 1m).
    public var evaluationIntervalSeconds: Double
    /// Label names that carry one value per user, request or resource; matched whatever the case
    /// and separators (`traceID`, `TraceId` and `trace_id` are one name).
    public var highCardinalityLabels: [String]
    /// The values an alert's `severity` label may take.
    public var allowedSeverities: [String]
    /// Severities that page a human, which must carry a `runbook_url` annotation.
    public var pagingSeverities: [String]

    /// The deny-list used when `.periscope.yaml` sets none.
    public static let defaultHighCardinalityLabels = [
        "user_id", "request_id", "trace_id", "span_id", "session_id", "email", "ip", "client_ip", "path", "url", "uri",
    ]

    /// Creates options; every argument has the documented default.
    public init(
        target: PromQLTarget = .v3, scrapeIntervalSeconds: Double = 60, evaluationIntervalSeconds: Double = 60,
        highCardinalityLabels: [String] = LintOptions.defaultHighCardinalityLabels,
        allowedSeverities: [String] = ["critical", "warning", "info"], pagingSeverities: [String] = ["critical", "page"]
    ) {
        self.target = target
        self.scrapeIntervalSeconds = scrapeIntervalSeconds
        self.evaluationIntervalSeconds = evaluationIntervalSeconds
        self.highCardinalityLabels = highCardinalityLabels
        self.allowedSeverities = allowedSeverities
        self.pagingSeverities = pagingSeverities
    }
}

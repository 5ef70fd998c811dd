import PeriscopeDSL
import PeriscopeModel
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
    /// The metrics inventory (`metrics.yaml`), if one is given: metric types for the counter
    /// checks and label value counts for the series estimates. Nil: names decide types and no
    /// series are estimated.
    public var inventory: MetricsInventory?
    /// The most series one query may select, as estimated from the inventory (`series-budget`),
    /// default 10,000: beyond that a dashboard panel is slow to load and unreadable, and an
    /// alert query costs more than its evaluation interval allows on a busy server.
    public var seriesBudgetPerQuery: Int
    /// The most series one recording rule may write, as estimated from the inventory
    /// (`series-budget`), default 5,000: a recording rule is an aggregation, stored for ever,
    /// and one that writes more series than this rarely aggregates enough.
    public var seriesBudgetPerRecordingRule: Int

    /// The most distinct values a label may have when it has no budget of its own
    /// (`budgets.valuesPerLabel`), default 100: Prometheus' instrumentation guide asks for label
    /// cardinality below 10 where possible, and 100 leaves room for `instance` or `pod` of a
    /// mid-size deployment while catching ids, paths and error strings. Checked live
    /// (`live-label-values-over-budget`).
    public var valuesPerLabel: Int = 100
    /// The most series a metric may have, by metric name (`budgets.metrics`); checked from the
    /// inventory (`series-budget`) and live (`live-metric-series-over-budget`). Empty by default.
    public var seriesBudgetPerMetric: [String: Int] = [:]
    /// The most distinct values a label may have, by label name, on any metric (`budgets.labels`);
    /// it wins over the inventory's `max` (`label-values-budget`) and over `valuesPerLabel` (live).
    public var valueBudgetPerLabel: [String: Int] = [:]

    /// The datasource uids the environment defines (`grafana.datasources` of a rendered folder's
    /// manifest); nil when unknown (foreign files), then hard-coded uids cannot be resolved.
    public var environmentDatasourceUIDs: [String]? = nil

    /// The deny-list used when `.periscope.yaml` sets none.
    public static let defaultHighCardinalityLabels = [
        "user_id", "request_id", "trace_id", "span_id", "session_id", "email", "ip", "client_ip", "path", "url", "uri",
    ]

    /// Creates options; every argument has the documented default.
    public init(
        target: PromQLTarget = .v3, scrapeIntervalSeconds: Double = 60, evaluationIntervalSeconds: Double = 60,
        highCardinalityLabels: [String] = LintOptions.defaultHighCardinalityLabels,
        allowedSeverities: [String] = ["critical", "warning", "info"], pagingSeverities: [String] = ["critical", "page"],
        inventory: MetricsInventory? = nil, seriesBudgetPerQuery: Int = 10_000, seriesBudgetPerRecordingRule: Int = 5_000
    ) {
        self.target = target
        self.scrapeIntervalSeconds = scrapeIntervalSeconds
        self.evaluationIntervalSeconds = evaluationIntervalSeconds
        self.highCardinalityLabels = highCardinalityLabels
        self.allowedSeverities = allowedSeverities
        self.pagingSeverities = pagingSeverities
        self.inventory = inventory
        self.seriesBudgetPerQuery = seriesBudgetPerQuery
        self.seriesBudgetPerRecordingRule = seriesBudgetPerRecordingRule
    }
}

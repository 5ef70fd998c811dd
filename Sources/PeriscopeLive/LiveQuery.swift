import PeriscopeDSL
import PromQL

/// A query handed to the live checks: a dashboard target's expression or a rule's `expr`, with
/// the place a finding should point at.
public struct LiveQuery: Sendable, Hashable {
    /// What the expression belongs to.
    public enum Kind: Sendable, Hashable {
        /// A dashboard panel's target (may hold Grafana variables such as `$job` or `$__rate_interval`).
        case dashboardQuery
        /// A recording rule; its output (`count(expr)`) is measured against the per-rule budget.
        case recordingRule(record: String)
        /// An alerting rule; only its selectors are measured.
        case alertingRule(alert: String)
    }

    /// The PromQL text as written.
    public var expression: String
    /// The expression already parsed by the caller, or nil to parse `expression` here. Prefer nil
    /// for dashboard queries: parsing here also knows which names were Grafana variables
    /// (`${metric}_total`) and leaves those selectors out; with a tree given, only matchers
    /// whose value holds a variable are recognised.
    public var parsed: Expr?
    /// Where findings about this query point (the Swift line, the YAML line, the JSON pointer).
    public var location: Location
    /// What the expression belongs to.
    public var kind: Kind

    /// Creates a query.
    public init(expression: String, parsed: Expr? = nil, location: Location, kind: Kind) {
        self.expression = expression
        self.parsed = parsed
        self.location = location
        self.kind = kind
    }

    /// Hashes the text, location and kind (the parsed tree follows from the text).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(expression)
        hasher.combine(location)
        hasher.combine(kind)
    }
}

/// The budgets the live checks measure against.
public struct LiveBudgets: Sendable, Hashable {
    /// The most series one selector of a query may select (`count(selector)`); 10,000 by default.
    ///
    /// Source: Grafana panels become unusable long before that many lines, and a query over more
    /// series than this is a noticeable share of a default Prometheus' per-query sample limit
    /// (`--query.max-samples` 50,000,000 over a range of a few thousand steps).
    public var seriesPerSelector: Int
    /// The most series a recording rule may write (`count(expr)`); 5,000 by default, the same as
    /// the static `series-budget` rule's `seriesBudgetPerRecordingRule`.
    ///
    /// Recording rules exist to pre-aggregate for dashboards and alerts; an output larger than
    /// this usually keeps a label (`instance`, `pod`, `path`) that the level should drop.
    public var seriesPerRecordingRule: Int
    /// The most distinct values one label of a metric may have; 100 by default.
    ///
    /// Source: Prometheus' instrumentation guidelines ("keep the cardinality of your metrics
    /// below 10 … for metrics that exceed that, aim to limit them to a handful across your whole
    /// system"); 100 leaves room for `instance`/`pod` labels of a mid-size deployment while
    /// catching ids, paths and error strings.
    public var valuesPerLabel: Int
    /// The values a `code`-like label (`code`, `status_code`, `http_code`, `grpc_code`) may take;
    /// nil for `LiveBudgets.defaultAllowedCodes`.
    public var allowedCodes: Set<String>?
    /// The most series a metric may have, by metric name (`budgets.metrics` of `.periscope.yaml`):
    /// each metric a query selects that has a budget is measured whole, `count({__name__="m"})`.
    /// Empty by default: no metric has a budget of its own.
    public var seriesPerMetric: [String: Int]
    /// The most distinct values a label may have, by label name, on any metric
    /// (`budgets.labels`); a label not listed gets `valuesPerLabel`.
    public var valuesByLabel: [String: Int]

    /// Creates budgets; every argument has the default documented on its property.
    public init(seriesPerSelector: Int = 10_000, seriesPerRecordingRule: Int = 5_000, valuesPerLabel: Int = 100, allowedCodes: Set<String>? = nil,
                seriesPerMetric: [String: Int] = [:], valuesByLabel: [String: Int] = [:]) {
        self.seriesPerSelector = seriesPerSelector
        self.seriesPerRecordingRule = seriesPerRecordingRule
        self.valuesPerLabel = valuesPerLabel
        self.allowedCodes = allowedCodes
        self.seriesPerMetric = seriesPerMetric
        self.valuesByLabel = valuesByLabel
    }

    /// The value budget of `label`: its own (`valuesByLabel`), else `valuesPerLabel`.
    public func valueBudget(of label: String) -> Int { valuesByLabel[label] ?? valuesPerLabel }

    /// The default allow-list of `code` values: the HTTP status codes of IANA's registry
    /// (RFC 9110 and its extensions), the classes `1xx`…`5xx`, and gRPC's status code names
    /// (`OK`, `Canceled`, … `Unauthenticated`, as grpc-go's `codes.Code.String()` writes them).
    public static let defaultAllowedCodes: Set<String> = {
        var codes: Set<String> = ["1xx", "2xx", "3xx", "4xx", "5xx"]
        let http = [100, 101, 102, 103] + Array(200...208) + [226] + Array(300...308) + Array(400...418) + Array(421...426)
            + [428, 429, 431, 451] + Array(500...508) + [510, 511]
        for code in http { codes.insert(String(code)) }
        for name in ["OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied",
                     "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable",
                     "DataLoss", "Unauthenticated"] {
            codes.insert(name)
        }
        return codes
    }()

    /// The allow-list in force.
    public var effectiveAllowedCodes: Set<String> { allowedCodes ?? Self.defaultAllowedCodes }

    /// Whether a label holds a status code and is checked against the allow-list.
    public static func isCodeLabel(_ name: String) -> Bool {
        name == "code" || name == "status_code" || name == "http_code" || name == "grpc_code" || name == "response_code"
    }
}

/// The stable ids of the live checks' diagnostics.
public enum LiveDiagnosticID {
    /// The server cannot be reached, does not answer in time, or does not answer as Prometheus does; nothing was measured.
    public static let serverUnreachable: DiagnosticID = "live-unreachable"
    /// A selector of a query selects more series than `LiveBudgets.seriesPerSelector`.
    public static let seriesOverBudget: DiagnosticID = "live-series-over-budget"
    /// A recording rule's output (`count(expr)`) is larger than `LiveBudgets.seriesPerRecordingRule`.
    public static let ruleOutputOverBudget: DiagnosticID = "live-rule-output-over-budget"
    /// A metric a query selects has more series than its budget (`LiveBudgets.seriesPerMetric`).
    public static let metricSeriesOverBudget: DiagnosticID = "live-metric-series-over-budget"
    /// A metric a query selects has no series on the server.
    public static let metricMissing: DiagnosticID = "live-metric-missing"
    /// A label of a metric a query selects has more values than its budget (`LiveBudgets.valueBudget(of:)`).
    public static let labelValuesOverBudget: DiagnosticID = "live-label-values-over-budget"
    /// A `code` label has values outside `LiveBudgets.allowedCodes` (error strings, odd codes).
    public static let codeValuesUnexpected: DiagnosticID = "live-code-values-unexpected"
    /// The server could not answer one measurement (a query timed out or was refused); the others went on.
    public static let queryFailed: DiagnosticID = "live-query-failed"

    /// Every id of a finding the live checks report (not `serverUnreachable`, which ends the run), in order.
    public static let findings: [DiagnosticID] = [
        codeValuesUnexpected, labelValuesOverBudget, metricMissing, metricSeriesOverBudget, queryFailed, ruleOutputOverBudget, seriesOverBudget,
    ]
}

import PeriscopeDSL

/// A check of `periscope lint --prometheus URL`: measured on a running server by
/// `PeriscopeLive.LiveChecker`, not read from the files, so it has no `check` of its own. Its
/// findings go through the same engine as the rules' (`LintEngine.entries(for:in:)`): severity
/// overrides and `off` in `.periscope.yaml`, exceptions, suppressions, Swift locations.
public struct LiveCheck: LintCheck {
    public let id: DiagnosticID
    public let category = LintCategory.live
    public let defaultSeverity: Diagnostic.Severity
    public let doc: LintRuleDoc

    /// Creates the description of a live check.
    public init(id: DiagnosticID, defaultSeverity: Diagnostic.Severity = .warning, doc: LintRuleDoc) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.doc = doc
    }

    /// Every live check, in id order; the ids are `PeriscopeLive.LiveDiagnosticID.findings`.
    public static let all: [LiveCheck] = [
        LiveCheck(id: "live-code-values-unexpected", doc: LintRuleDoc(
            summary: "A code label holds only HTTP status codes, their classes (2xx) or gRPC code names.",
            why: """
                A `code` label (also `status_code`, `http_code`, `grpc_code`, `response_code`) is meant to hold a \
                small closed set. Error strings or odd numbers written into it by a client library or a proxy turn \
                every new error message into new series and break `code=~"5.."` selectors. The allow-list is IANA's \
                HTTP status code registry, the classes 1xx to 5xx and gRPC's code names.
                """,
            bad: "http_requests_total{code=\"connection reset by peer\"}",
            good: "http_requests_total{code=\"unknown\"}",
            fix: "Map errors that have no status code to one value (such as `unknown`) where the metric is instrumented."
        )),
        LiveCheck(id: "live-label-values-over-budget", doc: LintRuleDoc(
            summary: "No label of a metric a query selects has more values than its budget (100 by default).",
            why: """
                Each value of each label is one more series of the metric, in every environment, kept for the whole \
                retention. Prometheus' instrumentation guide asks to keep label cardinality below 10 where possible; \
                ids, paths and error strings in a label are the usual cause of a cardinality incident. Measured with \
                `count by (label) ({__name__="metric"})`; the finding shows a sample of the values and, when they \
                differ only in ids (`/user/1234/profile`), the template to normalise them to.
                """,
            bad: "http_requests_total{path=\"/user/1234/profile\"}   # path: 80,000 values",
            good: "http_requests_total{route=\"/user/:id/profile\"}  # route: 40 values",
            fix: """
                Normalise the values where the metric is instrumented, drop the label with `metric_relabel_configs`, \
                or raise the label's budget in .periscope.yaml (`budgets.labels` or `budgets.valuesPerLabel`) if \
                the size is intended.
                """
        )),
        LiveCheck(id: "live-metric-missing", doc: LintRuleDoc(
            summary: "Every metric a query selects exists on the server.",
            why: """
                A query over a metric the server never had returns nothing: the panel shows "No data" and the alert \
                can never fire, silently. The usual causes are a typo, a renamed metric after an exporter upgrade \
                (`node_cpu` → `node_cpu_seconds_total`), or a recording rule that is not deployed. Checked against \
                `/api/v1/label/__name__/values`, which covers the whole retention.
                """,
            bad: "rate(node_cpu[5m])",
            good: "rate(node_cpu_seconds_total[5m])",
            fix: "Fix the metric name, deploy the exporter or recording rule that writes it, or point lint at the server that has it."
        )),
        LiveCheck(id: "live-metric-series-over-budget", doc: LintRuleDoc(
            summary: "A metric with a budget of its own (budgets.metrics) has no more series than that.",
            why: """
                Some metrics are known to be expensive (histograms with many buckets, per-pod metrics); a budget per \
                metric in .periscope.yaml catches their growth before it costs memory on every Prometheus and \
                time in every query that reads them. Measured with `count({__name__="metric"})`; the finding names \
                the labels with the most values.
                """,
            bad: "budgets: {metrics: {http_request_duration_seconds_bucket: 20000}}   # measured: 61,440 series",
            good: "fewer buckets, or the path label replaced by a route template: 12,000 series",
            fix: "Drop or normalise the label with the most values, remove buckets, or raise the metric's budget if the size is intended."
        )),
        LiveCheck(id: "live-query-failed", doc: LintRuleDoc(
            summary: "Every measurement of the live checks could be made.",
            why: """
                A measurement that times out or is refused (a query the server cannot run, a limit such as \
                `query.max-samples`) leaves that part of the live checks unverified; the others go on. A query the \
                server refuses to count within the timeout is often itself too expensive for a dashboard.
                """,
            bad: "count(http_requests_total)   # timed out after 10 s",
            good: "count(http_requests_total{job=\"api\"})",
            fix: "Raise --timeout, narrow the query's selectors, or check the server's logs for why it refused the query."
        )),
        LiveCheck(id: "live-rule-output-over-budget", doc: LintRuleDoc(
            summary: "A recording rule writes no more series than the budget (budgets.seriesPerRecordingRule, 5,000).",
            why: """
                Recording rules exist to pre-aggregate for dashboards and alerts, and what they write is stored for \
                the whole retention. An output that large usually keeps a label (`instance`, `pod`, `path`) that the \
                rule's level should have aggregated away. Measured with `count(expr)` of the rule's expression.
                """,
            bad: "- record: job:http_requests:rate5m\n  expr: sum by (job, path) (rate(http_requests_total[5m]))",
            good: "- record: job:http_requests:rate5m\n  expr: sum by (job) (rate(http_requests_total[5m]))",
            fix: "Aggregate to the labels the rule's level names, or raise budgets.seriesPerRecordingRule if the size is intended."
        )),
        LiveCheck(id: "live-series-over-budget", doc: LintRuleDoc(
            summary: "No selector of a query selects more series than the budget (budgets.seriesPerQuery, 10,000).",
            why: """
                Every series a selector matches is read on each evaluation or panel refresh; Grafana panels become \
                unreadable long before 10,000 lines, and queries that wide make rule groups miss their interval. \
                Measured with `count(selector)`, each distinct selector once; matchers on Grafana variables are left \
                out, so the figure is the dashboard's "All" (the worst case).
                """,
            bad: "rate(http_requests_total[5m])   # 48,000 series",
            good: "rate(http_requests_total{job=\"api\", env=\"prod\"}[5m])",
            fix: "Add `=` matchers for what the query needs, aggregate in a recording rule, or raise budgets.seriesPerQuery."
        )),
    ]
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `label-values-budget`: a query reads a metric one of whose labels has more values than its
/// budget, as measured in the metrics inventory.
///
/// The values are the inventory's measured `values` (a label listed with only `max` has no
/// measurement and is not checked). The budget is the label's entry in `budgets.labels` of
/// .periscope.yaml when there is one (it wins: a team's decision for every metric), else the
/// inventory's `max` for that metric's label. Each metric and label is reported once per file,
/// at the first query of the file that reads the metric. Without an inventory nothing is checked.
public struct LabelValuesBudgetRule: LintRule {
    public let id: DiagnosticID = "label-values-budget"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Metrics a query reads have no label with more values than its budget, measured in metrics.yaml.",
        why: """
            Each value of a label is one more series of the metric, stored for the whole retention and read by \
            every query that selects it. Prometheus' instrumentation guide asks to keep label cardinality below \
            10 where possible; ids, raw paths and error strings in a label are the usual cause of a cardinality \
            incident, and the dashboards and rules reading the metric are where the cost shows first. The \
            inventory (`periscope inventory` writes it from a live server) records each label's measured values \
            and its budget `max`; `budgets.labels` in .periscope.yaml sets a budget per label name for every metric.
            """,
        bad: "# metrics.yaml: http_requests_total: {labels: {path: {values: 950, max: 100}}}\nsum by (code) (rate(http_requests_total[5m]))",
        good: "# the path label normalised to routes: {route: {values: 40, max: 100}}\nsum by (code) (rate(http_requests_total[5m]))",
        fix: """
            Normalise the label's values where the metric is instrumented (`/user/1234` → `/user/:id`), drop it \
            with `metric_relabel_configs`, or raise its budget (`max` in metrics.yaml, or `budgets.labels` in \
            .periscope.yaml) when the size is intended.
            """
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        guard let inventory = input.options.inventory else { return }
        var reported: Set<String> = []
        for query in input.queries {
            guard let expr = query.expression else { continue }
            let subject = input.subject(of: query)
            for reference in expr.selectors {
                guard let name = reference.metricName?.string, let family = inventory.family(of: name)?.metric else { continue }
                for label in family.sortedLabels {
                    guard let values = label.values else { continue }
                    let configured = input.options.valueBudgetPerLabel[label.name]
                    let budget = configured ?? label.maximumValues
                    guard values > budget, reported.insert("\(subject.file)\u{0}\(family.name)\u{0}\(label.name)").inserted else { continue }
                    let source = configured != nil ? "budgets.labels in .periscope.yaml" : "its max in the metrics inventory"
                    findings.report(
                        "metric '\(family.name)' has \(values) values of label '\(label.name)', over the budget of \(budget) (\(source))",
                        at: input.location(of: query, atByte: reference.range.lowerBound), subject: subject,
                        notes: ["measured when the inventory was written; normalise the values or drop the label where the metric is instrumented"])
                }
            }
        }
    }
}

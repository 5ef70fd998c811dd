import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `recording-rule-keeps-all-labels`: a recording rule whose result keeps every label of its
/// input series, so it stores as many series as it reads.
///
/// By label flow: the result is an open label set (the input's own labels) from which at most
/// `__name__` is removed. That is an aggregation with `without ()` (or `without` naming only
/// labels already absent), or an expression with no aggregation on the way from its selectors
/// to the result (`rate(x[5m])`, `x * 100`) that reads raw series. An expression over other
/// recording rules' outputs (`job:a:rate5m / job:b:rate5m`) is aggregated already and is not
/// reported; nor are `topk`/`bottomk`, which keep labels but select a bounded number of series.
public struct RecordingRuleKeepsAllLabelsRule: LintRule {
    public let id: DiagnosticID = "recording-rule-keeps-all-labels"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Recording rules aggregate: their result does not keep every label of the input (`without ()` or no aggregation).",
        why: """
            A recording rule is evaluated and stored for ever; Prometheus' recording rule guide names rules \
            `level:metric:operations` where the level lists the labels kept, and aggregates to that level. A \
            rule that keeps every input label (`sum without () (…)`, or `rate(x[5m])` with no aggregation) \
            writes one new series per input series: it doubles the storage of the metric, and any \
            high-cardinality label of the input is recorded again.
            """,
        bad: "- record: http_requests:rate5m\n  expr: rate(http_requests_total[5m])",
        good: "- record: job:http_requests:rate5m\n  expr: sum by (job) (rate(http_requests_total[5m]))",
        fix: "Aggregate to the labels the consumers need (`sum by (job, route)`), or drop the labels you do not need with `without (instance, pod)`. A per-series rate that is really wanted can be suppressed with a reason."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard input.ruleKind(of: input.queries[index]) == .record else { continue }
            let query = input.queries[index]
            guard let expr = query.expression, let rule = input.ruleContext(of: query) else { continue }
            var reported = false
            expr.walk { node in
                guard case .aggregate(let aggregate) = node, aggregate.without else { return true }
                guard keepsEverything(aggregate.expr.resultLabels, dropping: aggregate.grouping) else { return true }
                findings.report(
                    "recording rule '\(rule.rule.name.value)' keeps every label: `\(aggregate.op.rawValue) without (\(aggregate.grouping.map(\.text).joined(separator: ", ")))` removes none of its input's labels",
                    at: input.location(of: query, atByte: aggregate.range.lowerBound), subject: rule.subject)
                reported = true
                return false
            }
            guard !reported, !containsAggregation(expr) else { continue }
            let labels = expr.resultLabels
            guard keepsEverything(labels, dropping: []), readsRawSeries(expr) else { continue }
            findings.report(
                "recording rule '\(rule.rule.name.value)' aggregates nothing: it records one series per input series, with every input label",
                at: input.location(of: query, atByte: 0), subject: rule.subject,
                notes: ["aggregate to the labels the rule's level names, e.g. sum by (job) (…)"])
        }
    }

    /// Whether an open label set loses nothing but `__name__` and labels in `dropping` that the
    /// input never had.
    private func keepsEverything(_ labels: LabelSet, dropping: [PromQLString]) -> Bool {
        guard case .open(let including, let excluding) = labels else { return false }
        // Labels the input is known to lack (`x{a=""}`) are no loss when named in `without`.
        return dropping.allSatisfy { $0 == "__name__" || excluding.contains($0) && !including.contains($0) }
    }

    private func containsAggregation(_ expr: Expr) -> Bool {
        var found = false
        expr.walk { node in
            if case .aggregate = node { found = true }
            return !found
        }
        return found
    }

    /// Whether a selector reads raw series: one whose metric name is not a recording rule's
    /// (`level:metric:operations` names hold a `:`, and are aggregated already), or is unknown.
    private func readsRawSeries(_ expr: Expr) -> Bool {
        expr.selectors.contains { reference in
            guard let name = reference.metricName else { return true }
            return !name.bytes.contains(UInt8(ascii: ":"))
        }
    }
}

import PeriscopeDSL
import PromQL

/// `histogram-quantile-le`: `histogram_quantile` (and `histogram_fraction`) over classic
/// `_bucket` series keeps the `le` label.
///
/// By label flow: the histogram argument's result must be able to carry `le`. A `by (…)` that
/// omits it, `without (le)`, or a `sum` with no grouping drops it: the quantile of a single
/// bucket is NaN. An argument whose labels are not known statically (a plain selector) is
/// fine, and so is a native histogram (no `_bucket` series), which has no `le`.
public struct HistogramQuantileLeRule: LintRule {
    public let id: DiagnosticID = "histogram-quantile-le"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.error
    public let doc = LintRuleDoc(
        summary: "`histogram_quantile` over `_bucket` series keeps the `le` label through aggregations.",
        why: """
            A classic histogram is one series per bucket, told apart by `le`. histogram_quantile() interpolates \
            between the buckets of each group, so it needs them: Prometheus' documentation: "use \
            histogram_quantile(0.9, sum by (le) (rate(…_bucket[10m])))", and "the le label must be kept". When \
            an aggregation drops `le`, every bucket is summed into one series and the function returns NaN \
            (or nothing) — a panel that shows no data, an alert that never fires.
            """,
        bad: "histogram_quantile(0.99, sum by (job) (rate(http_request_duration_seconds_bucket[5m])))",
        good: "histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))",
        fix: "Add `le` to the `by (…)` list (or remove it from `without (…)`)."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard input.queries[index].mentions("histogram_") else { continue }
            let query = input.queries[index]
            guard let expr = query.expression, query.hasExactLabelNames else { continue }
            expr.walk { node in
                guard case .call(let call) = node,
                      call.function.name == "histogram_quantile" || call.function.name == "histogram_fraction",
                      let argument = call.args.last else { return true }
                guard readsBuckets(argument) else { return true }
                let labels = argument.resultLabels
                guard labels.survival(of: "le") == .no else { return true }
                findings.report(
                    "\(call.function.name)() over _bucket series whose 'le' label is dropped (the argument keeps \(describeLabels(labels.carriedLabels))): the result is NaN",
                    at: input.location(of: query, atByte: call.range.lowerBound), subject: input.subject(of: query),
                    notes: ["keep le in the aggregation: sum by (…, le) (…)"])
                return true
            }
        }
    }

    /// Whether the argument reads classic bucket series (`…_bucket`, or a recording rule's
    /// output named after them, `job:x_bucket:rate5m`).
    private func readsBuckets(_ argument: Expr) -> Bool {
        argument.selectors.contains { reference in
            guard let name = reference.metricName?.string else { return false }
            return name.hasSuffix("_bucket") || name.contains("_bucket:")
        }
    }
}

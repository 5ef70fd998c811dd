import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `counter-total-suffix`: a counter read by `rate`, `irate` or `increase` is named with the
/// `_total` suffix, as the metrics inventory types it (`counter`). Without an inventory the
/// type is not known, and `rate-on-non-counter` judges names instead.
public struct CounterTotalSuffixRule: LintRule {
    public let id: DiagnosticID = "counter-total-suffix"
    public let category = LintCategory.naming
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Counters used in `rate`/`irate`/`increase` end in `_total` (needs a metrics inventory).",
        why: """
            Prometheus' naming guide: "an accumulating count has total as a suffix, in addition to the unit if \
            applicable", and OpenMetrics requires counter samples to be named `<family>_total`. The suffix is \
            what tells a reader — and tools such as Prometheus' own "might not be a counter" annotation and \
            this linter without an inventory — that `rate()` applies. A counter without it is taken for a \
            gauge; newer client libraries and the OpenTelemetry translator add `_total` anyway, so the old name \
            disappears in a migration.
            """,
        bad: "rate(http_requests[5m])   # counter in metrics.yaml",
        good: "rate(http_requests_total[5m])",
        fix: "Rename the counter at its source (`http_requests_total`); keep both names during the migration with a recording rule if dashboards depend on the old one."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        guard let inventory = input.options.inventory else { return }
        for index in input.queries.indices {
            guard input.queries[index].mentions("rate") || input.queries[index].mentions("increase") else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            expr.walk { node in
                guard case .call(let call) = node, CounterNames.counterFunctions.contains(call.function.name),
                      case .matrixSelector(let matrix)? = call.args.first?.unwrapped,
                      let name = SelectorReference.metricNameOf(matrix.vectorSelector)?.string, !name.hasSuffix("_total"),
                      let match = inventory.family(of: name), match.metric.type == .counter, match.suffix != "_created" else { return true }
                findings.report(
                    "counter '\(name)' is read by \(call.function.name)() but does not end in _total",
                    at: input.location(of: query, atByte: matrix.range.lowerBound), subject: input.subject(of: query),
                    notes: ["the metrics inventory types '\(match.metric.name)' as a counter; name it '\(name)_total'"])
                return true
            }
        }
    }
}

import PeriscopeDSL
import PromQL
import PeriscopeModel

/// `range-too-short`: the range of `rate`-like functions (and of subqueries) is at least four
/// scrape intervals (`LintOptions.scrapeIntervalSeconds`); a subquery's range is also at least
/// four of its steps.
///
/// Ranges written with a Grafana variable (`[$__rate_interval]`, `[$window]`) are not judged:
/// Grafana computes `$__rate_interval` as at least four scrape intervals by construction.
public struct RangeTooShortRule: LintRule {
    public let id: DiagnosticID = "range-too-short"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Ranges of rate-like functions and subqueries cover at least 4 scrape intervals.",
        why: """
            rate() needs two samples in its window, and one scrape can fail or arrive late: with a range of \
            one or two scrape intervals the result has gaps or jumps whenever a sample is missing. Grafana's \
            $__rate_interval is max(4 × scrape interval, step + scrape interval) for this reason (Grafana \
            blog "$__rate_interval for Prometheus rate queries that just work"), and Robust Perception \
            recommends a range of at least four scrape intervals. A subquery samples its inner expression \
            every step, so its range needs four steps just the same.
            """,
        bad: "rate(http_requests_total[1m])   # scrape interval 60s",
        good: "rate(http_requests_total[5m])",
        fix: "Use a range of at least 4 × the scrape interval (in dashboards, `[$__rate_interval]`); set `prometheus.scrapeInterval` in the environment if the interval is not the 1m default."
    )

    /// The functions whose range vector is sampled from scraped series.
    static let rangeFunctions: Set<String> = [
        "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear", "resets", "changes",
        "holt_winters", "double_exponential_smoothing",
        "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time",
        "stddev_over_time", "stdvar_over_time", "mad_over_time",
    ]

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let scrape = input.options.scrapeIntervalSeconds
        guard scrape > 0 else { return }
        let minimum = 4 * scrape
        for index in input.queries.indices {
            guard input.queries[index].hasLiteralRange else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            expr.walk { node in
                switch node {
                case .call(let call) where RangeTooShortRule.rangeFunctions.contains(call.function.name):
                    for argument in call.args {
                        guard case .matrixSelector(let matrix) = argument.unwrapped, matrix.rangeExpression == nil else { continue }
                        let seconds = matrix.rangeDuration.seconds
                        guard seconds < minimum, !variable(in: matrix.bracketsRange, query) else { continue }
                        findings.report(
                            "\(call.function.name)() over \(format(seconds)) is shorter than 4 scrape intervals (\(format(minimum)) at a \(format(scrape)) scrape interval)",
                            at: input.location(of: query, atByte: matrix.bracketsRange.lowerBound), subject: input.subject(of: query),
                            notes: ["use at least [\(format(minimum))], or [$__rate_interval] in Grafana"])
                    }
                case .subquery(let subquery) where subquery.rangeExpression == nil:
                    guard !variable(in: subquery.bracketsRange, query) else { break }
                    let seconds = subquery.rangeDuration.seconds
                    if seconds < minimum {
                        findings.report(
                            "subquery range \(format(seconds)) is shorter than 4 scrape intervals (\(format(minimum)) at a \(format(scrape)) scrape interval)",
                            at: input.location(of: query, atByte: subquery.bracketsRange.lowerBound), subject: input.subject(of: query))
                    } else if let step = subquery.step, subquery.stepExpression == nil, step.seconds > 0, seconds < 4 * step.seconds {
                        findings.report(
                            "subquery range \(format(seconds)) holds fewer than 4 steps of \(format(step.seconds))",
                            at: input.location(of: query, atByte: subquery.bracketsRange.lowerBound), subject: input.subject(of: query),
                            notes: ["use a step of at most \(format(seconds / 4))"])
                    }
                default:
                    break
                }
                return true
            }
        }
    }

    private func variable(in range: Range<Int>, _ query: LintQuery) -> Bool {
        GrafanaVariables.isSubstituted(range, text: query.text, parsedText: query.parsedText)
    }

    /// A duration as Prometheus writes it (`90s` as `1m30s`).
    private func format(_ seconds: Double) -> String {
        PromDuration(seconds: seconds).prometheusText
    }
}

import PeriscopeDSL
import PromQL

/// `promql-syntax`: every expression parses at the environment's PromQL target.
///
/// The parse happens once, in the engine (``LintQuery/parseError``); this rule reports the
/// parser's message at the offending line and column inside the expression.
public struct PromQLSyntaxRule: LintRule {
    public let id: DiagnosticID = "promql-syntax"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.error
    public let doc = LintRuleDoc(
        summary: "PromQL expressions parse at the environment's Prometheus version (`prometheus.target`).",
        why: """
            Prometheus refuses to load a rule file with an expression it cannot parse (promtool check rules \
            fails, the reload keeps the old rules), and Grafana shows an error instead of the panel. Syntax \
            new in Prometheus 3 (quoted UTF-8 names such as {"my.metric"}, `info()`) fails on a 2.x server, \
            so expressions are parsed in the dialect of the environment's target.
            """,
        bad: "- alert: HighErrorRate\n  expr: sum(rate(http_requests_total[5m]) > 0.1",
        good: "- alert: HighErrorRate\n  expr: sum(rate(http_requests_total[5m])) > 0.1",
        fix: "Correct the expression at the reported column; for 3.x-only syntax, raise the environment's `prometheus.target` to 3 or rewrite it in 2.x syntax."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard let error = input.queries[index].parseError else { continue }
            let query = input.queries[index]
            let target = input.options.target.displayName
            findings.report(
                "invalid PromQL at Prometheus \(target): \(error.message)",
                at: input.location(of: query, atByte: error.range.lowerBound), subject: input.subject(of: query))
        }
    }
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `high-cardinality-label`: a label from the deny-list (`highCardinalityLabels`) is kept by an
/// aggregation, brought in by `group_left`/`group_right`, created (`label_replace`,
/// `label_join`, `count_values`), or set as a static label of a recording or alerting rule.
///
/// Names match whatever the case and separators (`traceID`, `TraceId`, `trace_id`). A label
/// that merely may survive (a selector's labels, unknown statically) is not reported: only
/// what the expression or the rule names.
public struct HighCardinalityLabelRule: LintRule {
    public let id: DiagnosticID = "high-cardinality-label"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "High-cardinality labels (user_id, request_id, trace_id, path, …) are not kept in `by`, `group_left`/`group_right`, rule outputs or alert labels.",
        why: """
            Every distinct label value is a new series. Prometheus' instrumentation guide: "Do not use labels \
            to store dimensions with high cardinality (many different label values), such as user IDs, email \
            addresses, or other unbounded sets of values." A `by (user_id)` in a recording rule stores one \
            series per user for ever; in a dashboard it returns more series than Grafana can draw; in an \
            alert it fires one notification per user. The deny-list is `highCardinalityLabels` in \
            .periscope.yaml (default: user_id, request_id, trace_id, span_id, session_id, email, ip, client_ip, \
            path, url, uri), compared without case and separators.
            """,
        bad: "- record: route:http_requests:rate5m\n  expr: sum by (route, user_id) (rate(http_requests_total[5m]))",
        good: "- record: route:http_requests:rate5m\n  expr: sum by (route) (rate(http_requests_total[5m]))",
        fix: "Aggregate the label away (`by` without it, or `without (user_id)`); for per-user investigation use logs or traces. If the label is bounded in your system, remove it from `highCardinalityLabels`."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let denied = HighCardinalityLabels(input.options.highCardinalityLabels)
        let deniedNames = denied.normalizedSet
        var scratch: [UInt8] = []
        for index in input.queries.indices {
            // Only an expression that names a denied label can keep one.
            guard input.queries[index].mentionsAny(deniedNames, scratch: &scratch) else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            let before = findings.findings.count
            check(expr, of: query, in: input, denied: denied, into: &findings)
            if findings.findings.count == before, input.ruleKind(of: query) == .record, let rule = input.ruleContext(of: query) {
                checkOutput(expr, of: query, rule: rule, in: input, denied: denied, into: &findings)
            }
        }
        for file in input.ruleFiles {
            for group in file.groups {
                for rule in group.rules {
                    let kind = rule.kind == .alert ? "alert" : "recording rule"
                    for label in rule.labels {
                        guard let entry = denied.match(label.name), let location = label.nameLocation ?? label.value.location else { continue }
                        findings.report(
                            "\(kind) '\(rule.name.value)' sets the high-cardinality label '\(label.name)'\(entry == label.name ? "" : " (matches '\(entry)')") in its output",
                            at: location, subject: LintSubject(file: file.path, group: group.name.value, name: rule.name.value))
                    }
                }
            }
        }
    }

    private func check(_ expr: Expr, of query: LintQuery, in input: LintInput, denied: HighCardinalityLabels, into findings: inout LintFindings) {
        expr.walk { node in
            switch node {
            case .aggregate(let aggregate):
                if !aggregate.without {
                    for label in aggregate.grouping {
                        guard let entry = denied.match(label) else { continue }
                        report(label, entry, "kept by `\(aggregate.op.rawValue) by (…)`", at: aggregate.range.lowerBound, query, input, &findings)
                    }
                }
                if aggregate.op == .countValues, case .string(let literal)? = aggregate.param?.unwrapped, let entry = denied.match(literal.value) {
                    report(literal.value, entry, "created by `count_values`", at: literal.range.lowerBound, query, input, &findings)
                }
            case .binary(let binary):
                guard let matching = binary.matching, matching.cardinality == .manyToOne || matching.cardinality == .oneToMany else { break }
                let modifier = matching.cardinality == .manyToOne ? "group_left" : "group_right"
                for label in matching.include {
                    guard let entry = denied.match(label) else { continue }
                    report(label, entry, "brought in by `\(modifier)(…)`", at: binary.operatorRange.lowerBound, query, input, &findings)
                }
            case .call(let call) where call.function.name == "label_replace" || call.function.name == "label_join":
                if call.args.count > 1, case .string(let literal) = call.args[1].unwrapped, let entry = denied.match(literal.value) {
                    report(literal.value, entry, "created by `\(call.function.name)`", at: literal.range.lowerBound, query, input, &findings)
                }
            default:
                break
            }
            return true
        }
    }

    /// A recording rule whose result keeps a deny-listed label that a selector requires
    /// (`x{user_id!=""}`, `x{user_id=~".+"}`) without pinning it to one value with `=`.
    private func checkOutput(_ expr: Expr, of query: LintQuery, rule: RuleContext, in input: LintInput, denied: HighCardinalityLabels, into findings: inout LintFindings) {
        let carried = expr.resultLabels.carriedLabels
        guard !carried.isEmpty else { return }
        var pinned: Set<PromQLString> = []
        for reference in expr.selectors {
            for matcher in reference.selector.matchers where matcher.type == .equal { pinned.insert(matcher.name) }
        }
        for label in carried.sorted() where !pinned.contains(label) {
            guard let entry = denied.match(label) else { continue }
            let name = label.text
            findings.report(
                "recording rule '\(rule.rule.name.value)' keeps the high-cardinality label '\(name)'\(entry == name ? "" : " (matches '\(entry)')") in its output: one series per value",
                at: input.location(of: query, atByte: 0), subject: rule.subject)
        }
    }

    private func report(_ label: PromQLString, _ entry: String, _ how: String, at offset: Int, _ query: LintQuery, _ input: LintInput, _ findings: inout LintFindings) {
        let name = label.text
        findings.report(
            "high-cardinality label '\(name)'\(entry == name ? "" : " (matches '\(entry)')") \(how): one series per value",
            at: input.location(of: query, atByte: offset), subject: input.subject(of: query))
    }
}

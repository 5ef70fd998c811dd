import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `reserved-label-name`: rules do not write labels starting with `__`: static labels of
/// recording and alerting rules and of groups, and the destination of `label_replace`,
/// `label_join` and `count_values` in a rule's expression.
///
/// `label_replace(…, "__name__", …)` in a rule is reported too: renaming the metric in a rule
/// is what `record:` is for. Dashboard queries may use `__`-labels in transient results.
public struct ReservedLabelRule: LintRule {
    public let id: DiagnosticID = "reserved-label-name"
    public let category = LintCategory.naming
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Rules write no labels starting with `__` (reserved for Prometheus' internal use).",
        why: """
            Prometheus' data model: "Label names beginning with __ (two underscores) are reserved for \
            internal use." Relabelling drops `__`-labels after scraping, remote-write receivers and \
            Alertmanager may drop or reject them, and `__name__` as a rule label is refused by promtool \
            ("invalid label name"). A label meant to be stored needs a normal name.
            """,
        bad: "- record: job:up:sum\n  expr: sum by (job) (up)\n  labels:\n    __tier: gold",
        good: "- record: job:up:sum\n  expr: sum by (job) (up)\n  labels:\n    tier: gold",
        fix: "Rename the label without the leading `__`."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for file in input.ruleFiles {
            for group in file.groups {
                for label in group.labels where label.name.hasPrefix("__") {
                    guard let location = label.nameLocation ?? label.value.location else { continue }
                    findings.report("group '\(group.name.value)' sets the reserved label '\(label.name)'", at: location,
                                    subject: LintSubject(file: file.path, group: group.name.value))
                }
                for rule in group.rules {
                    for label in rule.labels where label.name.hasPrefix("__") {
                        guard let location = label.nameLocation ?? label.value.location else { continue }
                        findings.report("\(rule.kind == .alert ? "alert" : "recording rule") '\(rule.name.value)' sets the reserved label '\(label.name)'",
                                        at: location, subject: LintSubject(file: file.path, group: group.name.value, name: rule.name.value))
                    }
                }
            }
        }
        for index in input.queries.indices {
            guard input.queries[index].origin.isRule, input.queries[index].mentions("\"__") || input.queries[index].mentions("'__") else { continue }
            let query = input.queries[index]
            guard let expr = query.expression, let rule = input.ruleContext(of: query) else { continue }
            expr.walk { node in
                var destination: StringLiteral?
                var function = ""
                switch node {
                case .call(let call) where (call.function.name == "label_replace" || call.function.name == "label_join") && call.args.count > 1:
                    if case .string(let literal) = call.args[1].unwrapped { destination = literal }
                    function = call.function.name
                case .aggregate(let aggregate) where aggregate.op == .countValues:
                    if case .string(let literal)? = aggregate.param?.unwrapped { destination = literal }
                    function = "count_values"
                default:
                    break
                }
                if let destination, destination.value.bytes.starts(with: [0x5F, 0x5F]) {
                    findings.report(
                        "\(function) in '\(rule.rule.name.value)' writes the reserved label '\(destination.value.text)'",
                        at: input.location(of: query, atByte: destination.range.lowerBound), subject: rule.subject)
                }
                return true
            }
        }
    }
}

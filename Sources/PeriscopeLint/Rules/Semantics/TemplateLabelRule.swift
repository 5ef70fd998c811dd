import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `template-label-missing`: an alerting rule's label or annotation template names a label
/// (`$labels.x`, `.Labels.x`, `index $labels "x"`) that the rule's expression cannot produce.
///
/// Label flow (`Expr.resultLabels`) decides, and only a certain answer is reported: a label is
/// missing when the flow knows it is absent (`sum by (job)` keeps only `job`; `absent(x{a="1"})`
/// keeps only `a`; `vector(1)` has none). When the expression keeps its input's labels (a
/// plain selector, `without (…)`), any other label may exist and nothing is reported.
///
/// The rule's own static labels are not in `$labels`: Prometheus builds the template data from
/// the sample's labels and adds the rule's labels afterwards (`rules/alerting.go`,
/// `AlertingRule.Eval`: `tmplData := template.AlertTemplateData(l, …)` from `smpl.Metric`,
/// then `lb.Set(l.Name, expand(l.Value))` for `r.labels`), so `{{ $labels.severity }}` in an
/// annotation is empty even when the rule sets `severity`. The rule's labels are therefore
/// not counted as present.
public struct TemplateLabelRule: LintRule {
    public let id: DiagnosticID = "template-label-missing"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Alert label and annotation templates name only labels the expression's result carries.",
        why: """
            `{{ $labels.instance }}` after `sum by (job) (…)` expands to an empty string: the aggregation \
            dropped `instance`. The page then says "High error rate on " and the on-call engineer has to \
            guess. Prometheus does not warn; it expands missing labels to "". Static labels of the rule are \
            not in $labels either: Prometheus expands templates with the sample's labels before it adds the \
            rule's labels (rules/alerting.go, AlertingRule.Eval). Label flow is exact where Prometheus is: \
            label_replace/label_join add a label, group_left/group_right bring labels in, absent() keeps only \
            its `=` matchers; when the labels cannot be known (a plain selector) nothing is reported.
            """,
        bad: "- alert: HighErrorRate\n  expr: sum by (job) (rate(errors_total[5m])) > 1\n  annotations:\n    summary: \"{{ $labels.instance }} fails\"",
        good: "- alert: HighErrorRate\n  expr: sum by (job, instance) (rate(errors_total[5m])) > 1\n  annotations:\n    summary: \"{{ $labels.instance }} fails\"",
        fix: "Keep the label in the aggregation (`by (job, instance)`), or use a label the result has."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard input.ruleKind(of: input.queries[index]) == .alert else { continue }
            let query = input.queries[index]
            guard let expr = query.expression, let rule = input.ruleContext(of: query) else { continue }
            var labels: LabelSet?
            for (kind, entries) in [("label", rule.rule.labels), ("annotation", rule.rule.annotations)] {
                for entry in entries where GoTemplate.containsAction(entry.value.value) {
                    let references = GoTemplate.references(in: entry.value.value)
                    for reference in references.labels {
                        if labels == nil { labels = expr.resultLabels }
                        guard let labels, labels.survival(of: PromQLString(reference.name)) == .no else { continue }
                        let location = entry.value.location(ofLine: reference.line, ruleColumn: rule.rule.location?.column) ?? query.location
                        let statics = rule.rule.labels.contains { $0.name == reference.name }
                            ? " (the rule's own label '\(reference.name)' is added after templates are expanded; it is not in $labels)" : ""
                        findings.report(
                            "\(kind) '\(entry.name)' of alert '\(rule.rule.name.value)' uses $labels.\(reference.name), which the expression does not produce (its result carries \(describeLabels(labels.carriedLabels)))\(statics)",
                            at: location, subject: rule.subject)
                    }
                }
            }
        }
    }
}

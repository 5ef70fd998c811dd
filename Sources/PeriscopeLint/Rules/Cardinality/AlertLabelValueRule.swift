import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `alert-label-value`: an alert's labels use the sample value (`$value`, `.Value`,
/// `humanize $value`, …) or a high-cardinality label (`$labels.user_id`); annotations may.
///
/// References are found with Go's template lexer (``GoTemplate/references(in:)``), not by
/// searching the text, so `$value` in plain text or inside a string is not counted.
public struct AlertLabelValueRule: LintRule {
    public let id: DiagnosticID = "alert-label-value"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.error
    public let doc = LintRuleDoc(
        summary: "Alert labels do not template the sample value (`$value`) or a high-cardinality label; annotations are the place for them.",
        why: """
            An alert's labels are its identity (Prometheus' alerting rules docs: labels identify the alert, \
            annotations carry informational text). A label that changes with every evaluation — `{{ $value }}` \
            — makes a new alert each time: the old one resolves, the new one starts its `for` again and \
            Alertmanager sends a fresh notification. pint reports the same (`alerts/template`: "Using $value in \
            labels will generate a new alert on every value change, move it to annotations"). A label templated \
            from a high-cardinality label multiplies alerts and notifications by its values.
            """,
        bad: "- alert: DiskFull\n  expr: disk_free_ratio < 0.1\n  labels:\n    free: \"{{ $value }}\"",
        good: "- alert: DiskFull\n  expr: disk_free_ratio < 0.1\n  annotations:\n    summary: \"{{ $value | humanizePercentage }} free\"",
        fix: "Move the value or the label into an annotation (summary, description); keep labels static or bounded (severity, team)."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let denied = HighCardinalityLabels(input.options.highCardinalityLabels)
        for file in input.ruleFiles {
            for group in file.groups {
                for rule in group.rules where rule.kind == .alert {
                    let subject = LintSubject(file: file.path, group: group.name.value, name: rule.name.value)
                    for label in rule.labels {
                        let references = GoTemplate.references(in: label.value.value)
                        if let line = references.valueLine, let location = label.value.location(ofLine: line, ruleColumn: rule.location?.column) {
                            findings.report(
                                "alert '\(rule.name.value)' label '\(label.name)' uses the sample value ($value): every change of the value makes a new alert",
                                at: location, subject: subject, notes: ["move it to an annotation"])
                        }
                        for reference in references.labels {
                            guard let entry = denied.match(reference.name),
                                  let location = label.value.location(ofLine: reference.line, ruleColumn: rule.location?.column) else { continue }
                            findings.report(
                                "alert '\(rule.name.value)' label '\(label.name)' uses the high-cardinality label '\(reference.name)'\(entry == reference.name ? "" : " (matches '\(entry)')"): one alert per value",
                                at: location, subject: subject, notes: ["move it to an annotation"])
                        }
                    }
                }
            }
        }
    }
}

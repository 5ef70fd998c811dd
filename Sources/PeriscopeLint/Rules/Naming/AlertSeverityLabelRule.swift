import PeriscopeDSL
import PeriscopeModel

/// `alert-severity-label`: every alert has a `severity` label from the allowed set.
public struct AlertSeverityLabelRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "alert-severity-label" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every alert has a 'severity' label whose value is in the allowed set (severities.allowed; default critical, warning, info).",
            why: "Alertmanager routes on labels: an alert without a known severity falls through to the default receiver, so it pages nobody or everybody. A fixed set (plus the values of the environment's alerting.severities) keeps routes complete.",
            bad: "alert: HighErrorRate\nlabels: { severity: sev1 }",
            good: "alert: HighErrorRate\nlabels: { severity: critical }",
            fix: "Set one of the allowed values, or add the value to severities.allowed in .periscope.yaml when your routing uses it.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let allowed = input.options.allowedSeverities
        for site in input.ruleSites where site.rule.kind == .alert {
            guard let label = site.rule.labels.first(where: { $0.name == "severity" }) else {
                findings.report("alert '\(site.rule.name.value)' has no 'severity' label (expected one of \(allowed.joined(separator: ", ")))",
                                at: site.location, subject: site.subject)
                continue
            }
            let value = label.value.value
            if !allowed.contains(value) && !value.contains("{{") {
                findings.report("alert '\(site.rule.name.value)' has severity '\(value)' (expected one of \(allowed.joined(separator: ", ")))\(KeySuggestion.hint(for: value, among: allowed))",
                                at: label.valueLocation ?? site.location, subject: site.subject)
            }
        }
    }
}

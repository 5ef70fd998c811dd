import PeriscopeDSL
import PeriscopeModel

/// `alert-runbook`: alerts that page carry a `runbook_url` annotation.
public struct AlertRunbookRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "alert-runbook" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Alerts whose severity pages (severities.paging; default critical, page) have a 'runbook_url' annotation.",
            why: "A page wakes someone up; the runbook says what to do. Google's SRE book and kube-prometheus (every alert links runbooks.prometheus-operator.dev) treat a paging alert without one as unfinished.",
            bad: "alert: HighErrorRate\nlabels: { severity: critical }",
            good: "alert: HighErrorRate\nlabels: { severity: critical }\nannotations: { runbook_url: https://runbooks.example.com/HighErrorRate }",
            fix: "Write the runbook and link it (.runbook(base:) in Swift). An alert that should not page gets a non-paging severity.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites where site.rule.kind == .alert {
            guard let severity = site.rule.label("severity"), input.options.pagingSeverities.contains(severity) else { continue }
            if (site.rule.annotation("runbook_url") ?? "").allSatisfy(\.isWhitespace) {
                findings.report("alert '\(site.rule.name.value)' pages (severity '\(severity)') but has no 'runbook_url' annotation",
                                at: site.location, subject: site.subject)
            }
        }
    }
}

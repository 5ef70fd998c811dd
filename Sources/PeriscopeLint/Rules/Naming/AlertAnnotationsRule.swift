import PeriscopeDSL
import PeriscopeModel

/// `alert-annotations`: every alert has `summary` and `description` annotations.
public struct AlertAnnotationsRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "alert-annotations" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every alert has non-empty 'summary' and 'description' annotations.",
            why: "The page is all a responder sees at 3 a.m.: Alertmanager's default templates, PagerDuty and Slack integrations show summary and description. Without them the alert is its name and a label set (the convention of kube-prometheus and the Prometheus Operator runbooks).",
            bad: "alert: HighErrorRate\nexpr: job:errors:ratio5m > 0.05",
            good: "alert: HighErrorRate\nexpr: job:errors:ratio5m > 0.05\nannotations:\n  summary: '{{ $labels.job }} serves errors'\n  description: '{{ $value | humanizePercentage }} of requests fail.'",
            fix: "Add both annotations; templates may use $labels and $value.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites where site.rule.kind == .alert {
            let missing = ["summary", "description"].filter { name in
                (site.rule.annotation(name) ?? "").allSatisfy(\.isWhitespace)
            }
            guard !missing.isEmpty else { continue }
            findings.report("alert '\(site.rule.name.value)' has no \(missing.map { "'\($0)'" }.joined(separator: " or ")) annotation",
                            at: site.location, subject: site.subject)
        }
    }
}

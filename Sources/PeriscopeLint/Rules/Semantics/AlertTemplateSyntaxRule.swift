import PeriscopeDSL
import PeriscopeModel

/// `alert-template-syntax`: alert labels and annotations are Go templates that promtool and
/// Prometheus accept at the environment's target, checked with the compiler's own checker
/// (``GoTemplate/alertTemplateProblem(in:alert:target:)``: Go's `text/template` parser and
/// Prometheus' function map), so foreign rule files get the check rendered ones get.
public struct AlertTemplateSyntaxRule: LintRule {
    public let id: DiagnosticID = "alert-template-syntax"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.error
    public let doc = LintRuleDoc(
        summary: "Alert label and annotation templates parse as Prometheus' Go templates.",
        why: """
            Prometheus parses every alert label and annotation as a Go text/template with `$labels`, \
            `$externalLabels`, `$externalURL` and `$value` declared (rulefmt's testTemplateParsing); a template \
            that does not parse makes `promtool check rules` fail and the whole rule file is not loaded. \
            Functions new in Prometheus 3 (`toDuration`, `now`, `urlQueryEscape`) fail on a 2.x server.
            """,
        bad: "summary: \"{{ $label.instance }} is down\"",
        good: "summary: \"{{ $labels.instance }} is down\"",
        fix: "Correct the template as the message says (`$labels`, not `$label`; close every `{{`; use functions the target has)."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let target = PrometheusTarget(rawValue: input.options.target.rawValue) ?? .v3
        for file in input.ruleFiles {
            for group in file.groups {
                for rule in group.rules where rule.kind == .alert {
                    let subject = LintSubject(file: file.path, group: group.name.value, name: rule.name.value)
                    for (kind, entries) in [("label", rule.labels), ("annotation", rule.annotations)] {
                        for entry in entries {
                            guard let problem = GoTemplate.alertTemplateProblem(in: entry.value.value, alert: rule.name.value, target: target) else { continue }
                            let location = entry.value.location(ofLine: problem.line, ruleColumn: rule.location?.column) ?? entry.nameLocation ?? rule.location
                            guard let location else { continue }
                            findings.report("\(kind) '\(entry.name)' is not a valid template: \(problem.description)", at: location, subject: subject)
                        }
                    }
                }
            }
        }
    }
}

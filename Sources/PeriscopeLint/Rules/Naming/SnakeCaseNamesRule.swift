import PeriscopeDSL
import PeriscopeModel

/// `snake-case-names`: recording rule names and the labels rules set are `snake_case`.
public struct SnakeCaseNamesRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "snake-case-names" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Recording rule names (each ':'-separated part) and the label names rules set are snake_case.",
            why: "Prometheus' naming guide: metric and label names are lowercase words joined by underscores. Mixed styles (httpRequests, Status-Code) make names impossible to guess in queries, and label names with other characters need quoting in PromQL 3.",
            bad: "record: job:httpRequests:rate5m\nlabels: { teamName: checkout }",
            good: "record: job:http_requests:rate5m\nlabels: { team_name: checkout }",
            fix: "Rename to the suggested snake_case name and update the queries that read it. Alert names are exempt: they are CamelCase (alert-name-camel-case).")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites {
            if site.rule.kind == .record {
                let name = site.rule.name.value
                if !name.split(separator: ":", omittingEmptySubsequences: true).allSatisfy(Names.isSnakeCase) {
                    let suggestion = name.split(separator: ":", omittingEmptySubsequences: false).map { Names.snakeCased(String($0)) }.joined(separator: ":")
                    findings.report("recording rule name '\(name)' is not snake_case (expected lowercase words joined by '_', e.g. '\(suggestion)')",
                                    at: site.nameLocation, subject: site.subject)
                }
            }
            for label in site.rule.labels where !Names.isSnakeCase(Substring(label.name)) {
                findings.report("label name '\(label.name)' is not snake_case (expected e.g. '\(Names.snakeCased(label.name))')",
                                at: label.nameLocation ?? site.location, subject: site.subject)
            }
        }
    }
}

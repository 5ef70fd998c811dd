import PeriscopeDSL
import PeriscopeModel

/// `dashboard-variable-unused`: every variable a dashboard defines is used.
public struct DashboardVariableUnusedRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "dashboard-variable-unused" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every template variable is used by a panel, a row, another variable, an annotation or a link (ad hoc filters excepted: Grafana applies them itself).",
            why: "An unused variable is a drop-down that changes nothing: readers pick a value and trust a view it does not filter, and its query still runs on every load.",
            bad: "a 'region' variable no query mentions",
            good: "expr: sum by (job) (rate(http_requests_total{region=~\"$region\"}[5m]))",
            fix: "Use the variable in the queries it is meant to filter, or remove it.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let allReferences = input.shared.variableReferences(of: input)
        for (dashboard, references) in zip(input.dashboards, allReferences) {
            let used = Set(references.uses.map(\.name))
            var seen: Set<String> = []
            for variable in dashboard.dashboard.variables where variable.type != "adhoc" && !variable.name.isEmpty && !used.contains(variable.name) && seen.insert(variable.name).inserted {
                findings.report("variable '\(variable.name)' is defined but no panel, row, variable, annotation or link uses it",
                                at: variable.location, subject: LintSubject(file: dashboard.path, group: dashboard.dashboard.uid, name: variable.name))
            }
        }
    }
}

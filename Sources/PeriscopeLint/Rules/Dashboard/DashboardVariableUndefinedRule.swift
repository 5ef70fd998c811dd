import PeriscopeDSL
import PeriscopeModel

/// `dashboard-variable-undefined`: every variable a dashboard uses is defined.
public struct DashboardVariableUndefinedRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "dashboard-variable-undefined" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every template variable a dashboard uses ($name, ${name}, [[name]], repeat) is defined in templating.list or __inputs.",
            why: "Grafana sends an undefined $name to Prometheus as written: the query fails to parse or matches nothing, and the panel shows 'No data' with no hint why. Grafana's built-ins ($__interval, $__rate_interval, $__range…) are always defined.",
            bad: "expr: rate(http_requests_total{job=\"$job\"}[5m]) with no 'job' variable",
            good: "templating.list: [{\"name\": \"job\", \"type\": \"query\", …}]",
            fix: "Define the variable, or fix the name (a \"did you mean\" hint names the closest defined one).")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        let allReferences = input.shared.variableReferences(of: input)
        for (dashboard, references) in zip(input.dashboards, allReferences) {
            let known = references.defined.keys.sorted() + references.inputs.sorted()
            var reported: Set<String> = []
            for use in references.uses where references.defined[use.name] == nil && !references.inputs.contains(use.name) {
                let key = use.name + "\u{0}" + (use.panel.map(String.init) ?? "")
                guard reported.insert(key).inserted else { continue }
                let panel = use.panel.map { dashboard.dashboard.panels[$0] }
                let place = panel.map { "panel '\($0.title)'" } ?? "the dashboard"
                findings.report("\(place) uses variable '$\(use.name)', which the dashboard does not define\(KeySuggestion.hint(for: use.name, among: known))",
                                at: use.location, subject: panel.map(dashboard.subject) ?? dashboard.subject)
            }
        }
    }
}

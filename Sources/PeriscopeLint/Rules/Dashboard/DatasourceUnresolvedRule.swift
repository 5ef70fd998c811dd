import PeriscopeDSL
import PeriscopeModel

/// `datasource-unresolved`: every datasource reference resolves.
public struct DatasourceUnresolvedRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "datasource-unresolved" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every datasource reference resolves: a variable (${ds}) to a datasource variable or an __inputs entry of the dashboard, a uid to a datasource of the environment (rendered output).",
            why: "Grafana shows 'Datasource ${DS_PROMETHEUS} was not found' or an empty panel for a reference it cannot resolve; an exported dashboard imported without its inputs, or a uid from another Grafana, breaks every panel that uses it.",
            bad: "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${DS_PROM}\"} with no DS_PROM input or variable",
            good: "templating.list: [{\"name\": \"DS_PROM\", \"type\": \"datasource\", \"query\": \"prometheus\"}]",
            fix: "Define the datasource variable, or use a datasource of the environment (grafana.datasources).")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            let variables = Set(dashboard.dashboard.variables.map(\.name))
            let inputs = Set(dashboard.dashboard.inputs.map(\.name))
            for reference in DatasourceReferences.all(in: dashboard.dashboard) {
                if let name = reference.reference.variableName {
                    if name.hasPrefix("__") || variables.contains(name) || inputs.contains(name) { continue }
                    let subject = dashboard.subject(panelAt: reference.panel)
                    findings.report("\(reference.owner(in: dashboard.dashboard)) uses datasource '\(reference.reference.identifier ?? name)', but the dashboard has no variable or input '\(name)'\(KeySuggestion.hint(for: name, among: (variables.union(inputs)).sorted()))",
                                    at: reference.location, subject: subject)
                } else if let known = input.options.environmentDatasourceUIDs, !DatasourceReferences.isSpecial(reference.reference),
                          case .object(_, let uid?) = reference.reference, !known.contains(uid) {
                    let subject = dashboard.subject(panelAt: reference.panel)
                    findings.report("\(reference.owner(in: dashboard.dashboard)) uses datasource uid '\(uid)', which the environment does not define (grafana.datasources: \(known.joined(separator: ", ")))",
                                    at: reference.location, subject: subject)
                }
            }
        }
    }
}

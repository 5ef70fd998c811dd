import PeriscopeDSL
import PeriscopeModel

/// `datasource-hardcoded`: foreign dashboards name datasources through a variable, not a uid.
public struct DatasourceHardcodedRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "datasource-hardcoded" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "A dashboard file (not rendered by Periscope) names its datasources through a datasource variable or an import input, not a hard-coded uid or name.",
            why: "A uid is local to one Grafana: the same dashboard in staging and prod, or imported elsewhere, points at a datasource that does not exist there. Grafana's own export replaces uids by ${DS_…} inputs for that reason. Rendered output is exempt: the environment supplies its uids.",
            bad: "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"P1809F7CD0C75ACF3\"}",
            good: "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"} with a datasource variable",
            fix: "Add a datasource variable (type datasource, query prometheus) and reference it, or let Periscope render the dashboard per environment.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        guard input.options.environmentDatasourceUIDs == nil, input.environment == nil else { return }
        for dashboard in input.dashboards {
            var reported: Set<String> = []
            for reference in DatasourceReferences.all(in: dashboard.dashboard) {
                guard reference.reference.variableName == nil, !DatasourceReferences.isSpecial(reference.reference),
                      let identifier = reference.reference.identifier, reported.insert(identifier + "\u{0}" + (reference.panel.map { dashboard.dashboard.panels[$0].pointer.description } ?? "")).inserted else { continue }
                findings.report("\(reference.owner(in: dashboard.dashboard)) hard-codes datasource '\(identifier)'; use a datasource variable (e.g. ${datasource}) so the dashboard works in every Grafana",
                                at: reference.location, subject: dashboard.subject(panelAt: reference.panel))
            }
        }
    }
}

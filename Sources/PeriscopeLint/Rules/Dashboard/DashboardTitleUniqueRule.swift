import PeriscopeDSL
import PeriscopeModel

/// `dashboard-title-unique`: dashboard titles are unique within a folder.
public struct DashboardTitleUniqueRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "dashboard-title-unique" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "No two dashboards in one Grafana folder have the same title.",
            why: "Grafana refuses to save a dashboard whose title exists in the folder (\"A dashboard with the same name in the folder already exists\"); file provisioning then keeps only one of them.",
            bad: "Checkout/api.json and Checkout/api-v2.json both titled \"API\"",
            good: "\"API\" and \"API (v2)\"",
            fix: "Retitle one of them or move it to another folder. The folder is the rendered folder, Grafana API's meta.folderTitle, or the directory holding the file.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        var first: [String: LintDashboard] = [:]
        for dashboard in input.dashboards {
            guard let title = dashboard.dashboard.title, !title.isEmpty else { continue }
            let key = (dashboard.folder ?? "") + "\u{0}" + title.lowercased()
            if let previous = first[key] {
                findings.report("dashboard title '\(title)' is already used in folder '\(dashboard.folder ?? "General")' by \(previous.path)",
                                at: dashboard.dashboard.location, subject: dashboard.subject,
                                related: [Diagnostic.Related("first used at", previous.dashboard.location)])
            } else {
                first[key] = dashboard
            }
        }
    }
}

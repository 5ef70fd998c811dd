import PeriscopeDSL
import PeriscopeModel

/// `dashboard-uid-unique`: no two dashboards of an environment share a uid.
public struct DashboardUIDUniqueRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "dashboard-uid-unique" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "No two dashboards linted together share a uid.",
            why: "A uid identifies a dashboard in one Grafana: provisioning two files with one uid makes Grafana load one and log errors for the other, and which one wins changes between restarts.",
            bad: "a.json and b.json both with \"uid\": \"api\"",
            good: "\"uid\": \"api-latency\" and \"uid\": \"api-errors\"",
            fix: "Give each dashboard its own uid.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        var first: [String: LintDashboard] = [:]
        for dashboard in input.dashboards {
            guard let uid = dashboard.dashboard.uid, !uid.isEmpty else { continue }
            if let previous = first[uid] {
                findings.report("dashboard uid '\(uid)' is also used by \(previous.path)", at: dashboard.dashboard.location, subject: dashboard.subject,
                                related: [Diagnostic.Related("first used at", previous.dashboard.location)])
            } else {
                first[uid] = dashboard
            }
        }
    }
}

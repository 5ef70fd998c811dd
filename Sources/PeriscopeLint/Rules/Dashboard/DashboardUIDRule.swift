import PeriscopeDSL
import PeriscopeModel

/// `dashboard-uid`: a dashboard has a uid of at most 40 safe characters.
public struct DashboardUIDRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "dashboard-uid" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "A dashboard has a uid of 1 to 40 characters from A-Z, a-z, 0-9, '-' and '_'.",
            why: "Grafana refuses longer uids (\"uid too long, max 40 characters\") and other characters (util.IsValidShortUID); without a uid each import creates a new dashboard, so links, alerts and provisioning break.",
            bad: "\"uid\": \"checkout/api overview\"",
            good: "\"uid\": \"checkout-api-overview\"",
            fix: "Set a short stable uid (Dashboard(uid:) in Swift).")
    }

    static func isSafe(_ uid: String) -> Bool {
        uid.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            let model = dashboard.dashboard
            guard let uid = model.uid, !uid.isEmpty else {
                findings.report("dashboard '\(model.title ?? dashboard.path)' has no uid (expected 1 to 40 characters of A-Z, a-z, 0-9, '-', '_')",
                                at: model.location, subject: dashboard.subject)
                continue
            }
            if uid.utf8.count > 40 {
                findings.report("dashboard uid '\(uid)' has \(uid.utf8.count) characters (Grafana accepts at most 40)", at: model.location, subject: dashboard.subject)
            } else if !Self.isSafe(uid) {
                findings.report("dashboard uid '\(uid)' has characters Grafana rejects (expected A-Z, a-z, 0-9, '-', '_')", at: model.location, subject: dashboard.subject)
            }
        }
    }
}

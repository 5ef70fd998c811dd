import PeriscopeDSL
import PeriscopeModel

/// `panel-grid-bounds`: panels lie inside Grafana's 24-column grid.
public struct PanelGridBoundsRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "panel-grid-bounds" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every gridPos lies inside the 24-column grid: x ≥ 0, y ≥ 0, w ≥ 1, h ≥ 1 and x + w ≤ 24.",
            why: "Grafana's grid has 24 columns; a panel past the edge is squeezed or moved by the browser layout, differently per screen size, and the saved JSON no longer says where it is.",
            bad: "\"gridPos\": {\"x\": 18, \"y\": 0, \"w\": 12, \"h\": 8}",
            good: "\"gridPos\": {\"x\": 12, \"y\": 0, \"w\": 12, \"h\": 8}",
            fix: "Fix x and w (the Swift DSL lays panels out itself unless .gridPos is set).")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            for panel in dashboard.dashboard.panels {
                guard let grid = panel.gridPos else { continue }
                var problems: [String] = []
                if grid.x < 0 || grid.y < 0 { problems.append("starts outside the grid") }
                if grid.w < 1 || grid.h < 1 { problems.append("has no size") }
                if grid.x + grid.w > 24 { problems.append("ends at column \(grid.x + grid.w) of 24") }
                guard !problems.isEmpty else { continue }
                findings.report("panel '\(panel.title)' (\(grid)) \(problems.joined(separator: " and "))", at: grid.location, subject: dashboard.subject(panel))
            }
        }
    }
}

import PeriscopeDSL
import PeriscopeModel

/// `panel-grid-overlap`: no two panels cover the same grid cell.
public struct PanelGridOverlapRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "panel-grid-overlap" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "No two panels (or row headers) at the same level overlap; panels inside a collapsed row are compared with each other only.",
            why: "Grafana's layout engine pushes overlapping panels down when the dashboard loads, so the saved gridPos is not what users see and every save rewrites it: noisy diffs and panels that move around.",
            bad: "{\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8} and {\"x\": 6, \"y\": 4, \"w\": 12, \"h\": 8}",
            good: "{\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8} and {\"x\": 12, \"y\": 0, \"w\": 12, \"h\": 8}",
            fix: "Move or resize one of the panels.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            // Items by layer: the top-level panel array, or one collapsed row's panels.
            var layers: [JSONPointer: [(title: String, grid: Grafana.GridPos, panel: Grafana.Panel?)]] = [:]
            var order: [JSONPointer] = []
            func add(_ pointer: JSONPointer, _ item: (title: String, grid: Grafana.GridPos, panel: Grafana.Panel?)) {
                let layer = pointer.parent ?? .root
                if layers[layer] == nil { order.append(layer) }
                layers[layer, default: []].append(item)
            }
            for row in dashboard.dashboard.rows where !row.isLegacy {
                if let grid = row.gridPos { add(row.pointer, ("row '\(row.title)'", grid, nil)) }
            }
            for panel in dashboard.dashboard.panels {
                if let grid = panel.gridPos { add(panel.pointer, ("panel '\(panel.title)'", grid, panel)) }
            }
            for layer in order {
                let items = layers[layer] ?? []
                for (index, item) in items.enumerated() {
                    guard let panel = item.panel, item.grid.w > 0, item.grid.h > 0 else { continue }
                    for other in items[..<index] where other.grid.w > 0 && other.grid.h > 0 && item.grid.overlaps(other.grid) {
                        findings.report("panel '\(panel.title)' (\(item.grid)) overlaps \(other.title) (\(other.grid))", at: item.grid.location,
                                        subject: dashboard.subject(panel), related: [Diagnostic.Related("overlapped item at", other.grid.location)])
                        break
                    }
                }
            }
        }
    }
}

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
            // Panels by index into `panels`, not copies: a panel copy costs dozens of retains.
            var layers: [JSONPointer: [(title: String, grid: Grafana.GridPos, panel: Int?)]] = [:]
            var order: [JSONPointer] = []
            func add(_ pointer: JSONPointer, _ item: (title: String, grid: Grafana.GridPos, panel: Int?)) {
                let layer = pointer.parent ?? .root
                if layers[layer] == nil { order.append(layer) }
                layers[layer, default: []].append(item)
            }
            for row in dashboard.dashboard.rows where !row.isLegacy {
                if let grid = row.gridPos { add(row.pointer, ("row '\(row.title)'", grid, nil)) }
            }
            let panels = dashboard.dashboard.panels
            for index in panels.indices {
                if let grid = panels[index].gridPos { add(panels[index].pointer, ("panel '\(panels[index].title)'", grid, index)) }
            }
            for layer in order {
                let items = layers[layer] ?? []
                // The quadratic comparison reads plain rectangles: copying an item costs retains.
                let boxes = items.map { Box(x: $0.grid.x, y: $0.grid.y, w: $0.grid.w, h: $0.grid.h) }
                for index in boxes.indices {
                    guard let panelIndex = items[index].panel, boxes[index].w > 0, boxes[index].h > 0 else { continue }
                    for otherIndex in boxes.indices[..<index] where boxes[otherIndex].w > 0 && boxes[otherIndex].h > 0 && boxes[index].overlaps(boxes[otherIndex]) {
                        let (item, other) = (items[index], items[otherIndex])
                        findings.report("\(item.title) (\(item.grid)) overlaps \(other.title) (\(other.grid))", at: item.grid.location,
                                        subject: dashboard.subject(panelAt: panelIndex), related: [Diagnostic.Related("overlapped item at", other.grid.location)])
                        break
                    }
                }
            }
        }
    }

    /// A grid rectangle, in grid units.
    private struct Box {
        var x, y, w, h: Int

        /// Whether the rectangles share a cell (``Grafana/GridPos/overlaps(_:)``).
        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
        }
    }
}

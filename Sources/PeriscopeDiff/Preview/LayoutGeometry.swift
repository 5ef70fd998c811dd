import PeriscopeModel

/// The fixed geometry of layout pictures, so a browser test can compute where a panel is drawn.
///
/// One grid column is `columnWidth` px wide (24 columns: 960 px) and one grid row is `rowHeight`
/// px high. A panel at `gridPos` x, y, w, h is a box from (x·40 + 2, y·20 + 2) to
/// ((x+w)·40 − 2, (y+h)·20 − 2) in SVG coordinates: the `gutter` of 2 px on each side keeps
/// neighbouring boxes apart. On a preview page the SVG's top-left corner is at
/// (`pageLeft`, `pageTop`) = (16, 72) px of the page, with the page at zoom 1.
public enum LayoutGeometry {
    /// Width of one of the 24 grid columns, px.
    public static let columnWidth = 40
    /// Height of one grid row, px (Grafana draws 30 px; pictures are denser).
    public static let rowHeight = 20
    /// Space kept free on each side of a box, px.
    public static let gutter = 2
    /// Grafana's grid width in columns.
    public static let columns = 24
    /// The SVG's left edge on a preview page, px.
    public static let pageLeft = 16
    /// The SVG's top edge on a preview page, px.
    public static let pageTop = 72

    /// The SVG width: 24 columns.
    public static var width: Int { columns * columnWidth }

    /// A box's rectangle in SVG px: x, y, width, height.
    public static func box(_ rect: GridRect) -> (x: Int, y: Int, width: Int, height: Int) {
        (rect.x * columnWidth + gutter, rect.y * rowHeight + gutter, max(1, rect.w * columnWidth - 2 * gutter), max(1, rect.h * rowHeight - 2 * gutter))
    }

    /// Colours (fill, stroke) of the boxes, as `#rrggbb`; tests sample them.
    public enum Palette {
        /// A panel of a preview page, and an unchanged panel of a diff page.
        public static let panel = (fill: "#dbe9ff", stroke: "#3d71d9")
        /// An unchanged panel on a diff page.
        public static let unchanged = (fill: "#eef1f5", stroke: "#8a94a6")
        /// An added panel on a diff page.
        public static let added = (fill: "#c8f7c5", stroke: "#2e7d32")
        /// A removed panel on a diff page.
        public static let removed = (fill: "#ffd6d6", stroke: "#c62828")
        /// A changed panel (fields or queries) on a diff page.
        public static let changed = (fill: "#fff1b8", stroke: "#b08800")
        /// A moved or resized panel on a diff page.
        public static let moved = (fill: "#e5d4ff", stroke: "#6f42c1")
        /// A row band.
        public static let row = (fill: "#e3e6ea", stroke: "#c4c9d0")
        /// A collapsed row band.
        public static let collapsedRow = (fill: "#ffe2b3", stroke: "#d08700")
        /// The page background.
        public static let background = "#ffffff"
    }
}

/// A dashboard's layout as drawn: rows and panels with their grid rectangles.
///
/// Panels of collapsed rows are hidden in Grafana until the row is expanded; they are not drawn,
/// and the row band says how many it holds. Panels of legacy `rows[]` dashboards (no `gridPos`)
/// are placed as Grafana's migration places them: `span` × 2 columns, the row's `height`
/// (px, default 250) / 30 grid rows, left to right, wrapping at 24 columns.
public struct DashboardLayout: Sendable {
    /// A row band.
    public struct RowBand: Sendable {
        /// The row title.
        public var title: String
        /// The grid row it is drawn at.
        public var y: Int
        /// Whether it is collapsed.
        public var collapsed: Bool
        /// How many panels it holds while collapsed.
        public var hiddenPanels: Int
    }

    /// A panel box.
    public struct Box: Sendable {
        /// Its identity (row path and title).
        public var identity: [String]
        /// Which occurrence of that identity it is.
        public var occurrence: Int
        /// The title.
        public var title: String
        /// The panel type.
        public var type: String
        /// `fieldConfig.defaults.unit`, if set.
        public var unit: String?
        /// Where it is drawn.
        public var rect: GridRect
    }

    /// The row bands.
    public var rows: [RowBand]
    /// The drawn panels, in document order.
    public var boxes: [Box]
    /// Whether positions were derived from legacy `rows[]` spans.
    public var isApproximated: Bool

    /// The height in grid rows (at least 1).
    public var gridHeight: Int {
        max(1, max(rows.map { $0.y + 1 }.max() ?? 0, boxes.map { $0.rect.y + $0.rect.h }.max() ?? 0))
    }

    /// The layout of `dashboard`.
    public init(_ dashboard: Grafana.Dashboard) {
        var seen: [[String]: Int] = [:]
        var boxes: [Box] = []
        var rows: [RowBand] = []
        let legacy = dashboard.panels.contains { $0.gridPos == nil } || dashboard.rows.contains { $0.isLegacy }
        if !legacy {
            for row in dashboard.rows {
                let hidden = row.collapsed ? (row.json["panels"]?.arrayValue?.count ?? 0) : 0
                rows.append(RowBand(title: row.title, y: row.gridPos?.y ?? 0, collapsed: row.collapsed, hiddenPanels: hidden))
            }
            for panel in dashboard.panels {
                let count = seen[panel.identity, default: 0]
                seen[panel.identity] = count + 1
                // Nested under a row's `panels`: the row is collapsed and the panel hidden.
                guard let gridPos = panel.gridPos, panel.pointer.tokens.count - dashboard.pointer.tokens.count <= 2 else { continue }
                boxes.append(Box(identity: panel.identity, occurrence: count, title: panel.title, type: panel.type, unit: panel.fieldConfig.unit,
                                 rect: GridRect(x: gridPos.x, y: gridPos.y, w: gridPos.w, h: gridPos.h)))
            }
        } else {
            // Legacy rows[]: place by span, as Grafana's schema migration does.
            var y = 0
            var rowIndexByTitle: [String: Int] = [:]
            for (index, row) in dashboard.rows.enumerated() { rowIndexByTitle[row.title] = rowIndexByTitle[row.title] ?? index }
            var panelsByRow: [[Grafana.Panel]] = Array(repeating: [], count: dashboard.rows.count)
            var loose: [Grafana.Panel] = []
            for panel in dashboard.panels {
                if let title = panel.rowPath.last, let index = rowIndexByTitle[title] { panelsByRow[index].append(panel) } else { loose.append(panel) }
            }
            func place(_ panels: [Grafana.Panel], height: Int) {
                var x = 0, rowHeight = 0
                for panel in panels {
                    let count = seen[panel.identity, default: 0]
                    seen[panel.identity] = count + 1
                    let span = panel.json["span"]?.doubleValue ?? 12
                    let w = min(24, max(1, Int((span * 2).rounded())))
                    let h = panel.gridPos?.h ?? height
                    if x + w > 24 {
                        x = 0
                        y += rowHeight
                        rowHeight = 0
                    }
                    boxes.append(Box(identity: panel.identity, occurrence: count, title: panel.title, type: panel.type, unit: panel.fieldConfig.unit,
                                     rect: GridRect(x: x, y: y, w: w, h: h)))
                    x += w
                    rowHeight = max(rowHeight, h)
                }
                y += rowHeight
            }
            place(loose, height: 8)
            for (index, row) in dashboard.rows.enumerated() {
                let pixels = row.json["height"].flatMap { $0.doubleValue ?? Double(($0.stringValue ?? "").replacingOccurrences(of: "px", with: "")) } ?? 250
                rows.append(RowBand(title: row.title, y: y, collapsed: row.collapsed, hiddenPanels: row.collapsed ? panelsByRow[index].count : 0))
                y += 1
                if !row.collapsed { place(panelsByRow[index], height: max(1, Int((pixels / 30).rounded()))) }
            }
        }
        self.rows = rows
        self.boxes = boxes
        self.isApproximated = legacy
    }
}

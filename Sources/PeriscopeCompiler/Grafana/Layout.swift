import PeriscopeDSL

/// Default sizes of each panel type, in grid units (24 columns wide; one unit is 30 px high).
public enum PanelDefaults {
    /// The default width and height of a panel of `type`.
    public static func size(of type: PanelType) -> (width: Int, height: Int) {
        switch type {
        case .stat: (6, 4)
        case .gauge: (6, 6)
        case .text: (24, 3)
        case .table, .logs, .stateTimeline, .statusHistory: (24, 8)
        case .pieChart: (8, 8)
        default: (12, 8)
        }
    }
}

/// A dashboard entry with its id and position assigned.
public struct PlacedItem: Sendable {
    /// A placed panel, or a placed row with its placed panels.
    public enum Kind: Sendable {
        case panel(Panel)
        case row(Row, panels: [PlacedItem])
    }

    /// What is placed.
    public var kind: Kind
    /// The panel id.
    public var id: Int
    /// The position.
    public var gridPos: GridPos
}

/// Flows panels into Grafana's 24-column grid and assigns deterministic panel ids.
///
/// Panels fill a line left to right; one that does not fit starts a new line below the
/// tallest panel of the current one. A row header takes a full-width line of height 1 (at its
/// explicit `y` when it has one, ``Row/gridPos(y:)``) and its panels flow beneath it. A collapsed row keeps its panels inside it, positioned as if
/// expanded, and the next entry starts right below the header. A panel with an explicit
/// `gridPos` keeps it, and flowing continues to its right. Ids are 1, 2, 3, … in document
/// order, rows and the panels of collapsed rows included.
public struct GridLayout: Sendable {
    /// The grid width.
    public static let columns = 24

    /// Creates a layout.
    public init() {}

    /// Where the flow places the next item: left to right on the current line, a new line below
    /// the line's tallest item when the width does not fit. Import replays it to decide which
    /// positions of a dashboard the flow reproduces.
    public struct Cursor: Sendable {
        /// The next item's column.
        public var x: Int
        /// The current line's top.
        public var y: Int
        /// The tallest item on the current line.
        public var lineHeight: Int

        /// A cursor at `(x, y)` on a line of `lineHeight` so far.
        public init(x: Int = 0, y: Int = 0, lineHeight: Int = 0) {
            self.x = x
            self.y = y
            self.lineHeight = lineHeight
        }

        /// Moves to the start of the next line.
        public mutating func newLine() {
            y += lineHeight
            x = 0
            lineHeight = 0
        }

        /// Places an item of `width` × `height` where the flow puts it, and moves past it.
        public mutating func place(width: Int, height: Int) -> GridPos {
            if x + width > GridLayout.columns { newLine() }
            let pos = GridPos(x: x, y: y, w: width, h: height)
            x += width
            lineHeight = Swift.max(lineHeight, height)
            return pos
        }

        /// Continues to the right of an item placed at an explicit `pos`.
        public mutating func placed(at pos: GridPos) {
            x = pos.x + pos.w
            y = pos.y
            lineHeight = pos.h
        }
    }

    /// Places every item of a dashboard.
    public func place(_ items: [DashboardItem]) -> [PlacedItem] {
        var cursor = Cursor()
        var nextId = 1
        var result: [PlacedItem] = []
        result.reserveCapacity(items.count)

        func placePanel(_ panel: Panel, _ cursor: inout Cursor) -> PlacedItem {
            let id = nextId
            nextId += 1
            if let explicit = panel.gridPos {
                cursor.placed(at: explicit)
                return PlacedItem(kind: .panel(panel), id: id, gridPos: explicit)
            }
            let defaults = PanelDefaults.size(of: panel.type)
            let width = Swift.min(Swift.max(panel.width ?? defaults.width, 1), GridLayout.columns)
            let height = Swift.max(panel.height ?? defaults.height, 1)
            return PlacedItem(kind: .panel(panel), id: id, gridPos: cursor.place(width: width, height: height))
        }

        for item in items {
            switch item {
            case .panel(let panel):
                result.append(placePanel(panel, &cursor))
            case .row(let row):
                cursor.newLine()
                let header = GridPos(x: 0, y: row.y ?? cursor.y, w: GridLayout.columns, h: 1)
                let rowId = nextId
                nextId += 1
                var inner = Cursor(x: 0, y: header.y + 1, lineHeight: 0)
                let panels = row.panels.map { placePanel($0, &inner) }
                if row.collapsed {
                    cursor = Cursor(x: 0, y: header.y + 1, lineHeight: 0)
                } else {
                    cursor = inner
                    cursor.newLine()
                }
                result.append(PlacedItem(kind: .row(row, panels: panels), id: rowId, gridPos: header))
            }
        }
        return result
    }
}

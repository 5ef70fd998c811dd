import PeriscopeDSL

extension Grafana {
    /// A panel that shows data (every panel but row headers).
    public struct Panel: Sendable, Equatable {
        /// The panel object as written or lowered.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// Its pointer in the dashboard file, e.g. `/panels/4` or `/panels/2/panels/0`.
        public let pointer: JSONPointer
        /// The titles of the rows that contain it, outermost first; empty outside rows.
        public let rowPath: [String]
        /// `id`, unique within the dashboard.
        public let id: Int?
        /// `type`: the panel plugin id (`timeseries`, `stat`, legacy `graph`, `singlestat`…).
        public let type: String
        /// `title` (`""` when missing).
        public let title: String
        /// `description`.
        public let description: String?
        /// `gridPos`; legacy rows[] panels have `span` instead and no gridPos.
        public let gridPos: GridPos?
        /// `datasource`; nil when the key is missing.
        public let datasource: DatasourceRef?
        /// `targets`.
        public let targets: [Target]
        /// `fieldConfig`.
        public let fieldConfig: FieldConfig
        /// `options`: panel-plugin options, untyped.
        public let options: JSONValue?
        /// `repeat`: the variable the panel repeats for.
        public let repeatVariable: String?
        /// `interval`: the minimum query interval, e.g. `1m`.
        public let interval: String?
        /// `links`.
        public let links: [Link]
        /// `libraryPanel.uid` when the panel is a reference to a library panel.
        public let libraryPanelUID: String?

        /// The panel's identity for matching across versions: its row path and title.
        public var identity: [String] { rowPath + [title] }

        /// Equal when the panel objects and row paths are equal (locations do not take part).
        public static func == (lhs: Panel, rhs: Panel) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) && lhs.rowPath == rhs.rowPath }
    }

    /// A row: a `type: "row"` panel (schemaVersion 16 and later) or a legacy `rows[]` entry.
    public struct Row: Sendable, Equatable {
        /// The row object as written, nested panels included.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// Its pointer, e.g. `/panels/7` or `/rows/0`.
        public let pointer: JSONPointer
        /// `title` (`""` when missing).
        public let title: String
        /// `collapsed` (`collapse` in legacy rows).
        public let collapsed: Bool
        /// `id` (row panels only).
        public let id: Int?
        /// `gridPos` (row panels only).
        public let gridPos: GridPos?
        /// `repeat`.
        public let repeatVariable: String?
        /// Whether it comes from a legacy `rows[]` layout.
        public let isLegacy: Bool

        /// Equal when the row objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Row, rhs: Row) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) && lhs.isLegacy == rhs.isLegacy }
    }

    /// `gridPos`: a panel's place on Grafana's 24-column grid, in grid units (a row unit is 30 px).
    public struct GridPos: Sendable, Equatable, CustomStringConvertible {
        /// Column of the left edge, 0…23.
        public let x: Int
        /// Row of the top edge, from 0.
        public let y: Int
        /// Width in columns, 1…24.
        public let w: Int
        /// Height in grid rows.
        public let h: Int
        /// Where it is.
        public let location: Location

        /// Creates a grid position.
        public init(x: Int, y: Int, w: Int, h: Int, location: Location) {
            self.x = x
            self.y = y
            self.w = w
            self.h = h
            self.location = location
        }

        /// Whether the two rectangles share any cell.
        public func overlaps(_ other: GridPos) -> Bool {
            x < other.x + other.w && other.x < x + w && y < other.y + other.h && other.y < y + h
        }

        /// `x=0 y=0 w=12 h=8`.
        public var description: String { "x=\(x) y=\(y) w=\(w) h=\(h)" }

        /// Equal when the rectangles are equal (locations do not take part).
        public static func == (lhs: GridPos, rhs: GridPos) -> Bool { (lhs.x, lhs.y, lhs.w, lhs.h) == (rhs.x, rhs.y, rhs.w, rhs.h) }
    }

    /// A query of a panel (`targets[]` entry).
    public struct Target: Sendable, Equatable {
        /// The target object as written or lowered.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// Its pointer, e.g. `/panels/4/targets/1`.
        public let pointer: JSONPointer
        /// `refId` (`A`, `B`, …).
        public let refId: String?
        /// `expr`: the PromQL or LogQL expression; nil for other datasources' queries.
        public let expr: String?
        /// Where `expr` is (for findings inside the expression).
        public let exprLocation: Location?
        /// `legendFormat`, e.g. `{{route}}`.
        public let legendFormat: String?
        /// `datasource`; nil when the key is missing (the panel's datasource applies).
        public let datasource: DatasourceRef?
        /// `hide`.
        public let hide: Bool?
        /// `instant`.
        public let instant: Bool?
        /// `range`.
        public let range: Bool?
        /// `interval`: the minimum step, e.g. `1m`.
        public let interval: String?
        /// `format`: `time_series`, `table` or `heatmap`.
        public let format: String?

        /// Equal when the target objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Target, rhs: Target) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }

    /// A dashboard link (`links[]`) or a panel link.
    public struct Link: Sendable, Equatable {
        /// The link object as written.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// `title`.
        public let title: String?
        /// `type`: `link` or `dashboards` (dashboard links only).
        public let type: String?
        /// `url`.
        public let url: String?
        /// `tags` (links of type `dashboards`).
        public let tags: [String]

        /// Equal when the link objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Link, rhs: Link) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }
}

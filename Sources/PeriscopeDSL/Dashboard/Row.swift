/// A row of a dashboard: a header and the panels under it, optionally collapsed.
///
/// ```swift
/// Row("Traffic") {
///     TimeSeries("Requests") { PrometheusQuery("sum(rate(http_requests_total[5m]))") }
/// }
/// ```
public struct Row: Sendable, Modifiable {
    /// The row title.
    public var title: String
    /// Whether the row starts collapsed (its panels are then nested inside it).
    public var collapsed: Bool
    /// The panels of the row.
    public var panels: [Panel]
    /// Repeat the row for each value of a variable.
    public var repeatVariable: String?
    /// The header's explicit `gridPos.y` in grid units (``gridPos(y:fileID:filePath:line:column:)``); nil places it where
    /// the flow layout puts it, on the first line below the entries before it.
    public var y: Int?
    /// Where ``gridPos(y:fileID:filePath:line:column:)`` was written, for the compiler's messages.
    public var gridPosLocation: SourceLocation?
    /// Any other fields of the row header's JSON, set by path (the escape hatch,
    /// ``setting(_:_:)``), merged over the typed fields when lowering.
    public var extra: JSONValue = .object([])
    /// Where the row was written.
    public var location: SourceLocation

    /// Creates a row.
    public init(
        _ title: String, collapsed: Bool = false,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @PanelBuilder panels: () -> [Panel]
    ) {
        self.title = title
        self.collapsed = collapsed
        self.panels = panels()
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Collapses or expands the row.
    public func collapsed(_ value: Bool = true) -> Self { with { $0.collapsed = value } }
    /// Places the row header at an explicit `y` (grid units from the top; Grafana's `gridPos.y`)
    /// instead of on the first line below the entries before it. A header is always full width
    /// and one unit high (`x: 0, w: 24, h: 1`), so `y` is all it takes; the row's panels flow
    /// from `y + 1`, and so does what follows a collapsed row. `y` must not be negative
    /// (`panel-gridpos-invalid`).
    ///
    /// ```swift
    /// Row("Traffic") { … }.gridPos(y: 17)   // a gap above, as a hand-arranged dashboard had it
    /// ```
    public func gridPos(y: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        with {
            $0.y = y
            $0.gridPosLocation = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        }
    }
    /// Repeats the row for each value of a variable.
    public func `repeat`(by variable: String) -> Self { with { $0.repeatVariable = variable } }
    /// Sets any field of the row header's JSON by path, for fields without a modifier (the escape
    /// hatch), e.g. `.setting("title", "")` for an untitled row kept as Grafana had it; merged
    /// over the typed fields.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.extra[path: path] = value } }
}

/// One entry of a dashboard: a panel outside any row, or a row with its panels.
public enum DashboardItem: Sendable {
    /// A panel written directly in the dashboard, outside any row.
    case panel(Panel)
    /// A row: its header (a panel of type `row` in Grafana's JSON) and the panels under it.
    case row(Row)
}

/// Collects the panels and rows of a dashboard.
@resultBuilder
public enum DashboardBuilder: EnclosingListBuilder {
    public typealias Element = DashboardItem
    public typealias Inner = PanelBuilder
    public static func element(wrapping panel: Panel) -> DashboardItem { .panel(panel) }
}

extension DashboardItem: BuilderContent { public typealias Builder = DashboardBuilder }

extension Row: BuilderContent {
    public typealias Builder = DashboardBuilder
    public var builderElements: [DashboardItem] { [.row(self)] }
}

/// A table of query results (`table`).
///
/// ```swift
/// Table("Slowest routes") {
///     PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m]))))")
///         .format(.table).instant()
/// }
/// .sortBy("Value", descending: true)
/// .cellType(.colorBackground())
/// .override(.byName("route")) { FieldProperty.columnWidth(240) }
/// ```
public struct Table: PanelConvertible {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a table panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .table, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Shows or hides the header row (`options.showHeader`).
    public func showHeader(_ value: Bool = true) -> Self { settingOption("showHeader", value) }
    /// Sets the row height (`options.cellHeight`).
    public func cellHeight(_ height: TableCellHeight) -> Self { settingOption("cellHeight", height) }
    /// Adds a footer reducing each column (`options.footer`), for all columns or only `fields`.
    public func footer(_ reducer: ReducerCalculation, fields: [String]? = nil, countRows: Bool? = nil) -> Self {
        with {
            $0.panel.options[path: "footer.show"] = true
            $0.panel.options[path: "footer.reducer"] = [reducer].jsonValue
            if let fields { $0.panel.options[path: "footer.fields"] = fields.jsonValue }
            if let countRows { $0.panel.options[path: "footer.countRows"] = .bool(countRows) }
        }
    }
    /// Sorts the rows by a column's display name (`options.sortBy`).
    public func sortBy(_ column: String, descending: Bool = false) -> Self {
        settingOption("sortBy", [["desc": .bool(descending), "displayName": .string(column)]] as JSONValue)
    }
    /// Renders every cell as `type` (`custom.cellOptions`); use `override` with `FieldProperty.cellType` per column.
    public func cellType(_ type: TableCellType) -> Self { settingFieldOption("cellOptions", type) }
    /// Aligns cell text (`custom.align`).
    public func align(_ alignment: TextAlignment) -> Self { settingFieldOption("align", alignment) }
    /// Sets the column width in pixels (`custom.width`).
    public func columnWidth(_ pixels: Int) -> Self { settingFieldOption("width", pixels) }
    /// Sets the minimum column width in pixels (`custom.minWidth`).
    public func minimumColumnWidth(_ pixels: Int) -> Self { settingFieldOption("minWidth", pixels) }
    /// Offers a filter in each column header (`custom.filterable`).
    public func filterable(_ value: Bool = true) -> Self { settingFieldOption("filterable", value) }
}

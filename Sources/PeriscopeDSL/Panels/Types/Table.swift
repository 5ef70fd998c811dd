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
    /// Adds a footer reducing each column, or only the columns named in `fields`.
    ///
    /// Written as current Grafana stores it (`migrateFooterV2` in
    /// `public/app/plugins/panel/table/migrations.ts`): `fieldConfig.defaults.custom.footer.reducers`,
    /// or for `fields` a `byName` override per column setting `custom.footer.reducers`.
    /// `countRows` with `.count` counts every row (`countAll`).
    public func footer(
        _ reducer: ReducerCalculation, fields: [String]? = nil, countRows: Bool? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let reducers = [countRows == true && reducer == .count ? .countAll : reducer].jsonValue
        guard let fields, !fields.isEmpty else { return settingFieldOption("footer.reducers", reducers) }
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return with {
            for field in fields {
                $0.panel.overrides.append(FieldOverride(.byName(field), [FieldProperty("custom.footer.reducers", reducers)], location: location))
            }
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
    /// Limits the height of a row whose text wraps, in pixels (`maxRowHeight`, Grafana 12's
    /// table `panelcfg`).
    public func maxRowHeight(_ pixels: Int) -> Self { settingOption("maxRowHeight", pixels) }
    /// Keeps the first `columns` columns in view while scrolling sideways
    /// (`frozenColumns.left`, Grafana 12's table `panelcfg`).
    public func frozenColumns(_ columns: Int) -> Self { settingOption("frozenColumns.left", columns) }
    /// Wraps long cell text onto several lines (`custom.wrapText`, Grafana 12).
    public func wrapText(_ value: Bool = true) -> Self { settingFieldOption("wrapText", value) }
    /// Wraps long column headers onto several lines (`custom.wrapHeaderText`, Grafana 12).
    public func wrapHeaderText(_ value: Bool = true) -> Self { settingFieldOption("wrapHeaderText", value) }
    /// Shows each column's data type icon in its header (`showTypeIcons`).
    public func showTypeIcons(_ value: Bool = true) -> Self { settingOption("showTypeIcons", value) }
    /// Hides the header of the columns (`custom.hideHeader`), e.g. for a column of buttons; usually
    /// set in an override.
    public func hideColumnHeader(_ value: Bool = true) -> Self { settingFieldOption("hideHeader", value) }
}

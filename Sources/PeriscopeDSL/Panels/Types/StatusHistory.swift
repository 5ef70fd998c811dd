/// Periodic states as a grid of cells, one row per series (`status-history`).
///
/// ```swift
/// StatusHistory("Replica status") { PrometheusQuery("kube_deployment_status_replicas_available").legendFormat("{{deployment}}") }
///     .thresholds([.base(.red), .step(1, .green)])
///     .showValue(.never)
///     .colWidth(0.9)
/// ```
public struct StatusHistory: LegendConfigurable, TooltipConfigurable, LineFillConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a status history panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .statusHistory, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Writes values into the cells (`options.showValue`).
    public func showValue(_ mode: VisibilityMode) -> Self { settingOption("showValue", mode) }
    /// Sets the row height as a fraction of the available space, 0–1 (`options.rowHeight`).
    public func rowHeight(_ fraction: Double) -> Self { settingOption("rowHeight", FieldConfigEncoding.number(fraction)) }
    /// Sets the column width as a fraction of the available space, 0–1 (`options.colWidth`).
    public func colWidth(_ fraction: Double) -> Self { settingOption("colWidth", FieldConfigEncoding.number(fraction)) }
    /// Shows at most `rows` series and pages through the rest (`perPage`).
    public func perPage(_ rows: Int) -> Self { settingOption("perPage", rows) }
}

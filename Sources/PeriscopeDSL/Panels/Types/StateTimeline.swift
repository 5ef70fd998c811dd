/// Where a state timeline writes values in their region (`options.alignValue`).
public enum TimelineValueAlignment: String, Sendable, Hashable, JSONRepresentable {
    /// At the start of the region.
    case left
    /// In the middle.
    case center
    /// At the end.
    case right
}

/// State changes over time, one row per series (`state-timeline`).
///
/// ```swift
/// StateTimeline("Target health") { PrometheusQuery("up{job=\"api\"}").legendFormat("{{instance}}") }
///     .mappings([.value("1", text: "UP", color: .green), .value("0", text: "DOWN", color: .red)])
///     .mergeValues()
///     .showValue(.never)
/// ```
public struct StateTimeline: LegendConfigurable, TooltipConfigurable, LineFillConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a state timeline panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .stateTimeline, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Merges consecutive equal values into one region (`options.mergeValues`).
    public func mergeValues(_ value: Bool = true) -> Self { settingOption("mergeValues", value) }
    /// Writes values into the regions (`options.showValue`).
    public func showValue(_ mode: VisibilityMode) -> Self { settingOption("showValue", mode) }
    /// Aligns the values in their regions (`options.alignValue`).
    public func alignValue(_ alignment: TimelineValueAlignment) -> Self { settingOption("alignValue", alignment) }
    /// Sets the row height as a fraction of the available space, 0–1 (`options.rowHeight`).
    public func rowHeight(_ fraction: Double) -> Self { settingOption("rowHeight", FieldConfigEncoding.number(fraction)) }
    /// Shows at most `rows` series and pages through the rest (`perPage`).
    public func perPage(_ rows: Int) -> Self { settingOption("perPage", rows) }
}

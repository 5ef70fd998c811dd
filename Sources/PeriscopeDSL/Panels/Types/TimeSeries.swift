/// A time series graph (`timeseries`).
///
/// ```swift
/// TimeSeries("Requests") {
///     PrometheusQuery("sum by (route) (rate(http_requests_total[$__rate_interval]))").legendFormat("{{route}}")
/// }
/// .unit(.requestsPerSecond)
/// .legend(.table, placement: .right, calcs: [.mean, .max])
/// .stacking(.normal)
/// ```
public struct TimeSeries: LegendConfigurable, TooltipConfigurable, AxisConfigurable, LineFillConfigurable, GradientConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a time series panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .timeSeries, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Draws series as lines, bars or points (`custom.drawStyle`).
    public func drawStyle(_ style: DrawStyle) -> Self { settingFieldOption("drawStyle", style) }
    /// Sets how points are joined (`custom.lineInterpolation`).
    public func lineInterpolation(_ interpolation: LineInterpolation) -> Self { settingFieldOption("lineInterpolation", interpolation) }
    /// Draws dashed lines with the given dash and gap lengths (`custom.lineStyle`).
    public func dashedLines(dash: Int = 10, gap: Int = 10) -> Self {
        settingFieldOption("lineStyle", ["dash": .array([.int(dash), .int(gap)]), "fill": "dash"] as JSONValue)
    }
    /// Shows the data points always, never, or when there is room (`custom.showPoints`).
    public func showPoints(_ mode: VisibilityMode) -> Self { settingFieldOption("showPoints", mode) }
    /// Sets the point size in pixels (`custom.pointSize`).
    public func pointSize(_ pixels: Int) -> Self { settingFieldOption("pointSize", pixels) }
    /// Connects lines across missing values (`custom.spanNulls: true`), or leaves gaps (`false`).
    public func spanNulls(_ value: Bool = true) -> Self { settingFieldOption("spanNulls", value) }
    /// Connects lines across gaps shorter than `milliseconds` (`custom.spanNulls: <ms>`).
    public func spanNulls(upTo milliseconds: Int) -> Self { settingFieldOption("spanNulls", milliseconds) }
    /// Stacks series (`custom.stacking`), within `group` when several stacks share a panel.
    public func stacking(
        _ mode: StackingMode, group: String = "A",
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.stacking, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.fieldDefaults.custom[path: "stacking"] = ["group": .string(group), "mode": mode.jsonValue]
        }
    }
    /// Draws the thresholds on the graph (`custom.thresholdsStyle.mode`).
    public func thresholdsStyle(_ style: ThresholdsStyle) -> Self { settingFieldOption("thresholdsStyle.mode", style) }
    /// Aligns bars before, on or after their timestamp (`custom.barAlignment`).
    public func barAlignment(_ alignment: BarAlignment) -> Self { settingFieldOption("barAlignment", alignment) }
    /// Sets the bar width as a fraction of the space between points, 0–1 (`custom.barWidthFactor`).
    public func barWidthFactor(_ fraction: Double) -> Self { settingFieldOption("barWidthFactor", FieldConfigEncoding.number(fraction)) }
    /// Breaks the line where points are further apart than `milliseconds`
    /// (`custom.insertNulls`), for series that stop reporting.
    public func insertNulls(after milliseconds: Int) -> Self { settingFieldOption("insertNulls", milliseconds) }
    /// Never breaks the line for missing points (`custom.insertNulls: false`).
    public func neverInsertNulls() -> Self { settingFieldOption("insertNulls", false) }
    /// Fills the area down to the series named `series` (`custom.fillBelowTo`); usually set in
    /// an override of the upper series.
    public func fillBelowTo(_ series: String) -> Self { settingFieldOption("fillBelowTo", series) }
    /// Transforms the values before drawing (`custom.transform`): a constant line, or mirrored below the axis.
    public func transform(_ transform: GraphTransform) -> Self { settingFieldOption("transform", transform) }
}

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
}

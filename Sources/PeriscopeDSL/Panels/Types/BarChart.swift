/// Bars per category, from a table-shaped result (`barchart`).
///
/// ```swift
/// BarChart("Requests by status") {
///     PrometheusQuery("sum by (code) (increase(http_requests_total[1h]))").format(.table).instant()
/// }
/// .xField("code")
/// .orientation(.horizontal)
/// .showValue(.always)
/// ```
public struct BarChart: OrientationConfigurable, LegendConfigurable, TooltipConfigurable, AxisConfigurable, LineFillConfigurable, GradientConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a bar chart panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .barChart, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Uses this field for the categories on the x axis (`options.xField`).
    public func xField(_ field: String) -> Self { settingOption("xField", field) }
    /// Colours bars by the values of this field (`options.colorByField`).
    public func colorByField(_ field: String) -> Self { settingOption("colorByField", field) }
    /// Sets the width of a bar as a fraction of its slot, 0–1 (`options.barWidth`).
    public func barWidth(_ fraction: Double) -> Self { settingOption("barWidth", FieldConfigEncoding.number(fraction)) }
    /// Sets the width of a group of bars as a fraction of its slot, 0–1 (`options.groupWidth`).
    public func groupWidth(_ fraction: Double) -> Self { settingOption("groupWidth", FieldConfigEncoding.number(fraction)) }
    /// Rounds bar corners, 0–0.5 (`options.barRadius`).
    public func barRadius(_ fraction: Double) -> Self { settingOption("barRadius", FieldConfigEncoding.number(fraction)) }
    /// Stacks the bars of a group (`options.stacking`).
    public func stacking(
        _ mode: StackingMode, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.stacking, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.options[path: "stacking"] = mode.jsonValue
        }
    }
    /// Writes the value on each bar (`options.showValue`).
    public func showValue(_ mode: VisibilityMode) -> Self { settingOption("showValue", mode) }
    /// Rotates the x tick labels, in degrees from -90 to 90 (`options.xTickLabelRotation`).
    public func xTickLabelRotation(_ degrees: Int) -> Self { settingOption("xTickLabelRotation", degrees) }
    /// Truncates x tick labels to this many characters (`options.xTickLabelMaxLength`).
    public func xTickLabelMaxLength(_ characters: Int) -> Self { settingOption("xTickLabelMaxLength", characters) }
    /// Highlights the whole category column on hover (`options.fullHighlight`).
    public func fullHighlight(_ value: Bool = true) -> Self { settingOption("fullHighlight", value) }
    /// Skips x-axis labels to keep `pixels` between them (`xTickLabelSpacing`; negative values
    /// skip from the end).
    public func xTickLabelSpacing(_ pixels: Int) -> Self { settingOption("xTickLabelSpacing", pixels) }
    /// Sets the size of the value text on the bars in pixels (`text.valueSize`).
    public func valueTextSize(_ pixels: Int) -> Self { settingOption("text.valueSize", pixels) }
    /// Draws the thresholds on the chart (`custom.thresholdsStyle.mode`).
    public func thresholdsStyle(_ style: ThresholdsStyle) -> Self { settingFieldOption("thresholdsStyle.mode", style) }
}

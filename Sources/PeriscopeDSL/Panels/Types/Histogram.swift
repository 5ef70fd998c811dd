/// The distribution of values, bucketed in Grafana (`histogram`).
///
/// ```swift
/// Histogram("Response sizes") { PrometheusQuery("http_response_size_bytes") }
///     .bucketCount(20)
///     .combine()
/// ```
public struct Histogram: LegendConfigurable, TooltipConfigurable, AxisConfigurable, LineFillConfigurable, GradientConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a histogram panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .histogram, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Aims for this many buckets (`options.bucketCount`).
    public func bucketCount(_ count: Int) -> Self { settingOption("bucketCount", count) }
    /// Uses buckets of this size instead of a count (`options.bucketSize`, an integer in the
    /// histogram panel's schema, `public/app/plugins/panel/histogram/panelcfg.cue`).
    public func bucketSize(_ size: Int) -> Self { settingOption("bucketSize", size) }
    /// Shifts the bucket bounds by this offset (`options.bucketOffset`).
    public func bucketOffset(_ offset: Double) -> Self { settingOption("bucketOffset", FieldConfigEncoding.number(offset)) }
    /// Combines all series into one histogram (`options.combine`).
    public func combine(_ value: Bool = true) -> Self { settingOption("combine", value) }
    /// Stacks the series' bars (`custom.stacking`).
    public func stacking(
        _ mode: StackingMode, group: String = "A",
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.stacking, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.fieldDefaults.custom[path: "stacking"] = ["group": .string(group), "mode": mode.jsonValue]
        }
    }
}

/// A radial gauge per series (`gauge`).
///
/// ```swift
/// Gauge("CPU") { PrometheusQuery("avg(rate(node_cpu_seconds_total{mode!=\"idle\"}[5m]))") }
///     .unit(.percentUnit).min(0).max(1)
///     .showThresholdMarkers()
/// ```
public struct Gauge: ReduceConfigurable, OrientationConfigurable, TextSizeConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a gauge panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .gauge, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Labels the threshold values around the gauge (`options.showThresholdLabels`).
    public func showThresholdLabels(_ value: Bool = true) -> Self { settingOption("showThresholdLabels", value) }
    /// Draws the threshold bands around the gauge (`options.showThresholdMarkers`).
    public func showThresholdMarkers(_ value: Bool = true) -> Self { settingOption("showThresholdMarkers", value) }
    /// Sizes gauges automatically or from `minVizWidth`/`minVizHeight` (`options.sizing`).
    public func sizing(_ sizing: GaugeSizing) -> Self { settingOption("sizing", sizing) }
    /// Sets the smallest gauge size in pixels (`options.minVizWidth`, `options.minVizHeight`).
    public func minimumGaugeSize(width: Int? = nil, height: Int? = nil) -> Self {
        with {
            if let width { $0.panel.options[path: "minVizWidth"] = .int(width) }
            if let height { $0.panel.options[path: "minVizHeight"] = .int(height) }
        }
    }
}

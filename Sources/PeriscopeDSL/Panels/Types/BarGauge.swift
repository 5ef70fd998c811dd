/// How bar gauges are drawn (`options.displayMode`).
public enum BarGaugeDisplayMode: String, Sendable, Hashable, JSONRepresentable {
    /// Plain bars.
    case basic
    /// Bars shaded through the threshold colours.
    case gradient
    /// Segmented bars.
    case lcd
}

/// How the value text of a bar gauge is coloured (`options.valueMode`).
public enum BarGaugeValueMode: String, Sendable, Hashable, JSONRepresentable {
    /// Coloured like the bar.
    case color
    /// In the text colour.
    case text
    /// Not shown.
    case hidden
}

/// Where a bar gauge puts the series name (`options.namePlacement`).
public enum BarGaugeNamePlacement: String, Sendable, Hashable, JSONRepresentable {
    /// Chosen from the layout.
    case auto
    /// Above the bar.
    case top
    /// Left of the bar.
    case left
    /// Not shown.
    case hidden
}

/// Horizontal or vertical bars per series (`bargauge`).
///
/// ```swift
/// BarGauge("Disk usage") { PrometheusQuery("1 - node_filesystem_avail_bytes / node_filesystem_size_bytes").legendFormat("{{mountpoint}}") }
///     .unit(.percentUnit)
///     .displayMode(.lcd)
///     .orientation(.horizontal)
/// ```
public struct BarGauge: ReduceConfigurable, OrientationConfigurable, TextSizeConfigurable, LegendConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a bar gauge panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .barGauge, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Draws plain, gradient or LCD-segment bars (`options.displayMode`).
    public func displayMode(_ mode: BarGaugeDisplayMode) -> Self { settingOption("displayMode", mode) }
    /// Colours the value text, leaves it plain, or hides it (`options.valueMode`).
    public func valueMode(_ mode: BarGaugeValueMode) -> Self { settingOption("valueMode", mode) }
    /// Places the series name (`options.namePlacement`).
    public func namePlacement(_ placement: BarGaugeNamePlacement) -> Self { settingOption("namePlacement", placement) }
    /// Draws the unfilled part of each bar (`options.showUnfilled`).
    public func showUnfilled(_ value: Bool = true) -> Self { settingOption("showUnfilled", value) }
    /// Sizes bars automatically or from `minVizWidth`/`minVizHeight` (`options.sizing`).
    public func sizing(_ sizing: GaugeSizing) -> Self { settingOption("sizing", sizing) }
    /// Sets the smallest bar size in pixels (`options.minVizWidth`, `options.minVizHeight`).
    public func minimumBarSize(width: Int? = nil, height: Int? = nil) -> Self {
        with {
            if let width { $0.panel.options[path: "minVizWidth"] = .int(width) }
            if let height { $0.panel.options[path: "minVizHeight"] = .int(height) }
        }
    }
    /// Sets the largest bar height in pixels (`options.maxVizHeight`).
    public func maximumBarHeight(_ pixels: Int) -> Self { settingOption("maxVizHeight", pixels) }
}

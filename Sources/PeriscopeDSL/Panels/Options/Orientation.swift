/// The layout direction of a visualization (`orientation`).
public enum VizOrientation: String, Sendable, Hashable, JSONRepresentable {
    /// Chosen from the panel's shape.
    case auto
    /// Top to bottom.
    case vertical
    /// Left to right.
    case horizontal
}

/// Whether values, points or labels are drawn (Grafana's `VisibilityMode`).
public enum VisibilityMode: String, Sendable, Hashable, JSONRepresentable {
    /// When there is room.
    case auto
    /// Never.
    case never
    /// Always.
    case always
}

/// A panel with an `options.orientation`.
public protocol OrientationConfigurable: PanelConvertible {}

extension OrientationConfigurable {
    /// Lays the visualization out vertically or horizontally.
    public func orientation(_ orientation: VizOrientation) -> Self { settingOption("orientation", orientation) }
}

/// A single-value panel with text size options (`options.text`).
public protocol TextSizeConfigurable: PanelConvertible {}

extension TextSizeConfigurable {
    /// Fixes the title and value font sizes in pixels instead of fitting them.
    public func textSize(title: Int? = nil, value: Int? = nil) -> Self {
        with {
            if let title { $0.panel.options[path: "text.titleSize"] = .int(title) }
            if let value { $0.panel.options[path: "text.valueSize"] = .int(value) }
        }
    }
}

/// How gauges size themselves (`sizing`).
public enum GaugeSizing: String, Sendable, Hashable, JSONRepresentable {
    /// Fit the panel.
    case auto
    /// Use the minimum sizes given.
    case manual
}

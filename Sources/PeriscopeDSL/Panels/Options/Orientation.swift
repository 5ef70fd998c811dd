/// The layout direction of a visualization (`orientation`).
public enum VizOrientation: String, Sendable, Hashable, JSONRepresentable {
    case auto
    case vertical
    case horizontal
}

/// Whether values, points or labels are drawn (Grafana's `VisibilityMode`).
public enum VisibilityMode: String, Sendable, Hashable, JSONRepresentable {
    case auto
    case never
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
    case auto
    case manual
}

/// Which series the tooltip shows (`tooltip.mode`).
public enum TooltipMode: String, Sendable, Hashable, JSONRepresentable {
    /// The hovered series only.
    case single
    /// All series.
    case multi
    /// No tooltip.
    case none
}

/// How the tooltip orders series (`tooltip.sort`); named apart from Foundation's `SortOrder`.
public enum TooltipSortOrder: String, Sendable, Hashable, JSONRepresentable {
    /// Lowest value first (`asc`).
    case ascending = "asc"
    /// Highest value first (`desc`).
    case descending = "desc"
    /// Series in query order (Grafana's `none`); not named `none`, which `sort: .none` would read as a missing value.
    case unsorted = "none"
}

/// A panel with Grafana's common tooltip options (`options.tooltip`).
public protocol TooltipConfigurable: PanelConvertible {}

extension TooltipConfigurable {
    /// Sets the tooltip mode and, when given, the order of series in it.
    public func tooltip(_ mode: TooltipMode, sort: TooltipSortOrder? = nil) -> Self {
        with {
            $0.panel.options[path: "tooltip.mode"] = mode.jsonValue
            if let sort { $0.panel.options[path: "tooltip.sort"] = sort.jsonValue }
        }
    }
    /// Leaves out series whose value is zero (`tooltip.hideZeros`).
    public func tooltipHidesZeros(_ value: Bool = true) -> Self { settingOption("tooltip.hideZeros", value) }
    /// Limits the tooltip's size in pixels (`tooltip.maxWidth`, `tooltip.maxHeight`); a tooltip
    /// with more series scrolls.
    public func tooltipMaxSize(width: Int? = nil, height: Int? = nil) -> Self {
        with {
            if let width { $0.panel.options[path: "tooltip.maxWidth"] = .int(width) }
            if let height { $0.panel.options[path: "tooltip.maxHeight"] = .int(height) }
        }
    }
}

/// How a stat colours itself from the thresholds (`options.colorMode`).
public enum StatColorMode: String, Sendable, Hashable, JSONRepresentable {
    /// The value text.
    case value
    /// A gradient background.
    case background
    /// A solid background (`background_solid`).
    case backgroundSolid = "background_solid"
    /// No colour.
    case none
}

/// The sparkline behind a stat (`options.graphMode`).
public enum StatGraphMode: String, Sendable, Hashable, JSONRepresentable {
    /// No sparkline.
    case none
    /// A line.
    case line
    /// A filled area.
    case area
}

/// What a stat shows (`options.textMode`).
public enum StatTextMode: String, Sendable, Hashable, JSONRepresentable {
    /// The value, and the name when there are several series.
    case auto
    /// The value only.
    case value
    /// Value and name (`value_and_name`).
    case valueAndName = "value_and_name"
    /// The name only.
    case name
    /// No text, only the colour.
    case none
}

/// How a stat aligns value and name (`options.justifyMode`).
public enum StatJustifyMode: String, Sendable, Hashable, JSONRepresentable {
    /// Left or centred depending on the layout.
    case auto
    /// Centred.
    case center
}

/// How a stat colours the percent change (`options.percentChangeColorMode`).
public enum PercentChangeColorMode: String, Sendable, Hashable, JSONRepresentable {
    /// Increases green, decreases red.
    case standard
    /// Increases red, decreases green.
    case inverted
    /// The colour of the value (`same_as_value`).
    case sameAsValue = "same_as_value"
}

/// One big number per series (`stat`).
///
/// ```swift
/// Stat("Error ratio") { PrometheusQuery("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))") }
///     .unit(.percentUnit)
///     .reduce(.lastNotNull)
///     .colorMode(.background)
///     .graphMode(.none)
/// ```
public struct Stat: ReduceConfigurable, OrientationConfigurable, TextSizeConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a stat panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .stat, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Colours the value or the background from the thresholds (`options.colorMode`).
    public func colorMode(_ mode: StatColorMode) -> Self { settingOption("colorMode", mode) }
    /// Draws a sparkline behind the value, or none (`options.graphMode`).
    public func graphMode(_ mode: StatGraphMode) -> Self { settingOption("graphMode", mode) }
    /// Chooses between value, name or both (`options.textMode`).
    public func textMode(_ mode: StatTextMode) -> Self { settingOption("textMode", mode) }
    /// Aligns value and name (`options.justifyMode`).
    public func justifyMode(_ mode: StatJustifyMode) -> Self { settingOption("justifyMode", mode) }
    /// Puts name and value side by side when wide enough (`options.wideLayout`).
    public func wideLayout(_ value: Bool = true) -> Self { settingOption("wideLayout", value) }
    /// Shows the change over the time range in percent (`options.showPercentChange`).
    public func showPercentChange(_ value: Bool = true, colorMode: PercentChangeColorMode? = nil) -> Self {
        with {
            $0.panel.options[path: "showPercentChange"] = .bool(value)
            if let colorMode { $0.panel.options[path: "percentChangeColorMode"] = colorMode.jsonValue }
        }
    }
}

/// How a series is drawn (`custom.drawStyle`).
public enum DrawStyle: String, Sendable, Hashable, JSONRepresentable {
    /// Lines between points.
    case line
    /// A bar per point.
    case bars
    /// Points only.
    case points
}

/// How points are joined (`custom.lineInterpolation`).
public enum LineInterpolation: String, Sendable, Hashable, JSONRepresentable {
    /// Straight lines.
    case linear
    /// Curves through the points.
    case smooth
    /// Steps that change at the previous point.
    case stepBefore
    /// Steps that change at the next point.
    case stepAfter
}

/// How the fill is shaded (`custom.gradientMode`).
public enum GradientMode: String, Sendable, Hashable, JSONRepresentable {
    /// A flat fill.
    case none
    /// Fading with distance from the line.
    case opacity
    /// Shifting hue.
    case hue
    /// The colour scheme of the field's colour mode.
    case scheme
}

/// Whether series are stacked (`stacking.mode`).
public enum StackingMode: String, Sendable, Hashable, JSONRepresentable {
    /// Not stacked.
    case none
    /// Stacked values.
    case normal
    /// Stacked shares of 100 %.
    case percent
}

/// Where an axis is drawn (`custom.axisPlacement`).
public enum AxisPlacement: String, Sendable, Hashable, JSONRepresentable {
    /// Left for the first unit, right for a second.
    case auto
    /// Above.
    case top
    /// Right.
    case right
    /// Below.
    case bottom
    /// Left.
    case left
    /// Not drawn.
    case hidden
}

/// The scale of an axis (`custom.scaleDistribution`).
public enum AxisScale: Sendable, Hashable, JSONRepresentable {
    /// Linear.
    case linear
    /// Logarithmic with base 2 or 10.
    case log(base: Int)
    /// Symmetrical log, linear within `linearThreshold` of zero.
    case symlog(base: Int, linearThreshold: Double)

    /// `{"type": …, "log": …, "linearThreshold": …}`.
    public var jsonValue: JSONValue {
        switch self {
        case .linear: ["type": "linear"]
        case .log(let base): ["log": .int(base), "type": "log"]
        case .symlog(let base, let threshold): ["linearThreshold": .double(threshold), "log": .int(base), "type": "symlog"]
        }
    }
}

/// How thresholds are drawn on a graph (`custom.thresholdsStyle.mode`).
public enum ThresholdsStyle: String, Sendable, Hashable, JSONRepresentable {
    /// Not drawn.
    case off
    /// Solid lines.
    case line
    /// Dashed lines.
    case dashed
    /// Coloured regions.
    case area
    /// Solid lines and regions (`line+area`).
    case lineAndArea = "line+area"
    /// Dashed lines and regions (`dashed+area`).
    case dashedAndArea = "dashed+area"
    /// Colouring the series itself.
    case series
}

/// A panel with Grafana's axis field options (`fieldConfig.defaults.custom.axis*`).
public protocol AxisConfigurable: PanelConvertible {}

extension AxisConfigurable {
    /// Places the value axis, or hides it.
    public func axisPlacement(_ placement: AxisPlacement) -> Self { settingFieldOption("axisPlacement", placement) }
    /// Labels the value axis.
    public func axisLabel(_ text: String) -> Self { settingFieldOption("axisLabel", text) }
    /// Sets soft bounds: the axis extends past them only when the data does.
    public func axisSoftRange(min: Double? = nil, max: Double? = nil) -> Self {
        with {
            if let min { $0.panel.fieldDefaults.custom[path: "axisSoftMin"] = FieldConfigEncoding.number(min) }
            if let max { $0.panel.fieldDefaults.custom[path: "axisSoftMax"] = FieldConfigEncoding.number(max) }
        }
    }
    /// Sets the axis scale (linear, log, symlog).
    public func scale(
        _ scale: AxisScale, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.scaleDistribution, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.fieldDefaults.custom[path: "scaleDistribution"] = scale.jsonValue
        }
    }
    /// Centres the axis on zero.
    public func axisCenteredZero(_ value: Bool = true) -> Self { settingFieldOption("axisCenteredZero", value) }
    /// Shows or hides the grid lines of the axis.
    public func axisGridShow(_ value: Bool) -> Self { settingFieldOption("axisGridShow", value) }
    /// Colours the axis and its labels as text or as the series (`custom.axisColorMode`).
    public func axisColorMode(_ mode: AxisColorMode) -> Self { settingFieldOption("axisColorMode", mode) }
    /// Draws the axis border line (`custom.axisBorderShow`).
    public func axisBorderShow(_ value: Bool = true) -> Self { settingFieldOption("axisBorderShow", value) }
    /// Sets the axis width in pixels (`custom.axisWidth`), so stacked panels line up.
    public func axisWidth(_ pixels: Int) -> Self { settingFieldOption("axisWidth", pixels) }
}

/// How the value axis is coloured (`custom.axisColorMode`, Grafana's `AxisColorMode`).
public enum AxisColorMode: String, Sendable, Hashable, JSONRepresentable {
    /// The text colour of the theme.
    case text
    /// The colour of the (first) series on the axis.
    case series
}

/// Where a bar sits relative to its timestamp (`custom.barAlignment`, Grafana's `BarAlignment`).
public enum BarAlignment: Int, Sendable, Hashable, JSONRepresentable {
    /// The bar ends at the timestamp (`-1`).
    case before = -1
    /// The bar is centred on the timestamp (`0`).
    case center = 0
    /// The bar starts at the timestamp (`1`).
    case after = 1

    /// The number Grafana stores.
    public var jsonValue: JSONValue { .int(rawValue) }
}

/// How series values are transformed before drawing (`custom.transform`, Grafana's `GraphTransform`).
public enum GraphTransform: String, Sendable, Hashable, JSONRepresentable {
    /// Draws the first value as a horizontal line across the range (`constant`).
    case constant
    /// Mirrors the series below the axis (`negative-Y`), e.g. transmitted against received bytes.
    case negativeY = "negative-Y"
}

/// A panel with line width and fill opacity field options.
public protocol LineFillConfigurable: PanelConvertible {}

extension LineFillConfigurable {
    /// Sets the line (or bar border) width in pixels (`custom.lineWidth`).
    public func lineWidth(_ pixels: Int) -> Self { settingFieldOption("lineWidth", pixels) }
    /// Sets the fill opacity, 0–100 (`custom.fillOpacity`).
    public func fillOpacity(_ percent: Int) -> Self { settingFieldOption("fillOpacity", percent) }
}

/// A panel with a gradient fill option.
public protocol GradientConfigurable: PanelConvertible {}

extension GradientConfigurable {
    /// Shades the fill (`custom.gradientMode`).
    public func gradientMode(_ mode: GradientMode) -> Self { settingFieldOption("gradientMode", mode) }
}

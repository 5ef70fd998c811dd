/// How heatmap cells are coloured (`color.mode`).
public enum HeatmapColorMode: String, Sendable, Hashable, JSONRepresentable {
    /// Shades of one colour.
    case opacity
    /// A colour scheme.
    case scheme
}

/// How values map to colours (`color.scale`).
public enum HeatmapColorScale: String, Sendable, Hashable, JSONRepresentable {
    /// Linear.
    case linear
    /// Exponential, with `exponent`.
    case exponential
}

/// What a bucket bound means for pre-bucketed data (`rowsFrame.layout`): Prometheus histograms are `le`.
public enum HeatmapCellLayout: String, Sendable, Hashable, JSONRepresentable {
    /// The bound is the upper one (`le`), as in Prometheus histograms.
    case le
    /// The bound is the lower one.
    case ge
    /// The bound is a label only.
    case unknown
    /// Guessed from the field names.
    case auto
}

/// How heatmap buckets are computed from raw values (`calculation.xBuckets`/`yBuckets`).
public struct HeatmapBuckets: Sendable, Hashable, JSONRepresentable {
    /// Whether `value` is a bucket size or a bucket count.
    public enum Mode: String, Sendable, Hashable, JSONRepresentable {
        /// `value` is the bucket size.
        case size
        /// `value` is the number of buckets.
        case count
    }

    /// Size or count.
    public var mode: Mode
    /// The size (e.g. `1m` for time) or count.
    public var value: String
    /// The bucket scale (y only).
    public var scale: AxisScale?

    /// Creates a bucket configuration.
    public init(_ mode: Mode, _ value: String, scale: AxisScale? = nil) {
        self.mode = mode
        self.value = value
        self.scale = scale
    }

    /// `{"mode": …, "value": …, "scale": …}`.
    public var jsonValue: JSONValue {
        var object: JSONValue = ["mode": mode.jsonValue, "value": .string(value)]
        if let scale { object["scale"] = scale.jsonValue }
        return object
    }
}

/// A heatmap of bucketed values (`heatmap`).
///
/// ```swift
/// Heatmap("Latency") {
///     PrometheusQuery("sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval]))").format(.heatmap).legendFormat("{{le}}")
/// }
/// .calculate(false)
/// .bucketLayout(.le)
/// .colorScheme("Spectral", steps: 64)
/// .yAxis(unit: .seconds)
/// ```
public struct Heatmap: PanelConvertible {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a heatmap panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .heatmap, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Buckets raw values in Grafana (`true`) or uses the buckets the data already has (`false`) (`options.calculate`).
    public func calculate(_ value: Bool = true) -> Self { settingOption("calculate", value) }
    /// Buckets raw values in Grafana with the given bucket sizes or counts (`options.calculation`).
    public func calculation(x: HeatmapBuckets? = nil, y: HeatmapBuckets? = nil) -> Self {
        with {
            $0.panel.options[path: "calculate"] = true
            if let x { $0.panel.options[path: "calculation.xBuckets"] = x.jsonValue }
            if let y { $0.panel.options[path: "calculation.yBuckets"] = y.jsonValue }
        }
    }
    /// Says what pre-bucketed bounds mean (`options.rowsFrame.layout`); `.le` for Prometheus histograms.
    public func bucketLayout(_ layout: HeatmapCellLayout) -> Self { settingOption("rowsFrame.layout", layout) }
    /// Colours cells from a colour scheme such as `Oranges` or `Spectral` (`options.color`).
    public func colorScheme(_ scheme: String, steps: Int? = nil, reverse: Bool? = nil, scale: HeatmapColorScale? = nil, exponent: Double? = nil) -> Self {
        with {
            $0.panel.options[path: "color.mode"] = HeatmapColorMode.scheme.jsonValue
            $0.panel.options[path: "color.scheme"] = .string(scheme)
            if let steps { $0.panel.options[path: "color.steps"] = .int(steps) }
            if let reverse { $0.panel.options[path: "color.reverse"] = .bool(reverse) }
            if let scale { $0.panel.options[path: "color.scale"] = scale.jsonValue }
            if let exponent { $0.panel.options[path: "color.exponent"] = FieldConfigEncoding.number(exponent) }
        }
    }
    /// Colours cells as shades of one colour (`options.color.mode: opacity`).
    public func colorOpacity(_ fill: Color, scale: HeatmapColorScale? = nil, exponent: Double? = nil) -> Self {
        with {
            $0.panel.options[path: "color.mode"] = HeatmapColorMode.opacity.jsonValue
            $0.panel.options[path: "color.fill"] = .string(fill.rawValue)
            if let scale { $0.panel.options[path: "color.scale"] = scale.jsonValue }
            if let exponent { $0.panel.options[path: "color.exponent"] = FieldConfigEncoding.number(exponent) }
        }
    }
    /// Fixes the value range the colours span (`options.color.min`, `options.color.max`).
    public func colorRange(min: Double? = nil, max: Double? = nil) -> Self {
        with {
            if let min { $0.panel.options[path: "color.min"] = FieldConfigEncoding.number(min) }
            if let max { $0.panel.options[path: "color.max"] = FieldConfigEncoding.number(max) }
        }
    }
    /// Configures the y axis (`options.yAxis`); only the arguments given are written.
    public func yAxis(
        unit: Unit? = nil, decimals: Int? = nil, min: Double? = nil, max: Double? = nil,
        reverse: Bool? = nil, placement: AxisPlacement? = nil, label: String? = nil
    ) -> Self {
        with {
            if let unit { $0.panel.options[path: "yAxis.unit"] = .string(unit.id) }
            if let decimals { $0.panel.options[path: "yAxis.decimals"] = .int(decimals) }
            if let min { $0.panel.options[path: "yAxis.min"] = FieldConfigEncoding.number(min) }
            if let max { $0.panel.options[path: "yAxis.max"] = FieldConfigEncoding.number(max) }
            if let reverse { $0.panel.options[path: "yAxis.reverse"] = .bool(reverse) }
            if let placement { $0.panel.options[path: "yAxis.axisPlacement"] = placement.jsonValue }
            if let label { $0.panel.options[path: "yAxis.axisLabel"] = .string(label) }
        }
    }
    /// Sets the gap between cells in pixels (`options.cellGap`).
    public func cellGap(_ pixels: Int) -> Self { settingOption("cellGap", pixels) }
    /// Rounds the cell corners, in pixels (`cellRadius`).
    public func cellRadius(_ pixels: Int) -> Self { settingOption("cellRadius", pixels) }
    /// Sets the axes a drag selects along (`selectionMode`): x zooms the time range.
    public func selectionMode(_ mode: HeatmapSelectionMode) -> Self { settingOption("selectionMode", mode) }
    /// Sets the unit and decimals of cell values (`options.cellValues`).
    public func cellValues(unit: Unit? = nil, decimals: Int? = nil) -> Self {
        with {
            if let unit { $0.panel.options[path: "cellValues.unit"] = .string(unit.id) }
            if let decimals { $0.panel.options[path: "cellValues.decimals"] = .int(decimals) }
        }
    }
    /// Writes values into the cells (`options.showValue`).
    public func showValue(_ mode: VisibilityMode) -> Self { settingOption("showValue", mode) }
    /// Hides cells at or below `value` (`options.filterValues.le`), e.g. empty buckets.
    public func hideCells(atOrBelow value: Double) -> Self { settingOption("filterValues.le", FieldConfigEncoding.number(value)) }
    /// Sets the tooltip mode and whether it shows the bucket histogram (`options.tooltip`).
    public func tooltip(_ mode: TooltipMode, yHistogram: Bool? = nil, showColorScale: Bool? = nil) -> Self {
        with {
            $0.panel.options[path: "tooltip.mode"] = mode.jsonValue
            if let yHistogram { $0.panel.options[path: "tooltip.yHistogram"] = .bool(yHistogram) }
            if let showColorScale { $0.panel.options[path: "tooltip.showColorScale"] = .bool(showColorScale) }
        }
    }
    /// Shows or hides the colour legend (`options.legend.show`).
    public func showLegend(_ value: Bool = true) -> Self { settingOption("legend.show", value) }
    /// Sets the colour of exemplar markers (`options.exemplars.color`).
    public func exemplarColor(_ color: Color) -> Self { settingOption("exemplars.color", color.rawValue) }
}

/// The axes a drag selects along in a heatmap (`selectionMode`, Grafana's `HeatmapSelectionMode`).
public enum HeatmapSelectionMode: String, Sendable, Hashable, JSONRepresentable {
    /// Along time (`x`).
    case x
    /// Along the buckets (`y`).
    case y
    /// Both (`xy`).
    case xy
}

/// A typed panel (`TimeSeries`, `Stat`, …): a `Panel` plus typed options for its type.
///
/// Every modifier shared by all panels is defined once here.
public protocol PanelConvertible: Sendable, Modifiable, BuilderContent where Builder == PanelBuilder {
    /// The underlying panel model.
    var panel: Panel { get set }
}

extension PanelConvertible {
    /// The panel model, for ``PanelBuilder`` (and ``DashboardBuilder``).
    public var builderElements: [Panel] { [panel] }
}

extension Panel: PanelConvertible {
    /// The panel itself.
    public var panel: Panel {
        get { self }
        set { self = newValue }
    }
}

extension PanelConvertible {
    /// A copy changed by `body` that records `location` under `key`.
    ///
    /// Mutates the copy's panel in place: most modifiers record, and a copy of the panel per
    /// modifier shows in the render time of big catalogs.
    func recording(_ key: ModifierKey<Panel>, at location: SourceLocation, _ body: (inout Panel) -> Void) -> Self {
        with {
            body(&$0.panel)
            $0.panel.modifierLocations[key] = location
        }
    }

    /// Sets the title.
    public func title(_ title: String) -> Self { with { $0.panel.title = title } }
    /// Sets the description.
    public func description(_ text: String) -> Self { with { $0.panel.description = text } }
    /// Sets the datasource of the panel's queries.
    public func datasource(_ reference: DatasourceReference, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.datasource, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.datasource = reference }
    }
    /// Appends queries.
    public func queries(@QueryBuilder _ queries: () -> [Query]) -> Self { with { $0.panel.queries += queries() } }

    // MARK: Field config

    /// Sets the unit.
    public func unit(_ unit: Unit, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.unit, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.fieldDefaults.unit = unit }
    }
    /// Sets the number of decimals.
    public func decimals(_ value: Int) -> Self { with { $0.panel.fieldDefaults.decimals = value } }
    /// Sets the minimum of the value range.
    public func min(_ value: Double) -> Self { with { $0.panel.fieldDefaults.min = value } }
    /// Sets the maximum of the value range.
    public func max(_ value: Double) -> Self { with { $0.panel.fieldDefaults.max = value } }
    /// Sets the display name template.
    public func displayName(_ value: String) -> Self { with { $0.panel.fieldDefaults.displayName = value } }
    /// Sets the text shown for missing values.
    public func noValue(_ value: String) -> Self { with { $0.panel.fieldDefaults.noValue = value } }
    /// Sets the field description.
    public func fieldDescription(_ value: String) -> Self { with { $0.panel.fieldDefaults.description = value } }
    /// Sets coloured thresholds.
    ///
    /// ```swift
    /// .thresholds([.base(.green), .step(0.05, .red)])
    /// .thresholds([.base(.green), .step(90, .red)], mode: .percentage)
    /// ```
    public func thresholds(
        _ steps: [ThresholdStep], mode: ThresholdsMode = .absolute,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return recording(.thresholds, at: location) { $0.fieldDefaults.thresholds = Thresholds(mode, steps, location: location) }
    }
    /// Sets value mappings.
    public func mappings(_ mappings: [ValueMapping]) -> Self { with { $0.panel.fieldDefaults.mappings = mappings } }
    /// Sets the colour scheme of the values (Grafana's "Color scheme" standard option,
    /// `fieldConfig.defaults.color`), e.g. `.colorScheme(.fixed(.blue))`.
    public func colorScheme(_ mode: FieldColorMode) -> Self { with { $0.panel.fieldDefaults.color = mode } }
    /// The former name of ``colorScheme(_:)``, which Stat's `colorMode` (`options.colorMode`) shadowed.
    @available(*, deprecated, renamed: "colorScheme(_:)")
    public func colorMode(_ mode: FieldColorMode) -> Self { colorScheme(mode) }
    /// Adds a data link to the values.
    public func dataLink(_ link: DataLink) -> Self { with { $0.panel.fieldDefaults.links.append(link) } }
    /// Overrides field properties for the fields `matcher` selects.
    ///
    /// ```swift
    /// .override(.byName("errors")) { FieldProperty.color(.fixed(.red)) }
    /// ```
    public func override(
        _ matcher: FieldMatcher,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @FieldPropertyBuilder _ properties: () -> [FieldProperty]
    ) -> Self {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return with { $0.panel.overrides.append(FieldOverride(matcher, properties(), location: location)) }
    }
    /// Sets a panel-specific field option by path (`fieldConfig.defaults.custom.<path>`).
    public func fieldOption(_ path: OptionPath, _ value: JSONValue) -> Self {
        with { $0.panel.fieldDefaults.custom[path: path] = value }
    }

    // MARK: Options and escape hatches

    /// Sets a panel option by path (`options.<path>`), for options without a typed modifier.
    ///
    /// ```swift
    /// .option("legend.calcs", ["mean", "max"])
    /// ```
    public func option(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.panel.options[path: path] = value } }
    /// Sets any top-level panel field by path, for fields without a modifier.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.panel.extra[path: path] = value } }

    // MARK: Behaviour

    /// Appends a transformation.
    public func transformation(_ transformation: Transformation) -> Self { with { $0.panel.transformations.append(transformation) } }
    /// Appends transformations.
    public func transformations(_ transformations: [Transformation]) -> Self { with { $0.panel.transformations += transformations } }
    /// Adds a panel link.
    public func link(_ link: DataLink) -> Self { with { $0.panel.links.append(link) } }
    /// Repeats the panel for each value of a variable.
    public func `repeat`(by variable: String, direction: Repeat.Direction = .horizontal, maxPerRow: Int? = nil) -> Self {
        with { $0.panel.repeatOptions = Repeat(variable: variable, direction: direction, maxPerRow: maxPerRow) }
    }
    /// Sets the minimum query interval.
    public func interval(_ value: GrafanaDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.interval, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.interval = value }
    }
    /// Limits the data points per series.
    public func maxDataPoints(_ value: Int) -> Self { with { $0.panel.maxDataPoints = value } }
    /// Overrides the dashboard time range with a relative one, e.g. `24h`.
    public func timeFrom(_ value: GrafanaDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.timeFrom, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.timeFrom = value }
    }
    /// Shifts the time range back, e.g. `1d`.
    public func timeShift(_ value: GrafanaDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.timeShift, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.timeShift = value }
    }
    /// Makes the background transparent.
    public func transparent(_ value: Bool = true) -> Self { with { $0.panel.transparent = value } }

    // MARK: Layout

    /// Sets the width in grid columns (1–24).
    public func width(_ columns: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.width, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.width = columns }
    }
    /// Sets the height in grid units.
    public func height(_ units: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.height, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.height = units }
    }
    /// Sets width and height.
    public func size(width: Int, height: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        // Both keys: a bad width or a bad height is reported here.
        return recording(.width, at: location) {
            $0.width = width
            $0.height = height
            $0.modifierLocations[.height] = location
        }
    }
    /// Places the panel at an explicit position instead of flowing it into the grid.
    public func gridPos(x: Int, y: Int, w: Int, h: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.gridPos, at: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) { $0.gridPos = GridPos(x: x, y: y, w: w, h: h) }
    }

    // MARK: Environments

    /// Applies `transform` only when rendering one of `environments`.
    ///
    /// ```swift
    /// Stat("Errors") { … }.in(.prod) { $0.thresholds([.base(.green), .step(1, .red)]) }
    /// ```
    public func `in`(
        _ environments: EnvironmentName..., fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        _ transform: @escaping @Sendable (Self) -> Self
    ) -> Self {
        let template = self
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let overlay = EnvironmentOverlay<Panel>(environments: Set(environments), location: location) { panel in
            var typed = template
            typed.panel = panel
            return transform(typed).panel
        }
        return with { $0.panel.overlays.append(overlay) }
    }
}

/// Collects panels (the contents of a row).
@resultBuilder
public enum PanelBuilder: ListBuilder {
    public typealias Element = Panel
    public static func elements(of content: any PanelConvertible) -> [Panel] { [content.panel] }
}

/// How the crosshair and tooltip are shared between panels (`graphTooltip`).
public enum GraphTooltip: Int, Sendable, Hashable {
    /// Each panel on its own.
    case `default` = 0
    /// A shared crosshair.
    case sharedCrosshair = 1
    /// A shared crosshair and tooltip.
    case sharedTooltip = 2
}

/// The dashboard's default time range (`time`).
public struct TimeRange: Sendable, Hashable {
    /// The start, e.g. `now-6h`.
    public var from: GrafanaTime
    /// The end, e.g. `now`.
    public var to: GrafanaTime

    /// Creates a range.
    public init(from: GrafanaTime, to: GrafanaTime = .now) {
        self.from = from
        self.to = to
    }
}

/// A Grafana dashboard.
///
/// ```swift
/// Dashboard("HTTP service", uid: "http-red") {
///     Row("Traffic") {
///         TimeSeries("Request rate") {
///             PrometheusQuery("sum by (route) (rate(http_requests_total[$__rate_interval]))").legendFormat("{{route}}")
///         }
///         .unit(.requestsPerSecond)
///     }
/// }
/// .tags("http", "red")
/// .time(from: "now-6h")
/// ```
///
/// Keep big dashboards type-checking fast: declare each row as its own property or function
/// and list them in the dashboard (one declaration per row).
public struct Dashboard: Sendable, ModifierLocating, EnvironmentOverlayable {
    /// The uid, before the environment's `uidPrefix` is applied.
    public var uid: String
    /// The title.
    public var title: String
    /// The description.
    public var description: String?
    /// The tags.
    public var tags: [String]
    /// The folder; the environment's `grafana.folder` when nil.
    public var folder: String?
    /// The default time range.
    public var time: TimeRange?
    /// The refresh interval; the environment's `grafana.refresh` when nil.
    public var refresh: RefreshInterval?
    /// The timezone: `browser`, `utc` or an IANA name.
    public var timezone: String?
    /// Shared crosshair/tooltip behaviour.
    public var graphTooltip: GraphTooltip?
    /// Whether the dashboard can be edited in Grafana.
    public var editable: Bool?
    /// Header links.
    public var links: [DashboardLink]
    /// Annotation sources.
    public var annotations: [Annotation]
    /// Template variables, in order.
    public var variables: [Variable]
    /// Panels and rows, in order.
    public var items: [DashboardItem]
    /// The datasource panels use when they set none.
    public var defaultDatasource: DatasourceReference?
    /// The schema version written (default 42, the last classic version: `DashboardMigrator.ts` adds no later one).
    public var schemaVersion: Int
    /// Any other top-level fields, set by path (the escape hatch).
    public var extra: JSONValue
    /// Where the dashboard was written.
    public var location: SourceLocation
    /// Where modifiers a finding can point at were applied (`uid`, `refresh`, `time`, …).
    public var modifierLocations: [ModifierKey<Dashboard>: SourceLocation]
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<Dashboard>]
    /// Lint checks switched off for this dashboard (``lintDisabled(_:reason:fileID:filePath:line:column:)``).
    public var lintSuppressions: [LintSuppression] = []

    /// Creates a dashboard.
    public init(
        _ title: String, uid: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @DashboardBuilder content: () -> [DashboardItem]
    ) {
        self.uid = uid
        self.title = title
        self.tags = []
        self.links = []
        self.annotations = []
        self.variables = []
        self.items = content()
        self.schemaVersion = 42
        self.extra = .object([])
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.modifierLocations = [:]
        self.overlays = []
    }

    /// Sets the description.
    public func description(_ text: String) -> Self { with { $0.description = text } }
    /// Adds tags.
    public func tags(_ tags: String...) -> Self { with { $0.tags += tags } }
    /// Adds tags.
    public func tags(_ tags: [String]) -> Self { with { $0.tags += tags } }
    /// Sets the folder, overriding the environment's.
    public func folder(_ name: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.folder, fileID, filePath, line, column) { $0.folder = name }
    }
    /// Sets the default time range.
    public func time(from: GrafanaTime, to: GrafanaTime = .now, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.time, fileID, filePath, line, column) { $0.time = TimeRange(from: from, to: to) }
    }
    /// Sets the refresh interval, overriding the environment's.
    public func refresh(_ interval: RefreshInterval, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.refresh, fileID, filePath, line, column) { $0.refresh = interval }
    }
    /// Sets the timezone (`browser`, `utc` or an IANA name).
    public func timezone(_ zone: String) -> Self { with { $0.timezone = zone } }
    /// Sets shared crosshair/tooltip behaviour.
    public func graphTooltip(_ mode: GraphTooltip) -> Self { with { $0.graphTooltip = mode } }
    /// Makes the dashboard editable or read-only in Grafana.
    public func editable(_ value: Bool) -> Self { with { $0.editable = value } }
    /// Adds header links.
    public func links(_ links: DashboardLink...) -> Self { with { $0.links += links } }
    /// Adds annotation sources.
    public func annotations(_ annotations: Annotation...) -> Self { with { $0.annotations += annotations } }
    /// Adds template variables.
    ///
    /// ```swift
    /// .variables {
    ///     DatasourceVariable("datasource", pluginType: "prometheus")
    ///     QueryVariable("job", query: "label_values(up, job)")
    /// }
    /// ```
    public func variables(@VariableBuilder _ variables: () -> [Variable]) -> Self { with { $0.variables += variables() } }
    /// Sets the datasource panels use when they set none.
    public func defaultDatasource(_ reference: DatasourceReference, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.defaultDatasource, fileID, filePath, line, column) { $0.defaultDatasource = reference }
    }
    /// Sets the schema version written.
    public func schemaVersion(_ version: Int) -> Self { with { $0.schemaVersion = version } }
    /// Sets any top-level field by path, for fields without a modifier.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.extra[path: path] = value } }
}

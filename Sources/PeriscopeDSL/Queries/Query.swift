/// The result format Grafana asks Prometheus for: the target's `format`.
public enum PrometheusFormat: String, Sendable, Hashable {
    /// `time_series`, Grafana's default: one series per label set.
    case timeSeries = "time_series"
    /// `table`: the samples as table rows, a column per label and a `Value` column; usually
    /// with an instant query.
    case table
    /// `heatmap`: histogram buckets sorted by their `le` label and turned from cumulative
    /// counts into per-bucket counts, for `Heatmap` panels.
    case heatmap
}

/// A Prometheus query of a panel.
///
/// ```swift
/// PrometheusQuery("sum by (route) (rate(http_requests_total[$__rate_interval]))")
///     .legendFormat("{{route}}")
/// ```
public struct PrometheusQuery: Sendable, Hashable, Modifiable {
    /// The PromQL expression; Grafana variables such as `$__rate_interval` may appear in it.
    public var expr: String
    /// The legend template, e.g. `{{route}}`.
    public var legendFormat: String?
    /// Whether to run an instant query (true), a range query (false) or Grafana's default (nil).
    public var instant: Bool?
    /// Whether to run a range query; Grafana writes both flags.
    public var range: Bool?
    /// The minimum step, e.g. `1m`.
    public var interval: GrafanaDuration?
    /// The result format.
    public var format: PrometheusFormat?
    /// An explicit refId; by default queries get `A`, `B`, … in order.
    public var refId: String?
    /// Whether the query is hidden from the visualization.
    public var hide: Bool?
    /// Whether exemplars are requested.
    public var exemplar: Bool?
    /// A datasource for this query alone; normally the panel's.
    public var datasource: DatasourceReference?
    /// Whether the environment's `prometheus.selectors` are injected into this query.
    public var injectsSelectors: Bool
    /// Any other fields of the target's JSON, set by path (the escape hatch, ``setting(_:_:)``).
    public var extra: JSONValue = .object([])
    /// Where the query was written.
    public var location: SourceLocation

    /// Creates a query.
    public init(_ expr: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.expr = expr
        self.injectsSelectors = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sets the legend template (`legendFormat`), e.g. `{{route}}`.
    public func legendFormat(_ format: String) -> Self { with { $0.legendFormat = format } }
    /// The former name of ``legendFormat(_:)``; a panel's `.legend` sets its legend options.
    @available(*, deprecated, renamed: "legendFormat(_:)")
    public func legend(_ format: String) -> Self { legendFormat(format) }
    /// Makes this an instant query.
    public func instant(_ value: Bool = true) -> Self { with { $0.instant = value; $0.range = !value } }
    /// Makes this a range query.
    public func range(_ value: Bool = true) -> Self { with { $0.range = value; $0.instant = !value } }
    /// Sets the minimum step.
    public func interval(_ value: GrafanaDuration) -> Self { with { $0.interval = value } }
    /// Sets the result format.
    public func format(_ value: PrometheusFormat) -> Self { with { $0.format = value } }
    /// Sets an explicit refId.
    public func refId(_ value: String) -> Self { with { $0.refId = value } }
    /// Hides the query from the visualization.
    public func hidden(_ value: Bool = true) -> Self { with { $0.hide = value } }
    /// Requests exemplars.
    public func exemplars(_ value: Bool = true) -> Self { with { $0.exemplar = value } }
    /// Uses another datasource for this query.
    public func datasource(_ value: DatasourceReference) -> Self { with { $0.datasource = value } }
    /// Opts this query out of selector injection (`prometheus.selectors`).
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.injectsSelectors = value } }
    /// Sets any field of the target's JSON by path, for fields without a modifier (the escape
    /// hatch), e.g. `.setting("intervalFactor", 2)`; merged over the typed fields.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.extra[path: path] = value } }
}

/// A Loki query of a panel.
///
/// ```swift
/// LokiQuery(#"{app="checkout"} |= "error""#).legendFormat("{{pod}}")
/// ```
public struct LokiQuery: Sendable, Hashable, Modifiable {
    /// The LogQL expression.
    public var expr: String
    /// The legend template.
    public var legendFormat: String?
    /// Whether to run an instant query.
    public var instant: Bool?
    /// The maximum number of lines returned.
    public var maxLines: Int?
    /// An explicit refId.
    public var refId: String?
    /// Whether the query is hidden.
    public var hide: Bool?
    /// A datasource for this query alone.
    public var datasource: DatasourceReference?
    /// Any other fields of the target's JSON, set by path (the escape hatch, ``setting(_:_:)``).
    public var extra: JSONValue = .object([])
    /// Where the query was written.
    public var location: SourceLocation

    /// Creates a query.
    public init(_ expr: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.expr = expr
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sets the legend template (`legendFormat`), e.g. `{{route}}`.
    public func legendFormat(_ format: String) -> Self { with { $0.legendFormat = format } }
    /// The former name of ``legendFormat(_:)``; a panel's `.legend` sets its legend options.
    @available(*, deprecated, renamed: "legendFormat(_:)")
    public func legend(_ format: String) -> Self { legendFormat(format) }
    /// Makes this an instant query.
    public func instant(_ value: Bool = true) -> Self { with { $0.instant = value } }
    /// Limits the number of lines.
    public func maxLines(_ value: Int) -> Self { with { $0.maxLines = value } }
    /// Sets an explicit refId.
    public func refId(_ value: String) -> Self { with { $0.refId = value } }
    /// Hides the query.
    public func hidden(_ value: Bool = true) -> Self { with { $0.hide = value } }
    /// Uses another datasource for this query.
    public func datasource(_ value: DatasourceReference) -> Self { with { $0.datasource = value } }
    /// Sets any field of the target's JSON by path, for fields without a modifier (the escape
    /// hatch); merged over the typed fields.
    public func setting(_ path: OptionPath, _ value: JSONValue) -> Self { with { $0.extra[path: path] = value } }
}

/// One query of a panel.
public enum Query: Sendable, Hashable {
    /// A PromQL query against a Prometheus datasource.
    case prometheus(PrometheusQuery)
    /// A LogQL query against a Loki datasource.
    case loki(LokiQuery)

    /// Where the query was written.
    public var location: SourceLocation {
        switch self {
        case .prometheus(let query): query.location
        case .loki(let query): query.location
        }
    }

    /// The explicit refId, if any.
    public var explicitRefId: String? {
        switch self {
        case .prometheus(let query): query.refId
        case .loki(let query): query.refId
        }
    }
}

/// Collects the queries of a panel.
@resultBuilder
public enum QueryBuilder: ListBuilder {
    public typealias Element = Query
}

extension Query: BuilderContent { public typealias Builder = QueryBuilder }

extension PrometheusQuery: BuilderContent {
    public typealias Builder = QueryBuilder
    public var builderElements: [Query] { [.prometheus(self)] }
}

extension LokiQuery: BuilderContent {
    public typealias Builder = QueryBuilder
    public var builderElements: [Query] { [.loki(self)] }
}

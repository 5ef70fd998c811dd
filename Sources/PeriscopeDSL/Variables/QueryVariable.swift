/// A variable whose options come from a datasource query (`type: query`).
///
/// ```swift
/// QueryVariable("namespace", query: "label_values(kube_pod_info, namespace)")
///     .label("Namespace")
///     .refresh(.onTimeRangeChange)
/// ```
///
/// On a Prometheus datasource the environment's `prometheus.selectors` go into the query as
/// into panel queries: `label_values(kube_pod_info, namespace)` renders for prod as
/// `label_values(kube_pod_info{env="prod"}, namespace)`; see ``injectingSelectors(_:)``.
public struct QueryVariable: MultiValueVariable {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates a query variable; the datasource defaults to the logical `metrics` datasource.
    public init(
        _ name: String, query: String, datasource: DatasourceReference = .defaultMetrics,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .query, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.query = query
        variable.datasource = datasource
    }

    /// Sets the datasource the query runs against.
    public func datasource(_ reference: DatasourceReference) -> Self { with { $0.variable.datasource = reference } }
    /// Sets when the options are refreshed.
    public func refresh(_ refresh: VariableRefresh) -> Self { with { $0.variable.refresh = refresh } }
    /// Sets how the options are sorted.
    public func sort(_ sort: VariableSort) -> Self { with { $0.variable.sort = sort } }
    /// Filters the options with a regex; a capture group extracts the value.
    public func regex(_ pattern: String) -> Self { with { $0.variable.regex = pattern } }
    /// Opts the query out of selector injection (`prometheus.selectors`), which adds the
    /// environment's matchers to the selector of `label_values(selector, label)` (or a selector
    /// to `label_values(label)`), to the expression of `query_result(expr)` and to a bare
    /// series selector, when the datasource is Prometheus.
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.variable.injectsSelectors = value } }
}

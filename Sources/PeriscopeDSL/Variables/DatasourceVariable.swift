/// A variable selecting a datasource of one plugin type (`type: datasource`), as most mixins
/// select theirs.
///
/// Panels and queries use it through `.datasource(.variable("datasource", type: "prometheus"))`
/// (written `${datasource}`; `"$datasource"` is kept as written).
///
/// Its selected value follows the environment: unless `.current` sets it, it is the uid of the
/// environment's datasource of the variable's plugin type, the logical `metrics` (for
/// `prometheus`) or `logs` (for `loki`) when they are of that type, else the environment's only
/// datasource of that type. `.current(.named("longterm"))` picks another logical datasource.
///
/// ```swift
/// DatasourceVariable("datasource", pluginType: "prometheus")      // prod: current = prod's metrics uid
/// DatasourceVariable("datasource", pluginType: "prometheus").current(.named("longterm"))
/// ```
public struct DatasourceVariable: MultiValueVariable {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates a datasource variable listing the datasources of `pluginType` (e.g. `prometheus`, `loki`).
    public init(
        _ name: String, pluginType: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .datasource, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.query = pluginType
    }

    /// Lists only the datasources whose names match `pattern`.
    public func regex(_ pattern: String) -> Self { with { $0.variable.regex = pattern } }
    /// Starts on a logical datasource of the environment (`.named("longterm")`), or a fixed one:
    /// the selected value is its uid in each environment.
    public func current(_ datasource: DatasourceReference) -> Self { with { $0.variable.datasource = datasource } }
}

/// A variable selecting a datasource of one plugin type (`type: datasource`).
///
/// Panels use it through `.datasource(.variable("datasource", type: "prometheus"))`.
///
/// ```swift
/// DatasourceVariable("datasource", pluginType: "prometheus").current("prom-prod")
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
}

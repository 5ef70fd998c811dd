/// Ad hoc label filters added to every query of the datasource (`type: adhoc`).
///
/// ```swift
/// AdhocVariable("filters", datasource: .named("metrics"))
/// ```
public struct AdhocVariable: VariableConvertible {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates ad hoc filters for `datasource`.
    public init(
        _ name: String, datasource: DatasourceReference = .defaultMetrics,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .adhoc, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.datasource = datasource
    }
}

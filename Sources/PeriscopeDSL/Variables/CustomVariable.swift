/// A variable with a fixed list of options (`type: custom`).
///
/// ```swift
/// CustomVariable("quantile", values: ["0.5", "0.9", "0.99"]).current("0.99")
/// ```
public struct CustomVariable: MultiValueVariable {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates a custom variable whose options display as their values.
    public init(
        _ name: String, values: [String],
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.init(name, options: values.map { VariableOption($0) }, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Creates a custom variable from options with their own display text.
    public init(
        _ name: String, options: [VariableOption],
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .custom, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.options = options
    }
}

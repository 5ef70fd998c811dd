/// A hidden, fixed value that queries reference as `$name` (`type: constant`).
///
/// ```swift
/// ConstantVariable("cluster", value: "eu-west-1")
/// ```
public struct ConstantVariable: VariableConvertible {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates a constant.
    public init(
        _ name: String, value: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .constant, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.query = value
    }
}

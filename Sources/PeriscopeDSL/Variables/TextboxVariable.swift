/// A free-text input in the variable bar (`type: textbox`).
///
/// ```swift
/// TextboxVariable("pod_filter", defaultValue: ".*").label("Pod regex")
/// ```
public struct TextboxVariable: VariableConvertible {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates a text box holding `defaultValue` until the user types.
    public init(
        _ name: String, defaultValue: String = "",
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .textbox, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.query = defaultValue
    }
}

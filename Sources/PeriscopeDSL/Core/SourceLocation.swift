/// Where in the user's Swift source a definition was written.
///
/// Every public DSL initializer, and every modifier a finding can point at, captures one so
/// that diagnostics name the Swift line (`Sources/Monitoring/Checkout.swift:42:9`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The `#fileID` of the call site, e.g. `Monitoring/Checkout.swift`; stable across machines.
    public var fileID: String
    /// The `#filePath` of the call site; absolute, used for clickable diagnostics only.
    public var filePath: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a location from the call-site literals.
    public init(fileID: String, filePath: String, line: UInt, column: UInt) {
        self.fileID = fileID
        self.filePath = filePath
        self.line = Int(line)
        self.column = Int(column)
    }

    /// The location of the caller; use as a default argument: `location: SourceLocation = .here()`.
    public static func here(
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> SourceLocation {
        SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// A machine-independent rendering (`Module/File.swift:12:5`), used in generated artifacts.
    public var stableDescription: String { "\(fileID):\(line):\(column)" }

    /// The path relative to `directory` when the file lies beneath it, else the absolute path.
    public func displayPath(relativeTo directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        if filePath.hasPrefix(prefix) { return String(filePath.dropFirst(prefix.count)) }
        return filePath
    }

    /// `path:line:col`, with the path as written by the compiler (`#filePath`).
    public var description: String { "\(filePath):\(line):\(column)" }
}

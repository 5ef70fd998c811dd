import PeriscopeModel
import Foundation
import PeriscopeDSL

/// One environment file, read, parsed and checked on its own.
struct EnvironmentFile: Sendable {
    /// The environment name (file name without extension).
    let name: String
    /// The path shown in diagnostics.
    let path: String
    /// The document, when it parsed into a map.
    var root: YAMLTree?
    /// The environment it extends, if any.
    var extends: ExtendsReference?
    /// Problems found in this file alone.
    var diagnostics: [Diagnostic] = []

    /// Whether the file can take part in a merge.
    var isValid: Bool { root != nil && !diagnostics.contains { $0.severity == .error } }

    /// Environment files are a few kilobytes; refusing huge ones keeps parsing time bounded.
    static let maximumSize = 1 << 20

    /// Reads and checks the file at `path`.
    static func read(name: String, path: String) -> EnvironmentFile {
        var file = EnvironmentFile(name: name, path: path)
        let whole = FileLocation(path: path)
        let data: Data
        switch readContents(of: path) {
        case .success(let contents):
            data = contents
        case .failure(let failure):
            file.diagnostics.append(.error(failure.message, at: whole, id: .environmentFileUnreadable))
            return file
        }
        guard let text = String(data: data, encoding: .utf8) else {
            file.diagnostics.append(.error("environment file is not valid UTF-8 text", at: whole, id: .environmentFileUnreadable))
            return file
        }
        let output = YAMLReader(path: path).read(text)
        file.diagnostics = output.diagnostics
        if output.isEmpty, output.diagnostics.isEmpty {
            file.diagnostics.append(.error(
                "environment file is empty; expected a map of settings such as extends, grafana, prometheus, alerting and values",
                at: FileLocation(path: path, line: 1, column: 1), id: .environmentValueInvalid))
            return file
        }
        guard let root = output.root else { return file }
        var checker = EnvironmentFileChecker()
        file.extends = checker.check(root: root)
        file.diagnostics += checker.diagnostics
        if root.entries != nil { file.root = root }
        return file
    }

    private struct ReadFailure: Error {
        let message: String
    }

    /// The bytes of a regular file of at most `maximumSize` bytes (`FileBytes` bounds the read,
    /// so a file that grows meanwhile, or a symlink to a device, cannot exhaust memory).
    private static func readContents(of path: String) -> Result<Data, ReadFailure> {
        switch FileBytes.read(path, limit: maximumSize, regularFileOnly: true) {
        case .success(let bytes):
            return .success(Data(bytes))
        case .failure(let failure):
            switch failure.kind {
            case .unreadable:
                return .failure(ReadFailure(message: "cannot read environment file '\(path)': \(failure.reason)"))
            case .notRegularFile:
                return .failure(ReadFailure(message: "'\(path)' is not a regular file; expected a YAML environment file"))
            case .tooLarge:
                return .failure(ReadFailure(message: "environment file is \(failure.size ?? maximumSize + 1) bytes; at most \(maximumSize) are allowed"))
            }
        }
    }
}

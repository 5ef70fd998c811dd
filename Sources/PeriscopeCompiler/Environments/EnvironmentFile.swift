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
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumSize else {
            file.diagnostics.append(.error("environment file is \(size) bytes; at most \(maximumSize) are allowed", at: whole))
            return file
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            file.diagnostics.append(.error("cannot read environment file '\(path)'", at: whole))
            return file
        }
        guard let text = String(data: data, encoding: .utf8) else {
            file.diagnostics.append(.error("environment file is not valid UTF-8 text", at: whole))
            return file
        }
        let output = YAMLReader(path: path).read(text)
        file.diagnostics = output.diagnostics
        if output.isEmpty, output.diagnostics.isEmpty {
            file.diagnostics.append(.error(
                "environment file is empty; expected a map of settings such as extends, grafana, prometheus, alerting and values",
                at: FileLocation(path: path, line: 1, column: 1)))
            return file
        }
        guard let root = output.root else { return file }
        var checker = EnvironmentFileChecker()
        file.extends = checker.check(root: root)
        file.diagnostics += checker.diagnostics
        if root.entries != nil { file.root = root }
        return file
    }
}

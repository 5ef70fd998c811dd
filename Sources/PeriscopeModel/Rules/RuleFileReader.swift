import Foundation
import PeriscopeDSL

/// Reads rule files into `RuleFile`s, with the line and column of every node.
///
/// It reads every shape Prometheus-compatible tools use (see `RuleDocument.Shape`): plain
/// `groups:` files (Prometheus' rulefmt), PrometheusRule resources of prometheus-operator, one
/// or several per file or in a `kind: List`, Mimir/Cortex namespace files (mimirtool,
/// cortextool) and empty files (`null`, `{}`, `groups: []`, nothing). It validates what
/// promtool's rulefmt validates structurally (see `RuleDiagnosticID`); PromQL and templates are
/// left to lint. Every problem is a diagnostic `path:line:col: error: [id] message` naming what
/// was expected, and reading goes on so that one run reports them all. Bad input never traps:
/// malformed YAML, NUL bytes, invalid UTF-8, deep nesting and huge files are reported.
public struct RuleFileReader: Sendable {
    /// The path shown in locations.
    public var path: String
    /// Larger files are refused before parsing (bytes; 32 MiB by default, about 80,000 rules).
    public var maximumFileSize: Int
    /// The YAML reader's caps.
    public var limits: YAMLReader.Limits

    /// Creates a reader for the file at `path` (read from disk by `readFile()`, or named only).
    public init(path: String, maximumFileSize: Int = 32 << 20, limits: YAMLReader.Limits = .ruleFile) {
        self.path = path
        self.maximumFileSize = maximumFileSize
        self.limits = limits
    }

    /// What reading gave: the model (as much as could be read) and every problem found.
    public struct Result: Sendable {
        /// The file; when there are errors, the parts that could be read.
        public var file: RuleFile
        /// Problems, in file order.
        public var diagnostics: [Diagnostic]
        /// Whether any diagnostic is an error (then the file must not be written back).
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the file at `path` from disk.
    public func readFile() -> Result {
        switch FileBytes.read(path, limit: maximumFileSize, regularFileOnly: true) {
        case .success(let bytes):
            return read(bytes)
        case .failure(let failure):
            return self.failure(failure.message(reading: "rule file", at: path, expected: "a YAML rule file", limit: maximumFileSize, tooLargeHint: Self.tooLargeHint))
        }
    }

    /// Reads a file's bytes: they must be UTF-8 without NUL bytes.
    public func read(_ bytes: [UInt8]) -> Result {
        guard bytes.count <= maximumFileSize else { return tooLarge(bytes.count) }
        if let problem = UTF8Check.firstProblem(in: bytes) {
            let location = UTF8Check.location(ofByte: problem.offset, in: bytes, path: path)
            return Result(file: RuleFile(name: path, documents: []),
                          diagnostics: [.error(problem.message, at: location, id: RuleDiagnosticID.fileUnreadable)])
        }
        return read(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Reads YAML text (which must not hold a NUL character).
    public func read(text: String) -> Result {
        var text = text
        if let offset = text.withUTF8({ $0.firstIndex(of: 0) }) {
            let location = UTF8Check.location(ofByte: offset, in: Array(text.utf8), path: path)
            return Result(file: RuleFile(name: path, documents: []),
                          diagnostics: [.error("rule file contains a NUL byte (expected UTF-8 text)", at: location, id: RuleDiagnosticID.fileUnreadable)])
        }
        let yaml = YAMLReader(path: path, limits: limits).readStream(text)
        var parser = RuleDocumentParser(path: path)
        let documents = yaml.documents.map { parser.document($0) }
        // In file order (groups are checked in parallel chunks); YAML errors first on the same position.
        let problems = (yaml.diagnostics + parser.diagnostics).enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            if a?.line != b?.line { return (a?.line ?? 0) < (b?.line ?? 0) }
            if a?.column != b?.column { return (a?.column ?? 0) < (b?.column ?? 0) }
            return left.offset < right.offset
        }.map(\.element)
        return Result(file: RuleFile(name: path, documents: documents), diagnostics: problems)
    }

    private func failure(_ message: String) -> Result {
        Result(file: RuleFile(name: path, documents: []),
               diagnostics: [.error(message, at: FileLocation(path: path), id: RuleDiagnosticID.fileUnreadable)])
    }

    private static let tooLargeHint = " (split it into several files)"

    private func tooLarge(_ size: Int) -> Result {
        failure(FileBytes.tooLargeMessage("rule file", size: size, limit: maximumFileSize, hint: Self.tooLargeHint))
    }
}

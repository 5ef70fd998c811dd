import Synchronization

/// A position in a text file such as an environment YAML file (1-based line and column).
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given to the loader (usually relative, e.g. `environments/prod.yaml`).
    public var path: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a file location.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, or just `path` when no line is known.
    public var description: String {
        if line <= 0 { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }
}

/// A stable identifier of a kind of problem, e.g. `rule-expr-invalid` or `json-syntax`.
///
/// Ids never change once published: lint configuration, suppressions and baselines refer to
/// them. They are lowercase words joined by `-`.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id text.
    public var rawValue: String
    /// Creates an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an id from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The id text.
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One problem found while loading, compiling, validating or writing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The severity.
    public var severity: Severity
    /// What is wrong and what was expected, in one sentence.
    public var message: String
    /// Where it is, if known.
    public var location: Location?
    /// The stable id of this kind of problem (the lint rule id where there is one).
    public var id: DiagnosticID?
    /// Further lines printed under the message (related locations, hints).
    public var notes: [String]

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: Location? = nil, id: DiagnosticID? = nil, notes: [String] = []) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// An error at a Swift source location.
    public static func error(_ message: String, at location: SourceLocation, id: DiagnosticID? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: .source(location), id: id, notes: notes)
    }

    /// An error at a file location.
    public static func error(_ message: String, at location: FileLocation, id: DiagnosticID? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: .file(location), id: id, notes: notes)
    }

    /// An error at a value of a JSON file.
    public static func error(_ message: String, at location: JSONLocation, id: DiagnosticID? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, message, at: .json(location), id: id, notes: notes)
    }

    /// The location rendered as a `path:line:col` prefix, with Swift paths made relative to `directory`.
    public func locationPrefix(relativeTo directory: String?) -> String? {
        location?.formatted(relativeTo: directory)
    }

    /// Renders `path:line:col: severity: [id] message` followed by indented notes (for a JSON
    /// location, first the pointer as `at #/panels/0/title`).
    public func formatted(relativeTo directory: String? = nil) -> String {
        var text = ""
        if let prefix = locationPrefix(relativeTo: directory) { text += prefix + ": " }
        text += "\(severity.rawValue): "
        if let id { text += "[\(id)] " }
        text += message
        if case .json(let json)? = location, json.line > 0, !json.pointer.tokens.isEmpty { text += "\n    at #\(json.pointer)" }
        for note in notes { text += "\n    " + note }
        return text
    }

    /// `path:line:col: severity: message`.
    public var description: String { formatted() }
}

/// A thread-safe collector of diagnostics.
///
/// Stages report every problem they find here and keep going; only unrecoverable problems
/// throw. The pipeline checks `hasErrors` between stages.
public final class DiagnosticCollector: Sendable {
    private let storage = Mutex<[Diagnostic]>([])

    /// Creates an empty collector.
    public init() {}

    /// Records a diagnostic.
    public func emit(_ diagnostic: Diagnostic) {
        storage.withLock { $0.append(diagnostic) }
    }

    /// Records several diagnostics.
    public func emit(contentsOf diagnostics: some Sequence<Diagnostic>) {
        let list = Array(diagnostics)
        storage.withLock { $0.append(contentsOf: list) }
    }

    /// Everything recorded so far, in emission order.
    public var diagnostics: [Diagnostic] { storage.withLock { $0 } }

    /// Whether any error was recorded.
    public var hasErrors: Bool { storage.withLock { $0.contains { $0.severity == .error } } }

    /// The number of errors recorded.
    public var errorCount: Int { storage.withLock { $0.count { $0.severity == .error } } }
}

/// Thrown when a run stops because of errors that were reported to a collector.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics that caused the failure (errors first, then others, each in order).
    public var diagnostics: [Diagnostic]

    /// Creates the error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// All diagnostics, one per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

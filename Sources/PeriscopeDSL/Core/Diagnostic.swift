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
    /// Orders ids by their text, so sorted output and baselines are stable.
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One problem found while loading, compiling, validating or writing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// `error` makes the run fail (``DiagnosticCollector/hasErrors``; the CLI exits with
        /// status 1); `warning` is reported and counted in the summary line but lets the run
        /// succeed; `note` is information only. The raw value is the word printed before the
        /// message (`path:line:col: warning: …`).
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Orders by how bad: `error` comes first, then `warning`, then `note`.
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
    /// Further lines printed under the message (hints).
    public var notes: [String]
    /// Other places that belong to the problem, each printed as `what location` under the
    /// message, with the path written like the diagnostic's own (`first declared at …`).
    public var related: [Related]
    /// What makes several diagnostics one problem: a problem caused once (a datasource the
    /// environment lacks) is reported once, with the other places it shows up counted
    /// (``coalesced(_:)``). Nil when each place is its own problem.
    public var problem: String?
    /// The environments the problem was found in, in the order they were compiled; empty when
    /// it does not belong to an environment (a bad environment file, a CLI argument).
    public var environments: [String]

    /// Another place that belongs to a problem.
    public struct Related: Sendable, Hashable {
        /// What the place is, e.g. `first declared at`.
        public var what: String
        /// Where it is.
        public var location: Location

        /// Creates a related place.
        public init(_ what: String, _ location: Location) {
            self.what = what
            self.location = location
        }
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ message: String, at location: Location? = nil, id: DiagnosticID? = nil, notes: [String] = [],
        related: [Related] = [], problem: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
        self.related = related
        self.problem = problem
        self.environments = []
    }

    /// An error at a Swift source location.
    public static func error(
        _ message: String, at location: SourceLocation, id: DiagnosticID? = nil, notes: [String] = [], related: [Related] = [], problem: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: .source(location), id: id, notes: notes, related: related, problem: problem)
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
        for place in related { text += "\n    \(place.what) \(place.location.formatted(relativeTo: directory))" }
        if !environments.isEmpty {
            text += "\n    in environment\(environments.count == 1 ? "" : "s") " + environments.joined(separator: ", ")
        }
        return text
    }

    /// The most places of one problem listed under it; the rest are counted.
    public static let relatedPlacesShown = 5

    /// `diagnostics` with each problem reported once, in the order first reported:
    ///
    /// - the same diagnostic from several environments becomes one, listing the environments;
    /// - diagnostics with the same ``problem`` become the first of them, with the other places
    ///   listed (at most ``relatedPlacesShown``, the rest counted) and the environments merged.
    public static func coalesced(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var index: [Diagnostic: Int] = [:]
        var problems: [String: (index: Int, places: [Location])] = [:]
        for diagnostic in diagnostics {
            var key = diagnostic
            key.environments = []
            if let problem = diagnostic.problem {
                if let (at, places) = problems[problem] {
                    merge(diagnostic.environments, into: &result[at])
                    if let location = diagnostic.location, location != result[at].location, !places.contains(location) {
                        problems[problem]?.places.append(location)
                    }
                    continue
                }
                problems[problem] = (result.count, [])
            } else if let at = index[key] {
                merge(diagnostic.environments, into: &result[at])
                continue
            }
            index[key] = result.count
            result.append(diagnostic)
        }
        for (at, places) in problems.values where !places.isEmpty {
            let shown = places.prefix(relatedPlacesShown)
            result[at].related += shown.map { Related("also at", $0) }
            let rest = places.count - shown.count
            result[at].notes.append("\(places.count + 1) places in all" + (rest > 0 ? "; \(rest) more not listed" : ""))
        }
        return result
    }

    private static func merge(_ environments: [String], into diagnostic: inout Diagnostic) {
        for environment in environments where !diagnostic.environments.contains(environment) {
            diagnostic.environments.append(environment)
        }
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

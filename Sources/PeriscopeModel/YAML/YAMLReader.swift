import PeriscopeDSL
import Yams

/// Parses YAML text into `YAMLTree`s, turning every Yams error into a located diagnostic.
///
/// Yams composes recursively; libyaml caps nesting at 1000 levels, so composing cannot exhaust
/// the stack. This reader adds its own caps (`Limits`) because aliases can make a small file
/// expand into a huge tree (the "billion laughs" attack) and because deep trees are walked
/// recursively. Environment files keep small caps; rule files, which can hold thousands of
/// rules, use larger ones.
///
/// Diagnostics carry the ids `yaml-syntax`, `yaml-duplicate-key`, `yaml-key-not-string`,
/// `yaml-too-deep` and `yaml-too-large` (see `YAMLDiagnosticID`).
public struct YAMLReader: Sendable {
    /// How much a document may hold before the reader refuses to walk it.
    public struct Limits: Sendable, Hashable {
        /// Deeper nesting than this is reported instead of walked.
        public var maximumDepth: Int
        /// More nodes than this (counting every alias expansion) is reported instead of walked.
        public var maximumNodes: Int
        /// What kind of file this is, for the end of the messages ("environment files").
        public var fileKind: String

        /// Creates limits.
        public init(maximumDepth: Int, maximumNodes: Int, fileKind: String) {
            self.maximumDepth = maximumDepth
            self.maximumNodes = maximumNodes
            self.fileKind = fileKind
        }

        /// Environment files: 64 levels and 100,000 nodes.
        public static let environmentFile = Limits(maximumDepth: 64, maximumNodes: 100_000, fileKind: "environment files")
        /// Rule files: 128 levels and 20 million nodes (a rule is about 20 nodes; real files hold
        /// a few thousand rules).
        public static let ruleFile = Limits(maximumDepth: 128, maximumNodes: 20_000_000, fileKind: "rule files")
    }

    /// The path shown in diagnostics.
    public let path: String
    /// The caps.
    public var limits: Limits
    /// Whether Yams types plain scalars while composing (needed only for its duplicate-key check
    /// on typed keys; `false` is much faster and every key is compared as text here anyway).
    public var typesScalarsWhileComposing: Bool

    /// Creates a reader for the file at `path` (used in locations only).
    public init(path: String, limits: Limits = .environmentFile, typesScalarsWhileComposing: Bool = true) {
        self.path = path
        self.limits = limits
        self.typesScalarsWhileComposing = typesScalarsWhileComposing
    }

    /// The result of reading a single document.
    public struct Output: Sendable {
        /// The root node, or nil when the document is empty or could not be parsed.
        public var root: YAMLTree?
        /// Problems found, in document order.
        public var diagnostics: [Diagnostic] = []
        /// Whether the document contains nothing (no node, or only a null).
        public var isEmpty = false
    }

    /// The result of reading a stream of `---`-separated documents.
    public struct StreamOutput: Sendable {
        /// Every document read, in order; a document that holds nothing is a null scalar.
        public var documents: [YAMLTree] = []
        /// Problems found, in document order. After a syntax error no further document is read.
        public var diagnostics: [Diagnostic] = []
    }

    private var resolver: Resolver { typesScalarsWhileComposing ? .default : .basic }

    /// Reads `text`, which must hold at most one document (a second one is reported).
    public func read(_ text: String) -> Output {
        var output = Output()
        let document: Node?
        do {
            document = try Yams.compose(yaml: text, resolver)
        } catch {
            output.diagnostics.append(diagnostic(for: error, text: text))
            return output
        }
        guard let document else {
            output.isEmpty = true
            return output
        }
        var walk = Walk(reader: self)
        output.root = walk.convert(document, depth: 0)
        output.diagnostics = walk.diagnostics
        if output.root?.isNull == true { output.isEmpty = true }
        return output
    }

    /// Reads every document of `text` (like `Yams.compose_all`, straight from libyaml's events);
    /// the node budget is shared by all. After a syntax error no further document is read.
    public func readStream(_ text: String) -> StreamOutput {
        var composer = YAMLEventComposer(reader: self)
        let documents = composer.documents(text)
        return StreamOutput(documents: documents, diagnostics: composer.diagnostics)
    }

    func location(_ mark: Mark?) -> FileLocation {
        guard let mark else { return FileLocation(path: path) }
        return FileLocation(path: path, line: mark.line, column: mark.column)
    }

    /// Yams errors carry a line and column (or an offset); report them at that position.
    private func diagnostic(for error: any Error, text: String) -> Diagnostic {
        guard let error = error as? YamlError else {
            return .error("malformed YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1), id: YAMLDiagnosticID.syntax)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return .error("malformed YAML: \(problem)\(contextSuffix(context))", at: location(mark), id: YAMLDiagnosticID.syntax)
        case .reader(let problem, let offset, _, _):
            return .error("unreadable YAML: \(problem)", at: location(ofCharacterOffset: offset, in: text), id: YAMLDiagnosticID.syntax)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DuplicateKeyLocator(text: text, path: path).diagnostic(keys: duplicates, first: context.mark)
        default:
            return .error("malformed YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1), id: YAMLDiagnosticID.syntax)
        }
    }

    private func contextSuffix(_ context: YamlError.Context?) -> String {
        guard let context else { return "" }
        return " (\(context.text) at \(context.mark.line):\(context.mark.column))"
    }

    /// Yams reports reader errors as a `Character` offset into the text.
    private func location(ofCharacterOffset offset: Int?, in text: String) -> FileLocation {
        guard let offset, offset >= 0 else { return FileLocation(path: path, line: 1, column: 1) }
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return FileLocation(path: path, line: line, column: column)
    }
}

/// The ids of the YAML reader's diagnostics.
public enum YAMLDiagnosticID {
    /// The text is not well-formed YAML (libyaml's scanner, parser or reader refused it).
    public static let syntax: DiagnosticID = "yaml-syntax"
    /// A key appears twice in one map.
    public static let duplicateKey: DiagnosticID = "yaml-duplicate-key"
    /// A map key is a map, a list or an alias.
    public static let keyNotString: DiagnosticID = "yaml-key-not-string"
    /// Nesting deeper than the reader's limit.
    public static let tooDeep: DiagnosticID = "yaml-too-deep"
    /// More nodes (after alias expansion) than the reader's limit, or a file too big to read.
    public static let tooLarge: DiagnosticID = "yaml-too-large"
}

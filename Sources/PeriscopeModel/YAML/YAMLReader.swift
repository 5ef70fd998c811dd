import PeriscopeDSL

/// Parses YAML text into `YAMLTree`s with libyaml (the C library under Yams), turning every
/// error into a located diagnostic. Environment files and rule files share it.
///
/// Keys are compared as text: `1` and `"1"` in one map are duplicates. The reader has caps
/// (`Limits`) because aliases can make a small file expand into a huge tree (the "billion
/// laughs" attack) and because deep trees are walked recursively later. Environment files
/// keep small caps; rule files, which can hold thousands of rules, use larger ones.
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
        /// Rule files: 128 levels and 4 million nodes (a rule is about 25 nodes, so about 160,000
        /// rules; real files hold a few thousand). The node cap also bounds memory: about 100
        /// bytes a node.
        public static let ruleFile = Limits(maximumDepth: 128, maximumNodes: 4_000_000, fileKind: "rule files")
    }

    /// The path shown in diagnostics.
    public let path: String
    /// The caps.
    public var limits: Limits
    /// Creates a reader for the file at `path` (used in locations only).
    public init(path: String, limits: Limits = .environmentFile) {
        self.path = path
        self.limits = limits
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

    /// Reads `text`, which must hold at most one document (a second one is reported).
    ///
    /// After a syntax error or a duplicate key there is no root: the document means nothing certain.
    public func read(_ text: String) -> Output {
        var output = Output()
        var composer = YAMLEventComposer(reader: self, singleDocument: true)
        let documents = composer.documents(text)
        output.diagnostics = composer.diagnostics
        let broken = output.diagnostics.contains { $0.id == YAMLDiagnosticID.syntax || $0.id == YAMLDiagnosticID.duplicateKey }
        guard !broken else { return output }
        guard let document = documents.first else {
            output.isEmpty = output.diagnostics.isEmpty
            return output
        }
        output.root = document
        if document.isNull { output.isEmpty = true }
        return output
    }

    /// Reads every document of `text` (like `Yams.compose_all`, straight from libyaml's events);
    /// the node budget is shared by all. After a syntax error no further document is read.
    public func readStream(_ text: String) -> StreamOutput {
        var composer = YAMLEventComposer(reader: self)
        let documents = composer.documents(text)
        return StreamOutput(documents: documents, diagnostics: composer.diagnostics)
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

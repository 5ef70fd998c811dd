import PeriscopeDSL

/// Reads JSON text (RFC 8259) into a `JSONDocument` that remembers where every value starts.
///
/// The reader is strict: it accepts exactly the grammar of RFC 8259 and nothing else (no
/// comments, trailing commas, single quotes, `NaN` or unquoted keys). Choices the RFC leaves
/// to implementations:
/// - **Encoding:** the text must be UTF-8 (RFC 8259 section 8.1). Invalid UTF-8 anywhere is an
///   error at the offending byte. A UTF-8 byte-order mark at the start is skipped (Grafana
///   exports sometimes carry one); the first line's columns are counted after it.
/// - **Numbers:** an integer that fits `Int` becomes `.int`. A number with a fraction or an
///   exponent becomes `.double` when a `Double` holds the written value exactly enough to
///   write it back unchanged: its shortest description is the same decimal (always true for
///   at most 15 significant digits in the normal range). Anything else (`12345678901234567890`,
///   `1e400`, `0.1000000000000000000001`) becomes `.number` with the text exactly as written,
///   so a read and a write lose nothing. `-0` reads as `.int(0)`, and `-0.0` as
///   `.double(-0.0)`, which `JSONWriter` writes as `0`: the sign of zero means nothing in
///   dashboards, and Grafana's frontend drops it too when it saves (`JSON.stringify(-0)` is `"0"`).
/// - **Strings:** every escape of RFC 8259 section 7, `\uXXXX` with UTF-16 surrogate pairs. A
///   lone surrogate escape (`"\ud800"`), which cannot be a Swift `String` scalar, becomes
///   U+FFFD as in Go's `encoding/json` (Grafana's backend), with a `json-lone-surrogate`
///   warning. Raw control characters (below U+0020) inside strings are errors.
/// - **Duplicate keys:** kept in the object in document order, so that reading and writing
///   loses nothing, and reported as `json-duplicate-key` warnings at the later key, naming the
///   first one's line and column. Keys are the same when their UTF-8 bytes are (RFC 8259
///   section 8.3). Lookups (`JSONNode`) take the last one, as Go and JavaScript do (RFC 8259
///   section 4 leaves it open).
/// - **Limits:** arrays and objects nest at most `maximumDepth` levels; documents up to 4 GiB
///   (positions are 32-bit byte offsets). The reader never recurses, so no input can overflow
///   the stack.
///
/// Problems are `Diagnostic`s: one `json-syntax` error at `path:line:col` (1-based, columns
/// counting Unicode scalars) naming what was expected, and any warnings found before it. The
/// first 100 warnings of each kind are listed; one more warning counts the rest.
///
/// ```swift
/// let result = JSONReader().read(contentsOfFile: "dashboards/api.json")
/// guard let document = result.document(reportingTo: collector) else { return }
/// let title = document.rootNode["title"]
/// ```
public struct JSONReader: Sendable {
    /// The deepest nesting of arrays and objects accepted; the root container is level 1.
    public var maximumDepth: Int

    /// The largest `maximumDepth` a reader uses: the reader itself never recurses, but freeing,
    /// comparing and writing a `JSONValue` do, so a value nested deeper could exhaust a thread's stack.
    public static let depthCeiling = 4_096

    /// The default nesting limit: far beyond any dashboard (they nest about 10 levels), far
    /// below what would be slow to walk recursively.
    public static let defaultMaximumDepth = 512

    /// Creates a reader; `maximumDepth` is clamped to `1...depthCeiling`.
    public init(maximumDepth: Int = JSONReader.defaultMaximumDepth) {
        self.maximumDepth = min(max(1, maximumDepth), JSONReader.depthCeiling)
    }

    /// Reads JSON `bytes`; `path` is only used in locations and diagnostics.
    ///
    /// The result has a document exactly when there is no error. Never traps, whatever the input.
    public func read(_ bytes: [UInt8], path: String) -> JSONReadResult {
        guard bytes.count <= JSONReader.maximumSize else { return JSONReader.tooLarge(path: path, size: "\(bytes.count) bytes") }
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, path: path, maximumDepth: min(max(1, maximumDepth), JSONReader.depthCeiling))
            return parser.parseDocument()
        }
        switch outcome {
        case .success(let parsed):
            let document = JSONDocument(
                path: path, root: parsed.root, bytes: bytes, offsets: parsed.offsets, ends: parsed.ends, lineStarts: parsed.lineStarts)
            return JSONReadResult(document: document, diagnostics: parsed.diagnostics)
        case .failure(let failure):
            return JSONReadResult(document: nil, diagnostics: failure.diagnostics)
        }
    }

    /// The largest document read, in bytes (4 GiB − 2): positions are 32-bit byte offsets.
    public static let maximumSize = Int(UInt32.max) - 1

    private static func tooLarge(path: String, size: String) -> JSONReadResult {
        let message = "the file is \(size); JSON documents are limited to 4 GiB"
        return JSONReadResult(document: nil, diagnostics: [Diagnostic(.error, message, at: .file(FileLocation(path: path)), id: .jsonTooLarge)])
    }

    /// Reads JSON text; `path` is only used in locations and diagnostics.
    public func read(_ text: String, path: String) -> JSONReadResult {
        read(Array(text.utf8), path: path)
    }

    /// Reads the JSON file at `path` (relative to the current directory, or absolute).
    ///
    /// A file that cannot be read (missing, a directory, no permission) gives a `file-unreadable`
    /// error located at the path, with the system's reason; a file over `maximumSize` gives a
    /// `json-too-large` error without being read.
    public func read(contentsOfFile path: String) -> JSONReadResult {
        switch FileBytes.read(path, limit: JSONReader.maximumSize) {
        case .success(let bytes):
            return read(bytes, path: path)
        case .failure(let failure) where failure.isTooLarge:
            return JSONReader.tooLarge(path: path, size: failure.reason)
        case .failure(let failure):
            let diagnostic = Diagnostic(.error, "cannot read the file: \(failure.reason)", at: .file(FileLocation(path: path)), id: .fileUnreadable)
            return JSONReadResult(document: nil, diagnostics: [diagnostic])
        }
    }
}

/// What `JSONReader` made of some bytes: the document, or the error that stopped it, and warnings.
public struct JSONReadResult: Sendable {
    /// The document; nil exactly when `diagnostics` holds an error.
    public var document: JSONDocument?
    /// Every problem in order of position: warnings (duplicate keys, lone surrogates) and at most
    /// one error, which ends the list.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(document: JSONDocument?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }

    /// The error that stopped the reader, if any.
    public var error: Diagnostic? { diagnostics.last { $0.severity == .error } }

    /// The warnings (problems that did not stop the reader).
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }

    /// Reports every diagnostic to `collector` and returns the document (nil after an error).
    public func document(reportingTo collector: DiagnosticCollector) -> JSONDocument? {
        collector.emit(contentsOf: diagnostics)
        return document
    }
}

extension DiagnosticID {
    /// Text that is not JSON (RFC 8259): the message names what was expected.
    public static let jsonSyntax: DiagnosticID = "json-syntax"
    /// An object key that appears twice in one object; the last one wins.
    public static let jsonDuplicateKey: DiagnosticID = "json-duplicate-key"
    /// A `\uD800`–`\uDFFF` escape without its pair, read as U+FFFD.
    public static let jsonLoneSurrogate: DiagnosticID = "json-lone-surrogate"
    /// A JSON document larger than the reader's 4 GiB limit.
    public static let jsonTooLarge: DiagnosticID = "json-too-large"
    /// A file that cannot be opened or read.
    public static let fileUnreadable: DiagnosticID = "file-unreadable"
    /// A file that could not be written (`fmt --write`).
    public static let fileUnwritable: DiagnosticID = "file-unwritable"
}

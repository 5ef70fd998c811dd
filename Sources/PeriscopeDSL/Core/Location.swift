/// Where a model node or a diagnostic points: the place a user edits.
///
/// One type for every origin, so a lint rule, a diff line or an import never needs to know
/// whether a dashboard or rule came from Swift or from a file:
/// - `.source`: a line of the user's Swift definitions (`#fileID`, `#filePath`, line, column);
/// - `.file`: a line and column of a text file, such as a YAML rule file or environment file;
/// - `.json`: a JSON file, a JSON pointer (RFC 6901) to the value, and its line and column.
public enum Location: Sendable, Hashable, CustomStringConvertible {
    /// A line of the user's Swift definitions.
    case source(SourceLocation)
    /// A line and column of a text file (YAML rule files, environment files, lint configuration).
    case file(FileLocation)
    /// A value inside a JSON file: its pointer and where it starts.
    case json(JSONLocation)

    /// `path:line:col` (Swift paths as the compiler wrote them), with `#pointer` for JSON.
    public var description: String { formatted(relativeTo: nil) }

    /// The `path:line:col` text of a diagnostic, with Swift paths made relative to `directory`.
    public func formatted(relativeTo directory: String?) -> String {
        switch self {
        case .source(let source):
            let path = directory.map { source.displayPath(relativeTo: $0) } ?? source.filePath
            return "\(path):\(source.line):\(source.column)"
        case .file(let file): return file.description
        case .json(let json): return json.line > 0 ? "\(json.path):\(json.line):\(json.column)" : "\(json.path)#\(json.pointer)"
        }
    }

    /// The file path (for Swift sources, `#filePath`).
    public var path: String {
        switch self {
        case .source(let source): source.filePath
        case .file(let file): file.path
        case .json(let json): json.path
        }
    }

    /// The 1-based line, or 0 when unknown.
    public var line: Int {
        switch self {
        case .source(let source): source.line
        case .file(let file): file.line
        case .json(let json): json.line
        }
    }

    /// The 1-based column, or 0 when unknown.
    public var column: Int {
        switch self {
        case .source(let source): source.column
        case .file(let file): file.column
        case .json(let json): json.column
        }
    }
}

/// A value inside a JSON file: the file, the RFC 6901 pointer to the value and where its first
/// character is (1-based line and column; columns count Unicode scalars).
public struct JSONLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given to the reader.
    public var path: String
    /// The pointer to the value, e.g. `/panels/3/targets/0/expr`.
    public var pointer: JSONPointer
    /// 1-based line, or 0 when unknown (a value built in memory).
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a JSON location.
    public init(path: String, pointer: JSONPointer, line: Int = 0, column: Int = 0) {
        self.path = path
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    /// `path:line:col` followed by ` (#/pointer)`; `path#/pointer` when the line is unknown.
    public var description: String {
        let pointerText = pointer.description
        guard line > 0 else { return "\(path)#\(pointerText)" }
        return "\(path):\(line):\(column)" + (pointerText.isEmpty ? "" : " (#\(pointerText))")
    }
}

/// An RFC 6901 JSON pointer: the reference tokens from the document root to a value.
///
/// The text form escapes `~` as `~0` and `/` as `~1`; the empty pointer names the whole
/// document. Array elements are named by their decimal index.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The reference tokens, unescaped, outermost first.
    public var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the text form (`/panels/0/title`, `~0` for `~`, `~1` for `/`); nil when it does not
    /// start with `/` and is not empty, or has an invalid `~` escape.
    public init?(parsing text: String) {
        if text.isEmpty {
            self.tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var escaping = false
            for character in raw {
                if escaping {
                    switch character {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                    escaping = false
                } else if character == "~" {
                    escaping = true
                } else {
                    token.append(character)
                }
            }
            if escaping { return nil }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    /// Parses a literal such as `"/panels/0/title"`; a literal that is not a valid pointer (no
    /// leading `/`, or a bad `~` escape) names the single member whose key is the literal.
    public init(stringLiteral value: String) {
        self = JSONPointer(parsing: value) ?? JSONPointer(tokens: [value])
    }

    /// This pointer extended by an object key.
    public func appending(_ key: String) -> JSONPointer {
        // One allocation: `tokens + [key]` would also allocate the one-element array.
        var extended = tokens
        extended.append(key)
        return JSONPointer(tokens: extended)
    }

    /// This pointer extended by an array index.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer of the containing value; nil for the root.
    public var parent: JSONPointer? { tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast())) }

    /// The escaped text form, e.g. `/panels/0/fieldConfig/defaults/unit`.
    public var description: String {
        var text = ""
        for token in tokens {
            text.append("/")
            for character in token {
                switch character {
                case "~": text.append("~0")
                case "/": text.append("~1")
                default: text.append(character)
                }
            }
        }
        return text
    }

    /// Document order for tokens that are indices, text order otherwise.
    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        for (left, right) in zip(lhs.tokens, rhs.tokens) where left != right {
            if let l = Int(left), let r = Int(right) { return l < r }
            return left.utf8.lexicographicallyPrecedes(right.utf8)
        }
        return lhs.tokens.count < rhs.tokens.count
    }
}

// Matcher injection by text edit: `foo` → `foo{env="prod"}` at the byte positions the parser
// reports, so the user's formatting, comments and spelling are kept everywhere else.

extension LabelMatcher {
    /// A matcher to inject, `name="value"` (its source range is irrelevant and left empty).
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        equal(PromQLString(name), PromQLString(value))
    }

    /// A matcher to inject whose name or value are bytes that need not be UTF-8.
    public static func equal(_ name: PromQLString, _ value: PromQLString) -> LabelMatcher {
        LabelMatcher(name: name, type: .equal, value: value, range: 0..<0)
    }

    /// A matcher to inject with any operator, e.g. `.matching("env", .regexMatch, "prod|staging")`.
    public static func matching(_ name: String, _ type: MatchType, _ value: String) -> LabelMatcher {
        matching(PromQLString(name), type, PromQLString(value))
    }

    /// A matcher to inject with any operator, from bytes that need not be UTF-8.
    public static func matching(_ name: PromQLString, _ type: MatchType, _ value: PromQLString) -> LabelMatcher {
        LabelMatcher(name: name, type: type, value: value, range: 0..<0)
    }
}

/// One text insertion: `text` is inserted at byte `offset` of the original source.
public struct TextInsertion: Sendable, Equatable {
    /// Byte offset in the original UTF-8 source.
    public var offset: Int
    /// The text to insert.
    public var text: String

    /// Creates an insertion.
    public init(offset: Int, text: String) {
        self.offset = offset
        self.text = text
    }
}

extension PromQL {
    /// Parses `source` and adds `matchers` to every vector selector by editing the original
    /// text, keeping the user's formatting and comments everywhere else.
    ///
    /// - A selector that already has a matcher (of any operator) for a label keeps its own;
    ///   label names compare byte for byte, as in Prometheus (`"é"` and `"e\u0301"` differ).
    /// - Inserted matchers are printed canonically (`env="prod"`, values escaped as Go
    ///   strings, names quoted when they are not legacy label names) and separated by `", "`:
    ///   `foo` → `foo{env="prod"}`, `foo{}` → `foo{env="prod"}`,
    ///   `foo{a="b"}` → `foo{a="b", env="prod"}`; they go right after the last existing
    ///   matcher, so a trailing comma or a comment before `}` stays where it was.
    /// - Every selector is edited: inside range selectors, subqueries and function arguments,
    ///   and `{__name__="x"}` / `{"x"}` forms.
    /// - When several injected matchers name the same label, the first one is used.
    ///
    /// ```swift
    /// try PromQL.injectingMatchers([.equal("env", "prod")], into: "sum(rate(x[5m])) / y{env='dev'}")
    /// // sum(rate(x{env="prod"}[5m])) / y{env='dev'}
    /// ```
    /// - Throws: ``PromQLError`` when `source` does not parse with `options`.
    public static func injectingMatchers(
        _ matchers: [LabelMatcher], into source: String, options: ParseOptions = .init()
    ) throws(PromQLError) -> String {
        let expr = try parse(source, options: options)
        return applying(matcherInsertions(matchers, into: expr), to: source)
    }

    /// The insertions ``injectingMatchers(_:into:options:)`` makes, at byte offsets of the
    /// source `expr` was parsed from (to inject into an already-parsed expression, or to
    /// preview the edits); apply them with ``applying(_:to:)``.
    public static func matcherInsertions(_ matchers: [LabelMatcher], into expr: Expr) -> [TextInsertion] {
        var seenNames: Set<PromQLString> = []
        let injected = matchers.filter { seenNames.insert($0.name).inserted }
        guard !injected.isEmpty else { return [] }
        var insertions: [TextInsertion] = []
        for reference in expr.selectors {
            let selector = reference.selector
            let present = Set(selector.labelMatchers.map { $0.name })
            let missing = injected.filter { !present.contains($0.name) }
            guard !missing.isEmpty else { continue }
            let list = missing.map(\.description).joined(separator: ", ")
            if let braces = selector.bracesRange {
                if let lastMatcher = selector.matchers.max(by: { $0.range.upperBound < $1.range.upperBound }) {
                    insertions.append(TextInsertion(offset: lastMatcher.range.upperBound, text: ", " + list))
                } else {
                    insertions.append(TextInsertion(offset: braces.lowerBound + 1, text: list))
                }
            } else {
                let offset = selector.nameRange?.upperBound ?? selector.range.lowerBound
                insertions.append(TextInsertion(offset: offset, text: "{" + list + "}"))
            }
        }
        return insertions
    }

    /// `source` with `insertions` applied; offsets refer to the original text, and insertions
    /// at the same offset keep their order.
    public static func applying(_ insertions: [TextInsertion], to source: String) -> String {
        guard !insertions.isEmpty else { return source }
        let bytes = Array(source.utf8)
        let ordered = insertions.enumerated().sorted {
            $0.element.offset != $1.element.offset ? $0.element.offset < $1.element.offset : $0.offset < $1.offset
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + insertions.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for (_, insertion) in ordered {
            let offset = min(max(insertion.offset, cursor), bytes.count)
            output.append(contentsOf: bytes[cursor..<offset])
            output.append(contentsOf: insertion.text.utf8)
            cursor = offset
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }
}

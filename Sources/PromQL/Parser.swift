/// Thrown internally to unwind the parser after a syntax error; the error itself is already recorded.
struct SyntaxAbort: Error {}

/// An expression under construction together with the depth of its tree, so the parser can
/// refuse trees deep enough to exhaust the stack of recursive consumers (printers, `==`, deinit).
struct Parsed {
    var expr: Expr
    var depth: Int
}

/// The recursive-descent PromQL parser.
///
/// It follows Prometheus' yacc grammar: binary operators by precedence climbing, postfix
/// modifiers (`[range]`, `offset`, `@`, `anchored`, `smoothed`) binding tighter than any
/// operator, and unary `+`/`-` at the precedence of `*`. Syntax errors name the innermost
/// construct that has an error rule in the grammar (label matching, grouping, offset, `@`,
/// range/subquery, aggregation), as yacc's error recovery does.
struct Parser {
    let input: UnsafeBufferPointer<UInt8>
    let options: ParseOptions
    var lexer: Lexer
    /// The current lookahead token (comments skipped).
    var token: LexToken
    /// A second lookahead token, filled on demand by `peekToken()`.
    var peeked: LexToken?
    /// Errors collected so far, in Prometheus' order.
    var errors: [PromQLError] = []
    /// The innermost construct whose error rule would catch a syntax error (yacc's error states).
    var errorContext: ErrorContext?
    /// Current recursion depth of the descent.
    var recursionDepth = 0
    /// End offset of the last consumed token (Prometheus' `lastClosing` for modifiers).
    var previousEnd = 0
    /// End offset of the closing parenthesis of the last grouping clause parsed.
    var lastGroupingEnd = 0

    init(_ input: UnsafeBufferPointer<UInt8>, options: ParseOptions) {
        self.input = input
        self.options = options
        self.lexer = Lexer(input)
        self.token = LexToken(kind: .eof, start: 0, end: 0)
    }

    /// Parses `bytes` as one expression and type-checks it when there were no syntax errors.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) -> ParseResult {
        var parser = Parser(bytes, options: options)
        var result: Parsed?
        do {
            result = try parser.parseStart()
        } catch {
            result = nil
        }
        if parser.errors.isEmpty, let result {
            var checker = TypeChecker(input: bytes)
            checker.check(result.expr)
            parser.errors.append(contentsOf: checker.errors)
        }
        let errors = parser.errors.map { error in
            PromQLError(message: error.message, range: error.range, in: bytes)
        }
        return ParseResult(expr: errors.isEmpty ? result?.expr : nil, errors: errors)
    }

    // MARK: Tokens

    /// Reads the next token from the lexer, skipping comments and recording lexing errors.
    private mutating func lexToken() -> LexToken {
        while true {
            let next = lexer.nextToken()
            if next.kind == .comment { continue }
            if next.kind == .error {
                let start = Swift.min(next.start, input.count)
                addError(lexer.errorMessage, start..<input.count)
            }
            return next
        }
    }

    /// Moves to the next token.
    mutating func advance() throws(SyntaxAbort) {
        previousEnd = token.end
        if let peeked {
            token = peeked
            self.peeked = nil
        } else {
            token = lexToken()
        }
        if token.kind == .error { throw SyntaxAbort() }
    }

    /// The token after the current one, without consuming anything.
    mutating func peekToken() -> LexToken {
        if let peeked { return peeked }
        let next = lexToken()
        peeked = next
        return next
    }

    /// Consumes a token of `kind` or fails with the innermost error context.
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(SyntaxAbort) -> LexToken {
        guard token.kind == kind else { throw unexpected() }
        let consumed = token
        try advance()
        return consumed
    }

    /// The source bytes of a token.
    func text(_ token: LexToken) -> UnsafeBufferPointer<UInt8>.SubSequence {
        input[Swift.min(token.start, input.count)..<Swift.min(token.end, input.count)]
    }

    /// The source text of a token as a String.
    func string(_ token: LexToken) -> String {
        String(decoding: text(token), as: UTF8.self)
    }

    // MARK: Errors

    /// Errors beyond this count are dropped so hostile input cannot exhaust memory.
    static let maximumErrorCount = 1000

    mutating func addError(_ message: String, _ range: Range<Int>) {
        guard errors.count < Parser.maximumErrorCount else { return }
        errors.append(PromQLError(message: message, range: range, line: 0, column: 0))
    }

    /// Records "unexpected <token>" with the innermost error context and returns the abort to throw.
    mutating func unexpected() -> SyntaxAbort {
        unexpected(context: errorContext)
    }

    /// Records "unexpected <token> in <context>, expected <what>" and returns the abort to throw.
    mutating func unexpected(context: ErrorContext?) -> SyntaxAbort {
        if token.kind == .error { return SyntaxAbort() }
        var message = "unexpected " + describe(token)
        if let context {
            message += " in " + context.name
            if !context.expected.isEmpty { message += ", expected " + context.expected }
        }
        addError(message, token.start..<token.end)
        return SyntaxAbort()
    }

    /// Prometheus' `Item.desc()` for a token.
    func describe(_ token: LexToken) -> String {
        let kind = token.kind
        if kind == .eof { return "end of input" }
        let value = text(token)
        if kind.hasFixedSpelling {
            let spelled = String(decoding: value, as: UTF8.self)
            if kind.isKeyword { return "<\(spelled)>" }
            if kind.isOperator { return "<op:\(spelled)>" }
            if kind.isAggregator { return "<aggr:\(spelled)>" }
            return quotedValue(value)
        }
        let prefix: String
        switch kind {
        case .identifier: prefix = "identifier"
        case .metricIdentifier: prefix = "metric identifier"
        case .string: prefix = "string"
        case .number: prefix = "number"
        case .duration: prefix = "duration"
        default: prefix = GoQuote.string(kind.itemTypeName)
        }
        if kind == .identifier || kind == .metricIdentifier {
            return prefix + " " + GoQuote.string(value)
        }
        return prefix + " " + quotedValue(value)
    }

    private func quotedValue(_ value: UnsafeBufferPointer<UInt8>.SubSequence) -> String {
        // Go's `%.10q...` for values longer than 10 bytes.
        if value.count > 10 { return GoQuote.string(value, maxRunes: 10) + "..." }
        return GoQuote.string(value)
    }

    /// Runs `body` with `context` as the innermost error context.
    mutating func withContext<T>(_ context: ErrorContext, _ body: (inout Parser) throws(SyntaxAbort) -> T) throws(SyntaxAbort) -> T {
        let outer = errorContext
        errorContext = context
        defer { errorContext = outer }
        return try body(&self)
    }

    /// Rejects 3.x-only syntax when parsing for Prometheus 2.42.
    mutating func requireV3(_ feature: String, _ range: Range<Int>, plural: Bool = true) {
        guard options.target == .v2_42 else { return }
        addError("\(feature) \(plural ? "require" : "requires") Prometheus 3.x (target 2.42)", range)
    }

    // MARK: Depth

    /// Fails when the expression tree gets deeper than `options.maxTreeDepth` (long operator
    /// chains nest without recursion in the parser, but consumers of the tree recurse).
    mutating func checkTreeDepth(_ depth: Int, _ range: Range<Int>) throws(SyntaxAbort) {
        if depth > options.maxTreeDepth {
            addError("expression tree depth exceeds the maximum of \(options.maxTreeDepth)", range)
            throw SyntaxAbort()
        }
    }

    /// Enters one level of nesting (parentheses, calls, aggregations, unary operators, `^`),
    /// failing beyond `options.maxNestingDepth` instead of overflowing the stack.
    mutating func enter() throws(SyntaxAbort) {
        recursionDepth += 1
        if recursionDepth > options.maxNestingDepth {
            addError(
                "expression nesting depth exceeds the maximum of \(options.maxNestingDepth)",
                token.start..<token.end)
            throw SyntaxAbort()
        }
    }

    mutating func leave() { recursionDepth -= 1 }

    // MARK: Start

    mutating func parseStart() throws(SyntaxAbort) -> Parsed {
        try advance()
        if token.kind == .eof {
            addError("no expression found in input", 0..<0)
            throw SyntaxAbort()
        }
        let result = try parseExpression()
        if token.kind != .eof { throw unexpected(context: nil) }
        return result
    }
}

/// A grammar construct with an error rule, naming what was expected there.
struct ErrorContext {
    var name: String
    var expected: String

    static let aggregation = ErrorContext(name: "aggregation", expected: "")
    static let offset = ErrorContext(name: "offset", expected: "number, duration, step(), or range()")
    static let at = ErrorContext(name: "@", expected: "timestamp")
    static let rangeStart = ErrorContext(
        name: "subquery or range selector", expected: "number, duration, step(), or range()")
    static let rangeAfterDuration = ErrorContext(name: "subquery or range", expected: "\":\" or \"]\"")
    static let subqueryStep = ErrorContext(
        name: "subquery selector", expected: "number, duration, step(), range(), or \"]\"")
    static let subqueryEnd = ErrorContext(name: "subquery selector", expected: "\"]\"")
    static let groupingOpen = ErrorContext(name: "grouping opts", expected: "\"(\"")
    static let groupingLabel = ErrorContext(name: "grouping opts", expected: "label")
    static let groupingSeparator = ErrorContext(name: "grouping opts", expected: "\",\" or \")\"")
    static let matcherStart = ErrorContext(name: "label matching", expected: "identifier or \"}\"")
    static let matcherOperator = ErrorContext(name: "label matching", expected: "label matching operator")
    static let matcherValue = ErrorContext(name: "label matching", expected: "string")
    static let matcherSeparator = ErrorContext(name: "label matching", expected: "\",\" or \"}\"")
}

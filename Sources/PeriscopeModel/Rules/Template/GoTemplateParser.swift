/// Go's template parser (`text/template/parse/parse.go`, Go 1.19), reduced to deciding whether
/// a template parses: it builds no tree and stops at the first error, with Go's message and line.
///
/// It keeps Go's structure so its verdicts and messages stay Go's: three tokens of lookahead
/// per tree, variables scoped to the enclosing control, `{{define}}` only at the top level,
/// `{{define}}` and `{{block}}` bodies as trees of their own (no outer variables, no
/// enclosing `range`), and a template name defined twice with content is an error.
///
/// Every method is `mutating`, even those that only read: in debug builds a non-mutating call
/// copies the parser, which made each level of the recursion several kilobytes of stack.
struct GoTemplateParser {
    /// How deep parentheses and `if`/`range`/`with`/`block` bodies may nest. Go 1.19 has no
    /// limit (later releases stop at 10000 parentheses); this recursive parser stops well
    /// before its stack does.
    static let maximumDepth = 100

    /// The part of the parse state Go keeps per tree (`parse.Tree`).
    struct Tree {
        var tokens = [GoTemplateToken](repeating: .none, count: 3)
        var peekCount = 0
        var variables = ["$"]
        var rangeDepth = 0
        /// The line of the `{{` of the action being parsed, 0 between actions.
        var actionLine = 0
    }

    /// What `textOrAction` parsed, as far as the callers care.
    enum Node {
        case text(GoTemplateToken), action, control, end, `else`

        var endsList: Bool {
            switch self {
            case .end, .else: true
            default: false
            }
        }

        /// Go's `String()` of the nodes that end a list.
        var description: String {
            switch self {
            case .else: "{{else}}"
            default: "{{end}}"
            }
        }
    }

    var lexer: GoTemplateLexer
    let name: String
    let dialect: GoTemplateDialect
    var tree = Tree()
    /// Go's `treeSet`: each template name defined so far, and whether its body is only space.
    var definitions: [[UInt8]: Bool] = [:]
    var depth = 0

    /// Whether the top-level template has content before `text`: a prelude of actions such as
    /// Prometheus' variable declarations, whose effects are `tree.variables` and this.
    private let hasPrelude: Bool

    /// A parser of `text`, as if it followed a prelude (all actions, no newline) that declared `variables`.
    init(_ text: [UInt8], name: String, dialect: GoTemplateDialect, predeclaring variables: [String] = []) {
        lexer = GoTemplateLexer(text, functions: dialect.functions)
        self.name = name
        self.dialect = dialect
        tree.variables += variables
        hasPrelude = !variables.isEmpty
    }

    // MARK: Tokens

    mutating func next() -> GoTemplateToken {
        if tree.peekCount > 0 { tree.peekCount -= 1 } else { tree.tokens[0] = lexer.nextToken() }
        return tree.tokens[tree.peekCount]
    }

    mutating func backup() { tree.peekCount += 1 }

    /// Pushes back `first`; the token after it is still in slot 0.
    mutating func backup(_ first: GoTemplateToken) {
        tree.tokens[1] = first
        tree.peekCount = 2
    }

    /// Pushes back `first` and `second`; the token after them is still in slot 0.
    mutating func backup(_ first: GoTemplateToken, _ second: GoTemplateToken) {
        tree.tokens[1] = second
        tree.tokens[2] = first
        tree.peekCount = 3
    }

    mutating func peek() -> GoTemplateToken {
        if tree.peekCount > 0 { return tree.tokens[tree.peekCount - 1] }
        tree.peekCount = 1
        tree.tokens[0] = lexer.nextToken()
        return tree.tokens[0]
    }

    mutating func nextNonSpace() -> GoTemplateToken {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    mutating func peekNonSpace() -> GoTemplateToken {
        let token = nextNonSpace()
        backup()
        return token
    }

    mutating func string(_ token: GoTemplateToken) -> String { String(decoding: lexer.text(of: token), as: UTF8.self) }

    // MARK: Errors

    /// What the parse functions throw: the error itself is in `error`. An empty error keeps
    /// the recursive functions' frames small.
    struct Stop: Error {}

    /// The first error, which stops the parse.
    private(set) var error: GoTemplateError?

    /// Records an error at `line` and stops.
    mutating func stop(_ message: String, line: Int, exceedsNestingLimit: Bool = false) -> Stop {
        error = GoTemplateError(templateName: name, line: line, message: message, exceedsNestingLimit: exceedsNestingLimit)
        return Stop()
    }

    /// An error at the line of the last token read, as Go's `errorf` reports it.
    mutating func failure(_ message: String) -> Stop {
        stop(message, line: tree.tokens[0].line)
    }

    /// Go's `unexpected`: a lexer error as it is, with where its action began when that was
    /// an earlier line; any other token as `unexpected "x" in context`.
    mutating func unexpected(_ token: GoTemplateToken, _ context: String) -> Stop {
        guard token.kind == .error else { return failure("unexpected \(describe(token)) in \(context)") }
        var extra = ""
        if tree.actionLine != 0 && tree.actionLine != token.line {
            extra = " in action started at \(name):\(tree.actionLine)"
            if lexer.errorMessage.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
        }
        return failure(lexer.errorMessage + extra)
    }

    /// lex.go `item.String()`: `EOF`, `<if>` for keywords, `"x"`, or the first ten characters and `...`.
    private mutating func describe(_ token: GoTemplateToken) -> String {
        switch token.kind {
        case .eof: return "EOF"
        case .error: return lexer.errorMessage
        case _ where token.kind.isKeyword: return "<\(string(token))>"
        default:
            let text = string(token)
            guard token.end - token.start > 10 else { return GoText.quoted(text) }
            let scalars = text.unicodeScalars
            return GoText.quoted(Substring(scalars.prefix(10))) + "..."
        }
    }

    mutating func enterNesting() throws(Stop) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw stop("template nests parentheses and {{if}}, {{range}}, {{with}} or {{block}} more than \(Self.maximumDepth) deep",
                       line: tree.tokens[0].line, exceedsNestingLimit: true)
        }
    }

    // MARK: Lists and actions

    /// Go's `parse`: the top-level list, where `{{define}}` may appear, to EOF.
    mutating func parse() throws(Stop) {
        var isEmpty = !hasPrelude
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                backup(delim)
            }
            let node = try textOrAction()
            if node.endsList { throw failure("unexpected \(node.description)") }
            isEmpty = isEmpty && isBlank(node)
        }
        try add(Array(name.utf8), isEmpty: isEmpty, line: tree.tokens[0].line)
    }

    /// `{{define "name"}} … {{end}}`, parsed as a tree of its own; `define` is read.
    private mutating func parseDefinition() throws(Stop) {
        let outer = tree
        tree = Tree()
        let definedName = try templateName(nextNonSpace(), "define clause")
        let close = nextNonSpace()
        guard close.kind == .rightDelim else { throw unexpected(close, "define clause") }
        let (isEmpty, end) = try itemList()
        try checkDefinitionEnd(end, "define clause")
        try add(definedName, isEmpty: isEmpty, line: tree.tokens[0].line)
        tree = outer
    }

    /// Go's `add`: a second definition of a name is an error unless one of them is only space.
    mutating func add(_ definedName: [UInt8], isEmpty: Bool, line: Int) throws(Stop) {
        if let existingIsEmpty = definitions[definedName], !existingIsEmpty {
            guard isEmpty else {
                let quoted = GoText.quoted(String(decoding: definedName, as: UTF8.self))
                throw stop("template: multiple definition of template \(quoted)", line: line)
            }
            return
        }
        definitions[definedName] = isEmpty
    }

    /// Go's `IsEmptyTree` for one node: only text made of Unicode spaces is empty.
    private mutating func isBlank(_ node: Node) -> Bool {
        guard case .text(let token) = node else { return false }
        return string(token).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Nodes up to an `{{end}}` or `{{else}}`, which is returned; whether they are only space.
    mutating func itemList() throws(Stop) -> (isEmpty: Bool, next: Node) {
        _ = peekNonSpace()
        var isEmpty = true
        while peekNonSpace().kind != .eof {
            let node = try textOrAction()
            if node.endsList { return (isEmpty, node) }
            isEmpty = isEmpty && isBlank(node)
        }
        throw failure("unexpected EOF")
    }

    private mutating func textOrAction() throws(Stop) -> Node {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .text(token)
        case .leftDelim:
            tree.actionLine = token.line
            let node = try action()
            tree.actionLine = 0
            return node
        default:
            throw unexpected(token, "input")
        }
    }

    /// A control (`if`, `range`, `with`, `block`, `template`, `break`, `continue`, `else`,
    /// `end`) or a pipeline; the `{{` is read.
    private mutating func action() throws(Stop) -> Node {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return try blockControl()
        case .break, .continue: return try branchControl(token)
        case .else: return try elseControl()
        case .end:
            let close = nextNonSpace()
            guard close.kind == .rightDelim else { throw unexpected(close, "end") }
            return .end
        case .if: return try parseControl("if")
        case .range: return try parseControl("range")
        case .with: return try parseControl("with")
        case .template: return try templateControl()
        default:
            backup()
            _ = peek()
            try pipeline("command", end: .rightDelim)
            return .action
        }
    }
}

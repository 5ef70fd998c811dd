/// The controls and pipelines of Go's template parser (`text/template/parse/parse.go`, Go 1.19).
extension GoTemplateParser {
    /// What an operand is, as far as the rules go: a constant (`true`, `"x"`, `1`, `nil`, `.`)
    /// cannot start a later pipeline stage or take a field.
    struct Operand {
        /// Go's `String()` of a constant; nil for functions, fields, variables and pipelines.
        var constant: String?
        static let executable = Operand(constant: nil)
    }

    // MARK: Controls
    //
    // The functions on the recursion (parseControl, pipeline, command, operand, term) keep to
    // control flow and leave messages and constants to helpers, so their frames stay small.

    /// `if`, `range` or `with`: pipeline, list, optional `{{else}}` list (or `else if`, and
    /// `else with` from Go 1.23), `{{end}}`. Declared variables end with it; `break` and
    /// `continue` are allowed in a `range` list but not in its `else` list.
    mutating func parseControl(_ context: String) throws(Stop) -> Node {
        try enterNesting()
        defer { depth -= 1 }
        let variableCount = tree.variables.count
        try pipeline(context, end: .rightDelim)
        if context == "range" { tree.rangeDepth += 1 }
        let (_, next) = try itemList()
        if context == "range" { tree.rangeDepth -= 1 }
        if case .else = next {
            if continuesChain(context) {
                _ = self.next()
                _ = try parseControl(context)
            } else {
                try expectEnd()
            }
        }
        tree.variables.removeLast(tree.variables.count - variableCount)
        return .control
    }

    /// Whether the `{{else}}` just read is `else if` in an `if` (or, from Go 1.23, `else with` in a `with`).
    private mutating func continuesChain(_ context: String) -> Bool {
        let upcoming = peek().kind
        return context == "if" && upcoming == .if || dialect.allowsElseWith && context == "with" && upcoming == .with
    }

    /// The `else` list, which must end with `{{end}}`.
    private mutating func expectEnd() throws(Stop) {
        let (_, next) = try itemList()
        if case .else = next { throw failure("expected end; found \(next.description)") }
    }

    /// `{{else}}`, or the `else` of `{{else if …}}` (and `{{else with …}}`), leaving the keyword pending.
    mutating func elseControl() throws(Stop) -> Node {
        let upcoming = peekNonSpace().kind
        if upcoming == .if || dialect.allowsElseWith && upcoming == .with { return .else }
        let close = nextNonSpace()
        guard close.kind == .rightDelim else { throw unexpected(close, "else") }
        return .else
    }

    /// `{{break}}` or `{{continue}}`: nothing else in the action, and inside a `range`.
    mutating func branchControl(_ keyword: GoTemplateToken) throws(Stop) -> Node {
        let word = keyword.kind == .break ? "{{break}}" : "{{continue}}"
        let close = nextNonSpace()
        guard close.kind == .rightDelim else { throw unexpected(close, word) }
        guard tree.rangeDepth > 0 else { throw failure("\(word) outside {{range}}") }
        return .control
    }

    /// `{{block "name" pipeline}} … {{end}}`: a definition, parsed as a tree of its own, and its use.
    mutating func blockControl() throws(Stop) -> Node {
        let definedName = try templateName(nextNonSpace(), "block clause")
        try pipeline("block clause", end: .rightDelim)
        try enterNesting()
        defer { depth -= 1 }
        let outer = tree
        tree = Tree()
        let (isEmpty, end) = try itemList()
        let blockLine = tree.tokens[0].line
        tree = outer
        try checkDefinitionEnd(end, "block clause")
        try add(definedName, isEmpty: isEmpty, line: blockLine)
        return .control
    }

    /// `{{template "name"}}` or `{{template "name" pipeline}}`.
    mutating func templateControl() throws(Stop) -> Node {
        _ = try templateName(nextNonSpace(), "template clause")
        if nextNonSpace().kind != .rightDelim {
            backup()
            try pipeline("template clause", end: .rightDelim)
        }
        return .control
    }

    /// The unquoted name of a `define`, `block` or `template`: a string constant.
    mutating func templateName(_ token: GoTemplateToken, _ context: String) throws(Stop) -> [UInt8] {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        guard let name = GoTemplateLiterals.unquoted(Array(lexer.text(of: token))) else { throw failure("invalid syntax") }
        return name
    }

    /// A `define` or `block` body ends with `{{end}}`, not `{{else}}`.
    mutating func checkDefinitionEnd(_ end: Node, _ context: String) throws(Stop) {
        if case .else = end { throw failure("unexpected \(end.description) in \(context)") }
    }

    // MARK: Pipelines

    /// Declarations, then commands separated by `|`, up to `end` (`}}`, or `)` in parentheses).
    mutating func pipeline(_ context: String, end: GoTemplateToken.Kind) throws(Stop) {
        _ = peekNonSpace()
        try declarations(context)
        var startsWithConstant: [Bool] = []
        while true {
            let token = nextNonSpace()
            if token.kind == end { return try checkPipeline(startsWithConstant, context) }
            guard token.kind.startsOperand else { throw unexpected(token, context) }
            backup()
            startsWithConstant.append(try command())
        }
    }

    /// A pipeline has a command, and the stages after the first are executable: not constants.
    private mutating func checkPipeline(_ startsWithConstant: [Bool], _ context: String) throws(Stop) {
        guard !startsWithConstant.isEmpty else { throw failure("missing value for \(context)") }
        if let stage = startsWithConstant.dropFirst().firstIndex(of: true) {
            throw failure("non executable command in pipeline stage \(stage + 1)")
        }
    }

    /// `$x :=` or `$x =` (any variable may be assigned), or in a `range` `$i, $x :=`.
    private mutating func declarations(_ context: String) throws(Stop) {
        var declared = 0
        while peekNonSpace().kind == .variable {
            let variable = next()
            let adjacent = peek()
            let following = peekNonSpace()
            switch following.kind {
            case .assign, .declare:
                _ = nextNonSpace()
                tree.variables.append(string(variable))
                return
            case .char where string(following) == ",":
                _ = nextNonSpace()
                declared += 1
                tree.variables.append(string(variable))
                guard context == "range" && declared < 2 else { throw failure("too many declarations in \(context)") }
                switch peekNonSpace().kind {
                case .variable, .rightDelim, .rightParen: continue
                default: throw failure("range can only initialize variables")
                }
            default:
                if adjacent.kind == .space { backup(variable, adjacent) } else { backup(variable) }
                return
            }
        }
    }

    /// Operands separated by spaces; whether the first is a constant.
    private mutating func command() throws(Stop) -> Bool {
        _ = peekNonSpace()
        var startsWithConstant: Bool?
        while true {
            _ = peekNonSpace()
            if let operand = try operand(), startsWithConstant == nil { startsWithConstant = operand.constant != nil }
            let token = next()
            if token.kind == .space { continue }
            if token.kind == .rightDelim || token.kind == .rightParen { backup() } else if token.kind != .pipe { throw unexpected(token, "operand") }
            guard let startsWithConstant else { throw failure("empty command") }
            return startsWithConstant
        }
    }

    /// A term and the fields after it (`.a.b`, `$x.y`, `(pipeline).Field`); a constant takes none.
    private mutating func operand() throws(Stop) -> Operand? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        return try fields(after: term)
    }

    private mutating func fields(after term: Operand) throws(Stop) -> Operand {
        while peek().kind == .field { _ = next() }
        if let constant = term.constant { throw failure("unexpected . after term \(GoText.quoted(constant))") }
        return .executable
    }

    /// A parenthesized pipeline, or what `leaf` reads.
    private mutating func term() throws(Stop) -> Operand? {
        let token = nextNonSpace()
        guard token.kind == .leftParen else { return try leaf(token) }
        try enterNesting()
        defer { depth -= 1 }
        try pipeline("parenthesized pipeline", end: .rightParen)
        return .executable
    }

    /// A function (defined in the dialect), variable (declared), field or constant (valid by
    /// Go's `strconv` rules); nil, with the token pushed back, otherwise.
    private mutating func leaf(_ token: GoTemplateToken) throws(Stop) -> Operand? {
        switch token.kind {
        case .identifier:
            let function = string(token)
            guard dialect.functions.contains(function) else { throw failure("function \(GoText.quoted(function)) not defined") }
            return .executable
        case .variable:
            let variable = string(token)
            guard tree.variables.contains(variable) else { throw failure("undefined variable \(GoText.quoted(variable))") }
            return .executable
        case .field:
            return .executable
        case .dot, .nil, .bool:
            return Operand(constant: string(token))
        case .number, .charConstant, .complex, .string, .rawString:
            if let problem = constantProblem(token) { throw failure(problem) }
            return Operand(constant: string(token))
        default:
            backup()
            return nil
        }
    }

    private mutating func constantProblem(_ token: GoTemplateToken) -> String? {
        let text = Array(lexer.text(of: token))
        switch token.kind {
        case .number: return GoTemplateLiterals.numberProblem(text)
        case .charConstant: return GoTemplateLiterals.characterProblem(text)
        case .complex: return GoTemplateLiterals.complexProblem(text)
        default: return GoTemplateLiterals.unquoted(text) == nil ? "invalid syntax" : nil
        }
    }
}

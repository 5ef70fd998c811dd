extension Parser {
    /// Largest duration literal in seconds that fits Go's `time.Duration`.
    static let maximumDurationSeconds = 9.223372036854775808e18 / 1e9

    static func durationOutOfRange(_ seconds: Double) -> Bool {
        seconds > maximumDurationSeconds || seconds < -maximumDurationSeconds
    }

    /// Reports a duration expression when the options do not allow them.
    mutating func checkDurationExpressionAllowed(_ range: Range<Int>) {
        if options.target == .v2_42 {
            addError("duration expressions require Prometheus 3.x (target 2.42)", range)
        } else if !options.experimentalDurationExpr {
            addError("experimental duration expression is not enabled", range)
        }
    }

    /// A number or duration literal used as a duration, with the 2.42 and range checks.
    mutating func durationLiteral() throws(SyntaxAbort) -> NumberLiteral {
        var literal = numberLiteral(token)
        if token.kind == .number {
            requireV3("numbers as durations", token.range)
        }
        try advance()
        if Parser.durationOutOfRange(literal.value) {
            addError("duration out of range", literal.range)
            literal.value = 0
        }
        return literal
    }

    /// A range or step inside brackets: a duration expression whose literal value must be positive.
    mutating func parsePositiveDuration() throws(SyntaxAbort) -> Expr {
        var value = try parseDurationExpression(minimumPrecedence: 1)
        if case .number(var literal) = value, literal.value <= 0 {
            addError("duration must be greater than 0", literal.range)
            literal.value = 0
            value = .number(literal)
        }
        return value
    }

    /// The argument of `offset`: a signed literal, `step()`, `range()`, `max_of`/`min_of`, or a
    /// parenthesized duration expression (which may continue with duration operators).
    mutating func parseOffsetDuration() throws(SyntaxAbort) -> Expr {
        switch token.kind {
        case .number, .duration:
            return .number(try durationLiteral())
        case .add, .sub:
            let opToken = token
            try advance()
            switch token.kind {
            case .number, .duration:
                var literal = numberLiteral(token)
                if token.kind == .number { requireV3("numbers as durations", token.range) }
                try advance()
                if opToken.kind == .sub { literal.value = -literal.value }
                if Parser.durationOutOfRange(literal.value) {
                    addError("duration out of range", opToken.range)
                    return .number(NumberLiteral(value: 0, range: opToken.start..<literal.range.upperBound))
                }
                literal.range = opToken.start..<literal.range.upperBound
                return .number(literal)
            case .step, .range, .maxOf, .minOf:
                let inner = try parseDurationKeywordCall()
                let node = DurationExpr(
                    op: opToken.kind == .sub ? .sub : .add, rhs: .duration(inner),
                    range: opToken.start..<inner.range.upperBound)
                checkDurationExpressionAllowed(node.range)
                return .duration(node)
            case .leftParen:
                try advance()
                let inner = try parseDurationExpression(minimumPrecedence: 1)
                try expect(.rightParen)
                return applyUnaryToDuration(opToken, inner, wrapped: true)
            default:
                throw unexpected()
            }
        case .step, .range, .maxOf, .minOf:
            let node = try parseDurationKeywordCall()
            checkDurationExpressionAllowed(node.range)
            return .duration(node)
        case .leftParen:
            let first = try parseParenDuration()
            return try continueDurationExpression(first, minimumPrecedence: 1)
        default:
            throw unexpected()
        }
    }

    /// `step()`, `range()`, `max_of(a, b)`, `min_of(a, b)` inside a duration expression.
    mutating func parseDurationKeywordCall() throws(SyntaxAbort) -> DurationExpr {
        let keyword = token
        try advance()
        switch keyword.kind {
        case .step, .range:
            try expect(.leftParen)
            let close = try expect(.rightParen)
            return DurationExpr(op: keyword.kind == .step ? .step : .range, range: keyword.start..<close.end)
        default:
            try expect(.leftParen)
            let lhs = try parseDurationExpression(minimumPrecedence: 1)
            try expect(.comma)
            let rhs = try parseDurationExpression(minimumPrecedence: 1)
            let close = try expect(.rightParen)
            return DurationExpr(
                op: keyword.kind == .maxOf ? .maxOf : .minOf, lhs: lhs, rhs: rhs, range: keyword.start..<close.end)
        }
    }

    /// `( duration_expr )`
    mutating func parseParenDuration() throws(SyntaxAbort) -> Expr {
        try enter()
        defer { leave() }
        let open = token
        try advance()
        let inner = try parseDurationExpression(minimumPrecedence: 1)
        let close = try expect(.rightParen)
        checkDurationExpressionAllowed(inner.range)
        return wrapParenthesized(inner, open.start..<close.end)
    }

    /// Marks a duration expression as parenthesized; a bare literal gets a unary-plus wrapper.
    func wrapParenthesized(_ expr: Expr, _ range: Range<Int>) -> Expr {
        if case .duration(var node) = expr {
            node.wrapped = true
            return .duration(node)
        }
        return .duration(DurationExpr(op: .add, rhs: expr, wrapped: true, range: range))
    }

    /// Applies unary `+`/`-` to a duration operand (Prometheus' `applyUnaryOpToDurationExpr`).
    mutating func applyUnaryToDuration(_ opToken: LexToken, _ operand: Expr, wrapped: Bool) -> Expr {
        var value = operand
        if wrapped { value = wrapParenthesized(value, value.range) }
        switch value {
        case .duration(let node):
            if opToken.kind == .sub {
                return .duration(
                    DurationExpr(op: .sub, rhs: .duration(node), range: opToken.start..<node.range.upperBound))
            }
            return value
        case .number(var literal):
            if opToken.kind == .sub { literal.value = -literal.value }
            if Parser.durationOutOfRange(literal.value) {
                addError("duration out of range", opToken.range)
                return .number(NumberLiteral(value: 0, range: opToken.start..<literal.range.upperBound))
            }
            literal.range = opToken.start..<literal.range.upperBound
            return .number(literal)
        default:
            addError("expected number literal or duration expression", opToken.range)
            return .number(NumberLiteral(value: 0, range: opToken.range))
        }
    }

    /// The precedence of a duration operator token, if it is one.
    static func durationOperator(_ kind: TokenKind) -> (DurationOperator, Int)? {
        switch kind {
        case .add: (.add, 4)
        case .sub: (.sub, 4)
        case .mul: (.mul, 5)
        case .div: (.div, 5)
        case .mod: (.mod, 5)
        case .pow: (.pow, 6)
        default: nil
        }
    }

    /// A duration expression by precedence climbing (`5m + 2 * step()`).
    mutating func parseDurationExpression(minimumPrecedence: Int) throws(SyntaxAbort) -> Expr {
        try enter()
        defer { leave() }
        let first = try parseDurationOperand()
        return try continueDurationExpression(first, minimumPrecedence: minimumPrecedence)
    }

    /// Continues a duration expression after its first operand.
    mutating func continueDurationExpression(_ first: Expr, minimumPrecedence: Int) throws(SyntaxAbort) -> Expr {
        var lhs = first
        while let (op, precedence) = Parser.durationOperator(token.kind), precedence >= minimumPrecedence {
            let opToken = token
            try advance()
            let rhs = try parseDurationExpression(minimumPrecedence: op == .pow ? precedence : precedence + 1)
            checkDurationExpressionAllowed(lhs.range)
            if op == .div || op == .mod, case .number(let divisor) = rhs, divisor.value == 0 {
                addError(op == .div ? "division by zero" : "modulo by zero", opToken.range)
                lhs = .number(NumberLiteral(value: 0, range: lhs.range.lowerBound..<rhs.range.upperBound))
                continue
            }
            lhs = .duration(DurationExpr(op: op, lhs: lhs, rhs: rhs, range: lhs.range.lowerBound..<rhs.range.upperBound))
        }
        return lhs
    }

    /// A literal, a unary operation, a keyword call or a parenthesized duration expression.
    mutating func parseDurationOperand() throws(SyntaxAbort) -> Expr {
        switch token.kind {
        case .number, .duration:
            return .number(try durationLiteral())
        case .add, .sub:
            let opToken = token
            try advance()
            let operand = try parseDurationExpression(minimumPrecedence: 6)
            return applyUnaryToDuration(opToken, operand, wrapped: false)
        case .step, .range, .maxOf, .minOf:
            let node = try parseDurationKeywordCall()
            checkDurationExpressionAllowed(node.range)
            return .duration(node)
        case .leftParen:
            return try parseParenDuration()
        default:
            throw unexpected()
        }
    }
}

extension Parser {
    /// The binary operator a token stands for, if any.
    static func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .add: .add
        case .sub: .sub
        case .mul: .mul
        case .div: .div
        case .mod: .mod
        case .pow: .pow
        case .atan2: .atan2
        case .eqlc: .eql
        case .neq: .neq
        case .gtr: .gtr
        case .lss: .lss
        case .gte: .gte
        case .lte: .lte
        case .trimUpper: .trimUpper
        case .trimLower: .trimLower
        case .land: .and
        case .lor: .or
        case .lunless: .unless
        default: nil
        }
    }

    /// Parses a full expression (lowest precedence).
    mutating func parseExpression() throws(SyntaxAbort) -> Parsed {
        try parseBinary(minimumPrecedence: 1)
    }

    /// Precedence climbing over binary operators; postfix modifiers are handled by `parseUnary`.
    mutating func parseBinary(minimumPrecedence: Int) throws(SyntaxAbort) -> Parsed {
        var lhs = try parseUnary()
        while let op = Parser.binaryOperator(token.kind), op.precedence >= minimumPrecedence {
            let opToken = token
            if op == .trimUpper || op == .trimLower {
                requireV3("the \(op.rawValue) operator", opToken.range, plural: false)
            }
            try advance()
            let modifiers = try parseBinaryModifiers()
            // `^` is right-associative and recurses; other operators loop.
            let next = op.isRightAssociative ? op.precedence : op.precedence + 1
            let rhs: Parsed
            if op.isRightAssociative {
                try enter()
                defer { leave() }
                rhs = try parseBinary(minimumPrecedence: next)
            } else {
                rhs = try parseBinary(minimumPrecedence: next)
            }
            lhs = try makeBinary(op, opToken, lhs, rhs, modifiers)
        }
        return lhs
    }

    /// Builds a binary node; kept out of `parseBinary` so the recursive frame stays small.
    @inline(never)
    mutating func makeBinary(
        _ op: BinaryOperator, _ opToken: LexToken, _ lhs: Parsed, _ rhs: Parsed,
        _ modifiers: (returnBool: Bool, matching: VectorMatching)
    ) throws(SyntaxAbort) -> Parsed {
        let range = lhs.expr.range.lowerBound..<rhs.expr.range.upperBound
        let node = BinaryExpr(
            op: op, lhs: lhs.expr, rhs: rhs.expr, returnBool: modifiers.returnBool,
            matching: Parser.normalizedMatching(op, lhs.expr, rhs.expr, modifiers.matching),
            operatorRange: opToken.range, range: range)
        if !options.binopFillModifiers && (modifiers.matching.fill.lhs != nil || modifiers.matching.fill.rhs != nil) {
            addError("binop fill modifiers are experimental and not enabled", range)
        }
        let result = Parsed(expr: .binary(node), depth: Swift.max(lhs.depth, rhs.depth) + 1)
        try checkTreeDepth(result.depth, range)
        return result
    }

    /// Prometheus keeps vector matching only between two instant vectors, and set operators match
    /// many-to-many. Matching written between other operands is kept so type checking can reject it.
    static func normalizedMatching(
        _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ raw: VectorMatching
    ) -> VectorMatching? {
        if lhs.type == .vector && rhs.type == .vector {
            var matching = raw
            if op.isSetOperator && matching.cardinality == .oneToOne { matching.cardinality = .manyToMany }
            return matching
        }
        if !raw.matchingLabels.isEmpty || raw.fill.lhs != nil || raw.fill.rhs != nil { return raw }
        return nil
    }

    /// Modifiers written after a binary operator: `bool`, `on`/`ignoring`, `group_left`/`group_right`, fills.
    @inline(never)
    mutating func parseBinaryModifiers() throws(SyntaxAbort) -> (returnBool: Bool, matching: VectorMatching) {
        var matching = VectorMatching()
        var returnBool = false
        if token.kind == .bool {
            returnBool = true
            try advance()
        }
        if token.kind == .on || token.kind == .ignoring {
            matching.on = token.kind == .on
            matching.hasMatchingClause = true
            try advance()
            matching.matchingLabels = try parseGroupingLabels()
            if token.kind == .groupLeft || token.kind == .groupRight {
                matching.cardinality = token.kind == .groupLeft ? .manyToOne : .oneToMany
                try advance()
                if token.kind == .leftParen { matching.include = try parseGroupingLabels() }
            }
        }
        switch token.kind {
        case .fill:
            let fillToken = token
            try advance()
            let value = try parseFillValue()
            requireV3("fill modifiers", fillToken.start..<value.range.upperBound)
            matching.fill = FillValues(lhs: value.value, rhs: value.value)
        case .fillLeft, .fillRight:
            let firstIsLeft = token.kind == .fillLeft
            let fillToken = token
            try advance()
            let first = try parseFillValue()
            requireV3("fill modifiers", fillToken.start..<first.range.upperBound)
            if firstIsLeft { matching.fill.lhs = first.value } else { matching.fill.rhs = first.value }
            if token.kind == (firstIsLeft ? .fillRight : .fillLeft) {
                try advance()
                let second = try parseFillValue()
                if firstIsLeft { matching.fill.rhs = second.value } else { matching.fill.lhs = second.value }
            }
        default:
            break
        }
        return (returnBool, matching)
    }

    /// `( number )` or `( -number )` after a fill modifier.
    mutating func parseFillValue() throws(SyntaxAbort) -> (value: Double, range: Range<Int>) {
        try expect(.leftParen)
        var sign = 1.0
        if token.kind == .add || token.kind == .sub {
            if token.kind == .sub { sign = -1 }
            try advance()
        }
        guard token.kind == .number || token.kind == .duration else { throw unexpected() }
        let literal = numberLiteral(token)
        try advance()
        let close = try expect(.rightParen)
        return (sign * literal.value, literal.range.lowerBound..<close.end)
    }

    /// A unary expression (`-x` binds like `*`), or a postfix expression.
    mutating func parseUnary() throws(SyntaxAbort) -> Parsed {
        guard token.kind == .add || token.kind == .sub else { return try parsePostfix() }
        try enter()
        defer { leave() }
        let opToken = token
        try advance()
        // Operands bind tighter than `*`: only `^` and postfix modifiers extend them.
        let operand = try parseBinary(minimumPrecedence: BinaryOperator.pow.precedence)
        if case .number(var literal) = operand.expr {
            if opToken.kind == .sub { literal.value = -literal.value }
            literal.range = opToken.start..<literal.range.upperBound
            return Parsed(expr: .number(literal), depth: operand.depth)
        }
        let node = UnaryExpr(
            op: opToken.kind == .sub ? .minus : .plus, expr: operand.expr,
            range: opToken.start..<operand.expr.range.upperBound)
        let result = Parsed(expr: .unary(node), depth: operand.depth + 1)
        try checkTreeDepth(result.depth, node.range)
        return result
    }

    /// A primary expression followed by any number of `[range]`, `[range:step]`, `offset`, `@`,
    /// `anchored` and `smoothed` modifiers.
    mutating func parsePostfix() throws(SyntaxAbort) -> Parsed {
        var current = try parsePrimary()
        while true {
            switch token.kind {
            case .leftBracket:
                current = try parseRangeOrSubquery(current)
            case .offset:
                current.expr = try parseOffset(current.expr)
            case .at:
                current.expr = try parseAt(current.expr)
            case .anchored, .smoothed:
                current.expr = try parseExtendedRangeModifier(current.expr)
            default:
                return current
            }
        }
    }

    /// Numbers, strings, selectors, calls, aggregations and parenthesized expressions.
    ///
    /// The work for each kind lives in its own non-inlined function so this frame, which is on the
    /// stack once per nesting level, stays small.
    mutating func parsePrimary() throws(SyntaxAbort) -> Parsed {
        switch token.kind {
        case .number, .duration, .string:
            return try parseLiteral()
        case .leftParen:
            return try parseParen()
        case .leftBrace:
            return try parseSelectorExpression(named: false)
        case .identifier, .start, .end, .step, .range, .maxOf, .minOf:
            if peekToken().kind == .leftParen { return try parseCall() }
            return try parseSelectorExpression(named: true)
        case _ where token.kind.isAggregator:
            let next = peekToken().kind
            if next == .leftParen || next == .by || next == .without { return try parseAggregation() }
            return try parseSelectorExpression(named: true)
        case .metricIdentifier, .by, .fill, .fillLeft, .fillRight, .land, .lor, .lunless, .offset, .without,
            .anchored, .smoothed:
            return try parseSelectorExpression(named: true)
        default:
            throw unexpected()
        }
    }

    /// A number, duration or string literal.
    @inline(never)
    mutating func parseLiteral() throws(SyntaxAbort) -> Parsed {
        if token.kind == .string {
            let literal = StringLiteral(value: unquote(token), range: token.range)
            try advance()
            return Parsed(expr: .string(literal), depth: 1)
        }
        let literal = numberLiteral(token)
        if token.kind == .duration { requireV3("durations as numbers", token.range) }
        try advance()
        return Parsed(expr: .number(literal), depth: 1)
    }

    /// A vector selector, starting at a metric name when `named`.
    @inline(never)
    mutating func parseSelectorExpression(named: Bool) throws(SyntaxAbort) -> Parsed {
        Parsed(expr: .vectorSelector(try parseVectorSelector(nameToken: named ? token : nil)), depth: 1)
    }

    /// `( expr )`
    mutating func parseParen() throws(SyntaxAbort) -> Parsed {
        try enter()
        defer { leave() }
        let open = token
        try advance()
        let inner = try parseExpression()
        let close = try expect(.rightParen)
        let node = ParenExpr(expr: inner.expr, range: open.start..<close.end)
        let result = Parsed(expr: .paren(node), depth: inner.depth + 1)
        try checkTreeDepth(result.depth, node.range)
        return result
    }

    /// The arguments of a call or aggregation, the depth of the deepest one, and the closing parenthesis.
    struct Arguments {
        var exprs: [Expr] = []
        var depth = 0
        var close = LexToken(kind: .eof, start: 0, end: 0)
    }

    /// `( args )` of a call or aggregation.
    mutating func parseArguments() throws(SyntaxAbort) -> Arguments {
        try expect(.leftParen)
        var args = Arguments()
        if token.kind == .rightParen {
            args.close = token
            try advance()
            return args
        }
        while true {
            let arg = try parseExpression()
            args.exprs.append(arg.expr)
            args.depth = Swift.max(args.depth, arg.depth)
            if token.kind == .comma {
                let comma = token
                try advance()
                if token.kind == .rightParen {
                    addError("trailing commas not allowed in function call args", comma.range)
                    break
                }
                continue
            }
            break
        }
        args.close = try expect(.rightParen)
        return args
    }

    /// A function call `name(args)`.
    @inline(never)
    mutating func parseCall() throws(SyntaxAbort) -> Parsed {
        try enter()
        defer { leave() }
        let nameToken = token
        let name = string(nameToken)
        try advance()
        var descriptor = Functions.named(name)
        if let found = descriptor, !found.isAvailable(in: options.target) {
            if options.target == .v2_42 {
                addError("function \(GoQuote.string(name)) requires Prometheus 3.x (target 2.42)", nameToken.range)
            } else {
                addError("unknown function with name \(GoQuote.string(name))", nameToken.range)
            }
        } else if descriptor == nil {
            addError("unknown function with name \(GoQuote.string(name))", nameToken.range)
        } else if let found = descriptor, found.isExperimental, !options.enableExperimentalFunctions {
            addError("function \(GoQuote.string(name)) is not enabled", nameToken.range)
        }
        if descriptor == nil {
            descriptor = FunctionDescriptor(name: name, argTypes: [], returnType: .none)
        }
        let args = try parseArguments()
        let function = descriptor ?? FunctionDescriptor(name: name, argTypes: [], returnType: .none)
        let range = nameToken.start..<args.close.end
        let call = Call(function: function, args: args.exprs, range: range)
        let result = Parsed(expr: .call(call), depth: args.depth + 1)
        try checkTreeDepth(result.depth, range)
        return result
    }

    /// An aggregation: `op [by|without (labels)] (args) [by|without (labels)]`.
    @inline(never)
    mutating func parseAggregation() throws(SyntaxAbort) -> Parsed {
        try enter()
        defer { leave() }
        let opToken = token
        let op = Parser.aggregateOperator(opToken.kind)
        try advance()
        return try withContext(.aggregation) { (parser: inout Parser) throws(SyntaxAbort) -> Parsed in
            var grouping: [PromQLString] = []
            var without = false
            var position = GroupingPosition.none
            if parser.token.kind == .by || parser.token.kind == .without {
                without = parser.token.kind == .without
                try parser.advance()
                grouping = try parser.parseGroupingLabels()
                position = .beforeBody
                guard parser.token.kind == .leftParen else { throw parser.unexpected() }
            }
            let args = try parser.parseArguments()
            var end = args.close.end
            if position == .none, parser.token.kind == .by || parser.token.kind == .without {
                without = parser.token.kind == .without
                try parser.advance()
                grouping = try parser.parseGroupingLabels()
                position = .afterBody
                end = parser.lastGroupingEnd
            }
            return try parser.finishAggregation(
                op: op, opToken: opToken, args: args, grouping: grouping, without: without, position: position,
                end: end)
        }
    }

    static func aggregateOperator(_ kind: TokenKind) -> AggregateOperator {
        switch kind {
        case .avg: .avg
        case .bottomk: .bottomk
        case .count: .count
        case .countValues: .countValues
        case .group: .group
        case .max: .max
        case .min: .min
        case .quantile: .quantile
        case .stddev: .stddev
        case .stdvar: .stdvar
        case .topk: .topk
        case .limitk: .limitk
        case .limitRatio: .limitRatio
        default: .sum
        }
    }

    /// Validates the argument count of an aggregation and builds the node (Prometheus' `newAggregateExpr`).
    mutating func finishAggregation(
        op: AggregateOperator, opToken: LexToken, args: Arguments, grouping: [PromQLString], without: Bool,
        position: GroupingPosition, end: Int
    ) throws(SyntaxAbort) -> Parsed {
        let range = opToken.start..<end
        if op.isExperimental {
            requireV3("\(op.rawValue)()", opToken.range, plural: false)
        }
        let placeholder = Expr.number(NumberLiteral(value: 0, range: range))
        var node = AggregateExpr(
            op: op, expr: placeholder, grouping: grouping, without: without, groupingPosition: position, range: range)
        if args.exprs.isEmpty {
            addError("no arguments for aggregate expression provided", range)
            return Parsed(expr: .aggregate(node), depth: 1)
        }
        var desired = 1
        if op.takesParameter {
            if op.isExperimental, !options.enableExperimentalFunctions, options.target == .v3 {
                addError(
                    "\(op.rawValue)() is experimental and must be enabled with --enable-feature=promql-experimental-functions",
                    range)
                return Parsed(expr: .aggregate(node), depth: 1)
            }
            desired = 2
            node.param = args.exprs[0]
        }
        if args.exprs.count != desired {
            addError(
                "wrong number of arguments for aggregate expression provided, expected \(desired), got \(args.exprs.count)",
                range)
            return Parsed(expr: .aggregate(node), depth: 1)
        }
        node.expr = args.exprs[desired - 1]
        let result = Parsed(expr: .aggregate(node), depth: args.depth + 1)
        try checkTreeDepth(result.depth, range)
        return result
    }
}

extension Parser {
    /// The label matcher operator of a token, if it is one.
    static func matchType(_ kind: TokenKind) -> MatchType? {
        switch kind {
        case .assign: .equal
        case .neq: .notEqual
        case .eqlRegex: .regexMatch
        case .neqRegex: .regexNoMatch
        default: nil
        }
    }

    /// `name`, `name{...}` or `{...}`.
    @inline(never)
    mutating func parseVectorSelector(nameToken: LexToken?) throws(SyntaxAbort) -> VectorSelector {
        var selector = VectorSelector(name: nil, range: token.range)
        if let nameToken {
            selector.name = string(nameToken)
            selector.nameRange = nameToken.range
            try advance()
        }
        if token.kind == .leftBrace {
            let (matchers, braces) = try parseLabelMatchers()
            selector.matchers = matchers
            selector.bracesRange = braces
        }
        let start = selector.nameRange?.lowerBound ?? selector.bracesRange?.lowerBound ?? 0
        let end = selector.bracesRange?.upperBound ?? selector.nameRange?.upperBound ?? 0
        selector.range = start..<end
        return selector
    }

    /// `{ matcher, ... }` with the byte range of the braces.
    mutating func parseLabelMatchers() throws(SyntaxAbort) -> ([LabelMatcher], Range<Int>) {
        let open = token
        try advance()
        var matchers: [LabelMatcher] = []
        if token.kind == .rightBrace {
            let close = token
            try advance()
            return (matchers, open.start..<close.end)
        }
        while true {
            matchers.append(try parseLabelMatcher())
            if token.kind == .comma {
                try advance()
                if token.kind == .rightBrace { break }
                continue
            }
            if token.kind == .rightBrace { break }
            throw unexpected(context: .matcherSeparator)
        }
        let close = token
        try advance()
        return (matchers, open.start..<close.end)
    }

    /// One matcher: `name op "value"`, `"name" op "value"` or a bare quoted metric name `"name"`.
    mutating func parseLabelMatcher() throws(SyntaxAbort) -> LabelMatcher {
        let labelToken = token
        switch token.kind {
        case .identifier:
            try advance()
            guard let type = Parser.matchType(token.kind) else { throw unexpected(context: .matcherOperator) }
            try advance()
            guard token.kind == .string else { throw unexpected(context: .matcherValue) }
            let valueToken = token
            try advance()
            return makeMatcher(name: PromQLString(bytes: text(labelToken)), quoted: false, type: type, labelToken, valueToken)
        case .string:
            let name = unquote(labelToken)
            try advance()
            if let type = Parser.matchType(token.kind) {
                try advance()
                guard token.kind == .string else { throw unexpected(context: .matcherValue) }
                let valueToken = token
                try advance()
                requireV3("quoted label names", labelToken.range)
                return makeMatcher(name: name, quoted: true, type: type, labelToken, valueToken)
            }
            requireV3("quoted metric names", labelToken.range)
            var matcher = LabelMatcher(name: "__name__", type: .equal, value: name, nameIsQuoted: true, range: labelToken.range)
            matcher.isBareMetricName = true
            return matcher
        default:
            throw unexpected(context: .matcherStart)
        }
    }

    /// Prometheus' `newLabelMatcher`: a regex that does not compile is an error over the whole
    /// matcher, name to value (`labels.NewMatcher` fails, `addParseErr(mergeRanges(label, value))`).
    private mutating func makeMatcher(
        name: PromQLString, quoted: Bool, type: MatchType, _ labelToken: LexToken, _ valueToken: LexToken
    ) -> LabelMatcher {
        let value = unquote(valueToken)
        let range = labelToken.start..<valueToken.end
        if type == .regexMatch || type == .regexNoMatch,
            let message = RegexEmptyMatch.syntaxError(in: value.bytes, target: options.target)
        {
            addError(message, range)
        }
        return LabelMatcher(name: name, type: type, value: value, nameIsQuoted: quoted, range: range)
    }

    /// Whether a token can name a label in a grouping clause (Prometheus' `maybe_label`).
    static func isGroupingLabel(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .metricIdentifier, .avg, .bool, .bottomk, .by, .count, .countValues, .group, .groupLeft,
            .groupRight, .fill, .fillLeft, .fillRight, .ignoring, .land, .lor, .lunless, .max, .min, .offset, .on,
            .quantile, .stddev, .stdvar, .sum, .topk, .start, .end, .atan2, .limitk, .limitRatio, .step, .range,
            .anchored, .smoothed, .maxOf, .minOf:
            true
        default:
            false
        }
    }

    /// `( label, ... )` of `by`, `without`, `on`, `ignoring`, `group_left`, `group_right`.
    mutating func parseGroupingLabels() throws(SyntaxAbort) -> [PromQLString] {
        guard token.kind == .leftParen else { throw unexpected(context: .groupingOpen) }
        try advance()
        var labels: [PromQLString] = []
        if token.kind == .rightParen {
            lastGroupingEnd = token.end
            try advance()
            return labels
        }
        while true {
            if Parser.isGroupingLabel(token.kind) {
                labels.append(PromQLString(bytes: text(token)))
                try advance()
            } else if token.kind == .string {
                // `model.UTF8Validation.IsValidLabelName`: non-empty and valid UTF-8 (`"\xff"` is not).
                let label = unquote(token)
                if label.isEmpty || !label.isValidUTF8 {
                    addError("invalid label name for grouping: \(label.goQuoted)", token.range)
                }
                requireV3("quoted label names", token.range)
                labels.append(label)
                try advance()
            } else {
                throw unexpected(context: .groupingLabel)
            }
            if token.kind == .comma {
                try advance()
                if token.kind == .rightParen { break }
                continue
            }
            if token.kind == .rightParen { break }
            throw unexpected(context: .groupingSeparator)
        }
        lastGroupingEnd = token.end
        try advance()
        return labels
    }

    /// `expr[range]` or `expr[range:step]`.
    @inline(never)
    mutating func parseRangeOrSubquery(_ current: Parsed) throws(SyntaxAbort) -> Parsed {
        let open = token
        try advance()
        let rangeValue = try withContext(.rangeStart) { (parser: inout Parser) throws(SyntaxAbort) -> Expr in
            try parser.parsePositiveDuration()
        }
        switch token.kind {
        case .rightBracket:
            let close = token
            try advance()
            let brackets = open.start..<close.end
            var selector = VectorSelector(name: nil, range: current.expr.range)
            if case .vectorSelector(let inner) = current.expr {
                selector = inner
                if inner.offset.map({ $0.duration != .zero || $0.expression != nil }) ?? false {
                    addError("no offset modifiers allowed before range", brackets)
                } else if inner.at != nil {
                    addError("no @ modifiers allowed before range", brackets)
                }
            } else {
                addError("ranges only allowed for vector selectors", brackets)
            }
            let (duration, expression) = splitDuration(rangeValue)
            let node = MatrixSelector(
                vectorSelector: selector, rangeDuration: duration, rangeExpression: expression, bracketsRange: brackets,
                range: current.expr.range.lowerBound..<close.end)
            let result = Parsed(expr: .matrixSelector(node), depth: current.depth + 1)
            try checkTreeDepth(result.depth, node.range)
            return result
        case .colon:
            try advance()
            var stepValue: Expr?
            if token.kind != .rightBracket {
                stepValue = try withContext(.subqueryStep) { (parser: inout Parser) throws(SyntaxAbort) -> Expr in
                    try parser.parsePositiveDuration()
                }
                guard token.kind == .rightBracket else { throw unexpected(context: .subqueryEnd) }
            }
            let close = token
            try advance()
            let (duration, expression) = splitDuration(rangeValue)
            var step: PromDuration?
            var stepExpression: DurationExpr?
            if let stepValue {
                let split = splitDuration(stepValue)
                step = split.0
                stepExpression = split.1
            }
            let node = SubqueryExpr(
                expr: current.expr, rangeDuration: duration, rangeExpression: expression, step: step,
                stepExpression: stepExpression, bracketsRange: open.start..<close.end,
                range: current.expr.range.lowerBound..<close.end)
            let result = Parsed(expr: .subquery(node), depth: current.depth + 1)
            try checkTreeDepth(result.depth, node.range)
            return result
        default:
            throw unexpected(context: .rangeAfterDuration)
        }
    }

    /// A duration value as a plain duration or a duration expression.
    func splitDuration(_ value: Expr) -> (PromDuration, DurationExpr?) {
        switch value {
        case .number(let literal): (PromDuration(seconds: literal.value), nil)
        case .duration(let expression): (.zero, expression)
        default: (.zero, nil)
        }
    }

    /// `expr offset <duration>`.
    @inline(never)
    mutating func parseOffset(_ expr: Expr) throws(SyntaxAbort) -> Expr {
        let offsetToken = token
        try advance()
        let value = try withContext(.offset) { (parser: inout Parser) throws(SyntaxAbort) -> Expr in
            try parser.parseOffsetDuration()
        }
        let (duration, expression) = splitDuration(value)
        let modifier = OffsetModifier(duration: duration, expression: expression, range: offsetToken.start..<previousEnd)
        func alreadySet(_ existing: OffsetModifier?) -> Bool {
            guard let existing else { return false }
            return existing.duration != .zero || existing.expression != nil
        }
        switch expr {
        case .vectorSelector(var selector):
            if alreadySet(selector.offset) {
                addError("offset may not be set multiple times", selector.range)
            } else {
                selector.offset = modifier
            }
            selector.range = selector.range.lowerBound..<previousEnd
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if alreadySet(matrix.vectorSelector.offset) {
                addError("offset may not be set multiple times", matrix.range)
            } else {
                matrix.vectorSelector.offset = modifier
            }
            matrix.range = matrix.range.lowerBound..<previousEnd
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            if alreadySet(subquery.offset) {
                addError("offset may not be set multiple times", subquery.range)
            } else {
                subquery.offset = modifier
            }
            subquery.range = subquery.range.lowerBound..<previousEnd
            return .subquery(subquery)
        default:
            addError(
                "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                expr.range)
            return expr
        }
    }

    /// `expr @ <timestamp>`, `expr @ start()`, `expr @ end()`.
    @inline(never)
    mutating func parseAt(_ expr: Expr) throws(SyntaxAbort) -> Expr {
        let atToken = token
        try advance()
        let modifier = try withContext(.at) { (parser: inout Parser) throws(SyntaxAbort) -> AtModifier in
            if parser.token.kind == .start || parser.token.kind == .end {
                let isStart = parser.token.kind == .start
                try parser.advance()
                try parser.expect(.leftParen)
                try parser.expect(.rightParen)
                return isStart ? .start : .end
            }
            var sign = 1.0
            if parser.token.kind == .add || parser.token.kind == .sub {
                if parser.token.kind == .sub { sign = -1 }
                try parser.advance()
            }
            guard parser.token.kind == .number || parser.token.kind == .duration else { throw parser.unexpected() }
            let literal = parser.numberLiteral(parser.token)
            if parser.token.kind == .duration {
                parser.requireV3("durations as @ timestamps", parser.token.range)
            }
            try parser.advance()
            let seconds = sign * literal.value
            if seconds.isNaN || seconds.isInfinite || seconds >= 9.223372036854775807e18
                || seconds <= -9.223372036854775808e18
            {
                parser.addError("timestamp out of bounds for @ modifier: \(ErrorFormat.fixed(seconds))", expr.range)
            }
            return .timestamp(milliseconds: ErrorFormat.millisecondsFromSeconds(seconds))
        }
        let clause = AtClause(modifier: modifier, range: atToken.start..<previousEnd)
        switch expr {
        case .vectorSelector(var selector):
            if selector.at != nil {
                addError("@ <timestamp> may not be set multiple times", expr.range)
                return expr
            }
            selector.at = clause
            selector.range = selector.range.lowerBound..<previousEnd
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            if matrix.vectorSelector.at != nil {
                addError("@ <timestamp> may not be set multiple times", expr.range)
                return expr
            }
            matrix.vectorSelector.at = clause
            matrix.range = matrix.range.lowerBound..<previousEnd
            return .matrixSelector(matrix)
        case .subquery(var subquery):
            if subquery.at != nil {
                addError("@ <timestamp> may not be set multiple times", expr.range)
                return expr
            }
            subquery.at = clause
            subquery.range = subquery.range.lowerBound..<previousEnd
            return .subquery(subquery)
        default:
            addError(
                "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery",
                expr.range)
            return expr
        }
    }

    /// `anchored` / `smoothed` after a selector; consumes the keyword.
    @inline(never)
    mutating func parseExtendedRangeModifier(_ expr: Expr) throws(SyntaxAbort) -> Expr {
        let modifierToken = token
        try advance()
        return applyExtendedRangeModifier(expr, modifierToken)
    }

    /// Applies `anchored` / `smoothed` (extended range selectors).
    mutating func applyExtendedRangeModifier(_ expr: Expr, _ modifierToken: LexToken) -> Expr {
        let anchored = modifierToken.kind == .anchored
        let name = anchored ? "anchored" : "smoothed"
        if options.target == .v2_42 {
            addError("\(name) modifier requires Prometheus 3.x (target 2.42)", expr.range)
            return expr
        }
        if !options.extendedRangeSelectors {
            addError("\(name) modifier is experimental and not enabled", expr.range)
            return expr
        }
        func apply(_ selector: inout VectorSelector, range: Range<Int>) {
            if anchored { selector.anchored = true } else { selector.smoothed = true }
            if selector.anchored && selector.smoothed {
                addError("anchored and smoothed modifiers cannot be used together", range)
            }
        }
        switch expr {
        case .vectorSelector(var selector):
            apply(&selector, range: expr.range)
            return .vectorSelector(selector)
        case .matrixSelector(var matrix):
            apply(&matrix.vectorSelector, range: expr.range)
            return .matrixSelector(matrix)
        case .subquery:
            addError("\(name) modifier is not supported for subqueries", expr.range)
            return expr
        default:
            addError("\(name) modifier not implemented", expr.range)
            return expr
        }
    }
}

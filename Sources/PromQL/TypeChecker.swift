/// Type checking of a syntactically valid expression, as Prometheus' `checkAST`: same checks,
/// same order, same messages and positions.
struct TypeChecker {
    let input: UnsafeBufferPointer<UInt8>
    private(set) var errors: [PromQLError] = []

    init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    private mutating func addError(_ message: String, _ range: Range<Int>) {
        guard errors.count < Parser.maximumErrorCount else { return }
        errors.append(PromQLError(message: message, range: range, line: 0, column: 0))
    }

    /// Prometheus' `ValueType.String()` (used by the subquery message).
    private static func typeName(_ type: ValueType) -> String {
        type == .vector ? "vector" : type.rawValue
    }

    mutating func check(_ expr: Expr) {
        _ = checkNode(expr, bypassEmptyMatcherCheck: false)
    }

    private mutating func expectType(_ expr: Expr, _ want: ValueType, _ context: String) {
        let type = checkNode(expr, bypassEmptyMatcherCheck: false)
        if type != want {
            addError("expected type \(want.documentedName) in \(context), got \(type.documentedName)", expr.range)
        }
    }

    /// The operator part of a binary expression with Prometheus' trimming (the end excludes the
    /// last non-space byte, as upstream computes it).
    private func operatorRange(_ node: BinaryExpr) -> Range<Int> {
        var start = node.lhs.range.upperBound
        while start < input.count, Lexer.isSpaceByte(input[start]) { start += 1 }
        var end = node.rhs.range.lowerBound - 1
        while end > start, end < input.count, Lexer.isSpaceByte(input[end]) { end -= 1 }
        return start..<Swift.max(start, end)
    }

    /// Checks a node and returns its type, computed from the children's results so the walk
    /// stays linear (`Expr.type` would recompute subtrees).
    private mutating func checkNode(_ expr: Expr, bypassEmptyMatcherCheck: Bool) -> ValueType {
        switch expr {
        case .aggregate(let node):
            expectType(node.expr, .vector, "aggregation expression")
            switch node.op {
            case .topk, .bottomk, .quantile, .limitk, .limitRatio:
                if let param = node.param { expectType(param, .scalar, "aggregation parameter") }
            case .countValues:
                if let param = node.param { expectType(param, .string, "aggregation parameter") }
            default:
                break
            }
            return .vector
        case .binary(let node):
            return checkBinary(node)
        case .call(let node):
            checkCall(node)
            return node.function.returnType
        case .paren(let node):
            return checkNode(node.expr, bypassEmptyMatcherCheck: false)
        case .unary(let node):
            let operand = checkNode(node.expr, bypassEmptyMatcherCheck: false)
            if operand != .scalar && operand != .vector {
                addError(
                    "unary expression only allowed on expressions of type scalar or instant vector, got \(GoQuote.string(operand.documentedName))",
                    node.range)
            }
            return operand
        case .subquery(let node):
            let inner = checkNode(node.expr, bypassEmptyMatcherCheck: false)
            if inner != .vector {
                addError("subquery is only allowed on instant vector, got \(TypeChecker.typeName(inner)) instead", node.range)
            }
            return .matrix
        case .matrixSelector(let node):
            checkSelector(node.vectorSelector, bypassEmptyMatcherCheck: false)
            return .matrix
        case .vectorSelector(let node):
            checkSelector(node, bypassEmptyMatcherCheck: bypassEmptyMatcherCheck)
            return .vector
        case .number, .duration:
            return .scalar
        case .string:
            return .string
        }
    }

    private mutating func checkSelector(_ node: VectorSelector, bypassEmptyMatcherCheck: Bool) {
        if let name = node.name {
            for matcher in node.matchers where matcher.name == "__name__" {
                addError(
                    "metric name must not be set twice: \(GoQuote.string(name)) or \(matcher.value.goQuoted)",
                    node.range)
            }
            return
        }
        if bypassEmptyMatcherCheck { return }
        if !node.matchers.contains(where: { !$0.matchesEmpty }) {
            addError("vector selector must contain at least one non-empty matcher", node.range)
        }
    }

    private mutating func checkBinary(_ node: BinaryExpr) -> ValueType {
        let lhsType = checkNode(node.lhs, bypassEmptyMatcherCheck: false)
        let rhsType = checkNode(node.rhs, bypassEmptyMatcherCheck: false)
        if node.returnBool && !node.op.isComparison {
            addError("bool modifier can only be used on comparison operators", operatorRange(node))
        }
        if node.op.isComparison && !node.returnBool && lhsType == .scalar && rhsType == .scalar {
            addError("comparisons between scalars must use BOOL modifier", operatorRange(node))
        }
        // The parser already normalized set operators to many-to-many between vectors.
        let matching = node.matching ?? VectorMatching()
        var cardinality = matching.cardinality
        if node.op.isSetOperator && cardinality == .oneToOne { cardinality = .manyToMany }
        if matching.on {
            for label in matching.matchingLabels where matching.include.contains(label) {
                addError("label \(label.goQuoted) must not occur in ON and GROUP clause at once", operatorRange(node))
            }
        }
        if lhsType != .scalar && lhsType != .vector {
            addError("binary expression must contain only scalar and instant vector types", node.lhs.range)
        }
        if rhsType != .scalar && rhsType != .vector {
            addError("binary expression must contain only scalar and instant vector types", node.rhs.range)
        }
        let hasFill = matching.fill.lhs != nil || matching.fill.rhs != nil
        if lhsType != .vector || rhsType != .vector {
            if !matching.matchingLabels.isEmpty {
                addError("vector matching only allowed between instant vectors", node.range)
            }
            if hasFill {
                addError("filling in missing series only allowed between instant vectors", node.range)
            }
        } else if node.op.isSetOperator {
            if cardinality == .oneToMany || cardinality == .manyToOne {
                addError("no grouping allowed for \(GoQuote.string(node.op.rawValue)) operation", node.range)
            }
            if cardinality != .manyToMany {
                addError("set operations must always be many-to-many", node.range)
            }
            if hasFill {
                addError("filling in missing series not allowed for set operators", node.range)
            }
        }
        if (lhsType == .scalar || rhsType == .scalar) && node.op.isSetOperator {
            addError("set operator \(GoQuote.string(node.op.rawValue)) not allowed in binary scalar expression", node.range)
        }
        return lhsType == .scalar && rhsType == .scalar ? .scalar : .vector
    }

    private mutating func checkCall(_ node: Call) {
        let function = node.function
        let declared = function.argTypes.count
        var name: String { GoQuote.string(function.name) }
        if function.variadic == 0 {
            if declared != node.args.count {
                addError("expected \(declared) argument(s) in call to \(name), got \(node.args.count)", node.range)
            }
        } else {
            let required = declared - 1
            if required > node.args.count {
                addError("expected at least \(required) argument(s) in call to \(name), got \(node.args.count)", node.range)
            } else if function.variadic > 0, required + function.variadic < node.args.count {
                addError(
                    "expected at most \(required + function.variadic) argument(s) in call to \(name), got \(node.args.count)",
                    node.range)
            }
        }
        var bypassSecondArgument = false
        if function.name == "info" && node.args.count > 1 {
            let second = node.args[1]
            if second.type != .vector {
                addError(
                    "expected type instant vector in call to function \(name), got \(second.type.documentedName)",
                    node.range)
            }
            if case .vectorSelector(let selector) = second {
                if selector.name != nil {
                    addError("expected label selectors only, got vector selector instead", second.range)
                } else {
                    bypassSecondArgument = true
                }
            } else {
                addError("expected label selectors only", second.range)
            }
        }
        for (index, arg) in node.args.enumerated() {
            var typeIndex = index
            if index >= declared {
                if function.variadic == 0 || declared == 0 { break }
                typeIndex = declared - 1
            }
            let actual = checkNode(arg, bypassEmptyMatcherCheck: index == 1 && bypassSecondArgument)
            let want = function.argTypes[typeIndex]
            if actual != want {
                addError(
                    "expected type \(want.documentedName) in call to function \(name), got \(actual.documentedName)",
                    arg.range)
            }
        }
    }
}

// The canonical one-line form of an expression, equal to Prometheus' `Expr.String()`:
// `sum by (job) (rate(http_requests_total{code="500"}[5m]))`.

extension Expr: CustomStringConvertible {
    /// The canonical one-line form, byte for byte what Prometheus' `String()` prints.
    ///
    /// Matchers are sorted, `by ()` disappears, `on`/`group_left` get a space before their
    /// parenthesis, numbers lose redundant digits and durations are normalized (`90m` → `1h30m`).
    /// ```swift
    /// try PromQL.parse("sum(rate(x{b='1',a='2'}[90m])) by(job)").description
    /// // sum by (job) (rate(x{a="2",b="1"}[1h30m]))
    /// ```
    public var description: String {
        var out = ""
        CanonicalPrinter.write(self, to: &out)
        return out
    }
}

extension LabelMatcher: CustomStringConvertible {
    /// The matcher as Prometheus prints it (`labels.Matcher.String()`): `name="value"`, the name
    /// quoted when it is not a legacy label name, the value always quoted with Go's
    /// `strconv.Quote` of its bytes (`a="\xff"`).
    public var description: String {
        GoFormat.labelName(name) + type.rawValue + GoFormat.quote(value)
    }
}

extension DurationExpr: CustomStringConvertible {
    /// The duration expression as Prometheus prints it (`5m + 1m`, `max_of(step(), 5s)`).
    public var description: String {
        var out = ""
        CanonicalPrinter.writeDuration(self, to: &out)
        return out
    }
}

/// Writes expressions in Prometheus' canonical form.
enum CanonicalPrinter {
    /// Writes `expr`. `beforeArithmetic` is set on the rightmost operands of the left side
    /// of an arithmetic operator (`+ - * / % ^`), where a trailing parenthesized offset would
    /// otherwise absorb the operator on reparse (see ``writeOffset(_:beforeArithmetic:to:)``).
    static func write(_ expr: Expr, beforeArithmetic: Bool = false, to out: inout String) {
        switch expr {
        case .number(let node):
            out += number(node)
        case .string(let node):
            out += GoFormat.quote(node.value)
        case .vectorSelector(let node):
            writeSelector(node, to: &out)
            writeAt(node.at, to: &out)
            if node.anchored { out += " anchored" } else if node.smoothed { out += " smoothed" }
            writeOffset(node.offset, beforeArithmetic: beforeArithmetic, to: &out)
        case .matrixSelector(let node):
            let selector = node.vectorSelector
            writeSelector(selector, to: &out)
            out += "["
            writeRange(node.rangeDuration, node.rangeExpression, to: &out)
            out += "]"
            if selector.anchored { out += " anchored" } else if selector.smoothed { out += " smoothed" }
            writeAt(selector.at, to: &out)
            writeOffset(selector.offset, beforeArithmetic: beforeArithmetic, to: &out)
        case .subquery(let node):
            write(node.expr, to: &out)
            writeSubquerySuffix(node, beforeArithmetic: beforeArithmetic, to: &out)
        case .paren(let node):
            out += "("
            write(node.expr, to: &out)
            out += ")"
        case .unary(let node):
            out += node.op.rawValue
            write(node.expr, beforeArithmetic: beforeArithmetic, to: &out)
        case .binary(let node):
            write(node.lhs, beforeArithmetic: node.op.isDurationArithmetic, to: &out)
            out += " "
            out += binaryOperatorClause(node)
            out += " "
            write(node.rhs, beforeArithmetic: beforeArithmetic, to: &out)
        case .aggregate(let node):
            out += aggregateClause(node)
            out += "("
            if let param = node.param {
                write(param, to: &out)
                out += ", "
            }
            write(node.expr, to: &out)
            out += ")"
        case .call(let node):
            out += node.function.name
            out += "("
            for (index, argument) in node.args.enumerated() {
                if index > 0 { out += ", " }
                write(argument, to: &out)
            }
            out += ")"
        case .duration(let node):
            writeDuration(node, to: &out)
        }
    }

    static func number(_ node: NumberLiteral) -> String {
        if node.isDuration {
            return GoFormat.duration(PromDuration(seconds: node.value))
        }
        return GoFormat.fixed(node.value)
    }

    /// `name{sorted matchers}`; the `__name__` matcher of a name written before the braces is implied.
    static func writeSelector(_ node: VectorSelector, to out: inout String) {
        let impliedName = node.nameRange != nil ? node.name : nil
        let impliedValue = impliedName.map { PromQLString($0) }
        var matchers: [String] = []
        matchers.reserveCapacity(node.matchers.count)
        for matcher in node.matchers {
            if let impliedValue, !impliedValue.isEmpty, matcher.name == "__name__", matcher.type == .equal,
                matcher.value == impliedValue
            {
                continue
            }
            matchers.append(matcher.description)
        }
        if let impliedName { out += impliedName }
        guard !matchers.isEmpty else {
            // `info(x, {})` allows an empty selector; Prometheus prints it as nothing
            // (`info(x, )`), which does not parse, so it is written `{}`.
            if impliedName == nil { out += "{}" }
            return
        }
        // Go sorts the printed matchers bytewise.
        matchers.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        out += "{"
        for (index, matcher) in matchers.enumerated() {
            if index > 0 { out += "," }
            out += matcher
        }
        out += "}"
    }

    static func writeAt(_ at: AtClause?, to out: inout String) {
        switch at?.modifier {
        case .timestamp(let milliseconds)?: out += " @ " + GoFormat.atTimestamp(milliseconds: milliseconds)
        case .start?: out += " @ start()"
        case .end?: out += " @ end()"
        case nil: break
        }
    }

    /// ` offset d`. Like Prometheus, `offset +(5m)` prints as `offset (5m)`; but where an
    /// arithmetic operator follows, `foo offset (5m) + 1` would reparse as an offset of
    /// `(5m) + 1`, so there a parenthesized offset is written `+(5m)`, the form that ends the
    /// offset (Prometheus prints the ambiguous text, which does not reparse to the same tree).
    static func writeOffset(_ offset: OffsetModifier?, beforeArithmetic: Bool = false, to out: inout String) {
        guard let offset else { return }
        if let expression = offset.expression {
            out += " offset "
            var text = ""
            writeDuration(expression, to: &text)
            if beforeArithmetic && text.hasPrefix("(") { out += "+" }
            out += text
        } else if offset.duration.nanoseconds != 0 {
            out += " offset " + GoFormat.duration(offset.duration)
        }
    }

    static func writeRange(_ duration: PromDuration, _ expression: DurationExpr?, to out: inout String) {
        if let expression {
            writeDuration(expression, to: &out)
        } else {
            out += GoFormat.duration(duration)
        }
    }

    /// `[range:step] @ t offset d`.
    static func writeSubquerySuffix(_ node: SubqueryExpr, beforeArithmetic: Bool = false, to out: inout String) {
        out += "["
        writeRange(node.rangeDuration, node.rangeExpression, to: &out)
        out += ":"
        if let step = node.step, step.nanoseconds != 0 {
            out += GoFormat.duration(step)
        } else if let expression = node.stepExpression {
            writeDuration(expression, to: &out)
        }
        out += "]"
        writeAt(node.at, to: &out)
        writeOffset(node.offset, beforeArithmetic: beforeArithmetic, to: &out)
    }

    static func writeDuration(_ node: DurationExpr, to out: inout String) {
        if node.wrapped { out += "(" }
        switch node.op {
        case .step:
            out += "step()"
        case .range:
            out += "range()"
        case .minOf, .maxOf:
            out += node.op.rawValue + "("
            if let lhs = node.lhs { write(lhs, to: &out) }
            out += ", "
            if let rhs = node.rhs { write(rhs, to: &out) }
            out += ")"
        default:
            if let lhs = node.lhs {
                write(lhs, to: &out)
                out += " " + node.op.rawValue + " "
            } else if node.op == .sub {
                out += "-"
            }
            if let rhs = node.rhs { write(rhs, to: &out) }
        }
        if node.wrapped { out += ")" }
    }

    /// `sum by (a, b) ` / `sum without () ` / `sum` — Prometheus' `AggregateExpr.ShortString()`.
    static func aggregateClause(_ node: AggregateExpr) -> String {
        var out = node.op.rawValue
        if node.without {
            out += " without (" + labelList(node.grouping) + ") "
        } else if !node.grouping.isEmpty {
            out += " by (" + labelList(node.grouping) + ") "
        }
        return out
    }

    /// `/ on (a) group_left (b)` — Prometheus' `BinaryExpr.ShortString()`.
    static func binaryOperatorClause(_ node: BinaryExpr) -> String {
        var out = node.op.rawValue
        if node.returnBool { out += " bool" }
        guard let matching = node.matching else { return out }
        let grouped = matching.cardinality == .manyToOne || matching.cardinality == .oneToMany
        if !matching.matchingLabels.isEmpty || matching.on || grouped {
            out += (matching.on ? " on (" : " ignoring (") + labelList(matching.matchingLabels) + ")"
        }
        if grouped {
            out += (matching.cardinality == .manyToOne ? " group_left (" : " group_right (") + labelList(matching.include) + ")"
        }
        let fill = matching.fill
        if let lhs = fill.lhs, let rhs = fill.rhs, lhs == rhs {
            out += " fill (" + GoFormat.general(lhs) + ")"
        } else {
            if let lhs = fill.lhs { out += " fill_left (" + GoFormat.general(lhs) + ")" }
            if let rhs = fill.rhs { out += " fill_right (" + GoFormat.general(rhs) + ")" }
        }
        return out
    }

    static func labelList(_ labels: [PromQLString]) -> String {
        var out = ""
        for (index, label) in labels.enumerated() {
            if index > 0 { out += ", " }
            out += GoFormat.labelName(label)
        }
        return out
    }
}

extension BinaryOperator {
    /// Whether the operator is also a duration-expression operator (`+ - * / % ^`).
    var isDurationArithmetic: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow: true
        default: false
        }
    }
}

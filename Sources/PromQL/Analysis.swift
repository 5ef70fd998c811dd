// Read-only queries over a parsed expression: its selectors, aggregations and range
// durations, each with the byte range it was written at. The validator uses them to check
// naming, cardinality and range rules and to point findings at the right place.

/// A vector selector found in an expression.
public struct SelectorReference: Sendable, Equatable {
    /// Where the selector is used.
    public enum Context: Sendable, Equatable {
        /// An instant vector selector (`foo{a="b"}`).
        case instant
        /// The selector of a range vector (`foo[5m]`); the range is in `range`.
        case matrix(range: PromDuration?)
    }

    /// The metric name, from an identifier before the braces or a `__name__="…"` equality
    /// matcher (`{__name__="x"}`, `{"x"}`); nil when the selector does not fix one (or fixes
    /// conflicting ones, which select nothing). A quoted name is bytes, as any label value.
    public var metricName: PromQLString?
    /// All matchers of the selector, as Prometheus' `LabelMatchers`: the matchers in braces
    /// plus `__name__="<name>"` for a name written before the braces.
    public var matchers: [LabelMatcher]
    /// How the selector is used.
    public var context: Context
    /// Whether the selector is inside a subquery (`max_over_time(rate(x[5m])[1h:])`).
    public var isInsideSubquery: Bool
    /// Byte range of the selector in the source: name, braces and its modifiers
    /// (for a range selector, without the brackets; the whole matrix is `matrixRange`).
    public var range: Range<Int>
    /// Byte range of the whole range-vector selector including `[…]`, if there is one.
    public var matrixRange: Range<Int>?
    /// The selector node itself, with the byte ranges of its name, braces and modifiers.
    public var selector: VectorSelector
}

/// An aggregation found in an expression, with its grouping.
public struct AggregationReference: Sendable, Equatable {
    /// How an aggregation groups its input.
    public enum Grouping: Sendable, Equatable {
        /// No `by`/`without` clause: everything is aggregated into one series.
        case none
        /// `by (labels)`: only these labels are kept.
        case by([PromQLString])
        /// `without (labels)`: these labels (and `__name__`) are dropped.
        case without([PromQLString])
    }

    /// The aggregation operator.
    public var op: AggregateOperator
    /// The grouping clause.
    public var grouping: Grouping
    /// Byte range of the whole aggregation in the source.
    public var range: Range<Int>
    /// The aggregation node itself.
    public var node: AggregateExpr

    /// Whether the aggregation keeps all input labels: `without (…)`, or an operator that
    /// selects input series (`topk`, `bottomk`, `limitk`, `limit_ratio`).
    public var keepsInputLabels: Bool {
        switch op {
        case .topk, .bottomk, .limitk, .limitRatio: return true
        default:
            if case .without = grouping { return true }
            return false
        }
    }
}

/// A duration written in a range selector or a subquery.
public struct RangeDurationReference: Sendable, Equatable {
    /// What the duration is.
    public enum Kind: Sendable, Equatable {
        /// The range of a range vector selector: `foo[5m]`.
        case matrixRange
        /// The range of a subquery: `x[1h:1m]` → `1h`.
        case subqueryRange
        /// The step of a subquery: `x[1h:1m]` → `1m` (absent when omitted: `x[1h:]`).
        case subqueryStep
    }

    /// What the duration is.
    public var kind: Kind
    /// The duration; nil when it is written as a duration expression (`[5m+1m]`, `[step()]`).
    public var duration: PromDuration?
    /// The duration expression, when the duration is written as one.
    public var expression: DurationExpr?
    /// Byte range of the brackets (`[5m]`, `[1h:1m]`) the duration is written in.
    public var bracketsRange: Range<Int>
    /// The metric name of the selector the range applies to (matrix ranges only).
    public var metricName: PromQLString?
}

extension Expr {
    /// The direct subexpressions, in source order (aggregation parameters before the body).
    public var children: [Expr] {
        switch self {
        case .number, .string, .vectorSelector, .matrixSelector: return []
        case .subquery(let node): return [node.expr]
        case .paren(let node): return [node.expr]
        case .unary(let node): return [node.expr]
        case .binary(let node): return [node.lhs, node.rhs]
        case .aggregate(let node): return node.param.map { [$0, node.expr] } ?? [node.expr]
        case .call(let node): return node.args
        case .duration(let node): return [node.lhs, node.rhs].compactMap { $0 }
        }
    }

    /// Calls `visit` for this expression and every subexpression, parents before children,
    /// in source order.
    public func forEachSubexpression(_ visit: (Expr) throws -> Void) rethrows {
        try visit(self)
        try forEachChild { try $0.forEachSubexpression(visit) }
    }

    /// Calls `body` with each of ``children``, in order, without building the array (walks
    /// over every query of a big catalog would allocate one per node).
    @inline(__always)
    func forEachChild(_ body: (Expr) throws -> Void) rethrows {
        switch self {
        case .number, .string, .vectorSelector, .matrixSelector: return
        case .subquery(let node): try body(node.expr)
        case .paren(let node): try body(node.expr)
        case .unary(let node): try body(node.expr)
        case .binary(let node):
            try body(node.lhs)
            try body(node.rhs)
        case .aggregate(let node):
            if let param = node.param { try body(param) }
            try body(node.expr)
        case .call(let node): for argument in node.args { try body(argument) }
        case .duration(let node):
            if let lhs = node.lhs { try body(lhs) }
            if let rhs = node.rhs { try body(rhs) }
        }
    }

    /// Every vector selector, in source order, including those inside range selectors,
    /// subqueries and function arguments.
    ///
    /// ```swift
    /// try PromQL.parse(#"rate(http_requests_total{job="api"}[5m])"#).selectors.map(\.metricName)
    /// // ["http_requests_total"]
    /// ```
    public var selectors: [SelectorReference] {
        var found: [SelectorReference] = []
        collectSelectors(insideSubquery: false, into: &found)
        return found
    }

    private func collectSelectors(insideSubquery: Bool, into found: inout [SelectorReference]) {
        switch self {
        case .vectorSelector(let node):
            found.append(SelectorReference(node, context: .instant, insideSubquery: insideSubquery, matrixRange: nil))
        case .matrixSelector(let node):
            let range: PromDuration? = node.rangeExpression == nil ? node.rangeDuration : nil
            found.append(SelectorReference(node.vectorSelector, context: .matrix(range: range), insideSubquery: insideSubquery, matrixRange: node.range))
        case .subquery(let node):
            node.expr.collectSelectors(insideSubquery: true, into: &found)
        default:
            forEachChild { $0.collectSelectors(insideSubquery: insideSubquery, into: &found) }
        }
    }

    /// Every aggregation with its grouping, outermost first, in source order.
    public var aggregations: [AggregationReference] {
        var found: [AggregationReference] = []
        forEachSubexpression { expr in
            guard case .aggregate(let node) = expr else { return }
            let grouping: AggregationReference.Grouping =
                node.without ? .without(node.grouping) : node.grouping.isEmpty ? .none : .by(node.grouping)
            found.append(AggregationReference(op: node.op, grouping: grouping, range: node.range, node: node))
        }
        return found
    }

    /// Every range-selector range and subquery range and step, in source order.
    public var rangeDurations: [RangeDurationReference] {
        var found: [RangeDurationReference] = []
        forEachSubexpression { expr in
            switch expr {
            case .matrixSelector(let node):
                found.append(RangeDurationReference(
                    kind: .matrixRange, duration: node.rangeExpression == nil ? node.rangeDuration : nil,
                    expression: node.rangeExpression, bracketsRange: node.bracketsRange,
                    metricName: SelectorReference.metricName(of: node.vectorSelector)))
            case .subquery(let node):
                found.append(RangeDurationReference(
                    kind: .subqueryRange, duration: node.rangeExpression == nil ? node.rangeDuration : nil,
                    expression: node.rangeExpression, bracketsRange: node.bracketsRange, metricName: nil))
                if node.step != nil || node.stepExpression != nil {
                    found.append(RangeDurationReference(
                        kind: .subqueryStep, duration: node.stepExpression == nil ? node.step : nil,
                        expression: node.stepExpression, bracketsRange: node.bracketsRange, metricName: nil))
                }
            default:
                break
            }
        }
        return found
    }
}

extension SelectorReference {
    init(_ selector: VectorSelector, context: Context, insideSubquery: Bool, matrixRange: Range<Int>?) {
        self.init(
            metricName: SelectorReference.metricName(of: selector), matchers: selector.labelMatchers,
            context: context, isInsideSubquery: insideSubquery, range: selector.range, matrixRange: matrixRange,
            selector: selector)
    }

    /// The one name fixed by the name before the braces and the `__name__` equality matchers;
    /// nil when there is none or they disagree (`{"a", __name__="b"}` selects nothing).
    static func metricName(of selector: VectorSelector) -> PromQLString? {
        var names: Set<PromQLString> = []
        if let name = selector.name { names.insert(PromQLString(name)) }
        for matcher in selector.matchers where matcher.name == "__name__" && matcher.type == .equal {
            names.insert(matcher.value)
        }
        return names.count == 1 ? names.first : nil
    }

    /// The matcher for `label`, if the selector has one (the first, if several); names compare
    /// byte for byte.
    public func matcher(for label: PromQLString) -> LabelMatcher? {
        matchers.first { $0.name == label }
    }
}

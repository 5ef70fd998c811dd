// Label flow: which labels the series of an expression's result can carry, computed from
// the expression alone (no metric inventory). Follows the Prometheus engine: aggregations,
// vector matching, functions that drop the metric name, label_replace/label_join, absent().

/// Whether a label can be present on an expression's result.
public enum LabelSurvival: String, Sendable, Equatable {
    /// The label is carried through to the result (whenever the input series have it).
    case yes
    /// The label is never present on the result.
    case no
    /// It depends on which labels the input series have, which the expression does not say.
    case unknown
}

/// The labels an expression's result series can carry. Label names are bytes and compare
/// byte for byte, as in Prometheus.
///
/// ```swift
/// try PromQL.parse("sum by (job) (rate(x[5m]))").resultLabels          // .known(["job"])
/// try PromQL.parse("rate(x[5m])").resultLabels.survival(of: "pod")     // .unknown
/// try PromQL.parse("rate(x[5m])").resultLabels.survival(of: "__name__") // .no
/// ```
public enum LabelSet: Sendable, Equatable, Hashable {
    /// The result carries at most these labels, each of them kept from the input
    /// (`sum by (a) (x)` → `["a"]`; scalars and `vector(1)` → `[]`).
    case known(Set<PromQLString>)
    /// The result carries the input series' own labels, which are not known statically:
    /// `including` are known to be kept, `excluding` are known to be absent, and any other
    /// label may or may not be present.
    case open(including: Set<PromQLString>, excluding: Set<PromQLString>)

    /// An open set about which nothing is known.
    public static let unconstrained = LabelSet.open(including: [], excluding: [])

    /// Whether `label` can be present on the result.
    public func survival(of label: PromQLString) -> LabelSurvival {
        switch self {
        case .known(let labels):
            return labels.contains(label) ? .yes : .no
        case .open(let including, let excluding):
            if excluding.contains(label) { return .no }
            return including.contains(label) ? .yes : .unknown
        }
    }

    /// The labels known to be carried (`known`'s set, or `open`'s `including`).
    public var carriedLabels: Set<PromQLString> {
        switch self {
        case .known(let labels): labels
        case .open(let including, _): including
        }
    }

    /// Whether other, unnamed labels may be present too.
    public var isOpen: Bool {
        if case .open = self { return true }
        return false
    }

    /// The set with `labels` removed.
    public func removing<S: Sequence>(_ labels: S) -> LabelSet where S.Element == PromQLString {
        switch self {
        case .known(let known): .known(known.subtracting(labels))
        case .open(let including, let excluding): .open(including: including.subtracting(labels), excluding: excluding.union(labels))
        }
    }

    /// The set with `labels` added.
    public func adding<S: Sequence>(_ labels: S) -> LabelSet where S.Element == PromQLString {
        switch self {
        case .known(let known): .known(known.union(labels))
        case .open(let including, let excluding): .open(including: including.union(labels), excluding: excluding.subtracting(labels))
        }
    }

    /// The set restricted to `labels` (what `sum by (…)` or `on (…)` matching keeps).
    public func keepingOnly(_ labels: Set<PromQLString>) -> LabelSet {
        switch self {
        case .known(let known): .known(known.intersection(labels))
        case .open(_, let excluding): .known(labels.subtracting(excluding))
        }
    }

    /// The labels either set can carry (the result of `a or b`).
    public func union(_ other: LabelSet) -> LabelSet {
        switch (self, other) {
        case (.known(let a), .known(let b)):
            return .known(a.union(b))
        case (.known(let a), .open(let including, let excluding)), (.open(let including, let excluding), .known(let a)):
            return .open(including: including.union(a), excluding: excluding.subtracting(a))
        case (.open(let i1, let e1), .open(let i2, let e2)):
            return .open(including: i1.union(i2), excluding: e1.intersection(e2))
        }
    }
}

extension Expr {
    /// The labels this expression's result series can carry.
    ///
    /// Scalars and strings give `.known([])`. A selector gives an open set that includes
    /// `__name__` and the labels its matchers require (`a="b"`, `a=~".+"`) and excludes
    /// those it requires to be empty (`a=""`).
    public var resultLabels: LabelSet {
        LabelFlow.flow(of: self).labels
    }
}

/// The label-flow rules, per node kind.
enum LabelFlow {
    static let metricName: PromQLString = "__name__"

    /// Functions that keep the metric name (all other functions drop it).
    static let nameKeepingFunctions: Set<String> = [
        "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "label_replace", "label_join",
        "last_over_time", "first_over_time",
    ]

    /// The labels and value type of an expression, computed together in one pass so the
    /// type of each operand is not recomputed at every level of a deep tree.
    struct Flow {
        var labels: LabelSet
        var type: ValueType

        static let scalar = Flow(labels: .known([]), type: .scalar)
    }

    // Each node kind has its own non-inlined function, which keeps the frame of this
    // recursive dispatcher small for deeply nested expressions.
    static func flow(of expr: Expr) -> Flow {
        switch expr {
        case .number, .duration:
            return .scalar
        case .string:
            return Flow(labels: .known([]), type: .string)
        case .vectorSelector(let node):
            return Flow(labels: selectorLabels(node), type: .vector)
        case .matrixSelector(let node):
            return Flow(labels: selectorLabels(node.vectorSelector), type: .matrix)
        case .subquery(let node):
            return Flow(labels: flow(of: node.expr).labels, type: .matrix)
        case .paren(let node):
            return flow(of: node.expr)
        case .unary(let node):
            return unaryFlow(node)
        case .binary(let node):
            return binaryFlow(node)
        case .aggregate(let node):
            return Flow(labels: aggregateLabels(node), type: .vector)
        case .call(let node):
            return callFlow(node)
        }
    }

    @inline(never)
    static func unaryFlow(_ node: UnaryExpr) -> Flow {
        var inner = flow(of: node.expr)
        if node.op == .minus && inner.type != .scalar { inner.labels = inner.labels.removing([metricName]) }
        return inner
    }

    static func selectorLabels(_ node: VectorSelector) -> LabelSet {
        var including: Set<PromQLString> = [metricName]
        var excluding: Set<PromQLString> = []
        for matcher in node.labelMatchers where matcher.name != metricName {
            if matcher.type == .equal && matcher.value.isEmpty {
                excluding.insert(matcher.name)
            } else if !matcher.matchesEmpty {
                including.insert(matcher.name)
            }
        }
        return .open(including: including.subtracting(excluding), excluding: excluding)
    }

    @inline(never)
    static func binaryFlow(_ node: BinaryExpr) -> Flow {
        let lhsFlow = flow(of: node.lhs)
        let rhsFlow = flow(of: node.rhs)
        let lhsIsScalar = lhsFlow.type == .scalar
        let rhsIsScalar = rhsFlow.type == .scalar
        if lhsIsScalar && rhsIsScalar { return .scalar }
        let dropsName = node.op.changesMetricSchema || node.returnBool
        if lhsIsScalar || rhsIsScalar {
            let vectorSide = lhsIsScalar ? rhsFlow.labels : lhsFlow.labels
            return Flow(labels: dropsName ? vectorSide.removing([metricName]) : vectorSide, type: .vector)
        }
        return Flow(labels: vectorMatchingLabels(node, lhs: lhsFlow.labels, rhs: rhsFlow.labels, dropsName: dropsName), type: .vector)
    }

    static func vectorMatchingLabels(_ node: BinaryExpr, lhs: LabelSet, rhs: LabelSet, dropsName: Bool) -> LabelSet {
        switch node.op {
        case .and, .unless:
            return lhs
        case .or:
            return lhs.union(rhs)
        default:
            break
        }
        let matching = node.matching ?? VectorMatching()
        // With group_right the "many" side is the right-hand one and provides the labels.
        let manySide = matching.cardinality == .oneToMany ? rhs : lhs
        let oneSide = matching.cardinality == .oneToMany ? lhs : rhs
        var result = dropsName ? manySide.removing([metricName]) : manySide
        if matching.cardinality == .oneToOne {
            result = matching.on ? result.keepingOnly(Set(matching.matchingLabels)) : result.removing(matching.matchingLabels)
        }
        for label in matching.include {
            // group_x(label) copies the label from the "one" side; absent there, it is deleted.
            // A label the one side never has is deleted; otherwise it is carried over from it.
            result = oneSide.survival(of: label) == .no ? result.removing([label]) : result.adding([label])
        }
        return result
    }

    @inline(never)
    static func aggregateLabels(_ node: AggregateExpr) -> LabelSet {
        let input = flow(of: node.expr).labels
        switch node.op {
        case .topk, .bottomk, .limitk, .limitRatio:
            return input
        default:
            break
        }
        var result: LabelSet
        if node.without {
            result = input.removing(node.grouping + [metricName])
        } else {
            result = input.keepingOnly(Set(node.grouping))
        }
        if node.op == .countValues, let label = stringValue(node.param) {
            result = result.adding([label])
        }
        return result
    }

    @inline(never)
    static func callFlow(_ node: Call) -> Flow {
        let type = node.function.returnType
        guard type == .vector || type == .matrix else { return Flow(labels: .known([]), type: type) }
        return Flow(labels: callLabels(node), type: type)
    }

    static func callLabels(_ node: Call) -> LabelSet {
        let name = node.function.name
        switch name {
        case "vector":
            return .known([])
        case "absent", "absent_over_time":
            return absentLabels(node.args.first)
        default:
            break
        }
        // The labels come from the first vector or matrix argument.
        var source: LabelSet?
        for argument in node.args {
            let argumentFlow = flow(of: argument)
            if argumentFlow.type == .vector || argumentFlow.type == .matrix {
                source = argumentFlow.labels
                break
            }
        }
        guard var result = source else { return .known([]) }
        if !nameKeepingFunctions.contains(name) { result = result.removing([metricName]) }
        switch name {
        case "label_replace", "label_join":
            if node.args.count > 1, let destination = stringValue(node.args[1]) { result = result.adding([destination]) }
        case "histogram_quantile", "histogram_fraction":
            result = result.removing(["le"])
        case "histogram_quantiles":
            result = result.removing(["le"])
            if node.args.count > 1, let label = stringValue(node.args[1]) { result = result.adding([label]) }
        case "info":
            // info() adds the data labels of matching info series, which are not known here.
            result = .open(including: result.carriedLabels, excluding: [])
        default:
            break
        }
        return result
    }

    /// `absent(x{a="b"})` returns one series labelled with the selector's equality matchers.
    static func absentLabels(_ argument: Expr?) -> LabelSet {
        var expr = argument
        while case .paren(let inner)? = expr { expr = inner.expr }
        let selector: VectorSelector?
        switch expr {
        case .vectorSelector(let node)?: selector = node
        case .matrixSelector(let node)?: selector = node.vectorSelector
        default: selector = nil
        }
        guard let selector else { return .known([]) }
        var labels: Set<PromQLString> = []
        var seen: [PromQLString: Int] = [:]
        for matcher in selector.labelMatchers where matcher.name != metricName {
            seen[matcher.name, default: 0] += 1
            if matcher.type == .equal { labels.insert(matcher.name) }
        }
        // A label matched more than once is left out, as Prometheus does.
        return .known(labels.filter { seen[$0] == 1 })
    }

    static func stringValue(_ expr: Expr?) -> PromQLString? {
        switch expr {
        case .string(let literal)?: literal.value
        case .paren(let inner)?: stringValue(inner.expr)
        default: nil
        }
    }
}

extension BinaryOperator {
    /// Whether the operator computes a new value, so the result loses the metric name
    /// (Prometheus' `changesMetricSchema`: arithmetic operators and `atan2`).
    var changesMetricSchema: Bool {
        switch self {
        case .add, .sub, .mul, .div, .mod, .pow, .atan2: true
        default: false
        }
    }
}

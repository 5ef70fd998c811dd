/// The PromQL abstract syntax tree.
///
/// Entry points (see `PromQL.swift`):
/// - `PromQL.parse(_ input: String, options: ParseOptions = .init()) throws(PromQLError) -> Expr`
///   parses one expression and throws the first error, as Prometheus' `ParseExpr` reports it.
/// - `PromQL.parse(utf8: [UInt8], options:)` does the same for raw (possibly invalid) UTF-8.
/// - `PromQL.parseCollectingErrors(_:options:) -> ParseResult` (and `utf8:`) returns the
///   expression when there was no error, and every error found, in Prometheus' order: syntax
///   and parse-time errors first, type errors (only when there was no syntax error) after.
/// - `PromQLLexer.tokens(_:seriesDescription:) -> [Token]` exposes the lexer; `TokenKind.itemTypeName`
///   gives Prometheus' `ItemType` names.
/// - `ParseOptions` selects the feature level (`target: .v2_42` or `.v3`, the default) and the
///   experimental flags; `.conformance` is the preset of Prometheus' `TestParseExpressions`,
///   `.allFeatures` the one of `promqltest`. `maxNestingDepth`/`maxTreeDepth` bound recursion.
/// - `PromQLError` carries `message`, `range` (half-open byte offsets), 1-based `line` and byte
///   `column`; its `description` is Prometheus' `"<line>:<col>: parse error: <msg>"`.
/// - `Functions` is the function table (`FunctionDescriptor`: argument types, optional and
///   variadic arguments, return type, experimental flag, availability in 2.42 and 3.x).
///
/// Every node carries `range: Range<Int>`, a half-open range of byte offsets into the UTF-8
/// input, equal to Prometheus' `PositionRange` (a folded sign is included in a number literal;
/// a selector's range includes its `offset`/`@` modifiers). Modifiers and parts keep their own
/// ranges too (`VectorSelector.nameRange`, `.bracesRange`, `LabelMatcher.range`,
/// `OffsetModifier.range`, `AtClause.range`, `MatrixSelector.bracketsRange`,
/// `BinaryExpr.operatorRange`), and `VectorSelector.matcherInsertionOffset` is where a new
/// matcher goes, so the rewrite API can edit the text without reprinting it.
///
/// Values are plain `Sendable`, `Equatable` value types: `Expr` is an indirect enum whose cases
/// wrap one struct per Prometheus node kind (`VectorSelector`, `BinaryExpr`, ...); `Expr.type`
/// is the node's `ValueType` and `Expr.kindName` its Prometheus type name. As in Prometheus,
/// duration expressions (`DurationExpr`) only occur inside ranges, subquery steps and offsets.
///
/// String literals, label names and label values are `PromQLString`s: bytes, as Prometheus holds
/// them, so `"\xff"` stays the byte 0xFF (not UTF-8) and prints back as `"\xff"`.
public indirect enum Expr: Sendable, Equatable {
    /// A number such as `1`, `0x1F`, `Inf` or a duration used as a number (`5m`).
    case number(NumberLiteral)
    /// A string literal.
    case string(StringLiteral)
    /// An instant vector selector such as `foo{a="b"} offset 5m`.
    case vectorSelector(VectorSelector)
    /// A range vector selector such as `foo[5m]`.
    case matrixSelector(MatrixSelector)
    /// A subquery such as `rate(foo[5m])[1h:1m]`.
    case subquery(SubqueryExpr)
    /// An expression in parentheses.
    case paren(ParenExpr)
    /// A unary `+` or `-` applied to a non-literal expression.
    case unary(UnaryExpr)
    /// A binary operation.
    case binary(BinaryExpr)
    /// An aggregation such as `sum by (job) (x)`.
    case aggregate(AggregateExpr)
    /// A function call.
    case call(Call)
    /// A duration expression (experimental, `ParseOptions.experimentalDurationExpr`).
    case duration(DurationExpr)
}

extension Expr {
    /// The byte range of the node in the input.
    public var range: Range<Int> {
        switch self {
        case .number(let node): node.range
        case .string(let node): node.range
        case .vectorSelector(let node): node.range
        case .matrixSelector(let node): node.range
        case .subquery(let node): node.range
        case .paren(let node): node.range
        case .unary(let node): node.range
        case .binary(let node): node.range
        case .aggregate(let node): node.range
        case .call(let node): node.range
        case .duration(let node): node.range
        }
    }

    /// The value type the expression evaluates to, as Prometheus' `Expr.Type()`.
    public var type: ValueType {
        switch self {
        case .number, .duration: .scalar
        case .string: .string
        case .vectorSelector, .aggregate: .vector
        case .matrixSelector, .subquery: .matrix
        case .paren(let node): node.expr.type
        case .unary(let node): node.expr.type
        case .binary(let node): node.type
        case .call(let node): node.function.returnType
        }
    }

    /// The Prometheus node kind name (`"VectorSelector"`, `"BinaryExpr"`, ...).
    public var kindName: String {
        switch self {
        case .number: "NumberLiteral"
        case .string: "StringLiteral"
        case .vectorSelector: "VectorSelector"
        case .matrixSelector: "MatrixSelector"
        case .subquery: "SubqueryExpr"
        case .paren: "ParenExpr"
        case .unary: "UnaryExpr"
        case .binary: "BinaryExpr"
        case .aggregate: "AggregateExpr"
        case .call: "Call"
        case .duration: "DurationExpr"
        }
    }
}

/// The type of a PromQL value.
public enum ValueType: String, Sendable, Equatable, Hashable, CaseIterable {
    /// No value (Prometheus' `none`).
    case none
    /// A single floating-point number.
    case scalar
    /// An instant vector.
    case vector
    /// A range vector.
    case matrix
    /// A string.
    case string

    /// The name Prometheus uses in error messages ("instant vector", "range vector", ...).
    public var documentedName: String {
        switch self {
        case .none: "none"
        case .scalar: "scalar"
        case .vector: "instant vector"
        case .matrix: "range vector"
        case .string: "string"
        }
    }
}

/// A time span with nanosecond precision, as Go's `time.Duration`.
public struct PromDuration: Sendable, Equatable, Hashable, Comparable {
    /// The length in nanoseconds (negative for negative offsets).
    public var nanoseconds: Int64

    /// Creates a duration from nanoseconds.
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Creates a duration from milliseconds, saturating on overflow.
    public init(milliseconds: Int64) {
        let (value, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        nanoseconds = overflow ? (milliseconds < 0 ? Int64.min : Int64.max) : value
    }

    /// Creates a duration from seconds, rounded to the nearest nanosecond and saturated.
    public init(seconds: Double) {
        let ns = Rounding.halfAwayFromZero(seconds * 1e9)
        if ns.isNaN {
            nanoseconds = 0
        } else if ns >= 9.223372036854775807e18 {
            nanoseconds = Int64.max
        } else if ns <= -9.223372036854775808e18 {
            nanoseconds = Int64.min
        } else {
            nanoseconds = Int64(ns)
        }
    }

    /// The zero duration.
    public static let zero = PromDuration(nanoseconds: 0)

    /// The duration in whole milliseconds (truncated toward zero).
    public var milliseconds: Int64 { nanoseconds / 1_000_000 }

    /// The duration in seconds.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// Orders durations by length.
    public static func < (lhs: PromDuration, rhs: PromDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }
}

/// A number literal.
public struct NumberLiteral: Sendable, Equatable {
    /// The value; a leading unary minus on a literal is folded into it, as Prometheus does.
    public var value: Double
    /// Whether it was written as a duration (`5m`), so printers can keep that form.
    public var isDuration: Bool
    /// The byte range, including a folded leading sign.
    public var range: Range<Int>

    /// Creates a number literal.
    public init(value: Double, isDuration: Bool = false, range: Range<Int>) {
        self.value = value
        self.isDuration = isDuration
        self.range = range
    }

    /// Compares values bitwise-equivalently so that `NaN == NaN` for literals.
    public static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
        let sameValue = lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN)
        return sameValue && lhs.isDuration == rhs.isDuration && lhs.range == rhs.range
    }
}

/// A string literal.
public struct StringLiteral: Sendable, Equatable {
    /// The unquoted value, as bytes (`"\xff"` is the byte 0xFF, as in Prometheus).
    public var value: PromQLString
    /// The byte range including the quotes.
    public var range: Range<Int>

    /// Creates a string literal.
    public init(value: PromQLString, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}

/// A label matcher operator.
public enum MatchType: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `=`
    case equal = "="
    /// `!=`
    case notEqual = "!="
    /// `=~`
    case regexMatch = "=~"
    /// `!~`
    case regexNoMatch = "!~"
}

/// One label matcher inside `{...}`.
///
/// Names and values are bytes, as Prometheus holds them: a quoted name or a value need not
/// be UTF-8 (`a="\xff"` matches the byte 0xFF), and two matchers are equal when their bytes are.
public struct LabelMatcher: Sendable, Equatable {
    /// The label name (unquoted; `__name__` for a bare quoted metric name such as `{"foo"}`).
    public var name: PromQLString
    /// The operator.
    public var type: MatchType
    /// The unquoted value.
    public var value: PromQLString
    /// Whether the label name was written as a quoted string (`{"a.b"="c"}`).
    public var nameIsQuoted: Bool
    /// Whether this is a bare quoted metric name inside the braces (`{"my.metric"}`), stored as `__name__="my.metric"`.
    public var isBareMetricName: Bool = false
    /// The byte range of the whole matcher (`a="b"`).
    public var range: Range<Int>

    /// Creates a label matcher.
    public init(
        name: PromQLString, type: MatchType, value: PromQLString, nameIsQuoted: Bool = false, range: Range<Int>
    ) {
        self.name = name
        self.type = type
        self.value = value
        self.nameIsQuoted = nameIsQuoted
        self.range = range
    }

    /// Whether the matcher matches the empty string (used for the "at least one non-empty matcher" rule).
    public var matchesEmpty: Bool {
        switch type {
        case .equal: value.isEmpty
        case .notEqual: !value.isEmpty
        case .regexMatch, .regexNoMatch: RegexEmptyMatch.matchesEmpty(pattern: value, negated: type == .regexNoMatch)
        }
    }
}

/// An `@` modifier.
public enum AtModifier: Sendable, Equatable, Hashable {
    /// `@ <unix seconds>`, stored in milliseconds as Prometheus does.
    case timestamp(milliseconds: Int64)
    /// `@ start()`
    case start
    /// `@ end()`
    case end
}

/// The `@` modifier of a selector or subquery and where it was written.
public struct AtClause: Sendable, Equatable {
    /// The modifier value.
    public var modifier: AtModifier
    /// The byte range from `@` to the end of its argument.
    public var range: Range<Int>

    /// Creates an `@` clause.
    public init(modifier: AtModifier, range: Range<Int>) {
        self.modifier = modifier
        self.range = range
    }
}

/// The `offset` modifier of a selector or subquery.
public struct OffsetModifier: Sendable, Equatable {
    /// The offset (negative for `offset -5m`); zero when `expression` is set.
    public var duration: PromDuration
    /// The duration expression, when the offset was written as one (`offset step()`, `offset (1h+5m)`).
    public var expression: DurationExpr?
    /// The byte range from the `offset` keyword to the end of its argument.
    public var range: Range<Int>

    /// Creates an offset modifier.
    public init(duration: PromDuration, expression: DurationExpr? = nil, range: Range<Int>) {
        self.duration = duration
        self.expression = expression
        self.range = range
    }
}

/// An instant vector selector: `name{matchers} offset d @ t`.
public struct VectorSelector: Sendable, Equatable {
    /// The metric name written as an identifier before the braces; nil if none (a quoted name inside
    /// the braces, `{"my.metric"}`, is a `__name__` matcher with `isBareMetricName`, as in Prometheus).
    public var name: String?
    /// The byte range of the metric name identifier written before `{` (nil if none was written there).
    public var nameRange: Range<Int>?
    /// The matchers as written inside the braces, in order (a quoted metric name appears as `__name__=`).
    public var matchers: [LabelMatcher]
    /// The byte range of `{...}` including both braces; nil when there are no braces.
    public var bracesRange: Range<Int>?
    /// The `offset` modifier.
    public var offset: OffsetModifier?
    /// The `@` modifier.
    public var at: AtClause?
    /// Set by the `anchored` modifier of a range selector (extended range selectors).
    public var anchored: Bool
    /// Set by the `smoothed` modifier (extended range selectors).
    public var smoothed: Bool
    /// The byte range of the selector including its modifiers.
    public var range: Range<Int>

    /// Creates a vector selector.
    public init(
        name: String?, nameRange: Range<Int>? = nil, matchers: [LabelMatcher] = [],
        bracesRange: Range<Int>? = nil, offset: OffsetModifier? = nil, at: AtClause? = nil,
        anchored: Bool = false, smoothed: Bool = false, range: Range<Int>
    ) {
        self.name = name
        self.nameRange = nameRange
        self.matchers = matchers
        self.bracesRange = bracesRange
        self.offset = offset
        self.at = at
        self.anchored = anchored
        self.smoothed = smoothed
        self.range = range
    }

    /// All matchers as Prometheus' `LabelMatchers`: the braces' matchers plus a `__name__`
    /// equality matcher for a name written before the braces.
    public var labelMatchers: [LabelMatcher] {
        guard let name, let nameRange else { return matchers }
        return matchers + [LabelMatcher(name: "__name__", type: .equal, value: PromQLString(name), range: nameRange)]
    }

    /// The byte offset where a new matcher can be inserted: just before `}` or, with no braces,
    /// just after the metric name.
    public var matcherInsertionOffset: Int {
        if let bracesRange { return bracesRange.upperBound - 1 }
        return nameRange?.upperBound ?? range.lowerBound
    }
}

/// A range vector selector: `selector[range]`.
public struct MatrixSelector: Sendable, Equatable {
    /// The selected vector (its `offset`/`@` written after the brackets are stored on it).
    public var vectorSelector: VectorSelector
    /// The range; zero when `rangeExpression` is set.
    public var rangeDuration: PromDuration
    /// The range as a duration expression (`foo[5m+1m]`, `foo[step()]`).
    public var rangeExpression: DurationExpr?
    /// The byte range of `[...]` including brackets.
    public var bracketsRange: Range<Int>
    /// The byte range of the whole node including trailing modifiers.
    public var range: Range<Int>

    /// Creates a matrix selector.
    public init(
        vectorSelector: VectorSelector, rangeDuration: PromDuration, rangeExpression: DurationExpr? = nil,
        bracketsRange: Range<Int>, range: Range<Int>
    ) {
        self.vectorSelector = vectorSelector
        self.rangeDuration = rangeDuration
        self.rangeExpression = rangeExpression
        self.bracketsRange = bracketsRange
        self.range = range
    }
}

/// A subquery: `expr[range:step] offset d @ t`.
public struct SubqueryExpr: Sendable, Equatable {
    /// The inner expression.
    public var expr: Expr
    /// The range; zero when `rangeExpression` is set.
    public var rangeDuration: PromDuration
    /// The range as a duration expression.
    public var rangeExpression: DurationExpr?
    /// The step; nil when omitted (`[1h:]`).
    public var step: PromDuration?
    /// The step as a duration expression.
    public var stepExpression: DurationExpr?
    /// The `offset` modifier.
    public var offset: OffsetModifier?
    /// The `@` modifier.
    public var at: AtClause?
    /// The byte range of `[range:step]` including brackets.
    public var bracketsRange: Range<Int>
    /// The byte range of the whole node including trailing modifiers.
    public var range: Range<Int>

    /// Creates a subquery.
    public init(
        expr: Expr, rangeDuration: PromDuration, rangeExpression: DurationExpr? = nil,
        step: PromDuration?, stepExpression: DurationExpr? = nil, offset: OffsetModifier? = nil,
        at: AtClause? = nil, bracketsRange: Range<Int>, range: Range<Int>
    ) {
        self.expr = expr
        self.rangeDuration = rangeDuration
        self.rangeExpression = rangeExpression
        self.step = step
        self.stepExpression = stepExpression
        self.offset = offset
        self.at = at
        self.bracketsRange = bracketsRange
        self.range = range
    }
}

/// An expression in parentheses.
public struct ParenExpr: Sendable, Equatable {
    /// The inner expression.
    public var expr: Expr
    /// The byte range including both parentheses.
    public var range: Range<Int>

    /// Creates a parenthesized expression.
    public init(expr: Expr, range: Range<Int>) {
        self.expr = expr
        self.range = range
    }
}

/// A unary operator.
public enum UnaryOperator: String, Sendable, Equatable, Hashable {
    /// `+`
    case plus = "+"
    /// `-`
    case minus = "-"
}

/// A unary operation on a non-literal (literals fold the sign into `NumberLiteral`).
public struct UnaryExpr: Sendable, Equatable {
    /// The operator.
    public var op: UnaryOperator
    /// The operand.
    public var expr: Expr
    /// The byte range from the operator to the end of the operand.
    public var range: Range<Int>

    /// Creates a unary expression.
    public init(op: UnaryOperator, expr: Expr, range: Range<Int>) {
        self.op = op
        self.expr = expr
        self.range = range
    }
}

/// A binary operator, spelled as in PromQL.
public enum BinaryOperator: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `+`
    case add = "+"
    /// `-`
    case sub = "-"
    /// `*`
    case mul = "*"
    /// `/`
    case div = "/"
    /// `%`
    case mod = "%"
    /// `^`
    case pow = "^"
    /// `atan2`
    case atan2 = "atan2"
    /// `==`
    case eql = "=="
    /// `!=`
    case neq = "!="
    /// `>`
    case gtr = ">"
    /// `<`
    case lss = "<"
    /// `>=`
    case gte = ">="
    /// `<=`
    case lte = "<="
    /// `</` (trim upper, experimental native-histogram operator)
    case trimUpper = "</"
    /// `>/` (trim lower, experimental native-histogram operator)
    case trimLower = ">/"
    /// `and`
    case and = "and"
    /// `or`
    case or = "or"
    /// `unless`
    case unless = "unless"

    /// Whether it is a comparison operator (which accepts `bool`).
    public var isComparison: Bool {
        switch self {
        case .eql, .neq, .gtr, .lss, .gte, .lte: true
        default: false
        }
    }

    /// Whether it is a set operator (`and`, `or`, `unless`).
    public var isSetOperator: Bool {
        self == .and || self == .or || self == .unless
    }

    /// Precedence, higher binds tighter (`or` 1 ... `^` 6), as in Prometheus.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and, .unless: 2
        case .eql, .neq, .gtr, .lss, .gte, .lte, .trimUpper, .trimLower: 3
        case .add, .sub: 4
        case .mul, .div, .mod, .atan2: 5
        case .pow: 6
        }
    }

    /// Whether the operator is right-associative (only `^`).
    public var isRightAssociative: Bool { self == .pow }
}

/// The cardinality of vector matching.
public enum VectorMatchCardinality: String, Sendable, Equatable, Hashable {
    /// Default matching.
    case oneToOne = "one-to-one"
    /// `group_left`
    case manyToOne = "many-to-one"
    /// `group_right`
    case oneToMany = "one-to-many"
    /// Set operators.
    case manyToMany = "many-to-many"
}

/// Fill values for unmatched series (`fill`, `fill_left`, `fill_right`; binop fill modifiers).
public struct FillValues: Sendable, Equatable {
    /// Value used when the left-hand side has no match.
    public var lhs: Double?
    /// Value used when the right-hand side has no match.
    public var rhs: Double?

    /// Creates fill values.
    public init(lhs: Double? = nil, rhs: Double? = nil) {
        self.lhs = lhs
        self.rhs = rhs
    }

    /// Compares treating NaN as equal to NaN.
    public static func == (a: FillValues, b: FillValues) -> Bool {
        func same(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): true
            case (let x?, let y?): x == y || (x.isNaN && y.isNaN)
            default: false
            }
        }
        return same(a.lhs, b.lhs) && same(a.rhs, b.rhs)
    }
}

/// How the two sides of a vector binary operation are matched.
public struct VectorMatching: Sendable, Equatable {
    /// The cardinality.
    public var cardinality: VectorMatchCardinality
    /// The labels of `on(...)` or `ignoring(...)` (quoted names are bytes, always valid UTF-8).
    public var matchingLabels: [PromQLString]
    /// True for `on`, false for `ignoring` (or no clause).
    public var on: Bool
    /// Whether an `on`/`ignoring` clause was written at all.
    public var hasMatchingClause: Bool
    /// The extra labels of `group_left(...)`/`group_right(...)`.
    public var include: [PromQLString]
    /// Fill values of the fill modifiers.
    public var fill: FillValues

    /// Creates a vector matching description.
    public init(
        cardinality: VectorMatchCardinality = .oneToOne, matchingLabels: [PromQLString] = [], on: Bool = false,
        hasMatchingClause: Bool = false, include: [PromQLString] = [], fill: FillValues = FillValues()
    ) {
        self.cardinality = cardinality
        self.matchingLabels = matchingLabels
        self.on = on
        self.hasMatchingClause = hasMatchingClause
        self.include = include
        self.fill = fill
    }
}

/// A binary operation.
public struct BinaryExpr: Sendable, Equatable {
    /// The operator.
    public var op: BinaryOperator
    /// The left operand.
    public var lhs: Expr
    /// The right operand.
    public var rhs: Expr
    /// `bool` modifier of a comparison.
    public var returnBool: Bool
    /// Vector matching; nil unless both operands are instant vectors (as in Prometheus).
    public var matching: VectorMatching?
    /// The byte range of the operator token.
    public var operatorRange: Range<Int>
    /// The byte range from the start of `lhs` to the end of `rhs`.
    public var range: Range<Int>

    /// Creates a binary expression.
    public init(
        op: BinaryOperator, lhs: Expr, rhs: Expr, returnBool: Bool = false, matching: VectorMatching? = nil,
        operatorRange: Range<Int>, range: Range<Int>
    ) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.returnBool = returnBool
        self.matching = matching
        self.operatorRange = operatorRange
        self.range = range
    }

    /// Scalar if both sides are scalars, else instant vector.
    public var type: ValueType {
        lhs.type == .scalar && rhs.type == .scalar ? .scalar : .vector
    }
}

/// An aggregation operator.
public enum AggregateOperator: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `sum`
    case sum
    /// `avg`
    case avg
    /// `count`
    case count
    /// `min`
    case min
    /// `max`
    case max
    /// `group`
    case group
    /// `stddev`
    case stddev
    /// `stdvar`
    case stdvar
    /// `topk`
    case topk
    /// `bottomk`
    case bottomk
    /// `count_values`
    case countValues = "count_values"
    /// `quantile`
    case quantile
    /// `limitk` (experimental, 3.x)
    case limitk
    /// `limit_ratio` (experimental, 3.x)
    case limitRatio = "limit_ratio"

    /// Whether the aggregation takes a parameter before the body.
    public var takesParameter: Bool {
        switch self {
        case .topk, .bottomk, .countValues, .quantile, .limitk, .limitRatio: true
        default: false
        }
    }

    /// Whether it is experimental (behind `enableExperimentalFunctions`).
    public var isExperimental: Bool { self == .limitk || self == .limitRatio }
}

/// Where the `by`/`without` clause of an aggregation was written.
public enum GroupingPosition: Sendable, Equatable, Hashable {
    /// No clause.
    case none
    /// `sum by (a) (x)`
    case beforeBody
    /// `sum (x) by (a)`
    case afterBody
}

/// An aggregation.
public struct AggregateExpr: Sendable, Equatable {
    /// The operator.
    public var op: AggregateOperator
    /// The aggregated expression.
    public var expr: Expr
    /// The parameter of `topk`, `quantile`, `count_values`, ...
    public var param: Expr?
    /// The labels of `by`/`without` (quoted names are bytes, always valid UTF-8).
    public var grouping: [PromQLString]
    /// True for `without`.
    public var without: Bool
    /// Where the grouping clause was written.
    public var groupingPosition: GroupingPosition
    /// The byte range from the operator keyword to the closing parenthesis or grouping clause.
    public var range: Range<Int>

    /// Creates an aggregation.
    public init(
        op: AggregateOperator, expr: Expr, param: Expr? = nil, grouping: [PromQLString] = [], without: Bool = false,
        groupingPosition: GroupingPosition = .none, range: Range<Int>
    ) {
        self.op = op
        self.expr = expr
        self.param = param
        self.grouping = grouping
        self.without = without
        self.groupingPosition = groupingPosition
        self.range = range
    }
}

/// A function call.
public struct Call: Sendable, Equatable {
    /// The called function.
    public var function: FunctionDescriptor
    /// The arguments.
    public var args: [Expr]
    /// The byte range from the function name to the closing parenthesis.
    public var range: Range<Int>

    /// Creates a call.
    public init(function: FunctionDescriptor, args: [Expr], range: Range<Int>) {
        self.function = function
        self.args = args
        self.range = range
    }
}

/// Operators of duration expressions.
public enum DurationOperator: String, Sendable, Equatable, Hashable {
    /// `+` (unary when `lhs` is nil)
    case add = "+"
    /// `-` (unary when `lhs` is nil)
    case sub = "-"
    /// `*`
    case mul = "*"
    /// `/`
    case div = "/"
    /// `%`
    case mod = "%"
    /// `^`
    case pow = "^"
    /// `step()`
    case step = "step"
    /// `range()`
    case range = "range"
    /// `max_of(a, b)`
    case maxOf = "max_of"
    /// `min_of(a, b)`
    case minOf = "min_of"
}

/// A duration expression (`5m + 1m`, `step()`, `max_of(step(), 5s)`), experimental.
///
/// Operands are `.number` or `.duration` expressions. `+`/`-` with a nil `lhs` are unary;
/// `step`/`range` have no operands; `max_of`/`min_of` use both.
public struct DurationExpr: Sendable, Equatable {
    /// The operator.
    public var op: DurationOperator
    /// The left operand (nil for unary operators and `step()`/`range()`).
    public var lhs: Expr?
    /// The right operand (nil for `step()`/`range()`).
    public var rhs: Expr?
    /// Whether it was written in parentheses.
    public var wrapped: Bool
    /// The byte range.
    public var range: Range<Int>

    /// Creates a duration expression.
    public init(op: DurationOperator, lhs: Expr? = nil, rhs: Expr? = nil, wrapped: Bool = false, range: Range<Int>) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.wrapped = wrapped
        self.range = range
    }
}

import PeriscopeDSL
import PromQL

/// `alert-comparison-impossible`: a comparison in an alerting rule's expression that no value
/// of its operand can satisfy, so the alert (or that branch of it) never fires.
///
/// The operand's possible values are bounded conservatively from what PromQL guarantees:
/// - `count(…)` ≥ 1 and `count_values` ≥ 1; `group(…)`, `absent(…)`, `absent_over_time(…)`,
///   `present_over_time(…)` and `vector(c)` are constants (1, or c);
/// - `up` and comparisons with `bool` are 0 or 1;
/// - `rate`, `irate`, `increase`, `resets`, `changes`, `count_over_time`, `abs`, `sqrt`, `time()`,
///   `timestamp`, `histogram_count`, and counters by name (`_total`, `_count`, `_bucket`) ≥ 0;
/// - `clamp`, `clamp_min`, `clamp_max` bound their input; `avg`, `min`, `max`, `quantile`,
///   `*_over_time` of the same kind keep their input's bounds; `sum` of non-negative values is
///   non-negative; multiplying or dividing by a positive constant scales the bounds.
/// Anything else is unbounded. A comparison `E op c` (or `c op E`) with a literal `c` is
/// impossible when the bounds exclude every value that would pass (`count(x) < 1`,
/// `avg(up) > 1`, `rate(x[5m]) < 0`, `absent(x) > 1`). `!=` and comparisons with `bool` (which
/// never filter) are not judged.
public struct AlertNeverFiresRule: LintRule {
    public let id: DiagnosticID = "alert-comparison-impossible"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Comparisons in alert expressions can be true for some value (no `rate(x) < 0`, `avg(up) > 1`, `absent(x) > 1`).",
        why: """
            An alert fires when its expression returns a sample; a comparison filters samples. If the \
            compared value can never satisfy it — a rate or a count is never negative, `up` is 0 or 1, \
            `absent()` returns 1 — the alert can never fire, and nobody notices until the incident it was \
            written for. Usually the threshold is in the wrong unit (`> 95` on a ratio in [0, 1]) or the \
            comparison is inverted.
            """,
        bad: "- alert: TargetsDown\n  expr: avg(up) > 1",
        good: "- alert: TargetsDown\n  expr: avg(up) < 1",
        fix: "Correct the threshold's unit (ratios are 0–1, not percent) or the direction of the comparison."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard input.ruleKind(of: input.queries[index]) == .alert else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            expr.walk { node in
                guard case .binary(let binary) = node, binary.op.isComparison, !binary.returnBool, binary.op != .neq else { return true }
                let (operand, threshold, flipped): (Expr, Double?, Bool)
                if let value = ValueBounds.literal(binary.rhs) {
                    (operand, threshold, flipped) = (binary.lhs, value, false)
                } else if let value = ValueBounds.literal(binary.lhs) {
                    (operand, threshold, flipped) = (binary.rhs, value, true)
                } else {
                    return true
                }
                guard let threshold, operand.type == .vector else { return true }
                let bounds = ValueBounds.of(operand)
                let op = flipped ? binary.op.mirrored : binary.op
                guard bounds.excludesAll(op, threshold) else { return true }
                let subject = input.subject(of: query)
                findings.report(
                    "alert '\(subject.name ?? "")' compares a value that is always \(bounds.description) with \(op.rawValue) \(PromQL.goGeneralText(threshold)): the comparison is never true",
                    at: input.location(of: query, atByte: binary.operatorRange.lowerBound), subject: subject)
                return true
            }
        }
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped (`1 < x` is `x > 1`).
    var mirrored: BinaryOperator {
        switch self {
        case .gtr: .lss
        case .lss: .gtr
        case .gte: .lte
        case .lte: .gte
        default: self
        }
    }
}

/// Closed bounds on the values an expression can take (NaN aside, which fails every comparison).
struct ValueBounds: Equatable {
    var lower: Double
    var upper: Double

    static let any = ValueBounds(lower: -.infinity, upper: .infinity)
    static let nonNegative = ValueBounds(lower: 0, upper: .infinity)
    static let zeroOne = ValueBounds(lower: 0, upper: 1)

    var description: String {
        if lower == upper { return "exactly \(PromQL.goGeneralText(lower))" }
        if upper == .infinity { return "≥ \(PromQL.goGeneralText(lower))" }
        if lower == -.infinity { return "≤ \(PromQL.goGeneralText(upper))" }
        return "between \(PromQL.goGeneralText(lower)) and \(PromQL.goGeneralText(upper))"
    }

    /// Whether no value in the bounds passes `value op threshold`.
    func excludesAll(_ op: BinaryOperator, _ threshold: Double) -> Bool {
        guard !threshold.isNaN else { return false }
        switch op {
        case .gtr: return upper <= threshold
        case .gte: return upper < threshold
        case .lss: return lower >= threshold
        case .lte: return lower > threshold
        case .eql: return threshold < lower || threshold > upper
        default: return false
        }
    }

    /// A number literal, possibly negated or in parentheses.
    static func literal(_ expr: Expr) -> Double? {
        switch expr.unwrapped {
        case .number(let number): return number.value
        case .unary(let unary):
            guard let value = literal(unary.expr) else { return nil }
            return unary.op == .minus ? -value : value
        default: return nil
        }
    }

    /// The bounds of `expr`'s values.
    static func of(_ expr: Expr) -> ValueBounds {
        switch expr.unwrapped {
        case .number(let number):
            return ValueBounds(lower: number.value, upper: number.value)
        case .vectorSelector(let selector):
            guard let name = SelectorReference.metricNameOf(selector)?.string else { return .any }
            if name == "up" { return .zeroOne }
            if name.hasSuffix("_total") || name.hasSuffix("_count") || name.hasSuffix("_bucket") { return .nonNegative }
            return .any
        case .unary(let unary):
            let inner = of(unary.expr)
            return unary.op == .minus ? ValueBounds(lower: -inner.upper, upper: -inner.lower) : inner
        case .aggregate(let aggregate):
            switch aggregate.op {
            case .count, .countValues: return ValueBounds(lower: 1, upper: .infinity)
            case .group: return ValueBounds(lower: 1, upper: 1)
            case .avg, .min, .max, .topk, .bottomk, .limitk, .limitRatio, .quantile: return of(aggregate.expr)
            case .sum: return of(aggregate.expr).lower >= 0 ? .nonNegative : .any
            case .stddev, .stdvar: return .nonNegative
            }
        case .call(let call):
            return callBounds(call)
        case .binary(let binary):
            return binaryBounds(binary)
        default:
            return .any
        }
    }

    private static func callBounds(_ call: Call) -> ValueBounds {
        let name = call.function.name
        switch name {
        case "absent", "absent_over_time", "present_over_time":
            return ValueBounds(lower: 1, upper: 1)
        case "vector":
            guard let value = call.args.first.flatMap(literal) else { return .any }
            return ValueBounds(lower: value, upper: value)
        case "rate", "irate", "increase", "resets", "changes", "count_over_time", "abs", "sqrt", "time", "timestamp",
             "histogram_count", "stddev_over_time", "stdvar_over_time":
            return .nonNegative
        case "avg_over_time", "min_over_time", "max_over_time", "last_over_time", "quantile_over_time":
            guard let argument = call.args.last, case .matrixSelector(let matrix) = argument.unwrapped else { return .any }
            return of(.vectorSelector(matrix.vectorSelector))
        case "clamp":
            guard call.args.count == 3, let low = literal(call.args[1]), let high = literal(call.args[2]), low <= high else { return .any }
            let inner = of(call.args[0])
            return ValueBounds(lower: Swift.max(inner.lower, low), upper: Swift.min(inner.upper, high))
        case "clamp_min":
            guard call.args.count == 2, let low = literal(call.args[1]) else { return .any }
            let inner = of(call.args[0])
            return ValueBounds(lower: Swift.max(inner.lower, low), upper: Swift.max(inner.upper, low))
        case "clamp_max":
            guard call.args.count == 2, let high = literal(call.args[1]) else { return .any }
            let inner = of(call.args[0])
            return ValueBounds(lower: Swift.min(inner.lower, high), upper: Swift.min(inner.upper, high))
        case "sort", "sort_desc", "label_replace", "label_join", "ceil", "floor", "round":
            guard let argument = call.args.first else { return .any }
            let inner = of(argument)
            // Rounding may move a bound to the next integer.
            if name == "ceil" || name == "floor" || name == "round" {
                return ValueBounds(lower: inner.lower.rounded(.down), upper: inner.upper.rounded(.up))
            }
            return inner
        default:
            return .any
        }
    }

    private static func binaryBounds(_ binary: BinaryExpr) -> ValueBounds {
        if binary.op.isComparison {
            // `bool` gives 0 or 1; a filter keeps the left-hand values that pass.
            return binary.returnBool ? .zeroOne : of(binary.lhs)
        }
        switch binary.op {
        case .and, .unless:
            return of(binary.lhs)
        case .or:
            let lhs = of(binary.lhs), rhs = of(binary.rhs)
            return ValueBounds(lower: Swift.min(lhs.lower, rhs.lower), upper: Swift.max(lhs.upper, rhs.upper))
        case .mul, .div:
            // Only scaling by a positive literal is followed.
            if let factor = literal(binary.rhs), factor > 0 {
                let inner = of(binary.lhs)
                return binary.op == .mul ? inner.scaled(by: factor) : inner.scaled(by: 1 / factor)
            }
            if binary.op == .mul, let factor = literal(binary.lhs), factor > 0 { return of(binary.rhs).scaled(by: factor) }
            return .any
        default:
            return .any
        }
    }

    private func scaled(by factor: Double) -> ValueBounds {
        ValueBounds(lower: lower * factor, upper: upper * factor)
    }
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `series-budget`: a query selects, or a recording rule writes, more series than the budget
/// (`seriesBudgetPerQuery`, default 10,000; `seriesBudgetPerRecordingRule`, default 5,000),
/// as estimated from the metrics inventory. Without an inventory nothing is estimated.
///
/// Estimates (``SeriesEstimator``) are upper bounds from the inventory's label value counts:
/// - a selector selects the family's series with the labels pinned by `=` matchers counted
///   once (`MetricsInventory.estimatedSeries(of:keeping:)` over the other labels);
/// - `sum by (a, b)` writes at most the product of the value counts of `a` and `b`, and no
///   more than its input; `sum` without grouping writes 1; `without (…)` keeps the input's;
/// - `x / y` (one-to-one) writes at most the smaller side, `group_left` the many side, `or`
///   the sum, `and`/`unless` the left side; functions keep their argument's count;
///   `vector()`, `absent()` and scalars write 1.
/// A query that reads a metric the inventory does not know is not estimated.
///
/// A metric with a budget of its own (`budgets.metrics` in .periscope.yaml, by the name as
/// written or by its family's name) is checked whole: the family's estimate over every label
/// (capped by its measured `series`), once per query that reads it.
public struct SeriesBudgetRule: LintRule {
    public let id: DiagnosticID = "series-budget"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Queries select, and recording rules write, no more series than the budget, estimated from metrics.yaml.",
        why: """
            Every series a query selects is read from the TSDB on each evaluation or panel refresh; Prometheus \
            stops a query at `query.max-samples` (50 million samples), long after it has made dashboards slow \
            and rule groups miss their interval. A recording rule's output is stored for ever, so a rule that \
            writes tens of thousands of series is a cardinality incident of its own. The estimate multiplies \
            the value counts of the labels kept, from the inventory (`periscope inventory` writes it from a \
            live server); budgets are `budgets.seriesPerQuery` and `budgets.seriesPerRecordingRule` in \
            .periscope.yaml, and `budgets.metrics` gives single metrics a series budget of their own.
            """,
        bad: "- record: path:http_requests:rate5m\n  expr: sum by (path) (rate(http_requests_total[5m]))   # path: 80,000 values",
        good: "- record: route:http_requests:rate5m\n  expr: sum by (route) (rate(http_requests_total[5m]))  # route: 40 values",
        fix: "Aggregate away the labels with many values, add `=` matchers that select what the query needs, or raise the budget in .periscope.yaml if the size is intended."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        guard let inventory = input.options.inventory else { return }
        let estimator = SeriesEstimator(inventory: inventory)
        for query in input.queries {
            guard let expr = query.expression else { continue }
            let subject = input.subject(of: query)
            if let selected = estimator.selectedSeries(by: expr), selected > input.options.seriesBudgetPerQuery {
                findings.report(
                    "query selects an estimated \(selected) series, over the budget of \(input.options.seriesBudgetPerQuery) per query",
                    at: input.location(of: query, atByte: 0), subject: subject,
                    notes: ["estimated from the metrics inventory's label value counts; add = matchers or aggregate earlier"])
            }
            if !input.options.seriesBudgetPerMetric.isEmpty {
                var checked: Set<String> = []
                for reference in expr.selectors {
                    guard let name = reference.metricName?.string, checked.insert(name).inserted,
                          let (budgeted, budget) = estimator.metricBudget(of: name, budgets: input.options.seriesBudgetPerMetric),
                          let series = estimator.metricSeries(name), series > budget else { continue }
                    findings.report(
                        "metric '\(name)' has an estimated \(series) series, over \(budgeted == name ? "its budget of \(budget)" : "the budget of \(budget) for its family '\(budgeted)'") (budgets.metrics)",
                        at: input.location(of: query, atByte: reference.range.lowerBound), subject: subject,
                        notes: ["estimated from the metrics inventory over every label of the metric; drop or normalise the label with the most values"])
                }
            }
            guard let rule = input.ruleContext(of: query), rule.isRecording, let written = estimator.resultSeries(of: expr),
                  written > input.options.seriesBudgetPerRecordingRule else { continue }
            let location = rule.rule.name.location ?? query.location
            findings.report(
                "recording rule '\(rule.rule.name.value)' writes an estimated \(written) series, over the budget of \(input.options.seriesBudgetPerRecordingRule) per recording rule",
                at: location, subject: subject,
                notes: ["estimated from the metrics inventory's label value counts; aggregate to fewer labels"])
        }
    }
}

/// Series estimates of PromQL expressions from a metrics inventory (see ``SeriesBudgetRule``).
struct SeriesEstimator {
    let inventory: MetricsInventory

    /// The series all selectors of `expr` select together; nil when a selector's metric is unknown.
    func selectedSeries(by expr: Expr) -> Int? {
        var total = 0
        for reference in expr.selectors {
            guard let count = selectorSeries(reference.selector, keeping: nil) else { return nil }
            total = total.addingSaturating(count)
        }
        return total
    }

    /// The budget of metric `name` in `budgets` (by the name, else by its family's name) and the
    /// name it is given under; nil when it has none.
    func metricBudget(of name: String, budgets: [String: Int]) -> (name: String, budget: Int)? {
        if let budget = budgets[name] { return (name, budget) }
        if let family = inventory.family(of: name)?.metric.name, let budget = budgets[family] { return (family, budget) }
        return nil
    }

    /// The series of metric `name` over all its labels; nil when the inventory does not know it.
    func metricSeries(_ name: String) -> Int? {
        selectorSeries(VectorSelector(name: name, nameRange: 0..<name.utf8.count, range: 0..<name.utf8.count), keeping: nil)
    }

    /// The series `expr` returns; nil when not estimable.
    func resultSeries(of expr: Expr) -> Int? {
        switch expr {
        case .number, .string, .duration:
            return 1
        case .vectorSelector(let selector):
            return selectorSeries(selector, keeping: nil)
        case .matrixSelector(let matrix):
            return selectorSeries(matrix.vectorSelector, keeping: nil)
        case .subquery(let node):
            return resultSeries(of: node.expr)
        case .paren(let node):
            return resultSeries(of: node.expr)
        case .unary(let node):
            return resultSeries(of: node.expr)
        case .aggregate(let node):
            return aggregateSeries(node)
        case .call(let call):
            switch call.function.name {
            case "vector", "absent", "absent_over_time", "scalar", "time":
                return 1
            default:
                guard call.function.returnType == .vector || call.function.returnType == .matrix else { return 1 }
                guard let argument = call.args.first(where: { $0.type == .vector || $0.type == .matrix }) else { return 1 }
                return resultSeries(of: argument)
            }
        case .binary(let node):
            let lhsScalar = node.lhs.type == .scalar, rhsScalar = node.rhs.type == .scalar
            if lhsScalar && rhsScalar { return 1 }
            if lhsScalar { return resultSeries(of: node.rhs) }
            if rhsScalar { return resultSeries(of: node.lhs) }
            guard let lhs = resultSeries(of: node.lhs), let rhs = resultSeries(of: node.rhs) else { return nil }
            switch node.op {
            case .or: return lhs.addingSaturating(rhs)
            case .and, .unless: return lhs
            default:
                switch node.matching?.cardinality ?? .oneToOne {
                case .manyToOne: return lhs
                case .oneToMany: return rhs
                default: return min(lhs, rhs)
                }
            }
        }
    }

    private func aggregateSeries(_ node: AggregateExpr) -> Int? {
        guard let input = resultSeries(of: node.expr) else { return nil }
        if node.without { return input }
        switch node.op {
        case .topk, .bottomk, .limitk, .limitRatio:
            return input
        default:
            break
        }
        if node.grouping.isEmpty { return node.op == .countValues ? input : 1 }
        // The grouped labels' value counts, taken from the one metric family the body reads.
        let names = Set(node.expr.selectors.compactMap { $0.metricName?.string })
        guard names.count == 1,
              let selector = node.expr.selectors.first?.selector,
              let grouped = selectorSeries(selector, keeping: Set(node.grouping.compactMap(\.string))) else { return input }
        return min(input, grouped)
    }

    /// The series of one selector: its family's estimate over the labels not pinned by `=`
    /// matchers (restricted to `keeping` when given).
    private func selectorSeries(_ selector: VectorSelector, keeping: Set<String>?) -> Int? {
        guard let name = SelectorReference.metricNameOf(selector)?.string, let match = inventory.family(of: name) else { return nil }
        var pinned: Set<String> = []
        for matcher in selector.matchers where matcher.type == .equal && matcher.name != "__name__" {
            if let label = matcher.name.string { pinned.insert(label) }
        }
        var labels = keeping ?? Set(match.metric.labels.keys)
        labels.subtract(pinned)
        // A histogram's `_count`/`_sum` series have no `le`; a summary's no `quantile`.
        if match.suffix == "_count" || match.suffix == "_sum" { labels.remove("le"); labels.remove("quantile") }
        return inventory.estimatedSeries(of: name, keeping: labels)?.count
    }
}

extension Int {
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}

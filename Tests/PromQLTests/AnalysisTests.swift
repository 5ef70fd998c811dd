import PromQL
import Testing

@Suite("Expression analysis")
struct AnalysisTests {
    /// Text of `range` in `source`.
    private func slice(_ source: String, _ range: Range<Int>) -> String {
        String(decoding: Array(source.utf8)[range], as: UTF8.self)
    }

    @Test(arguments: [
        ("foo", ["foo"], ["foo"]),
        (#"foo{a="b"} + bar"#, ["foo", "bar"], [#"foo{a="b"}"#, "bar"]),
        ("rate(x[5m])", ["x"], ["x"]),
        (#"{__name__="x", a="b"}"#, ["x"], [#"{__name__="x", a="b"}"#]),
        (#"{"x.y"}"#, ["x.y"], [#"{"x.y"}"#]),
        (#"{job=~"a.*"}"#, [nil], [#"{job=~"a.*"}"#]),
        ("max_over_time(sum(y offset 5m)[1h:1m])", ["y"], ["y offset 5m"]),
        (#"label_join(a, "d", ",", "s") unless on(x) absent(b{c="d"})"#, ["a", "b"], ["a", #"b{c="d"}"#]),
        (#"{"a", __name__="b"} or {__name__="c", __name__="c"}"#, [nil, "c"], [#"{"a", __name__="b"}"#, #"{__name__="c", __name__="c"}"#]),
        ("1 + 2", [], []),
    ] as [(String, [PromQLString?], [String])])
    func listsSelectors(source: String, names: [PromQLString?], texts: [String]) throws {
        let selectors = try PromQL.parse(source).selectors
        #expect(selectors.map(\.metricName) == names)
        #expect(selectors.map { slice(source, $0.range) } == texts)
    }

    @Test func selectorContext() throws {
        let source = #"rate(x{a="b"}[5m]) + max_over_time(y[10m:1m]) + z"#
        let selectors = try PromQL.parse(source).selectors
        try #require(selectors.count == 3)
        #expect(selectors[0].context == .matrix(range: PromDuration(seconds: 300)))
        #expect(slice(source, try #require(selectors[0].matrixRange)) == #"x{a="b"}[5m]"#)
        #expect(selectors[0].isInsideSubquery == false)
        #expect(selectors[1].context == .instant)
        #expect(selectors[1].isInsideSubquery)
        #expect(selectors[2].context == .instant)
        #expect(selectors[0].matcher(for: "a")?.value == "b")
        #expect(selectors[0].matcher(for: "__name__")?.value == "x")
        #expect(selectors[0].matchers.count == 2)
    }

    @Test(arguments: [
        ("sum by (a, b) (x)", [AggregationReference.Grouping.by(["a", "b"])], [AggregateOperator.sum]),
        ("sum(x) without (c)", [.without(["c"])], [.sum]),
        ("topk(3, count(x))", [.none, .none], [.topk, .count]),
        (#"count_values("v", x) / on() group_left max by (k) (y)"#, [.none, .by(["k"])], [.countValues, .max]),
        ("rate(x[5m])", [], []),
    ])
    func reportsAggregations(source: String, groupings: [AggregationReference.Grouping], ops: [AggregateOperator]) throws {
        let aggregations = try PromQL.parse(source).aggregations
        #expect(aggregations.map(\.grouping) == groupings)
        #expect(aggregations.map(\.op) == ops)
    }

    @Test func aggregationRangeAndLabelKeeping() throws {
        let source = "1 + sum without (pod) (x) * topk(1, y)"
        let aggregations = try PromQL.parse(source).aggregations
        #expect(aggregations.map { slice(source, $0.range) } == ["sum without (pod) (x)", "topk(1, y)"])
        #expect(aggregations.map(\.keepsInputLabels) == [true, true])
        #expect(try PromQL.parse("sum by (a) (x)").aggregations.first?.keepsInputLabels == false)
    }

    @Test func reportsRangeDurations() throws {
        let source = "max_over_time(rate(x[5m])[1h:30s]) + avg_over_time(y[90m:])"
        let ranges = try PromQL.parse(source).rangeDurations
        #expect(ranges.map(\.kind) == [.subqueryRange, .subqueryStep, .matrixRange, .subqueryRange])
        #expect(ranges.map(\.duration) == [3600, 30, 300, 5400].map { PromDuration(seconds: $0) })
        #expect(ranges.map { slice(source, $0.bracketsRange) } == ["[1h:30s]", "[1h:30s]", "[5m]", "[90m:]"])
        #expect(ranges.map(\.metricName) == [nil, nil, "x", nil])
    }

    @Test func durationExpressionRanges() throws {
        let expr = try PromQL.parse("rate(x[5m + 1m])", options: .allFeatures)
        let range = try #require(expr.rangeDurations.first)
        #expect(range.duration == nil)
        #expect(range.expression?.description == "5m + 1m")
    }

    @Test func childrenAndTraversalOrder() throws {
        let expr = try PromQL.parse("sum(a) + abs(b)")
        var kinds: [String] = []
        expr.forEachSubexpression { kinds.append($0.kindName) }
        #expect(kinds == ["BinaryExpr", "AggregateExpr", "VectorSelector", "Call", "VectorSelector"])
        #expect(expr.children.count == 2)
    }
}

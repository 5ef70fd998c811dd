import PromQL
import Testing

@Suite("Pretty printer")
struct PrettyTests {
    @Test func shortExpressionsStayOnOneLine() throws {
        let source = #"sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))"#
        let expr = try PromQL.parse(source)
        #expect(expr.prettyPrinted() == expr.description)
    }

    @Test func defaultWidthIs100() throws {
        // 101 bytes in canonical form: split at the default width, kept at 101.
        let name = String(repeating: "m", count: 92)
        let expr = try PromQL.parse("sum(\(name)) + 1")
        #expect(expr.description.utf8.count == 101)
        #expect(expr.prettyPrinted() == "  sum(\(name))\n+\n  1")
        #expect(expr.prettyPrinted(maxLineWidth: 101) == expr.description)
    }

    @Test(arguments: [
        (
            "sum by (job) (rate(x[5m]))", 10,
            """
            sum by (job) (
              rate(
                x[5m]
              )
            )
            """
        ),
        (
            "topk(5, a_long_name) / on (a) group_left b_long", 19,
            """
              topk(
                5,
                a_long_name
              )
            / on (a) group_left ()
              b_long
            """
        ),
        (
            "-(vector_selector_long + 1)", 10,
            """
            -(
                vector_selector_long
              +
                1
            )
            """
        ),
        (
            "max_over_time(rate(long_metric_name[5m])[1h:1m])", 25,
            """
            max_over_time(
              rate(
                long_metric_name[5m]
              )[1h:1m]
            )
            """
        ),
        (
            // Prometheus would print the subquery line unindented.
            "max_over_time(rate(long_metric_name[5m])[1h:1m])", 40,
            """
            max_over_time(
              rate(long_metric_name[5m])[1h:1m]
            )
            """
        ),
        (
            // The offset keeps its `+` although the operator moved to the next line.
            "foo_metric offset +(5m) + 1", 10,
            """
              foo_metric offset +(5m)
            +
              1
            """
        ),
    ] as [(String, Int, String)])
    func splitsLongNodes(source: String, width: Int, expected: String) throws {
        let expr = try PromQL.parse(source)
        let pretty = expr.prettyPrinted(maxLineWidth: width)
        #expect(pretty == expected)
        #expect(try PromQL.parse(pretty).description == expr.description)
    }
}

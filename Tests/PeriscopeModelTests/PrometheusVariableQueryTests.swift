import Foundation
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Issue 8, class 4: query-variable queries are split as Grafana's Prometheus datasource splits
/// them. The expected splits come from Grafana's own patterns (`@grafana/prometheus`
/// `migrations/variableMigration.ts`, `metric_find_query.ts`) run by a JavaScript engine (node).
struct PrometheusVariableQueryTests {
    /// Queries of every form, with the edge cases of Grafana's patterns.
    static let queries = [
        // label_names
        "label_names()", "label_names()  ", "label_names(http_.*)", "label_names( )",
        // label_values, without and with a selector
        "label_values(job)", "label_values($label)", "label_values(up, job)", "label_values(up,job)",
        #"label_values(up{job="$job"}, instance)"#, #"label_values(up{a="1",b="2"}, instance)"#,
        "label_values({}, job)", "label_values( { } , job)", "label_values(  , job)", "label_values(up,  \t job)",
        "label_values(up, job)\n", "label_values(up, job) \u{00A0}", #"label_values(up, "service.name")"#,
        #"label_values(up{a="1",b="2"})"#, "label_values(up, )", "label_values(up,)", "label_values(,job)",
        "label_values(a,b,c)", "label_values(rate(x[5m]), job)", "label_values(up,\njob)", "label_values(up\n, job)", "label_values(a,b\n,c)", "label_values(a\n,b,c)", "label_values()",
        "label_values(up, job) + 1", "label_values(up\u{2028}, job)",
        // metrics and query_result
        "metrics(go_.*)", "metrics()", "metrics( )", "query_result(topk(5, sum by (job) (up)))", "query_result()",
        "query_result(up)\n\n", "query_result(max_over_time(x[$__range]))",
        // series queries and near misses
        "up", #"up{job="$job"}"#, #"{__name__=~"go_.*"}"#, "label_values", "Label_values(up, job)", " label_values(up, job)",
        "metrics(a\nb)", "query_result(a\rb)", "",
    ]

    /// Grafana's split of each query, by its own patterns and order: `kind|argument|label|promQL`.
    static func grafanaSplits(of queries: [String]) throws -> [String] {
        let script = #"""
            const queries = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            const labelNames = /^label_names\(\)\s*$/;
            const labelNamesWithMatch = /^label_names\((.+)\)\s*$/;
            const labelValues = /^label_values\((?:(.+),\s*)?(.+)\)\s*$/;
            const metricNames = /^metrics\((.+)\)\s*$/;
            const queryResult = /^query_result\((.+)\)\s*$/;
            const isFilterDefined = (f) => f && f.split(' ').join('') !== '{}';
            const split = (q) => {
              let m;
              if ((m = q.match(labelNamesWithMatch))) return ['labelNames', m[1], '', ''];
              if (q.match(labelNames)) return ['labelNames', '', '', ''];
              if ((m = q.match(labelValues))) return ['labelValues', m[1] ?? '', m[2], isFilterDefined(m[1]) ? m[1] : ''];
              if ((m = q.match(metricNames))) return ['metrics', m[1], '', ''];
              if ((m = q.match(queryResult))) return ['queryResult', m[1], '', m[1]];
              if (['label_values()', 'metrics()', 'query_result()'].includes(q)) return ['none', '', '', ''];
              return ['series', q, '', q];
            };
            console.log(JSON.stringify(queries.map((q) => split(q).join('|'))));
            """#
        let input = String(decoding: try JSONEncoder().encode(queries), as: UTF8.self)
        let (status, output) = try ExternalTool.run(["node", "-e", script], input: input)
        try #require(status == 0, "node failed")
        return try JSONDecoder().decode([String].self, from: Data(output.utf8))
    }

    /// Our split in the same notation.
    static func split(_ query: String) -> String {
        let parsed = Grafana.PrometheusVariableQuery(query)
        let bytes = Array(query.utf8)
        func text(_ range: Range<Int>?) -> String { range.map { String(decoding: bytes[$0], as: UTF8.self) } ?? "" }
        let kind: String
        switch parsed.kind {
        case .labelNames: kind = "labelNames"
        case .labelValues: kind = parsed.label == nil ? "none" : "labelValues"
        case .metrics: kind = parsed.argument == nil ? "none" : "metrics"
        case .queryResult: kind = parsed.argument == nil ? "none" : "queryResult"
        case .series: kind = "series"
        }
        return [kind, text(parsed.argument), text(parsed.label), text(parsed.promQLRange)].joined(separator: "|")
    }

    @Test(.enabled(if: ExternalTool.shouldRun(ExternalTool.isAvailable("node")), "node not found; skipping the check against Grafana's own patterns (make test installs nodejs)"))
    func splitsAsGrafanasPatternsDo() throws {
        let expected = try Self.grafanaSplits(of: Self.queries)
        try #require(expected.count == Self.queries.count)
        for (query, grafana) in zip(Self.queries, expected) {
            #expect(Self.split(query) == grafana, "\(query.debugDescription)")
        }
    }

    /// A few splits spelled out, so the forms are readable without node.
    @Test(arguments: [
        ("label_values(up, job)", "labelValues|up|job|up"),
        ("label_values(job)", "labelValues||job|"),
        ("label_values({}, job)", "labelValues|{}|job|"),
        ("label_names(http_.*)", "labelNames|http_.*||"),
        ("query_result(sum(up))", "queryResult|sum(up)||sum(up)"),
        ("metrics(go_.*)", "metrics|go_.*||"),
        (#"up{job="a"}"#, #"series|up{job="a"}||up{job="a"}"#),
        ("query_result()", "none|||"),
    ])
    func splitsTheForms(query: String, expected: String) {
        #expect(Self.split(query) == expected)
    }
}

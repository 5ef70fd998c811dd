import PeriscopeDSL
@testable import PeriscopeLint
import PeriscopeModel
import PromQL
import Testing

/// The byte-level fast paths the rules take on ASCII text give the answers of the character-level
/// code they stand in for, which still handles everything else.
@Suite("Byte fast paths of the lint rules")
struct ByteFastPathTests {
    @Test("Datasource variable references, ASCII and not", arguments: [
        ("${DS_PROMETHEUS}", "DS_PROMETHEUS"), ("${ds:raw}", "ds"), ("[[ds]]", "ds"), ("[[ds:text]]", "ds"), ("$ds", "ds"),
        ("${}", nil), ("[[]]", nil), ("$", nil), ("${ds", nil), ("$ds:raw", nil), ("${a-b}", nil), ("prom-prod", nil), ("", nil),
        ("${dé}", "dé"), ("$dé", "dé"), ("[[é:raw]]", "é"), ("${d é}", nil),
    ] as [(String, String?)])
    func datasourceVariables(text: String, name: String?) {
        #expect(Grafana.variableReference(text) == name)
    }

    @Test("Metric units, ASCII and not", arguments: [
        ("http_request_duration_ms", "ms"), ("job:HTTP_Latency_MS:p99", "ms"), ("disk_usage_kb_total", "kb"), ("a::b_ms", "ms"),
        ("http_request_duration_seconds", nil), ("ms", nil), ("x:y:z:w_ms", "ms"), ("job:x:rate5m", nil), ("temp_fahrenheit", "fahrenheit"),
        ("größe_kb", "kb"), ("job:größe_MS:p99", "ms"),
    ] as [(String, String?)])
    func metricUnits(name: String, unit: String?) {
        #expect(MetricBaseUnitsRule.badUnit(in: name)?.unit == unit)
    }

    @Test("High-cardinality names in a query's text: case, separators, long words and other bytes")
    func deniedNames() throws {
        let names = HighCardinalityLabels(["user_id", "url", "trace.id"]).normalizedSet
        func mentions(_ text: String) -> Bool {
            var scratch: [UInt8] = []
            let query = LintQuery(origin: .rule(file: 0, group: 0, rule: 0), text: text, parsedText: text, location: .file(FileLocation(path: "x")), expression: nil, parseError: nil)
            return query.mentionsAny(names, scratch: &scratch)
        }
        #expect(mentions("sum by (User-ID) (x)"))
        #expect(mentions("sum by (traceId) (x)"))
        #expect(mentions("x{url=\"/\"}"))
        #expect(mentions("x_total{URL=~\".+\"}"))
        #expect(!mentions("sum by (user) (x)"))
        #expect(!mentions("sum by (urls, user_identifier, a_very_long_label_name_that_exceeds_every_entry) (x)"))
        #expect(mentions("sum by (é) (x)"))
        #expect(!HighCardinalityLabels([]).normalizedSet.contains(Array("url".utf8)))
    }
}

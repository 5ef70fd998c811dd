import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Bad Sloth specs get an error at the YAML line and column, naming what was expected.
struct SlothSpecReaderTests {
    static func spec(objective: String = "99.9", errorQuery: String = "sum(rate(errors_total[{{.window}}]))", extra: String = "") -> String {
        """
        version: "prometheus/v1"
        service: "api"
        slos:
          - name: "availability"
            objective: \(objective)
            sli:
              events:
                error_query: \(errorQuery)
                total_query: sum(rate(requests_total[{{.window}}]))
            alerting:
              name: APIHighErrorRate\(extra)
        """
    }

    @Test(arguments: [
        (spec(extra: "\n      page_alrt: {}"), "spec.yaml:12:7: error: [slo-spec-invalid] unknown key 'page_alrt' in alerting of SLO 'availability' (expected one of: name, labels, annotations, page_alert, ticket_alert; did you mean 'page_alert'?)"),
        (spec(objective: "\"high\""), "spec.yaml:5:16: error: [slo-spec-invalid] objective of SLO 'availability': expected a number, got a string ('high')"),
        (spec(objective: "100.5"), "spec.yaml:5:16: error: [slo-objective-invalid] objective 100.5 is out of range (expected a percentage in (0, 100], e.g. 99.9)"),
        (spec(errorQuery: "sum(rate(errors_total[5m]))"), "spec.yaml:8:22: error: [slo-sli-invalid] error_query of SLO 'availability' lacks the window placeholder (expected {{.window}} where the range goes, e.g. rate(x[{{.window}}]))"),
        (spec(errorQuery: "sum(rate(errors_total[{{.window}}])"), "spec.yaml:8:22: error: [slo-sli-invalid] error_query of SLO 'availability' is not valid PromQL: unclosed left parenthesis (expected a query Prometheus 3 accepts)"),
    ])
    func badSpecsAreLocated(text: String, expected: String) {
        let result = SlothSpecReader(path: "spec.yaml").read(text)
        #expect(result.diagnostics.map { $0.formatted() } == [expected])
        #expect(result.slos.isEmpty)
    }

    @Test func aGoodSpecReadsIntoAnSLOAtItsLine() throws {
        let result = SlothSpecReader(path: "spec.yaml", period: "28d").read(Self.spec())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let slo = try #require(result.slos.first)
        #expect(slo.id == "api-availability" && slo.period == "28d" && slo.alertName == "APIHighErrorRate")
        #expect(slo.location.description == "spec.yaml:4:5")
    }
}

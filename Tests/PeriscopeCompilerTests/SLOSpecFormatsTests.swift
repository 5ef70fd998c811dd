import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// The spec formats besides Sloth's `prometheus/v1`: PrometheusServiceLevel resources, OpenSLO
/// v1alpha and v1, mixed in one multi-document file.
struct SLOSpecFormatsTests {

    static let mixed = """
        version: prometheus/v1
        service: web
        slos:
          - name: availability
            objective: 99
            sli:
              raw:
                error_ratio_query: 1 - avg(avg_over_time(up{job="web"}[{{.window}}]))
            alerting:
              page_alert: { disable: true }
              ticket_alert: { disable: true }
        ---
        apiVersion: sloth.slok.dev/v1
        kind: PrometheusServiceLevel
        metadata:
          name: api-slos
          namespace: monitoring
          labels: { team: api }
        spec:
          service: api
          slos:
            - name: requests
              objective: 99.9
              sli:
                events:
                  errorQuery: sum(rate(http_requests_total{job="api",code=~"5.."}[{{.window}}]))
                  totalQuery: sum(rate(http_requests_total{job="api"}[{{.window}}]))
              alerting:
                name: ApiErrors
        ---
        apiVersion: openslo/v1alpha
        kind: SLO
        metadata: { name: latency }
        spec:
          service: api
          budgetingMethod: Occurrences
          objectives:
            - target: 0.99
              ratioMetrics:
                good: { source: prometheus, queryType: promql, query: 'sum(rate(http_request_duration_seconds_bucket{le="0.8"}[{{.window}}]))' }
                total: { source: prometheus, queryType: promql, query: 'sum(rate(http_request_duration_seconds_count[{{.window}}]))' }
          timeWindows:
            - { unit: Day, count: 28 }
        """

    static func info(_ file: RuleFile, _ id: String) -> [String: String] {
        let rule = file.groups.flatMap(\.rules).first { $0.name.value == "sloth_slo_info" && $0.labels.contains { $0.name == "sloth_id" && $0.value.value == id } }
        return Dictionary((rule?.labels ?? []).map { ($0.name, $0.value.value) }, uniquingKeysWith: { $1 })
    }

    @Test func aMixedFileGivesOneGroupsDocumentAndOnePrometheusRulePerResource() throws {
        let (file, diagnostics) = SlothGenerator(options: .sloth(version: "test")).generate(Self.mixed, path: "mixed.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map { $0.formatted() })")
        let generated = try #require(file)
        #expect(generated.documents.map(\.shape) == [.ruleGroups, .prometheusRule])
        #expect(generated.documents[0].groups.map(\.name.value) == [
            "sloth-slo-sli-recordings-web-availability", "sloth-slo-meta-recordings-web-availability",
            "sloth-slo-sli-recordings-api-latency-0", "sloth-slo-meta-recordings-api-latency-0",
        ])
        let resource = try #require(generated.documents[1].resource)
        #expect(resource.metadata.name?.value == "api-slos" && resource.metadata.namespace?.value == "monitoring")
        #expect(resource.metadata.labels.map { "\($0.name)=\($0.value.value)" } == [
            "app.kubernetes.io/component=SLO", "app.kubernetes.io/managed-by=periscope", "team=api",
        ])
        #expect(generated.documents[1].groups.map(\.name.value).last == "sloth-slo-alerts-api-requests")
        #expect(Self.info(generated, "web-availability")["sloth_spec"] == "prometheus/v1")
        #expect(Self.info(generated, "api-requests")["sloth_mode"] == "cli-gen-k8s")
        #expect(Self.info(generated, "api-latency-0")["sloth_spec"] == "openslo/v1alpha")
        // The OpenSLO time window sets the period.
        #expect(generated.groups.flatMap(\.rules).contains { $0.name.value == "slo:sli_error:ratio_rate4w" })
        // Written and read back, it is the same file.
        let bytes = RuleFileWriter.bytes(generated)
        let reread = RuleFileReader(path: "out.yaml").read(text: String(decoding: bytes, as: UTF8.self))
        #expect(!reread.hasErrors && RuleFileWriter.bytes(reread.file) == bytes, "\(reread.diagnostics)")
        #expect(String(decoding: bytes, as: UTF8.self).contains("---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n"))
    }

    static let openSLOv1 = #"""
        apiVersion: openslo/v1
        kind: Service
        metadata: { name: api }
        spec: { description: The API }
        ---
        apiVersion: openslo/v1
        kind: SLI
        metadata: { name: api-errors }
        spec:
          ratioMetric:
            counter: true
            bad:
              metricSource:
                type: Prometheus
                spec: { query: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))' }
            total:
              metricSource:
                type: Prometheus
                spec: { query: 'sum(rate(http_requests_total[{{.window}}]))' }
        ---
        apiVersion: openslo/v1
        kind: SLO
        metadata: { name: availability }
        spec:
          service: api
          indicatorRef: api-errors
          budgetingMethod: Occurrences
          timeWindow:
            - { duration: 7d, isRolling: true }
          objectives:
            - targetPercent: 99.5
        """#

    @Test func openSLOv1ReadsAnSLOWhoseIndicatorIsAnotherDocument() throws {
        let read = SlothSpecReader(path: "v1.yaml").read(Self.openSLOv1)
        #expect(read.diagnostics.map { $0.formatted() } == [
            "v1.yaml:2:7: warning: [slo-spec-invalid] OpenSLO Service documents are not used to generate SLO rules (expected SLO and SLI documents; this one is skipped)",
        ])
        let slo = try #require(read.slos.first)
        #expect(read.slos.count == 1 && slo.id == "api-availability" && slo.objective == 99.5 && slo.period == "7d")
        #expect(slo.sli == .events(errors: #"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#, total: "sum(rate(http_requests_total[{{.window}}]))"))
        #expect(slo.tiers.allSatisfy { !$0.isEnabled })
    }

    @Test(arguments: [
        ("budgetingMethod: Occurrences", "budgetingMethod: Timeslices", "v1.yaml:27:20: error: [slo-spec-invalid] budgetingMethod 'Timeslices' of SLO 'availability' is not supported"),
        ("indicatorRef: api-errors", "indicatorRef: api-error", "v1.yaml:26:17: error: [slo-spec-invalid] indicatorRef 'api-error' of SLO 'availability' names no SLI in the file"),
        ("type: Prometheus\n        spec: { query: 'sum(rate(http_requests_total[", "type: Datadog\n        spec: { query: 'sum(rate(http_requests_total[",
         "v1.yaml:18:15: error: [slo-spec-invalid] total of SLI 'api-errors' has the metric source type 'Datadog' (expected Prometheus)"),
        ("{ duration: 7d, isRolling: true }", "{ duration: 1M, calendar: { timeZone: UTC } }", "error: [slo-spec-invalid] calendar-aligned time windows are not supported"),
        ("targetPercent: 99.5", "targetPercent: 100.5", "v1.yaml:31:22: error: [slo-objective-invalid] objective 100.5 is out of range"),
    ])
    func badOpenSLOv1GivesLocatedErrors(_ original: String, _ replacement: String, _ expected: String) {
        let text = Self.openSLOv1.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.openSLOv1)
        let read = SlothSpecReader(path: "v1.yaml").read(text)
        #expect(read.hasErrors)
        #expect(read.diagnostics.contains { $0.formatted().contains(expected) }, "\(read.diagnostics.map { $0.formatted() })")
    }

    @Test func anUnknownKindNamesTheFormatsRead() {
        let read = SlothSpecReader(path: "x.yaml").read("apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec: {}\n")
        #expect(read.diagnostics.first?.formatted().hasPrefix("x.yaml:2:7: error: [slo-spec-invalid] unsupported document apiVersion 'sloth.slok.dev/v1', kind 'AlertWindows'") == true)
    }
}

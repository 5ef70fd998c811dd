import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Every rule file the SLO expansion writes passes `promtool check rules`, and promtool's unit
/// tests show the page alert fires on a 14.4× burn and stays quiet on a 1× burn.
///
/// Without promtool on PATH these tests fail and say to run `make test`; set
/// `PERISCOPE_SKIP_PROMTOOL=1` to skip them deliberately.
@Suite(.enabled(if: !Rules.skipsPromtool, "PERISCOPE_SKIP_PROMTOOL=1"))
struct SLOPromtoolTests {
    static let availability = SLO(service: "api", name: "availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#, selector: #"job="api""#))
        .alertName("APIErrorBudgetBurn")
        .page { $0.alertName("APIErrorBudgetPage") }

    /// Every SLO feature, so that each rule shape reaches promtool.
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            availability
            SLO(service: "api", name: "latency", objective: 99, sli: .latency(histogram: "http_request_duration_seconds", bucket: "0.8", selector: #"job="api""#))
                .period("28d")
                .grouped(by: ["route"])
                .minimumRequestRate(0.1)
                .alertShape(.perWindow)
                .tier(SLOAlertTier("digest", windows: [BurnRateWindow(long: "3d", short: "6h", factor: 1, for: "1h")]))
                .page { $0.severity(.page).annotation("runbook_url", "https://runbooks.example.com/api-latency") }
            SLO(service: "api", name: "good-events", objective: 99.5,
                sli: .events(good: #"sum(rate(http_requests_total{job="api",code!~"5.."}[{{.window}}]))"#, total: #"sum(rate(http_requests_total{job="api"}[{{.window}}]))"#))
                .period("7d")
                .namespace("slos-extra")
            SLO(service: "probe", name: "success", objective: 99, sli: .raw(errorRatio: #"1 - avg_over_time(probe_success{job="blackbox"}[{{.window}}])"#))
                .namespace("slos-extra")
            RuleTests(namespace: "slos", evaluationInterval: "1m") {
                AlertTest("a 20x burn (2% errors) pages", interval: "1m") {
                    InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+98x120")
                    InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+2x120")
                    ExpectAlerts("APIErrorBudgetPage", at: "70m") {
                        ExpectedAlert(labels: ["sloth_id": "api-availability", "sloth_service": "api", "sloth_slo": "availability", "sloth_severity": "page"],
                                      annotations: ["title": "(page) api availability SLO error budget burn rate is too fast.",
                                                    "summary": "api availability SLO error budget burn rate is over expected."])
                    }
                }
                AlertTest("a 1x burn (0.1% errors) does not page", interval: "1m") {
                    InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+999x120")
                    InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+1x120")
                    ExpectNoAlerts("APIErrorBudgetPage", at: "70m")
                }
            }
        }
    }

    @Test func everySLORuleFilePassesPromtoolAndTheBurnTestsPass() throws {
        let env = Rules.environment()
        let (artifacts, diagnostics) = Rules.compile(env) { Self.catalog(env) }
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let root = try Rules.write(artifacts)
        defer { try? FileManager.default.removeItem(at: root) }
        // 17 rules for the availability SLO; the latency SLO has 8 SLI, 7 metadata and 5 per-window alerts.
        let (status, output) = try Rules.runPromtool(["check", "rules", "slos.yaml", "slos-extra.yaml"], in: root.appendingPathComponent("prometheus/rules"))
        #expect(status == 0, "\(output)")
        #expect(output.contains("SUCCESS: 37 rules found"), "\(output)")
        #expect(!output.contains("WARNING"), "\(output)")
        let (testStatus, testOutput) = try Rules.runPromtool(["test", "rules", "slos.yaml"], in: root.appendingPathComponent("prometheus/tests"))
        #expect(testStatus == 0, "\(testOutput)")
    }

    @Test(.enabled(if: SlothConformanceTests.fixtures != nil, "../shared/sloth-fixtures not found: skipping promtool on the Sloth pairs"))
    func theRulesOfEverySlothPairPassPromtool() throws {
        for pair in SlothConformanceTests.pairs {
            let generator = SlothGenerator(period: pair.period, options: .sloth(version: pair.version, generatesAlerts: pair.generatesAlerts,
                                                                                 generatesRecordings: pair.generatesRecordings, extraLabels: pair.extraLabels))
            let file = try #require(generator.generate(try SlothConformanceTests.text(pair.input), path: pair.input).file)
            // promtool reads rule files, not PrometheusRule resources (pair 5): check the groups as one.
            let plain = RuleFile(name: file.name, groups: file.groups)
            let root = try Rules.write([Artifact(path: "sloth.yaml", kind: .prometheusRules, bytes: RuleFileWriter.bytes(plain))])
            defer { try? FileManager.default.removeItem(at: root) }
            let (status, output) = try Rules.runPromtool(["check", "rules", "sloth.yaml"], in: root)
            #expect(status == 0, "pair \(pair.number): \(output)")
        }
    }
}

import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// The emitter's output checked by the real promtool (Debian's 2.42, installed by `make test`).
///
/// Without promtool on PATH these tests fail and say to run `make test`; set
/// `PERISCOPE_SKIP_PROMTOOL=1` to skip them deliberately.
@Suite(.enabled(if: !Rules.skipsPromtool, "PERISCOPE_SKIP_PROMTOOL=1"))
struct RulePromtoolTests {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            RuleGroup("edge-cases", namespace: "edge") {
                RecordingRule("job:http_requests:rate5m", expr: """
                    sum by (job, env) (
                      rate(http_requests_total[5m])   # a comment stays
                    )
                    """)
                AlertRule("QuotedThings", expr: #"job:http_requests:rate5m{job=~"api|web"} > 0.5"#)
                    .for("1m")
                    .keepFiringFor("2m")
                    .severity(.ticket)
                    .label("yes", "on")
                    .summary("rate: {{ $value }} # not a comment")
                    .description("""
                        Multi-line description for {{ $labels.job }}:
                          - first point
                          - "second" point
                        """)
                    .runbook(base: "https://runbooks.example.com")
            }
            .interval("30s")
            .limit(100)
            RuleTests(namespace: "edge", evaluationInterval: "30s") {
                AlertTest("fires for a busy job", interval: "30s") {
                    InputSeries(#"http_requests_total{job="api"}"#, values: "0+60x60")
                    ExpectAlerts("QuotedThings", at: "10m") {
                        ExpectedAlert(labels: ["job": "api"], annotations: [
                            "summary": "rate: 2 # not a comment",
                            "description": "Multi-line description for api:\n  - first point\n  - \"second\" point",
                        ])
                    }
                    ExpectSamples(#"job:http_requests:rate5m"#, at: "10m") {
                        ExpectedSample(#"job:http_requests:rate5m{job="api", env="prod"}"#, value: 2)
                    }
                }
                AlertTest("quiet job does not fire", interval: "30s") {
                    InputSeries(#"http_requests_total{job="api"}"#, values: "0+1x60")
                    ExpectNoAlerts("QuotedThings", at: "10m")
                }
            }
        }
    }

    @Test func edgeCaseRulesPassPromtoolCheckAndTheirUnitTestsPass() throws {
        let env = Rules.environment(selectors: [LabelPair("env", "prod")], ruleLabels: [LabelPair("env", "prod")])
        let (artifacts, diagnostics) = Rules.compile(env) { Self.catalog(env) }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let root = try Rules.write(artifacts)
        defer { try? FileManager.default.removeItem(at: root) }
        let (checkStatus, checkOutput) = try Rules.runPromtool(["check", "rules", "edge.yaml"], in: root.appendingPathComponent("prometheus/rules"))
        #expect(checkStatus == 0, "\(checkOutput)")
        #expect(checkOutput.contains("SUCCESS: 2 rules found"), "\(checkOutput)")
        let (testStatus, testOutput) = try Rules.runPromtool(["test", "rules", "edge.yaml"], in: root.appendingPathComponent("prometheus/tests"))
        #expect(testStatus == 0, "\(testOutput)")
    }

    @Test func aWrongExpectationFailsInPromtool() throws {
        let env = Rules.environment()
        let (artifacts, _) = Rules.compile(env) {
            Catalog {
                RuleGroup("g", namespace: "wrong") { AlertRule("Down", expr: "up == 0").for("1m") }
                RuleTests(namespace: "wrong") {
                    AlertTest("claims it stays quiet", interval: "1m") {
                        InputSeries(#"up{job="api"}"#, values: "0x10")
                        ExpectNoAlerts("Down", at: "5m")
                    }
                }
            }
        }
        let root = try Rules.write(artifacts)
        defer { try? FileManager.default.removeItem(at: root) }
        let (status, output) = try Rules.runPromtool(["test", "rules", "wrong.yaml"], in: root.appendingPathComponent("prometheus/tests"))
        #expect(status != 0, "promtool must notice the alert firing: \(output)")
        #expect(output.contains("claims it stays quiet"))
    }
}

import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Issue 13, item 1: expected alerts carry exactly the labels the rendered rule gives the fired
/// alert (the environment's selector labels that survive the expression, rule labels,
/// `ruleLabels`, the mapped severity), and each is matched to the rule that can produce it.
/// promtool 2.42 runs every rendered test: it is the authority on what fires with which labels.
@Suite(.enabled(if: !Rules.skipsPromtool, "PERISCOPE_SKIP_PROMTOOL=1"))
struct AlertTestLabelTests {
    /// Renders `catalog` for `env`, then runs promtool on the rendered test file.
    private func promtoolResult(_ env: Environment, _ catalog: () -> Catalog) throws -> (diagnostics: [Diagnostic], status: Int32, output: String) {
        let (artifacts, diagnostics) = Rules.compile(env, catalog)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (diagnostics, -1, "") }
        let root = try Rules.write(artifacts)
        defer { try? FileManager.default.removeItem(at: root) }
        let (status, output) = try Rules.runPromtool(["test", "rules", "t.yaml"], in: root.appendingPathComponent("prometheus/tests"))
        return (diagnostics, status, output)
    }

    /// Expressions that keep the selector label, drop it, or keep every input label; the
    /// expected alert states the input's labels the expression keeps, never `env`.
    @Test(arguments: [
        ("sum by (job, env) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job, env) (rate(http_requests_total[5m])) > 0.05", ["job": "api"]),
        ("sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05", ["job": "api"]),
        ("rate(http_requests_total{code=~\"5..\"}[5m]) > 0.5", ["job": "api", "code": "500"]),
        ("sum without (code) (rate(http_requests_total{code=~\"5..\"}[5m])) > 0.5", ["job": "api"]),
        (#"label_replace(sum by (job) (rate(http_requests_total{code=~"5.."}[5m])), "team", "t-$1", "job", "(.*)") > 0.5"#, ["job": "api", "team": "t-api"]),
        ("count by (env) (http_requests_total) > 1", [:]),
    ])
    func selectorLabelsThatSurviveTheExpressionAreExpected(expr: String, stated: [String: String]) throws {
        let env = Rules.environment(selectors: [LabelPair("env", "prod")], ruleLabels: [])
        let (diagnostics, status, output) = try promtoolResult(env) {
            Catalog {
                RuleGroup("g", namespace: "t") { AlertRule("HighHTTPErrorRate", expr: expr).severity(.page) }
                RuleTests(namespace: "t") {
                    AlertTest("errors fire", interval: "1m") {
                        InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+60x30")
                        InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x30")
                        ExpectAlerts("HighHTTPErrorRate", at: "20m") { ExpectedAlert(labels: stated) }
                    }
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(status == 0, "\(expr)\n\(output)")
    }

    @Test func aWarningCriticalPairIsMatchedByItsSeverity() throws {
        let env = Rules.environment(selectors: [LabelPair("env", "prod")], severities: [:])
        let (diagnostics, status, output) = try promtoolResult(env) {
            Catalog {
                RuleGroup("g", namespace: "t") {
                    AlertRule("DiskFull", expr: "max by (instance) (disk_used_ratio) > 0.8").severity(.warning).summary("disk over 80%")
                    AlertRule("DiskFull", expr: "max by (instance) (disk_used_ratio) > 0.95").severity(.critical).summary("disk over 95%")
                }
                RuleTests(namespace: "t") {
                    AlertTest("both fire when nearly full", interval: "1m") {
                        InputSeries(#"disk_used_ratio{instance="a"}"#, values: "0.99x10")
                        ExpectAlerts("DiskFull", at: "5m") {
                            ExpectedAlert(labels: ["instance": "a", "severity": "warning"])
                            ExpectedAlert(labels: ["instance": "a", "severity": "critical"])
                        }
                    }
                    AlertTest("only the warning fires at 90%", interval: "1m") {
                        InputSeries(#"disk_used_ratio{instance="a"}"#, values: "0.9x10")
                        ExpectAlerts("DiskFull", at: "5m") { ExpectedAlert(labels: ["instance": "a", "severity": "warning"]) }
                    }
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(status == 0, "\(output)")
    }

    @Test func anAmbiguousExpectedAlertAsksForTheLabel() {
        let line = #line + 10
        let (_, diagnostics) = Rules.compile(Rules.environment(severities: [:])) {
            Catalog {
                RuleGroup("g", namespace: "t") {
                    AlertRule("DiskFull", expr: "disk_used_ratio > 0.8").severity(.warning)
                    AlertRule("DiskFull", expr: "disk_used_ratio > 0.95").severity(.critical)
                }
                RuleTests(namespace: "t") {
                    AlertTest("t", interval: "1m") {
                        InputSeries(#"disk_used_ratio{instance="a"}"#, values: "0.99x10")
                        ExpectAlerts("DiskFull", at: "5m") { ExpectedAlert(labels: ["instance": "a"]) }
                    }
                }
            }
        }
        let error = diagnostics.first { $0.message.contains("matches 2 rules of that name") }
        #expect(error?.message.contains("severity=warning; severity=critical") == true, "\(diagnostics)")
        #expect(error?.message.contains(#"ExpectedAlert(labels: ["severity": …])"#) == true)
        #expect(error?.location?.line == line)
    }

    @Test func anExpectedAlertNoRuleCanProduceIsReported() {
        let (_, diagnostics) = Rules.compile(Rules.environment(severities: [:])) {
            Catalog {
                RuleGroup("g", namespace: "t") { AlertRule("DiskFull", expr: "disk_used_ratio > 0.8").severity(.warning) }
                RuleTests(namespace: "t") {
                    AlertTest("t", interval: "1m") {
                        InputSeries(#"disk_used_ratio{instance="a"}"#, values: "0.99x10")
                        ExpectAlerts("DiskFull", at: "5m") { ExpectedAlert(labels: ["severity": "critical"]) }
                    }
                }
            }
        }
        #expect(diagnostics.contains { $0.message.contains("has labels (severity=critical) that no rule named 'DiskFull' carries") }, "\(diagnostics)")
    }
}

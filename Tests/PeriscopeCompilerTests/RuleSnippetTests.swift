import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing
import Yams

/// Small rule definitions and the exact YAML they compile to, parsed back with Yams.
@Suite struct RuleSnippetTests {
    @Test func alertWithEverythingIsWrittenInPrometheusKeyOrderWithSortedLabelsAndAnnotations() throws {
        let (artifacts, diagnostics) = Rules.compile(Rules.environment(ruleLabels: [LabelPair("env", "prod")])) {
            Catalog {
                RuleGroup("api", namespace: "team") {
                    AlertRule("HighErrorRate", expr: "job:errors:ratio5m > 0.05")
                        .for("10m")
                        .keepFiringFor("5m")
                        .severity(.page)
                        .label("team", "checkout")
                        .label("area", "http")
                        .summary("High error rate on {{ $labels.job }}")
                        .description("{{ $value | humanizePercentage }} fail")
                        .runbook(base: "https://runbooks.example.com/")
                }
                .interval("30s")
                .limit(10)
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Rules.text(artifacts, "prometheus/rules/team.yaml") == """
            groups:
              - name: api
                interval: 30s
                limit: 10
                rules:
                  - alert: HighErrorRate
                    expr: job:errors:ratio5m > 0.05
                    for: 10m
                    keep_firing_for: 5m
                    labels:
                      area: http
                      env: prod
                      severity: critical
                      team: checkout
                    annotations:
                      description: "{{ $value | humanizePercentage }} fail"
                      runbook_url: https://runbooks.example.com/HighErrorRate
                      summary: High error rate on {{ $labels.job }}

            """)
    }

    @Test func recordingRulesAndAMultiLineExpressionAsABlockScalar() throws {
        let (artifacts, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("red") {
                    RecordingRule("job:http_requests:rate5m", expr: "sum by (job) (rate(http_requests_total[5m]))")
                    RecordingRule("job:http_errors:ratio_rate5m", expr: """
                        sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
                          /
                        sum by (job) (rate(http_requests_total[5m]))
                        """)
                        .label("tier", "1")
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(Rules.text(artifacts, "prometheus/rules/red.yaml"))
        #expect(text == """
            groups:
              - name: red
                rules:
                  - record: job:http_requests:rate5m
                    expr: sum by (job) (rate(http_requests_total[5m]))
                  - record: job:http_errors:ratio_rate5m
                    expr: |-
                      sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
                        /
                      sum by (job) (rate(http_requests_total[5m]))
                    labels:
                      tier: "1"

            """)
        let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
        let rules = try #require(((parsed["groups"] as? [[String: Any]])?.first?["rules"]) as? [[String: Any]])
        #expect(rules[1]["expr"] as? String == "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m]))\n  /\nsum by (job) (rate(http_requests_total[5m]))")
        #expect((rules[1]["labels"] as? [String: Any])?["tier"] as? String == "1", "a numeric-looking label value stays a string")
    }

    @Test func selectorsAreInjectedIntoEverySelectorUnlessTheRuleOptsOut() throws {
        let env = Rules.environment(selectors: [LabelPair("env", "prod")])
        let (artifacts, diagnostics) = Rules.compile(env) {
            Catalog {
                RuleGroup("g") {
                    RecordingRule("job:up:sum", expr: #"sum by (job) (up{job="api"}) / count(up offset 1h)"#)
                    RecordingRule("job:up:raw", expr: "sum by (job) (up)").injectingSelectors(false)
                    AlertRule("Mixed", expr: #"up{env="dev"} == 0"#)
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(Rules.text(artifacts, "prometheus/rules/g.yaml"))
        #expect(text.contains(#"expr: sum by (job) (up{job="api", env="prod"}) / count(up{env="prod"} offset 1h)"#))
        #expect(text.contains("expr: sum by (job) (up)\n"))
        #expect(text.contains(#"expr: up{env="dev"} == 0"#), "a selector that has the label keeps its own matcher")
    }

    @Test func scalarsThatWouldChangeTypeOrMeaningAreQuotedAndReadBackIdentically() throws {
        let values = ["yes", "on", "Off", "n", "TRUE", "Null", "nob", "0.5", "1e3", "a: b", "x #y", "- item", "{{ $labels.job }}", "tab\there", "trailing ", "ünïcode", "quote \" and \\ backslash", ""]
        let (artifacts, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("quoting") {
                    AlertRule("Quoting", expr: "vector(1)").with {
                        for (index, value) in values.enumerated() { $0.annotations["a\(index)"] = value }
                    }
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(Rules.text(artifacts, "prometheus/rules/quoting.yaml"))
        let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
        let rule = try #require(((parsed["groups"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])?.first)
        let annotations = try #require(rule["annotations"] as? [String: Any])
        for (index, value) in values.enumerated() {
            #expect(annotations["a\(index)"] as? String == value, "annotation \(index) \(value.debugDescription) must read back as the same string")
        }
        #expect(text.contains("a0: \"yes\"") && text.contains("a2: \"Off\"") && text.contains("a6: nob\n") && text.contains("a7: \"0.5\""))
    }

    @Test func longLinesAreNeverFolded() throws {
        let long = (0..<40).map { "metric_\($0)" }.joined(separator: " + ")
        let (artifacts, _) = Rules.compile {
            Catalog { RuleGroup("long") { RecordingRule("job:long:sum", expr: long) } }
        }
        let text = try #require(Rules.text(artifacts, "prometheus/rules/long.yaml"))
        #expect(text.contains("    expr: \(long)\n"))
    }

    @Test func groupsShareANamespaceFileInDeclarationOrderAndDisabledOnesAreDropped() throws {
        let (artifacts, diagnostics) = Rules.compile(Rules.environment("dev")) {
            Catalog {
                RuleGroup("b", namespace: "shared") { RecordingRule("b:x:sum", expr: "sum(x)") }
                RuleGroup("a", namespace: "shared") {
                    RecordingRule("a:x:sum", expr: "sum(x)")
                    RecordingRule("a:y:sum", expr: "sum(y)").in(.dev) { $0.enabled(false) }
                }
                RuleGroup("prod-only") { RecordingRule("c:x:sum", expr: "sum(x)") }.enabled(false).in(.prod) { $0.enabled(true) }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(artifacts.map(\.path) == ["prometheus/rules/shared.yaml"])
        let text = try #require(Rules.text(artifacts, "prometheus/rules/shared.yaml"))
        #expect(text.range(of: "name: b")!.lowerBound < text.range(of: "name: a")!.lowerBound)
        #expect(!text.contains("a:y:sum"))
    }

    @Test func thresholdsFromValuesAreWrittenAsTheYAMLWroteThem() {
        let env = Environment(name: "prod", values: [
            EnvironmentEntry(key: "threshold", value: .int(2000)),
            EnvironmentEntry(key: "ratio", value: .double(0.05)),
        ])
        #expect(env.values.promQLNumber("threshold") == "2000")
        #expect(env.values.promQLNumber("ratio") == "0.05")
        #expect(EnvironmentValues.promQLNumberText(1.5) == "1.5")
        #expect(EnvironmentValues.promQLNumberText(3) == "3")
    }

    @Test func groupLabelsAndQueryOffsetAreWrittenForPrometheus3() throws {
        let (artifacts, diagnostics) = Rules.compile(Rules.environment(target: .v3)) {
            Catalog {
                RuleGroup("v3") { RecordingRule("job:x:sum", expr: "sum(x)") }
                    .queryOffset("1m")
                    .label("team", "sre")
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Rules.text(artifacts, "prometheus/rules/v3.yaml") == """
            groups:
              - name: v3
                query_offset: 1m
                labels:
                  team: sre
                rules:
                  - record: job:x:sum
                    expr: sum(x)

            """)
    }

    @Test func prometheusRuleResourceAndMimirNamespaceFiles() throws {
        let (artifacts, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("api", namespace: "checkout") { RecordingRule("job:x:sum", expr: "sum(x)") }
            }
            .ruleOutputs([.kubernetes, .mimir])
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(artifacts.map(\.path) == ["prometheus/rules/checkout.yaml", "kubernetes/checkout.yaml", "mimir/rules/checkout.yaml"])
        #expect(artifacts.map(\.kind) == [.prometheusRules, .kubernetesPrometheusRule, .mimirRules])
        #expect(Rules.text(artifacts, "kubernetes/checkout.yaml") == """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: checkout
              labels:
                app.kubernetes.io/managed-by: periscope
            spec:
              groups:
                - name: api
                  rules:
                    - record: job:x:sum
                      expr: sum(x)

            """)
        #expect(Rules.text(artifacts, "mimir/rules/checkout.yaml") == """
            namespace: checkout
            groups:
              - name: api
                rules:
                  - record: job:x:sum
                    expr: sum(x)

            """)
    }

    @Test func testFilesGetSelectorLabelsOnSeriesAndTheRulesStaticLabelsOnExpectedAlerts() throws {
        let env = Rules.environment(selectors: [LabelPair("env", "prod")], ruleLabels: [LabelPair("env", "prod")])
        let (artifacts, diagnostics) = Rules.compile(env) {
            Catalog {
                RuleGroup("api", namespace: "svc") {
                    AlertRule("Down", expr: "up == 0").for("1m").severity(.page)
                        .summary("{{ $labels.job }} is down").runbook("https://r.example.com/Down")
                }
                RuleTests(namespace: "svc", evaluationInterval: "1m") {
                    AlertTest("down fires", interval: "1m") {
                        InputSeries(#"up{job="api"}"#, values: "0x10")
                        ExpectAlerts("Down", at: "5m") {
                            ExpectedAlert(labels: ["job": "api"], annotations: ["summary": "api is down"])
                        }
                        ExpectSamples("up", at: "5m") { ExpectedSample(#"up{job="api", env="prod"}"#, value: 0) }
                    }
                    AlertTest("up does not fire") {
                        InputSeries(#"up{job="api"}"#, values: "1x10")
                        ExpectNoAlerts("Down", at: "5m")
                    }
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Rules.text(artifacts, "prometheus/tests/svc.yaml") == """
            rule_files:
              - ../rules/svc.yaml
            evaluation_interval: 1m
            tests:
              - name: down fires
                interval: 1m
                input_series:
                  - series: up{job="api", env="prod"}
                    values: "0x10"
                alert_rule_test:
                  - eval_time: 5m
                    alertname: Down
                    exp_alerts:
                      - exp_labels:
                          env: prod
                          job: api
                          severity: critical
                        exp_annotations:
                          runbook_url: https://r.example.com/Down
                          summary: api is down
                promql_expr_test:
                  - expr: up
                    eval_time: 5m
                    exp_samples:
                      - labels: up{job="api", env="prod"}
                        value: 0
              - name: up does not fire
                input_series:
                  - series: up{job="api", env="prod"}
                    values: "1x10"
                alert_rule_test:
                  - eval_time: 5m
                    alertname: Down
                    exp_alerts: []

            """)
        let testText = try #require(Rules.text(artifacts, "prometheus/tests/svc.yaml"))
        let parsed = try #require(try Yams.load(yaml: testText) as? [String: Any])
        #expect(parsed["rule_files"] as? [String] == ["../rules/svc.yaml"])
    }

    @Test func aTestFileSplitsIntoOneFilePerTestWithAbsoluteRuleFiles() throws {
        let (artifacts, _) = Rules.compile {
            Catalog {
                RuleGroup("g", namespace: "svc") { AlertRule("Down", expr: "up == 0") }
                RuleTests(namespace: "svc", evaluationInterval: "1m") {
                    AlertTest("first") { InputSeries("up", values: "0x5"); ExpectAlerts("Down", at: "1m") { ExpectedAlert() } }
                    AlertTest("second") { InputSeries("up", values: "1x5"); ExpectNoAlerts("Down", at: "1m") }
                }
            }
        }
        let text = try #require(Rules.text(artifacts, "prometheus/tests/svc.yaml"))
        let single = try PromtoolTestFile.split(text, directory: "/out/prod/prometheus/tests")
        #expect(single.map(\.name) == ["first", "second"])
        for test in single {
            let parsed = try #require(try Yams.load(yaml: test.yaml) as? [String: Any])
            #expect(parsed["rule_files"] as? [String] == ["/out/prod/prometheus/tests/../rules/svc.yaml"])
            #expect(parsed["evaluation_interval"] as? String == "1m")
            let tests = try #require(parsed["tests"] as? [[String: Any]])
            #expect(tests.count == 1 && tests[0]["name"] as? String == test.name)
            let series = try #require((tests[0]["input_series"] as? [[String: Any]])?.first)
            #expect(series["values"] as? String == (test.name == "first" ? "0x5" : "1x5"), "values stay strings")
        }
        #expect(throws: PromtoolTestFile.SplitError.self) { try PromtoolTestFile.split("tests: 3", directory: "/") }
    }

    @Test func bigCatalogsAreLoweredAndWrittenInParallelChunksInDeclarationOrder() throws {
        func group(_ index: Int) -> RuleGroup {
            RuleGroup("g\(index)", namespace: "big") {
                RecordingRule("job:x\(index):sum", expr: "sum(x\(index))")
                AlertRule("A", expr: "x\(index) > 1").label("i", String(index))
                if index % 97 == 0 { AlertRule("A", expr: "x\(index) > 2").label("i", String(index)) }
            }
        }
        let (artifacts, diagnostics) = Rules.compile { Catalog { for index in 0..<300 { group(index) } } }
        let text = try #require(Rules.text(artifacts, "prometheus/rules/big.yaml"))
        var expected = "groups:\n"
        for index in 0..<300 {
            let (single, _) = Rules.compile { Catalog { group(index) } }
            expected += try #require(Rules.text(single, "prometheus/rules/big.yaml")).dropFirst("groups:\n".count)
        }
        #expect(text == expected)
        #expect(diagnostics.map(\.message) == [0, 97, 194, 291].map {
                    "alert 'A' repeats with the same labels in group 'g\($0)' (Prometheus evaluates both; where both produce a series with the same labels, their ALERTS series collide; promtool lints these as duplicate rules)"
                },
                "problems are reported in declaration order, whatever the scheduling")
    }

    @Test func renderingIsDeterministic() throws {
        func render() -> [Artifact] {
            Rules.compile(Rules.environment(ruleLabels: [LabelPair("env", "prod"), LabelPair("region", "eu")])) {
                Catalog {
                    RuleGroup("g") {
                        for index in 0..<50 {
                            AlertRule("A\(index)", expr: "x > \(index)").labels(["z": "1", "a": "2", "m": "3"]).annotation("b", "x").annotation("a", "y")
                        }
                    }
                }
            }.0
        }
        let first = render()
        #expect(first == render())
        #expect(String(decoding: first[0].bytes, as: UTF8.self).contains("labels:\n          a: \"2\"\n          env: prod\n          m: \"3\"\n          region: eu\n          z: \"1\"\n"))
    }
}

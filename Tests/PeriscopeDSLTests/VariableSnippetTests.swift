import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite("Variables lower to Grafana templating JSON")
struct VariableSnippetTests {
    @Test func queryVariableWritesDatasourceDefinitionAndPlainQuery() {
        let diagnostics = DiagnosticCollector()
        let variable = QueryVariable("namespace", query: "label_values(kube_pod_info, namespace)")
            .label("Namespace")
            .refresh(.onTimeRangeChange)
        #expect(Snippet.json(variable, diagnostics: diagnostics) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "definition": "label_values(kube_pod_info, namespace)",
              "label": "Namespace",
              "name": "namespace",
              "options": [],
              "query": {
                "query": "label_values(kube_pod_info, namespace)",
                "refId": "PrometheusVariableQueryEditor-VariableQuery"
              },
              "refresh": 2,
              "type": "query"
            }

            """)
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func multiValueQueryVariableWritesArraysInCurrent() {
        let variable = QueryVariable("pod", query: "label_values(kube_pod_info{namespace=\"$namespace\"}, pod)", datasource: .named("metrics"))
            .multi()
            .includeAll(allValue: ".*")
            .current(values: ["api-0", "api-1"])
            .sort(.naturalAscending)
            .regex("/^api-.*/")
            .hide(.label)
            .description("Pods of the namespace")
            .skipURLSync()
        #expect(Snippet.json(variable) == """
            {
              "allValue": ".*",
              "current": {
                "selected": false,
                "text": [
                  "api-0",
                  "api-1"
                ],
                "value": [
                  "api-0",
                  "api-1"
                ]
              },
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "definition": "label_values(kube_pod_info{namespace=\\"$namespace\\"}, pod)",
              "description": "Pods of the namespace",
              "hide": 1,
              "includeAll": true,
              "multi": true,
              "name": "pod",
              "options": [],
              "query": {
                "query": "label_values(kube_pod_info{namespace=\\"$namespace\\"}, pod)",
                "refId": "PrometheusVariableQueryEditor-VariableQuery"
              },
              "regex": "/^api-.*/",
              "skipUrlSync": true,
              "sort": 7,
              "type": "query"
            }

            """)
    }

    @Test func customVariableListsOptionsAndMarksTheCurrentOne() {
        let variable = CustomVariable("quantile", values: ["0.5", "0.9", "0.99"]).current("0.99")
        #expect(Snippet.json(variable) == """
            {
              "current": {
                "selected": false,
                "text": "0.99",
                "value": "0.99"
              },
              "name": "quantile",
              "options": [
                {
                  "selected": false,
                  "text": "0.5",
                  "value": "0.5"
                },
                {
                  "selected": false,
                  "text": "0.9",
                  "value": "0.9"
                },
                {
                  "selected": true,
                  "text": "0.99",
                  "value": "0.99"
                }
              ],
              "query": "0.5,0.9,0.99",
              "type": "custom"
            }

            """)
    }

    @Test func customVariableWritesTextValuePairsEscapesCommasAndDefaultsCurrentToTheFirstOption() {
        let variable = CustomVariable("env", options: [VariableOption("prod", text: "Production"), VariableOption("a,b")])
        #expect(Snippet.json(variable) == #"""
            {
              "current": {
                "selected": false,
                "text": "Production",
                "value": "prod"
              },
              "name": "env",
              "options": [
                {
                  "selected": true,
                  "text": "Production",
                  "value": "prod"
                },
                {
                  "selected": false,
                  "text": "a,b",
                  "value": "a,b"
                }
              ],
              "query": "Production : prod,a\\,b",
              "type": "custom"
            }

            """#)
    }

    @Test func multiValueCustomVariableWithAllDefaultsToAnArrayCurrent() {
        let variable = CustomVariable("zone", values: ["a", "b"]).multi().includeAll()
        #expect(Snippet.json(variable) == """
            {
              "current": {
                "selected": false,
                "text": [
                  "a"
                ],
                "value": [
                  "a"
                ]
              },
              "includeAll": true,
              "multi": true,
              "name": "zone",
              "options": [
                {
                  "selected": true,
                  "text": "a",
                  "value": "a"
                },
                {
                  "selected": false,
                  "text": "b",
                  "value": "b"
                }
              ],
              "query": "a,b",
              "type": "custom"
            }

            """)
    }

    @Test func intervalVariableLeadsWithTheAutoOption() {
        let variable = IntervalVariable("interval", values: ["1m", "5m", "1h"]).auto(count: 30, min: "10s").current("5m")
        #expect(Snippet.json(variable) == """
            {
              "auto": true,
              "auto_count": 30,
              "auto_min": "10s",
              "current": {
                "selected": false,
                "text": "5m",
                "value": "5m"
              },
              "name": "interval",
              "options": [
                {
                  "selected": false,
                  "text": "auto",
                  "value": "$__auto_interval_interval"
                },
                {
                  "selected": false,
                  "text": "1m",
                  "value": "1m"
                },
                {
                  "selected": true,
                  "text": "5m",
                  "value": "5m"
                },
                {
                  "selected": false,
                  "text": "1h",
                  "value": "1h"
                }
              ],
              "query": "1m,5m,1h",
              "type": "interval"
            }

            """)
    }

    @Test func intervalVariableWithoutAutoWritesNoAutoFields() {
        let variable = IntervalVariable("step", values: ["30s", "1m"]).refresh(.onTimeRangeChange)
        #expect(Snippet.json(variable) == """
            {
              "current": {
                "selected": false,
                "text": "30s",
                "value": "30s"
              },
              "name": "step",
              "options": [
                {
                  "selected": true,
                  "text": "30s",
                  "value": "30s"
                },
                {
                  "selected": false,
                  "text": "1m",
                  "value": "1m"
                }
              ],
              "query": "30s,1m",
              "refresh": 2,
              "type": "interval"
            }

            """)
    }

    @Test func datasourceVariableWritesPluginTypeAndCurrentUid() {
        let variable = DatasourceVariable("datasource", pluginType: "prometheus").current("prom-prod").regex("/prod/")
        #expect(Snippet.json(variable) == """
            {
              "current": {
                "selected": false,
                "text": "prom-prod",
                "value": "prom-prod"
              },
              "name": "datasource",
              "options": [],
              "query": "prometheus",
              "regex": "/prod/",
              "type": "datasource"
            }

            """)
    }

    @Test func constantVariableWritesItsValueAsQuery() {
        let variable = ConstantVariable("cluster", value: "eu-west-1").hide(.variable)
        #expect(Snippet.json(variable) == """
            {
              "hide": 2,
              "name": "cluster",
              "query": "eu-west-1",
              "type": "constant"
            }

            """)
    }

    @Test func textboxVariableWritesItsDefaultAsQuery() {
        let variable = TextboxVariable("pod_filter", defaultValue: ".*").label("Pod regex").current(".*")
        #expect(Snippet.json(variable) == """
            {
              "current": {
                "selected": false,
                "text": ".*",
                "value": ".*"
              },
              "label": "Pod regex",
              "name": "pod_filter",
              "query": ".*",
              "type": "textbox"
            }

            """)
    }

    @Test func adhocVariableWritesOnlyItsDatasource() {
        let variable = AdhocVariable("filters", datasource: .named("logs"))
        #expect(Snippet.json(variable) == """
            {
              "datasource": {
                "type": "loki",
                "uid": "loki-test"
              },
              "name": "filters",
              "type": "adhoc"
            }

            """)
    }

    @Test func variableWithUndefinedDatasourceReportsTheSwiftLine() {
        let diagnostics = DiagnosticCollector()
        let line = #line + 1
        let variable = QueryVariable("job", query: "label_values(up, job)", datasource: .named("thanos"))
        _ = Snippet.json(variable, diagnostics: diagnostics)
        #expect(diagnostics.errorCount == 1)
        guard case .source(let location)? = diagnostics.diagnostics.first?.location else {
            Issue.record("expected a Swift source location, got \(diagnostics.diagnostics)")
            return
        }
        #expect(location.line == line)
        #expect(location.fileID.hasSuffix("VariableSnippetTests.swift"))
        #expect(diagnostics.diagnostics.first?.message.contains("'thanos'") == true)
    }

    @Test func variableBuilderSupportsIfSwitchAndFor() {
        func variables(prod: Bool, tier: Int) -> [Variable] {
            build {
                QueryVariable("namespace", query: "label_values(kube_pod_info, namespace)")
                if prod {
                    ConstantVariable("cluster", value: "prod-1")
                } else {
                    TextboxVariable("cluster", defaultValue: "dev")
                }
                switch tier {
                case 0: CustomVariable("tier", values: ["gold"])
                default: CustomVariable("tier", values: ["silver", "bronze"])
                }
                for name in ["a", "b"] {
                    ConstantVariable(name, value: name.uppercased())
                }
            }
        }
        func build(@VariableBuilder _ body: () -> [Variable]) -> [Variable] { body() }

        let prod = variables(prod: true, tier: 0)
        #expect(prod.map(\.name) == ["namespace", "cluster", "tier", "a", "b"])
        #expect(prod.map(\.kind) == [.query, .constant, .custom, .constant, .constant])
        #expect(prod[2].options.map(\.value) == ["gold"])
        let dev = variables(prod: false, tier: 1)
        #expect(dev.map(\.kind) == [.query, .textbox, .custom, .constant, .constant])
        #expect(dev[2].options.map(\.value) == ["silver", "bronze"])
        #expect(dev[4].query == "B")
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Every mistake in a rule definition is an error at the Swift line that made it, and an
/// environment with errors renders nothing.
@Suite struct RuleBadInputTests {
    private func expectError(_ diagnostics: [Diagnostic], _ fragment: String, line: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = DiagnosticMatching.error(containing: fragment, in: diagnostics)
        #expect(found != nil, "no error containing \"\(fragment)\" in:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        if let found {
            #expect(DiagnosticMatching.swiftLine(of: found) == line, "\(found) should point at line \(line)", sourceLocation: sourceLocation)
            if case .source(let location)? = found.location {
                #expect(location.fileID.hasSuffix("RuleBadInputTests.swift"), sourceLocation: sourceLocation)
            }
        }
    }

    private func compileFully(_ environment: Environment = Rules.environment(), _ catalog: @escaping CatalogFunction) -> (EnvironmentOutput?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: catalog).compile(environment, diagnostics: collector)
        return (output, collector.diagnostics)
    }

    @Test func duplicateGroupNameInANamespace() {
        let second = #line + 4
        let (output, diagnostics) = compileFully { _ in
            Catalog {
                RuleGroup("api", namespace: "svc") { RecordingRule("job:a:sum", expr: "sum(a)") }
                RuleGroup("api", namespace: "svc") { RecordingRule("job:b:sum", expr: "sum(b)") }
                RuleGroup("api", namespace: "other") { RecordingRule("job:c:sum", expr: "sum(c)") }
            }
        }
        #expect(output == nil, "nothing is rendered")
        expectError(diagnostics, "duplicate rule group name 'api' in namespace 'svc'", line: second)
        #expect(diagnostics.count == 1, "the same name in another namespace is fine: \(diagnostics)")
        #expect(diagnostics.first?.related.first?.what == "first declared at")
        #expect(diagnostics.first?.related.first?.location.line == second - 1)
    }

    @Test func duplicateAlertWithTheSameLabelsInAGroup() {
        let line = #line + 5
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") {
                    AlertRule("Down", expr: "up == 0").severity(.page)
                    AlertRule("Down", expr: "up == 0").severity(.page)
                    AlertRule("Down", expr: "up < 1").severity(.page)
                    AlertRule("Down", expr: "up == 0").severity(.ticket)
                    RecordingRule("job:up:sum", expr: "sum by (job) (up)")
                    RecordingRule("job:up:sum", expr: "sum by (job) (up)")
                }
            }
        }
        // The same expression again: an error at the copy.
        expectError(diagnostics, "duplicate alert 'Down' with the same labels and expression in group 'g'", line: line)
        expectError(diagnostics, "duplicate recording rule 'job:up:sum' with the same labels and expression in group 'g'", line: line + 4)
        // Another expression under the same name and labels: Prometheus loads it, promtool lints
        // it; a warning at the second rule, pointing at the first.
        let repeated = diagnostics.filter { $0.severity == .warning }
        #expect(repeated.map(\.message) == [
            "alert 'Down' repeats with the same labels in group 'g' (Prometheus evaluates both; where both produce a series with the same labels, their ALERTS series collide; promtool lints these as duplicate rules)",
        ])
        #expect(repeated.first.flatMap(DiagnosticMatching.swiftLine) == line + 1)
        #expect(repeated.first?.related.first?.location.line == line - 1, "first declared at the first Down of the page tier")
        #expect(diagnostics.count == 3, "different labels (severity) make a different rule: \(diagnostics)")
    }

    @Test func badTestDurationsAreErrorsWhereTheyAreWritten() {
        let suiteLine = #line + 4
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") { AlertRule("A", expr: "up == 0") }
                RuleTests(namespace: "g", evaluationInterval: "1 m") {
                    AlertTest("t", interval: "1x") {
                        InputSeries("up", values: "1x10")
                        ExpectNoAlerts("A", at: "soon")
                        ExpectSamples("up", at: "later") { ExpectedSample("up", value: 1) }
                    }
                }
            }
        }
        expectError(diagnostics, "invalid evaluation interval '1 m'", line: suiteLine)
        expectError(diagnostics, "invalid interval of test 't' '1x'", line: suiteLine + 1)
        expectError(diagnostics, "invalid eval time of test 't' 'soon'", line: suiteLine + 3)
        expectError(diagnostics, "invalid eval time of test 't' 'later'", line: suiteLine + 4)
        #expect(diagnostics.count == 4, "\(diagnostics)")
    }

    @Test func recordingRuleWithForOrAnnotations() {
        let forLine = #line + 4
        let annotationLine = #line + 4
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") { RecordingRule("job:a:sum", expr: "sum(a)").for("5m") }
                RuleGroup("h") { RecordingRule("job:b:sum", expr: "sum(b)").annotation("summary", "x") }
            }
        }
        expectError(diagnostics, "recording rule 'job:a:sum' has a 'for' duration", line: forLine)
        expectError(diagnostics, "recording rule 'job:b:sum' has annotations", line: annotationLine)
    }

    @Test func emptyExpressions() {
        let alertLine = #line + 4
        let recordLine = #line + 4
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") { AlertRule("Empty", expr: "") }
                RuleGroup("h") { RecordingRule("job:a:sum", expr: "  \n ") }
            }
        }
        expectError(diagnostics, "expr of alert 'Empty' is empty", line: alertLine)
        expectError(diagnostics, "expr of recording rule 'job:a:sum' is empty", line: recordLine)
    }

    @Test func invalidMetricAndLabelNames() {
        let metricLine = #line + 6
        let labelLine = #line + 6
        let annotationLine = #line + 6
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") {
                    RecordingRule("job-http requests", expr: "sum(a)")
                    AlertRule("A", expr: "up == 0").label("team-name", "sre")
                    AlertRule("B", expr: "up == 0").annotation("runbook url", "x")
                    RecordingRule("job:b:sum", expr: "sum(b)").label("__name__", "other")
                }
            }
        }
        expectError(diagnostics, "invalid label name '__name__' on recording rule 'job:b:sum'", line: annotationLine + 1)
        expectError(diagnostics, "invalid metric name 'job-http requests'", line: metricLine)
        expectError(diagnostics, "invalid label name 'team-name' on alert 'A'", line: labelLine)
        expectError(diagnostics, "invalid annotation name 'runbook url' on alert 'B'", line: annotationLine)
    }

    @Test func unparsableTemplates() {
        let unclosed = #line + 7
        let string = #line + 7
        let ifWithoutEnd = #line + 7
        let label = #line + 7
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "up == 0").summary("{{ $labels.x")
                    AlertRule("B", expr: "up == 0").description(#"{{ printf "%.1f $value }}"#)
                    AlertRule("C", expr: "up == 0").description("{{ if $labels.x }}yes")
                    AlertRule("D", expr: "up == 0").label("instance", "{{ $labels.instance ")
                }
            }
        }
        expectError(diagnostics, "annotation 'summary' of alert 'A' is not a valid template for Prometheus 2.42: unclosed action", line: unclosed)
        expectError(diagnostics, "annotation 'description' of alert 'B' is not a valid template for Prometheus 2.42: unterminated quoted string", line: string)
        expectError(diagnostics, "annotation 'description' of alert 'C' is not a valid template for Prometheus 2.42: unexpected EOF", line: ifWithoutEnd)
        expectError(diagnostics, "label 'instance' of alert 'D' is not a valid template for Prometheus 2.42: unclosed action", line: label)
        #expect(diagnostics.count == 4, "\(diagnostics)")
    }

    /// Issue 8: templates promtool rejects for more than balance: an undefined variable, a pasted
    /// non-breaking space, a function the target's Prometheus lacks.
    @Test func templatesPromtoolRejectsAreErrorsWithPromtoolsReason() {
        let typo = #line + 7
        let pasted = #line + 7
        let function = #line + 7
        let multiLine = #line + 7
        let catalog: () -> Catalog = {
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "up == 0").summary("{{$label.instance}}")
                    AlertRule("B", expr: "up == 0").description("{{ index\u{00A0}$labels \"mountpoint\" }}")
                    AlertRule("C", expr: "up == 0").label("since", "{{ now | toDuration }}")
                    AlertRule("D", expr: "up == 0").description("Disk {{ $labels.device }}\nfull on {{ $labels.instance | tolower }}")
                    AlertRule("E", expr: "up == 0").summary("{{ with $labels.job }}{{ . }}{{ else with $labels.instance }}{{ . }}{{ end }}")
                    RecordingRule("job:a:sum", expr: "sum(a)").label("literal", "{{ not a template")
                }
            }
        }
        let (_, diagnostics) = Rules.compile(Rules.environment(), catalog)
        expectError(diagnostics, #"annotation 'summary' of alert 'A' is not a valid template for Prometheus 2.42: undefined variable "$label" (expected Go template syntax such as {{ $labels.job }}; promtool check rules rejects it)"#, line: typo)
        expectError(diagnostics, "annotation 'description' of alert 'B' is not a valid template for Prometheus 2.42: bad character U+00A0", line: pasted)
        expectError(diagnostics, #"label 'since' of alert 'C' is not a valid template for Prometheus 2.42: function "now" not defined"#, line: function)
        expectError(diagnostics, #"annotation 'description' of alert 'D' is not a valid template for Prometheus 2.42: function "tolower" not defined (line 2 of the template)"#, line: multiLine)
        expectError(diagnostics, "annotation 'summary' of alert 'E' is not a valid template for Prometheus 2.42: unexpected <with> in else", line: multiLine + 1)
        #expect(diagnostics.count == 5, "recording rules expand no templates: \(diagnostics)")
        let note = DiagnosticMatching.error(containing: "alert 'A'", in: diagnostics)?.notes
        #expect(note == [#"Go's text/template reports: template: __alert_A:1: undefined variable "$label""#])

        let (_, onV3) = Rules.compile(Rules.environment(target: .v3), catalog)
        #expect(onV3.map(\.message).map { $0.prefix(40) }.sorted() == ["annotation 'description' of alert 'B' is",
                                                                   "annotation 'description' of alert 'D' is",
                                                                   "annotation 'summary' of alert 'A' is not"],
                "3.x has now, toDuration and else with: \(onV3)")
    }

    @Test func groupLabelsAreCheckedAsTheirAlertsTemplates() {
        let line = #line + 3
        let (_, diagnostics) = Rules.compile(Rules.environment(target: .v3)) {
            Catalog {
                RuleGroup("g") { AlertRule("A", expr: "up == 0") }.label("team", "{{ $labels.team")
                RuleGroup("h") { RecordingRule("job:a:sum", expr: "sum(a)") }.label("team", "{{ $labels.team")
            }
        }
        expectError(diagnostics, "label 'team' of group 'g' is not a valid template for Prometheus 3: unclosed action (expected Go template syntax such as {{ $labels.job }}; Prometheus fails to expand it in the group's alerts)", line: line)
        #expect(diagnostics.count == 1, "\(diagnostics)")
    }

    @Test func templatesNestedBeyondTheCheckersLimitAreNamedAsSuch() {
        let depth = GoTemplate.maximumNesting + 1
        let line = #line + 2
        let (_, diagnostics) = Rules.compile {
            Catalog { RuleGroup("g") { AlertRule("A", expr: "up == 0").summary("{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}") } }
        }
        expectError(diagnostics, "annotation 'summary' of alert 'A' is too deeply nested to check as a template for Prometheus 2.42", line: line)
    }

    @Test func severityTierAndSeverityLabelTogether() {
        let line = #line + 2
        let (_, diagnostics) = Rules.compile {
            Catalog { RuleGroup("g") { AlertRule("A", expr: "up == 0").severity(.page).label("severity", "info") } }
        }
        expectError(diagnostics, "sets both a severity tier and a 'severity' label", line: line)
    }

    @Test func unparsableAndTargetRejectedPromQL() {
        let syntax = #line + 5
        let quoted = #line + 5
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "sum(rate(x[5m])")
                    RecordingRule("job:a:sum", expr: #"sum({"http.requests"})"#)
                }
            }
        }
        expectError(diagnostics, "invalid PromQL in alert 'A' for Prometheus 2.42", line: syntax)
        let notes = DiagnosticMatching.error(containing: "invalid PromQL in alert 'A'", in: diagnostics)?.notes ?? []
        #expect(notes.first == "sum(rate(x[5m])" && notes.count == 2 && notes[1].hasSuffix("^"), "the offending line with a caret: \(notes)")
        expectError(diagnostics, "quoted metric names require Prometheus 3.x", line: quoted)
        let (_, onV3) = Rules.compile(Rules.environment(target: .v3)) {
            Catalog { RuleGroup("g") { RecordingRule("job:a:sum", expr: #"sum({"http.requests"})"#) } }
        }
        #expect(onV3.isEmpty, "3.x accepts quoted names: \(onV3)")
    }

    @Test func queryOffsetAndGroupLabelsAreRejectedForTarget242() {
        let offsetLine = #line + 5
        let labelLine = #line + 5
        let (output, diagnostics) = compileFully { _ in
            Catalog {
                RuleGroup("g") { RecordingRule("job:a:sum", expr: "sum(a)") }
                    .queryOffset("1m")
                    .label("team", "sre")
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "query_offset of group 'g' needs Prometheus 3.x, but environment 'prod' targets 2.42", line: offsetLine)
        expectError(diagnostics, "labels of group 'g' need Prometheus 3.x, but environment 'prod' targets 2.42", line: labelLine)
    }

    @Test func invalidDurationsAndLimits() {
        let forLine = #line + 6
        let intervalLine = #line + 7
        let limitLine = #line + 7
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "up == 0").for("5 minutes")
                }
                .interval("1m30")
                .limit(-1)
            }
        }
        expectError(diagnostics, "invalid for of alert 'A' '5 minutes'", line: forLine)
        expectError(diagnostics, "invalid interval of group 'g' '1m30'", line: intervalLine)
        expectError(diagnostics, "limit of group 'g' is -1", line: limitLine)
    }

    @Test func unsafeNamespacesAndKubernetesNames() {
        let unsafe = #line + 3
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g", namespace: "../etc") { RecordingRule("job:a:sum", expr: "sum(a)") }
                RuleGroup("h", namespace: "Team_A") { RecordingRule("job:a:sum", expr: "sum(a)") }
            }
            .ruleOutputs(.kubernetes)
        }
        expectError(diagnostics, "rule namespace '../etc' of group 'g' cannot be a file name", line: unsafe)
        expectError(diagnostics, "rule namespace 'Team_A' cannot name a PrometheusRule", line: unsafe + 1)
    }

    @Test func badUnitTests() {
        let seriesLine = #line + 11
        let unknownAlert = #line + 11
        let missingAnnotation = #line + 12
        let sampleLine = #line + 14
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g", namespace: "svc") {
                    AlertRule("Down", expr: "up == 0").description("{{ $labels.job }} is down").runbook("https://r.example.com/Down")
                }
                RuleTests(namespace: "svc") {
                    AlertTest("t") {
                        InputSeries(#"up{job="api"}"#, values: "1+x10")
                        ExpectNoAlerts("Up", at: "5m")
                        ExpectAlerts("Down", at: "5m") {
                            ExpectedAlert(labels: ["job": "api"])
                        }
                        ExpectSamples("up", at: "5m") {
                            ExpectedSample(#"up{job="api""#, value: 1)
                        }
                    }
                }
                RuleTests(namespace: "nothing") { AlertTest("u") { ExpectNoAlerts("Down", at: "1m") } }
            }
        }
        expectError(diagnostics, #"invalid input series 'up{job="api"}' with values '1+x10'"#, line: seriesLine)
        expectError(diagnostics, "test 't' expects alert 'Up', which namespace 'svc' does not define", line: unknownAlert)
        expectError(diagnostics, "does not state annotation 'description', which is a template", line: missingAnnotation)
        expectError(diagnostics, "invalid sample labels", line: sampleLine)
        expectError(diagnostics, "rule tests for namespace 'nothing' have no rules to test", line: sampleLine + 4)
    }

    @Test func aRuleErrorLeavesTheWholeEnvironmentUnrenderedButOtherEnvironmentsRender() {
        let collector = DiagnosticCollector()
        let outputs = Compiler(catalog: { env in
            Catalog {
                RuleGroup("g") { AlertRule("A", expr: env.is(.dev) ? "up ==" : "up == 0").severity(.page) }
            }
        }).compile([Rules.environment("dev"), Rules.environment("prod")], diagnostics: collector)
        #expect(outputs.map(\.environment) == ["prod"])
        #expect(collector.errorCount == 1)
        #expect(outputs.first?.artifacts.map(\.path) == ["grafana/provisioning/dashboards.yaml", "manifest.json", "prometheus/rules/g.yaml"])
    }
}

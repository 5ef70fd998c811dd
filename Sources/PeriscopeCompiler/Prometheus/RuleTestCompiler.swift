import PeriscopeModel
import PeriscopeDSL
import PromQL

extension RuleCompiler {
    /// Validates and lowers the promtool tests; each `RuleTests` tests the rule file of its namespace.
    public func lowerTests(_ declared: [RuleTests], namespaces: [RuleFile]) -> [LoweredRuleTests] {
        var files: [LoweredRuleTests] = []
        var seen: [String: SourceLocation] = [:]
        for suite in declared {
            let tests = suite.resolved(for: environment.name)
            guard let namespace = namespaces.first(where: { $0.name == tests.namespace }) else {
                let known = namespaces.map(\.name)
                emitTestError(.error(
                    "rule tests for namespace '\(tests.namespace)' have no rules to test in environment '\(environment.name)' (expected one of: \(known.isEmpty ? "no namespace is rendered" : known.joined(separator: ", ")))",
                    at: tests.location))
                continue
            }
            if let first = seen[tests.namespace] {
                emitTestError(.error("duplicate rule tests for namespace '\(tests.namespace)' (expected one RuleTests per namespace; put every AlertTest in it)",
                                        at: tests.location, related: [.init("first declared at", .source(first))]))
                continue
            }
            seen[tests.namespace] = tests.location
            checkTestDuration(tests.evaluationInterval, "evaluation interval", at: tests.location)
            var alerts: [String: [RuleNode]] = [:]
            for group in namespace.groups {
                for rule in group.rules where rule.kind == .alert {
                    var withGroupLabels = rule
                    if !group.labels.isEmpty {
                        var merged: [String: RuleLabel] = [:]
                        for label in group.labels { merged[label.name] = label }
                        for label in rule.labels { merged[label.name] = label }
                        withGroupLabels.labels = merged.values.sorted { $0.name < $1.name }
                    }
                    alerts[rule.name.value, default: []].append(withGroupLabels)
                }
            }
            var names: [String: SourceLocation] = [:]
            var cases: [LoweredRuleTests.Case] = []
            for test in tests.tests {
                if let first = names[test.name] {
                    emitTestError(.error("duplicate test name '\(test.name)' in the tests of namespace '\(tests.namespace)' (expected names that tell failures apart)",
                                            at: test.location, related: [.init("first declared at", .source(first))]))
                }
                names[test.name] = test.location
                cases.append(lower(test, alerts: alerts, namespace: tests.namespace))
            }
            files.append(LoweredRuleTests(namespace: tests.namespace, evaluationInterval: tests.evaluationInterval?.rawValue, cases: cases, location: tests.location))
        }
        return files
    }

    /// The rule of `rules` (the alerting rules with the expected alert's name) that can fire
    /// `alert`: the one whose static labels agree with the labels the test states. When
    /// several agree and they differ in labels or annotations, the test must state a label
    /// that tells them apart (a warning/critical pair of one alert); that is reported.
    private func rule(producing alert: ExpectedAlert, of rules: [RuleNode], test: AlertTest) -> RuleNode? {
        func agrees(_ rule: RuleNode) -> Bool {
            alert.labels.allSatisfy { name, value in rule.labels.first { $0.name == name }.map { $0.value.value == value } ?? true }
        }
        let candidates = rules.filter(agrees)
        func signature(_ rule: RuleNode) -> [[String]] {
            rule.labels.map { [$0.name, $0.value.value] } + [["annotations"]] + rule.annotations.map { [$0.name, $0.value.value] }
        }
        guard let first = candidates.first else {
            let stated = alert.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            emitTestError(.error(
                "expected alert '\(rules[0].name.value)' in test '\(test.name)' has labels (\(stated)) that no rule named '\(rules[0].name.value)' carries (expected the static labels of one of its \(rules.count) rules)",
                at: alert.location))
            return nil
        }
        guard candidates.dropFirst().contains(where: { signature($0) != signature(first) }) else { return first }
        let names = Set(candidates.flatMap { $0.labels.map(\.name) }).sorted()
        let telling = names.filter { name in Set(candidates.map { rule in rule.labels.first { $0.name == name }?.value.value ?? "" }).count > 1 }
        let choices = candidates.map { rule in telling.map { name in "\(name)=\(rule.labels.first { $0.name == name }?.value.value ?? "")" }.joined(separator: ", ") }
        emitTestError(.error(
            "expected alert '\(first.name.value)' in test '\(test.name)' matches \(candidates.count) rules of that name (\(choices.joined(separator: "; "))); state the label that tells them apart, e.g. ExpectedAlert(labels: [\"\(telling.first ?? "severity")\": …])",
            at: alert.location))
        return nil
    }

    /// The environment's selector labels that the test adds to its input series and that
    /// survive `rule`'s expression (PromQL label flow: `sum by (job, env)` keeps `env`,
    /// `sum by (job)` drops it), with their values: the fired alert carries them.
    private func seriesLabels(surviving rule: RuleNode, injected: Bool) -> [String: String] {
        guard injected, !environment.prometheus.selectors.isEmpty,
              let expr = try? PromQL.parse(rule.expr.value, options: ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3))
        else { return [:] }
        let result = expr.resultLabels
        var labels: [String: String] = [:]
        for selector in environment.prometheus.selectors where result.survival(of: PromQLString(selector.name)) != .no {
            labels[selector.name] = selector.value
        }
        return labels
    }

    private func checkTestDuration(_ value: PrometheusDuration?, _ what: String, at location: SourceLocation) {
        guard let value, let problem = value.problem else { return }
        emitTestError(.error("invalid \(what) '\(value)': \(problem) (expected a Prometheus duration such as 30s, 5m or 1h30m)", at: location))
    }

    private func lower(_ test: AlertTest, alerts: [String: [RuleNode]], namespace: String) -> LoweredRuleTests.Case {
        checkTestDuration(test.interval, "interval of test '\(test.name)'", at: test.location)
        let selectors = test.injectsSelectors ? environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value) } : []
        var series: [LoweredRuleTests.Series] = []
        for input in test.series {
            do {
                _ = try SeriesDescription(parsing: input.series + " " + input.values)
            } catch {
                emitTestError(.error(
                    "invalid input series '\(input.series)' with values '\(input.values)': \(error.message) (expected promtool series notation such as metric{label=\"value\"} with values 0+10x30)",
                    at: input.location))
            }
            var text = input.series
            if !selectors.isEmpty, let injected = try? PromQL.injectingMatchers(selectors, into: input.series, options: ParseOptions(target: .v3)) {
                text = injected
            }
            series.append(.init(series: text, values: input.values))
        }
        var alertCases: [LoweredRuleTests.AlertCase] = []
        for expectation in test.alerts {
            checkTestDuration(expectation.evalTime, "eval time of test '\(test.name)'", at: expectation.location)
            guard let rules = alerts[expectation.alertname] else {
                emitTestError(.error(
                    "test '\(test.name)' expects alert '\(expectation.alertname)', which namespace '\(namespace)' does not define in environment '\(environment.name)' (expected one of: \(alerts.keys.sorted().joined(separator: ", ")))",
                    at: expectation.location))
                continue
            }
            var expected: [LoweredRuleTests.ExpectedAlert] = []
            for alert in expectation.alerts {
                guard let rule = rule(producing: alert, of: rules, test: test) else { continue }
                var labels = seriesLabels(surviving: rule, injected: test.injectsSelectors)
                for label in rule.labels { labels[label.name] = label.value.value }
                for (name, value) in alert.labels { labels[name] = value }
                var annotations: [String: String] = [:]
                for annotation in rule.annotations {
                    if let given = alert.annotations[annotation.name] {
                        annotations[annotation.name] = given
                    } else if annotation.value.value.contains("{{") {
                        emitTestError(.error(
                            "expected alert '\(rule.name.value)' in test '\(test.name)' does not state annotation '\(annotation.name)', which is a template (expected its expanded text in annotations: [\"\(annotation.name)\": …]; promtool compares every annotation)",
                            at: alert.location))
                    } else {
                        annotations[annotation.name] = annotation.value.value
                    }
                }
                for (name, value) in alert.annotations where annotations[name] == nil {
                    emitTestError(.error("expected alert '\(rule.name.value)' in test '\(test.name)' states annotation '\(name)', which the rule does not have (expected one of: \(rule.annotations.map(\.name).joined(separator: ", ")))",
                                            at: alert.location))
                    annotations[name] = value
                }
                expected.append(.init(labels: sorted(labels), annotations: sorted(annotations)))
            }
            alertCases.append(.init(evalTime: expectation.evalTime.rawValue, alertname: expectation.alertname, alerts: expected))
        }
        var expressions: [LoweredRuleTests.ExpressionCase] = []
        for expectation in test.expressions {
            checkTestDuration(expectation.evalTime, "eval time of test '\(test.name)'", at: expectation.location)
            do {
                _ = try PromQL.parse(expectation.expr, options: ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3))
            } catch {
                emitTestError(.error("invalid PromQL in expression test of '\(test.name)': \(error.description) (expected a valid expression)", at: expectation.location))
            }
            var samples: [LoweredRuleTests.ExpectedSample] = []
            for sample in expectation.samples {
                do throws(SeriesNotationError) {
                    let description = try SeriesDescription(parsing: sample.labels)
                    if !description.values.isEmpty { throw SeriesNotationError(message: "unexpected values after the labels", offset: 0) }
                } catch {
                    emitTestError(.error("invalid sample labels '\(sample.labels)' in test '\(test.name)': \(error.message) (expected metric{label=\"value\"} or {label=\"value\"})",
                                            at: sample.location))
                }
                samples.append(.init(labels: sample.labels, value: EnvironmentValues.promQLNumberText(sample.value)))
            }
            expressions.append(.init(expr: expectation.expr, evalTime: expectation.evalTime.rawValue, samples: samples))
        }
        return .init(name: test.name, interval: test.interval?.rawValue, series: series, alerts: alertCases, expressions: expressions)
    }

    /// Reports a problem of a test: `rule-duration-invalid` for a bad duration, else `rule-test-invalid`.
    private func emitTestError(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        let isDuration = diagnostic.message.contains("(expected a Prometheus duration")
        diagnostic.id = isDuration ? RuleDiagnosticID.durationInvalid : RuleDiagnosticID.testInvalid
        diagnostics.emit(diagnostic)
    }

    private func sorted(_ pairs: [String: String]) -> [LabelPair] {
        pairs.map { LabelPair($0.key, $0.value) }.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }
}

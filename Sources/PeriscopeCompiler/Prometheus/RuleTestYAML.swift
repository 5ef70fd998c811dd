import PeriscopeModel
import PeriscopeDSL

/// Writes promtool test files (rule files, PrometheusRule resources and Mimir namespace files
/// are written from the model by `RuleFileWriter`).
///
/// The same layout as rule files: two-space indentation, no line folding, durations as written.
public enum RuleYAML {
    /// A promtool unit test file whose `rule_files` entry is `ruleFile` (relative to the test file).
    public static func testFile(_ tests: LoweredRuleTests, ruleFile: String) -> String {
        var out = YAMLText()
        out.line(0, "rule_files:")
        out.keyValue(2, "-", ruleFile, separator: " ")
        if let interval = tests.evaluationInterval { out.duration(0, "evaluation_interval", interval) }
        out.line(0, "tests:")
        if tests.cases.isEmpty { out.appendToLastLine(" []") }
        for test in tests.cases {
            out.keyValue(2, "- name", test.name)
            if let interval = test.interval { out.duration(4, "interval", interval) }
            out.line(4, "input_series:")
            if test.series.isEmpty { out.appendToLastLine(" []") }
            for series in test.series {
                out.keyValue(6, "- series", series.series)
                out.keyValue(8, "values", series.values)
            }
            if !test.alerts.isEmpty {
                out.line(4, "alert_rule_test:")
                for alert in test.alerts {
                    out.duration(6, "- eval_time", alert.evalTime)
                    out.keyValue(8, "alertname", alert.alertname)
                    if alert.alerts.isEmpty {
                        out.line(8, "exp_alerts: []")
                        continue
                    }
                    out.line(8, "exp_alerts:")
                    for expected in alert.alerts {
                        out.line(10, expected.labels.isEmpty ? "- exp_labels: {}" : "- exp_labels:")
                        for label in expected.labels { out.keyValue(14, label.name, label.value) }
                        if !expected.annotations.isEmpty {
                            out.line(12, "exp_annotations:")
                            for annotation in expected.annotations { out.keyValue(14, annotation.name, annotation.value) }
                        }
                    }
                }
            }
            if !test.expressions.isEmpty {
                out.line(4, "promql_expr_test:")
                for expression in test.expressions {
                    out.keyValue(6, "- expr", expression.expr)
                    out.duration(8, "eval_time", expression.evalTime)
                    if expression.samples.isEmpty {
                        out.line(8, "exp_samples: []")
                        continue
                    }
                    out.line(8, "exp_samples:")
                    for sample in expression.samples {
                        out.keyValue(10, "- labels", sample.labels)
                        out.line(12, "value: " + sample.value)
                    }
                }
            }
        }
        return out.text
    }
}


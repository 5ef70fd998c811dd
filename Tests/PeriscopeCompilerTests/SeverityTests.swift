import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Issue 13, item 2: a severity tier becomes the `severity` label: the environment's
/// `alerting.severities` mapping when it maps the tier, else the tier's own name.
@Suite struct SeverityTests {
    @Test(arguments: [
        // (tier, the environment's mapping, the label value)
        (Severity.warning, [String: String](), "warning"),
        (.critical, [:], "critical"),
        (.page, [:], "page"),
        (.ticket, [:], "ticket"),
        (.info, [:], "info"),
        ("p2", [:], "p2"),
        (.page, ["page": "critical", "ticket": "warning"], "critical"),
        (.ticket, ["page": "critical", "ticket": "warning"], "warning"),
        (.critical, ["page": "critical"], "critical"),
        (.warning, ["warning": "minor"], "minor"),
    ])
    func tierBecomesTheSeverityLabel(tier: Severity, mapping: [String: String], expected: String) throws {
        let (artifacts, diagnostics) = Rules.compile(Rules.environment(severities: mapping)) {
            Catalog { RuleGroup("g") { AlertRule("A", expr: "up == 0").severity(tier) } }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(Rules.text(artifacts, "prometheus/rules/g.yaml"))
        #expect(text.contains("      severity: \(expected)\n"), "\(text)")
    }

    /// The usual pair: one alert at two thresholds, told apart by severity, is not a duplicate.
    @Test func warningAndCriticalPairOfOneAlert() throws {
        let (artifacts, diagnostics) = Rules.compile(Rules.environment(severities: [:])) {
            Catalog {
                RuleGroup("g") {
                    AlertRule("DiskFull", expr: "disk_used_ratio > 0.8").severity(.warning)
                    AlertRule("DiskFull", expr: "disk_used_ratio > 0.95").severity(.critical)
                }
            }
        }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(Rules.text(artifacts, "prometheus/rules/g.yaml"))
        #expect(text.contains("severity: warning") && text.contains("severity: critical"))
    }
}

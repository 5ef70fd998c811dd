import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Every rule diagnostic of the compiler carries its stable id, printed as `error: [id] message`.
@Suite struct RuleDiagnosticIDTests {
    @Test func eachMistakeHasItsID() {
        let (_, diagnostics) = Rules.compile {
            Catalog {
                RuleGroup("g", namespace: "bad/namespace") {
                    AlertRule("A", expr: "sum(").for("5x")
                    AlertRule("", expr: "up")
                    AlertRule("B", expr: "").labels(["bad-name": "x"]).summary("{{ .Oops")
                    AlertRule("C", expr: "up").severity(.page).label("severity", "high")
                    RecordingRule("bad-metric", expr: "up").for("5m")
                }
                .interval("1x")
                .queryOffset("1m")
                .limit(-1)
                RuleGroup("g", namespace: "bad/namespace") {}
                RuleGroup(" ") {}
            }
        }
        let expected: [(String, DiagnosticID)] = [
            ("cannot be a file name", RuleDiagnosticID.namespaceInvalid),
            ("duplicate rule group name 'g'", RuleDiagnosticID.groupNameDuplicate),
            ("rule group name is empty", RuleDiagnosticID.groupNameEmpty),
            ("invalid interval of group 'g'", RuleDiagnosticID.durationInvalid),
            ("limit of group 'g' is -1", RuleDiagnosticID.limitInvalid),
            ("query_offset of group 'g' needs Prometheus 3.x", RuleDiagnosticID.targetUnsupported),
            ("invalid PromQL in alert 'A'", RuleDiagnosticID.exprInvalid),
            ("invalid for of alert 'A'", RuleDiagnosticID.durationInvalid),
            ("alert name is empty", RuleDiagnosticID.nameEmpty),
            ("expr of alert 'B' is empty", RuleDiagnosticID.exprMissing),
            ("invalid label name 'bad-name'", RuleDiagnosticID.labelNameInvalid),
            ("annotation 'summary' of alert 'B' is not a valid template", RuleDiagnosticID.templateInvalid),
            ("alert 'C' sets both a severity tier and a 'severity' label", RuleDiagnosticID.severityInvalid),
            ("invalid metric name 'bad-metric'", RuleDiagnosticID.nameInvalid),
            ("recording rule 'bad-metric' has a 'for' duration", RuleDiagnosticID.fieldNotAllowed),
        ]
        for (fragment, id) in expected {
            let found = diagnostics.first { $0.message.contains(fragment) }
            #expect(found?.id == id, "\(fragment): \(found.map { $0.formatted() } ?? "missing")")
            #expect(found?.formatted().contains("error: [\(id)] ") == true)
        }
        #expect(diagnostics.allSatisfy { $0.id != nil }, "\(diagnostics.filter { $0.id == nil }.map { $0.description })")
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// For every recorded modifier whose value the compiler can reject, the error points at that
/// modifier's own line: never at another modifier's (a bad height was once reported at
/// `.width`), nor at the definition.
///
/// Each case starts from a definition that already carries every other recorded modifier, each
/// on a line of its own, then applies the bad modifier on the case's line; a check that looks up
/// the wrong key, or none, reports some other line.
@Suite struct ModifierLocationTests {
    /// One bad modifier: the error it must cause, and the line it is written on.
    struct Case: Sendable, CustomTestStringConvertible {
        let modifier: String
        let fragment: String
        let line: Int
        let catalog: @Sendable () -> Catalog

        init(_ modifier: String, _ fragment: String, line: Int, _ catalog: @escaping @Sendable () -> Catalog) {
            self.modifier = modifier
            self.fragment = fragment
            self.line = line
            self.catalog = catalog
        }

        var testDescription: String { modifier }
    }

    static let cases: [Case] = [
        // Panels
        Case("Panel.width", "has width 30", line: #line, panel { $0.width(30) }),
        Case("Panel.height", "has height 0", line: #line, panel { $0.height(0) }),
        Case("Panel.size width", "has width 25", line: #line, panel { $0.size(width: 25, height: 4) }),
        Case("Panel.size height", "has height -1", line: #line, panel { $0.size(width: 6, height: -1) }),
        Case("Panel.gridPos", "has gridPos x=20", line: #line, panel { $0.gridPos(x: 20, y: 0, w: 8, h: 4) }),
        Case("Panel.interval", "invalid interval '5 minutes'", line: #line, panel { $0.interval("5 minutes") }),
        Case("Panel.timeFrom", "invalid timeFrom 'a day'", line: #line, panel { $0.timeFrom("a day") }),
        Case("Panel.timeShift", "invalid timeShift '1 h'", line: #line, panel { $0.timeShift("1 h") }),
        Case("Panel.datasource", "datasource 'nope' is not defined", line: #line, panel { $0.datasource(.named("nope")) }),
        Case("Panel.thresholds", "increasing order", line: #line, panel { $0.thresholds([.base(.green), .step(10, .red), .step(5, .orange)]) }),
        // Dashboards
        Case("Dashboard.folder", "folder 'a/b'", line: #line, dashboard { $0.folder("a/b") }),
        Case("Dashboard.refresh", "invalid refresh interval '30 seconds'", line: #line, dashboard { $0.refresh("30 seconds") }),
        Case("Dashboard.refresh compound", "invalid refresh interval '1m30s'", line: #line, dashboard { $0.refresh("1m30s") }),
        Case("Dashboard.time", "invalid time range from 'yesterday'", line: #line, dashboard { $0.time(from: "yesterday") }),
        Case("Dashboard.defaultDatasource", "datasource 'nope' is not defined", line: #line, dashboard { $0.defaultDatasource(.named("nope")) }),
        // Alerting rules
        Case("AlertRule.for", "invalid for of alert 'A' '5 minutes'", line: #line, alert { $0.for("5 minutes") }),
        Case("AlertRule.keepFiringFor", "invalid keep_firing_for of alert 'A' 'later'", line: #line, alert { $0.keepFiringFor("later") }),
        Case("AlertRule.label", "invalid label name 'bad-name'", line: #line, alert { $0.label("bad-name", "x") }),
        Case("AlertRule.labels", "invalid label name 'also-bad'", line: #line, alert { $0.labels(["also-bad": "x"]) }),
        Case("AlertRule.label severity", "sets both a severity tier and a 'severity' label", line: #line, alert { $0.label("severity", "high") }),
        Case("AlertRule.annotation", "annotation 'note' of alert 'A' is not a valid template", line: #line, alert { $0.annotation("note", "{{ $labels.job") }),
        Case("AlertRule.summary", "annotation 'summary' of alert 'A' is not a valid template", line: #line, alert { $0.summary("{{ $value") }),
        // Recording rules
        Case("RecordingRule.for", "has a 'for' duration", line: #line, recording { $0.for("5m") }),
        Case("RecordingRule.annotation", "has annotations", line: #line, recording { $0.annotation("summary", "s") }),
        Case("RecordingRule.label", "invalid label name 'bad-name'", line: #line, recording { $0.label("bad-name", "x") }),
        // Rule groups
        Case("RuleGroup.interval", "invalid interval of group 'g' '5 minutes'", line: #line, group { $0.interval("5 minutes") }),
        Case("RuleGroup.limit", "limit of group 'g' is -1", line: #line, group { $0.limit(-1) }),
        Case("RuleGroup.queryOffset", "invalid query_offset of group 'g' 'soon'", line: #line, group { $0.queryOffset("soon") }),
        Case("RuleGroup.label", "invalid label name 'bad-name'", line: #line, group { $0.label("bad-name", "x") }),
    ]

    @Test(arguments: cases)
    func errorPointsAtTheModifiersOwnLine(_ testCase: Case) throws {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: { _ in testCase.catalog() }).compile(Self.environment, diagnostics: collector)
        #expect(output == nil)
        let found = try #require(DiagnosticMatching.error(containing: testCase.fragment, in: collector.diagnostics),
                                 "no error containing \"\(testCase.fragment)\" in:\n\(collector.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(DiagnosticMatching.swiftLine(of: found) == testCase.line, "\(found) should point at line \(testCase.line)")
        if case .source(let location)? = found.location {
            #expect(location.fileID.hasSuffix("ModifierLocationTests.swift"))
        }
    }

    @Test(arguments: [panel { $0 }, dashboard { $0 }, alert { $0 }, recording { $0 }, group { $0 }])
    func theDecoratedDefinitionsAreValid(_ catalog: @escaping @Sendable () -> Catalog) {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: { _ in catalog() }).compile(Self.environment, diagnostics: collector)
        #expect(output != nil, "the decorated definitions must be valid, or the cases prove nothing: \(collector.diagnostics)")
    }

    // MARK: Definitions carrying every recorded modifier, each on its own line

    static let environment = Environment(
        name: "prod",
        grafana: GrafanaSettings(folder: "Team", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod")]),
        prometheus: PrometheusSettings(target: .v3),
        alerting: AlertingSettings(severities: ["page": "critical"]),
        files: ["environments/prod.yaml"])

    static func decorated(_ panel: Panel) -> Panel {
        panel
            .datasource(.named("metrics"))
            .unit(.seconds)
            .thresholds([.base(.green), .step(1, .red)])
            .interval("1m")
            .timeFrom("1h")
            .timeShift("1h")
            .width(6)
            .height(4)
            .size(width: 6, height: 4)
            .gridPos(x: 0, y: 0, w: 6, h: 4)
    }

    static func panel(_ bad: @escaping @Sendable (Panel) -> Panel) -> @Sendable () -> Catalog {
        {
            Catalog {
                Dashboard("D", uid: "d") {
                    bad(decorated(Panel(type: .timeSeries, title: "p") { PrometheusQuery("up") }))
                }
            }
        }
    }

    static func dashboard(_ bad: @escaping @Sendable (Dashboard) -> Dashboard) -> @Sendable () -> Catalog {
        {
            let dashboard = Dashboard("D", uid: "d") {
                Panel(type: .timeSeries, title: "inherits the default datasource") { PrometheusQuery("up") }
            }
            .folder("Team")
            .time(from: "now-6h")
            .refresh("30s")
            .defaultDatasource(.named("metrics"))
            return Catalog { bad(dashboard) }
        }
    }

    static func alert(_ bad: @escaping @Sendable (AlertRule) -> AlertRule) -> @Sendable () -> Catalog {
        {
            let rule = AlertRule("A", expr: "up == 0")
                .for("5m")
                .keepFiringFor("1m")
                .severity(.page)
                .label("team", "x")
                .labels(["tier": "1"])
                .annotation("note", "n")
                .summary("s")
            return Catalog { RuleGroup("g") { bad(rule) } }
        }
    }

    static func recording(_ bad: @escaping @Sendable (RecordingRule) -> RecordingRule) -> @Sendable () -> Catalog {
        {
            let rule = RecordingRule("job:up:sum", expr: "sum by (job) (up)")
                .label("team", "x")
                .labels(["tier": "1"])
            return Catalog { RuleGroup("g") { bad(rule) } }
        }
    }

    static func group(_ bad: @escaping @Sendable (RuleGroup) -> RuleGroup) -> @Sendable () -> Catalog {
        {
            let group = RuleGroup("g") { RecordingRule("job:up:sum", expr: "sum by (job) (up)") }
                .interval("1m")
                .limit(10)
                .queryOffset("1m")
                .label("team", "x")
            return Catalog { bad(group) }
        }
    }
}

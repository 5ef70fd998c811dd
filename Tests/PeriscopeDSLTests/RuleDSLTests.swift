import PeriscopeDSL
import Testing

/// The rule DSL: builders, copy-returning modifiers, source locations and overlays.
@Suite struct RuleDSLTests {
    @Test func buildersAcceptIfSwitchForAndArrays() {
        let extra = [RecordingRule("job:b:sum", expr: "sum(b)"), RecordingRule("job:c:sum", expr: "sum(c)")]
        for paging in [true, false] {
            let group = RuleGroup("g") {
                RecordingRule("job:a:sum", expr: "sum(a)")
                if paging {
                    AlertRule("Page", expr: "up == 0").severity(.page)
                } else {
                    AlertRule("Ticket", expr: "up == 0").severity(.ticket)
                }
                for index in 0..<3 { AlertRule("Loop\(index)", expr: "up == \(index)") }
                switch paging {
                case true: AlertRule("Switch", expr: "vector(1)")
                case false: RecordingRule("job:switch:sum", expr: "vector(1)")
                }
                extra
            }
            let names = group.rules.map { rule -> String in
                switch rule {
                case .alert(let alert): alert.name
                case .recording(let recording): recording.record
                }
            }
            #expect(names == ["job:a:sum", paging ? "Page" : "Ticket", "Loop0", "Loop1", "Loop2", paging ? "Switch" : "job:switch:sum", "job:b:sum", "job:c:sum"])
        }
    }

    @Test func modifiersReturnModifiedCopies() {
        let base = AlertRule("A", expr: "up == 0")
        let changed = base.for("5m").keepFiringFor("10m").severity(.page).label("team", "sre").summary("s").description("d").runbook(base: "https://r.example.com/")
        #expect(base.forDuration == nil && base.labels.isEmpty && base.annotations.isEmpty && base.severity == nil)
        #expect(changed.forDuration == "5m" && changed.keepFiringFor == "10m" && changed.severity == .page)
        #expect(changed.labels == ["team": "sre"])
        #expect(changed.annotations == ["summary": "s", "description": "d", "runbook_url": "https://r.example.com/A"])
        let group = RuleGroup("g") { base }
        #expect(group.interval("1m").limit(5).queryOffset("30s").label("a", "b").namespace("ns").interval == "1m")
        #expect(group.interval == nil && group.namespace == "g", "the namespace defaults to the group name")
    }

    @Test func initializersAndModifiersCaptureTheirSourceLines() {
        let ruleLine = #line + 1
        let rule = AlertRule("A", expr: "up == 0")
            .for("5m")
            .severity(.page)
            .label("team", "sre")
            .summary("s")
        #expect(rule.location.line == ruleLine)
        #expect(rule.location.fileID.hasSuffix("RuleDSLTests.swift"))
        #expect(rule.location(of: .for).line == ruleLine + 1)
        #expect(rule.location(of: .severity).line == ruleLine + 2)
        #expect(rule.location(of: .label("team")).line == ruleLine + 3)
        #expect(rule.location(of: .annotation("summary")).line == ruleLine + 4)
        #expect(rule.location(of: .keepFiringFor).line == ruleLine, "an unset modifier falls back to the rule")

        let groupLine = #line + 1
        let group = RuleGroup("g") { RecordingRule("job:a:sum", expr: "sum(a)").annotation("x", "y") }
            .interval("1m")
            .queryOffset("1m")
        #expect(group.location.line == groupLine)
        #expect(group.rules.first?.location.line == groupLine)
        #expect(group.location(of: .interval).line == groupLine + 1)
        #expect(group.location(of: .queryOffset).line == groupLine + 2)

        let seriesLine = #line + 2
        let test = AlertTest("t") {
            InputSeries("up", values: "1x10")
            ExpectNoAlerts("A", at: "5m")
        }
        #expect(test.series.first?.location.line == seriesLine)
        #expect(test.alerts.first?.location.line == seriesLine + 1)
        #expect(test.location.line == seriesLine - 1)
    }

    @Test func overlaysAndEnablingApplyPerEnvironment() {
        let group = RuleGroup("g") {
            AlertRule("A", expr: "up == 0").severity(.ticket).in(.prod) { $0.severity(.page) }
            AlertRule("DevOnly", expr: "up == 0").enabled(false).in(.dev) { $0.enabled(true) }
            RecordingRule("job:a:sum", expr: "sum(a)").in(.staging) { $0.enabled(false) }
        }
        .interval("1m")
        .in(.dev) { $0.interval("5m") }
        func summary(_ env: EnvironmentName) -> [String] {
            let resolved = group.resolvedWithRules(for: env)
            return [resolved.interval?.rawValue ?? "-"] + resolved.rules.map { rule in
                switch rule {
                case .alert(let alert): "\(alert.name):\(alert.severity?.rawValue ?? "-")"
                case .recording(let recording): recording.record
                }
            }
        }
        #expect(summary(.prod) == ["1m", "A:page", "job:a:sum"])
        #expect(summary(.dev) == ["5m", "A:ticket", "DevOnly:-", "job:a:sum"])
        #expect(summary(.staging) == ["1m", "A:ticket"])
        let disabled = group.enabled(false).in(.prod) { $0.enabled(true) }
        #expect(disabled.resolved(for: .dev).isEnabled == false)
        #expect(disabled.resolved(for: .prod).isEnabled == true)
    }

    @Test func catalogCollectsDashboardsRuleGroupsAndTests() {
        let groups = [RuleGroup("a") { RecordingRule("job:a:sum", expr: "sum(a)") }, RuleGroup("b") { RecordingRule("job:b:sum", expr: "sum(b)") }]
        let catalog = Catalog {
            Dashboard("D", uid: "d") {}
            groups
            RuleGroup("c") { RecordingRule("job:c:sum", expr: "sum(c)") }
            RuleTests(namespace: "a") { AlertTest("t") { InputSeries("up", values: "1") } }
        }
        .ruleOutputs(.kubernetes)
        .ruleOutputs(.mimir)
        #expect(catalog.dashboards.count == 1)
        #expect(catalog.ruleGroups.map(\.name) == ["a", "b", "c"])
        #expect(catalog.ruleTests.map(\.namespace) == ["a"])
        #expect(catalog.ruleOutputs == [.kubernetes, .mimir])
        #expect(Catalog { Dashboard("D", uid: "d") {} }.ruleOutputs.isEmpty, "no optional outputs by default")
    }

    @Test func testContentIsSortedIntoSeriesAlertsAndExpressions() {
        let test = AlertTest("t", interval: "30s") {
            InputSeries("a", values: "1")
            ExpectAlerts("A", at: "1m") {
                ExpectedAlert(labels: ["job": "x"])
                ExpectedAlert(labels: ["job": "y"], annotations: ["summary": "y"])
            }
            ExpectSamples("a", at: "1m") { ExpectedSample("a", value: 1) }
            InputSeries("b", values: "2")
        }
        .injectingSelectors(false)
        #expect(test.series.map(\.series) == ["a", "b"])
        #expect(test.alerts.first?.alerts.count == 2)
        #expect(test.expressions.first?.samples.first?.value == 1)
        #expect(test.interval == "30s" && !test.injectsSelectors)
    }

    @Test func severityTiersAreStringLiterals() {
        let custom: Severity = "warn-only"
        #expect(custom.rawValue == "warn-only")
        #expect(Severity.page.rawValue == "page" && Severity.ticket.rawValue == "ticket")
    }
}

import PeriscopeDSL
import Testing

/// Issue 8, class 5: every result builder takes any sequence of any of the types it takes one at
/// a time: an array computed outside it, a lazy sequence, a `Set`, a slice, an array of the
/// content's existential, and an array literal mixing content types. This file compiling is
/// half of the test; the other half checks that nothing is lost or reordered and that each
/// value keeps the Swift line it was created on.
@Suite struct BuilderSequenceTests {
    static let names = ["a", "b", "c"]

    /// The Swift lines of values, to check that flattening keeps each value's own location.
    private func lines(_ locations: [PeriscopeDSL.SourceLocation]) -> [Int] { locations.map(\.line) }

    @Test func panelBuilderInARow() {
        let line = #line + 1
        let panels = Self.names.map { TimeSeries($0) { PrometheusQuery("up") } }
        let mixed: [any PanelConvertible] = [Stat("s") { PrometheusQuery("up") }, Gauge("g") { PrometheusQuery("up") }]
        let row = Row("R") {
            panels
            mixed
            Self.names.lazy.map { Stat($0) { PrometheusQuery("up") } }
            Set(["x"]).map { Text($0, markdown: "t") }
            panels.dropFirst(2)
            [TimeSeries("lit") { PrometheusQuery("up") }, Stat("lit2") { PrometheusQuery("up") }]
            mixed[0]
        }
        #expect(row.panels.map(\.title) == ["a", "b", "c", "s", "g", "a", "b", "c", "x", "c", "lit", "lit2", "s"])
        #expect(lines(row.panels.prefix(3).map(\.location)) == [Int](repeating: line, count: 3))
    }

    @Test func dashboardBuilderTakesPanelsAndRows() {
        let panels = Self.names.map { TimeSeries($0) { PrometheusQuery("up") } }
        let rows = Self.names.map { name in Row("row \(name)") { Stat(name) { PrometheusQuery("up") } } }
        let mixed: [any PanelConvertible] = [Stat("s") { PrometheusQuery("up") }, Panel(type: "text", title: "p")]
        let dashboard = Dashboard("D", uid: "d") {
            panels
            rows.lazy.filter { $0.title != "row b" }
            mixed
            [Stat("lit") { PrometheusQuery("up") }, Gauge("lit2") { PrometheusQuery("up") }]
            Set(["x"]).map { Text($0, markdown: "t") }
            rows[0]
        }
        let titles = dashboard.items.map { item -> String in
            switch item {
            case .panel(let panel): panel.title
            case .row(let row): "row:" + row.title
            }
        }
        #expect(titles == ["a", "b", "c", "row:row a", "row:row c", "s", "p", "lit", "lit2", "x", "row:row a"])
    }

    @Test func queryBuilder() {
        let line = #line + 1
        let prometheus = Self.names.map { PrometheusQuery("up{job=\"\($0)\"}") }
        let panel = TimeSeries("T") {
            prometheus
            Self.names.lazy.map { LokiQuery("{app=\"\($0)\"}") }
            [PrometheusQuery("a"), LokiQuery("{b=\"c\"}")]
            prometheus.suffix(1)
        }.panel
        #expect(panel.queries.count == 9)
        #expect(lines(panel.queries.prefix(3).map(\.location)) == [Int](repeating: line, count: 3))
    }

    @Test func variableBuilder() {
        let line = #line + 1
        let queries = Self.names.map { QueryVariable($0, query: "label_values(up, \($0))") }
        let mixed: [any VariableConvertible] = [CustomVariable("c", values: ["1"]), ConstantVariable("k", value: "v")]
        let dashboard = Dashboard("D", uid: "d") { Stat("s") { PrometheusQuery("up") } }
            .variables {
                queries
                mixed
                Set(["x"]).map { TextboxVariable($0) }
                [IntervalVariable("i", values: ["1m"]), CustomVariable("c2", values: ["2"])]
                queries.first!
            }
            .variables { Self.names.map { QueryVariable("q\($0)", query: "label_values(up, \($0))") } }
        #expect(dashboard.variables.map(\.name) == ["a", "b", "c", "c", "k", "x", "i", "c2", "a", "qa", "qb", "qc"])
        #expect(lines(dashboard.variables.prefix(3).map(\.location)) == [Int](repeating: line, count: 3))
    }

    @Test func fieldPropertyBuilder() {
        let properties = [FieldProperty.decimals(1), FieldProperty.hidden()]
        let panel = TimeSeries("T") { PrometheusQuery("up") }
            .override(.byName("x")) {
                properties
                properties.lazy.reversed()
                FieldProperty.unit(.percentUnit)
            }.panel
        #expect(panel.overrides.first?.properties.map(\.id) == ["decimals", "custom.hideFrom", "custom.hideFrom", "decimals", "unit"])
    }

    @Test func ruleBuilderAndCatalogBuilder() {
        let line = #line + 1
        let alerts = Self.names.map { AlertRule("Alert\($0)", expr: "up == 0") }
        let records = Self.names.lazy.map { RecordingRule("job:\($0):sum", expr: "sum(up)") }
        let group = RuleGroup("g") {
            alerts
            records
            [AlertRule("Lit", expr: "up == 0"), RecordingRule("lit:sum", expr: "sum(up)")]
            alerts.dropLast()
        }
        #expect(group.rules.count == 10)
        #expect(lines(group.rules.prefix(3).map(\.location)) == [Int](repeating: line, count: 3))

        let dashboards = Self.names.map { Dashboard($0, uid: $0) { Stat("s") { PrometheusQuery("up") } } }
        let catalog = Catalog {
            dashboards
            Self.names.lazy.map { RuleGroup("group \($0)") { AlertRule("A", expr: "up == 0") } }
            [group, group].dropFirst()
            RuleTests(namespace: "n") { AlertTest("t") { InputSeries("up", values: "1") } }
        }
        #expect(catalog.dashboards.map(\.uid) == ["a", "b", "c"])
        #expect(catalog.ruleGroups.count == 4)
        #expect(catalog.ruleTests.count == 1)
    }

    @Test func alertTestBuilders() {
        let line = #line + 1
        let series = Self.names.map { InputSeries("up{job=\"\($0)\"}", values: "1x5") }
        let expected = Self.names.map { ExpectedAlert(labels: ["job": $0]) }
        let samples = Self.names.lazy.map { ExpectedSample("up{job=\"\($0)\"}", value: 1) }
        let tests = Self.names.map { name in
            AlertTest(name) {
                series
                Set(["x"]).map { InputSeries("up{job=\"\($0)\"}", values: "1") }
                ExpectAlerts("A", at: "1m") { expected; expected.prefix(1) }
                [ExpectNoAlerts("B", at: "1m"), ExpectNoAlerts("C", at: "2m")]
                ExpectSamples("up", at: "1m") { samples }
            }
        }
        let ruleTests = RuleTests(namespace: "n") {
            tests
            tests.lazy.filter { $0.name == "a" }
        }
        #expect(ruleTests.tests.map(\.name) == ["a", "b", "c", "a"])
        let first = ruleTests.tests[0]
        #expect(first.series.count == 4)
        #expect(lines(first.series.prefix(3).map(\.location)) == [Int](repeating: line, count: 3))
        #expect(first.alerts.map(\.alertname) == ["A", "B", "C"])
        #expect(first.alerts.first?.alerts.count == 4)
        #expect(first.expressions.first?.samples.count == 3)
    }
}

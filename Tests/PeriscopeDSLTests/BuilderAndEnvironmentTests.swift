import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite("Builders, refIds, datasources and environment overlays")
struct BuilderAndEnvironmentTests {
    private func panels(@PanelBuilder _ body: () -> [Panel]) -> [Panel] { body() }

    @Test func queryBuilderSupportsIfSwitchAndFor() {
        func panel(verbose: Bool, mode: Int) -> TimeSeries {
            TimeSeries("Traffic") {
                PrometheusQuery("sum(rate(requests_total[5m]))")
                if verbose {
                    PrometheusQuery("sum(rate(errors_total[5m]))")
                }
                switch mode {
                case 0: LokiQuery(#"{app="api"}"#)
                default: PrometheusQuery("up")
                }
                for quantile in ["0.5", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(latency_bucket[5m])))")
                }
            }
        }
        let verbose = panel(verbose: true, mode: 0).panel.queries
        #expect(verbose.count == 5)
        #expect(verbose.map(\.isLoki) == [false, false, true, false, false])
        let quiet = panel(verbose: false, mode: 1).panel.queries
        #expect(quiet.count == 4)
        #expect(quiet.map(\.isLoki) == [false, false, false, false])
    }

    @Test func panelBuilderSupportsIfSwitchAndForOverTypedPanels() {
        func row(prod: Bool, kind: Int) -> [Panel] {
            panels {
                TimeSeries("Requests")
                if prod {
                    Stat("SLO")
                } else {
                    Text("Note", markdown: "dev only")
                }
                switch kind {
                case 0: Gauge("CPU")
                case 1: BarGauge("Disk")
                default: Table("Pods")
                }
                for name in ["a", "b"] {
                    Logs("Logs \(name)")
                }
                AlertList("Alerts")
            }
        }
        #expect(row(prod: true, kind: 0).map(\.type) == ["timeseries", "stat", "gauge", "logs", "logs", "alertlist"])
        #expect(row(prod: false, kind: 2).map(\.type) == ["timeseries", "text", "table", "logs", "logs", "alertlist"])
        #expect(row(prod: false, kind: 1).map(\.title) == ["Requests", "Note", "Disk", "Logs a", "Logs b", "Alerts"])
    }

    @Test func refIdsAreAssignedInOrderSkippingExplicitOnes() {
        let panel = TimeSeries("Mixed") {
            PrometheusQuery("a")
            PrometheusQuery("b").refId("A")
            PrometheusQuery("c")
            PrometheusQuery("d").refId("Z")
        }
        #expect(GrafanaLowering.refIds(for: panel.panel.queries) == ["B", "A", "C", "Z"])
        let targets = Snippet.lowering().targets(panel.panel.queries, panelDatasource: .defaultMetrics)
        #expect(targets.map { $0["refId"] } == ["B", "A", "C", "Z"])
    }

    @Test func refIdsContinuePastZLikeGrafana() {
        let queries = (0..<28).map { Query.prometheus(PrometheusQuery("q\($0)")) }
        #expect(GrafanaLowering.refIds(for: queries).suffix(3) == ["Z", "AA", "AB"])
    }

    @Test func missingPanelDatasourceIsReportedAtTheModifierLine() {
        let diagnostics = DiagnosticCollector()
        let line = #line + 2
        let panel = TimeSeries("Traffic") { PrometheusQuery("up") }
            .datasource(.named("victoria"))
        let json = Snippet.json(panel, diagnostics: diagnostics)
        #expect(json.contains(#""uid": "victoria""#))
        #expect(diagnostics.errorCount >= 1)
        let lines = diagnostics.diagnostics.compactMap { diagnostic -> Int? in
            guard case .source(let location)? = diagnostic.location else { return nil }
            return location.line
        }
        #expect(lines.first == line)
        #expect(diagnostics.diagnostics.allSatisfy { $0.message.contains("'victoria'") && $0.message.contains("metrics") })
    }

    @Test func missingQueryDatasourceIsReportedAtTheQueryLine() {
        let diagnostics = DiagnosticCollector()
        let line = #line + 2
        let panel = TimeSeries("Traffic") {
            PrometheusQuery("up").datasource(.named("thanos"))
        }
        _ = Snippet.json(panel, diagnostics: diagnostics)
        #expect(diagnostics.errorCount == 1)
        guard case .source(let location)? = diagnostics.diagnostics.first?.location else {
            Issue.record("expected a Swift source location")
            return
        }
        #expect(location.line == line)
    }

    @Test func environmentOverlayAppliesOnlyInItsEnvironment() {
        let panel = Stat("Errors") { PrometheusQuery("sum(errors_total)") }
            .thresholds([.base(.green), .step(10, .red)])
            .in(.prod) { $0.thresholds([.base(.green), .step(1, .red)]).colorMode(.background) }
        let prod = panel.panel.resolved(for: "prod")
        let staging = panel.panel.resolved(for: .staging)
        #expect(prod.fieldDefaults.thresholds?.steps.last?.value == 1)
        #expect(prod.options["colorMode"] == "background")
        #expect(prod.overlays.isEmpty)
        #expect(staging.fieldDefaults.thresholds?.steps.last?.value == 10)
        #expect(staging.options["colorMode"] == JSONValue?.none)
        #expect(staging.overlays.isEmpty)
    }

    @Test func typedModifiersFindingsCanPointAtRememberTheirLine() {
        let line = #line
        let series = TimeSeries("A").stacking(.percent).scale(.log(base: 2))
        let stat = Stat("B").reduce(.mean)
        let histogram = Histogram("C").stacking(.normal)
        let barChart = BarChart("D").stacking(.normal)
        let alerts = AlertList("E").alertInstanceLabelFilter("{team=\"a\"}")
        #expect(series.panel.modifierLocations[.stacking]?.line == line + 1)
        #expect(series.panel.modifierLocations[.scaleDistribution]?.line == line + 1)
        #expect(stat.panel.modifierLocations[.reduceOptions]?.line == line + 2)
        #expect(histogram.panel.modifierLocations[.stacking]?.line == line + 3)
        #expect(barChart.panel.modifierLocations[.stacking]?.line == line + 4)
        #expect(alerts.panel.modifierLocations[.alertInstanceLabelFilter]?.line == line + 5)
    }

    @Test func modifiersReturnCopiesAndLeaveTheOriginal() {
        let base = TimeSeries("Latency")
        let changed = base.lineWidth(3).legend(.table)
        #expect(base.panel.fieldDefaults.custom.isEmptyObject)
        #expect(base.panel.options.isEmptyObject)
        #expect(changed.panel.fieldDefaults.custom["lineWidth"] == 3)
    }

    @Test func loweringTwiceGivesTheSameBytes() {
        let panel = Heatmap("Latency") { PrometheusQuery("x").format(.heatmap) }.colorScheme("Oranges").yAxis(unit: .seconds)
        #expect(Snippet.json(panel) == Snippet.json(panel))
    }
}

extension Query {
    fileprivate var isLoki: Bool {
        if case .loki = self { return true }
        return false
    }
}

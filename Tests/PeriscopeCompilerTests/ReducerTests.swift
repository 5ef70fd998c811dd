import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Issue 14, item 4: reducers are Grafana's `ReducerID`s, percentiles included, and an id
/// Grafana does not know is an error (Grafana would ignore it silently).
@Suite struct ReducerTests {
    /// Grafana's `ReducerID` enum (`packages/grafana-data/src/transformations/fieldReducer.ts`).
    static let grafanaReducerIDs: Set<String> = Set([
        "sum", "max", "min", "logmin", "mean", "variance", "stdDev", "last", "median", "first", "count", "countAll",
        "range", "diff", "diffperc", "delta", "step", "firstNotNull", "lastNotNull", "changeCount", "distinctCount",
        "allIsZero", "allIsNull", "allValues", "uniqueValues",
    ] + (1...99).map { "p\($0)" })

    @Test func ourReducersAreGrafanasReducers() {
        #expect(ReducerCalculation.grafanaIDs == Self.grafanaReducerIDs)
        #expect(ReducerCalculation.percentile(95).rawValue == "p95")
        #expect(ReducerCalculation.standardDeviation.rawValue == "stdDev")
    }

    private func diagnostics(_ panel: some PanelConvertible) -> [Diagnostic] {
        let environment = Environment(name: "prod", grafana: GrafanaSettings(folder: "T", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "p")]))
        let collector = DiagnosticCollector()
        _ = Compiler(catalog: { _ in Catalog { Dashboard("D", uid: "d") { panel } } }).compile(environment, diagnostics: collector)
        return collector.diagnostics
    }

    @Test func percentilesAndNamedReducersRender() {
        #expect(diagnostics(Stat("S") { PrometheusQuery("up") }.reduce(.percentile(99))).isEmpty)
        #expect(diagnostics(TimeSeries("T") { PrometheusQuery("up") }.legend(.table, calcs: [.mean, .percentile(1), .percentile(50)])).isEmpty)
    }

    @Test(arguments: [0, 100, -5])
    func percentilesOutsideOneTo99AreErrorsAtTheModifier(n: Int) {
        let line = #line + 1
        let found = diagnostics(Stat("S") { PrometheusQuery("up") }.reduce(.percentile(n)))
        let error = found.first { $0.id == .panelReducerUnknown }
        #expect(error?.message.contains("unknown reducer 'p\(n)' in reduceOptions.calcs") == true, "\(found)")
        #expect(error?.location?.line == line)
    }

    @Test func unknownIdsInLegendsAreErrors() {
        let found = diagnostics(TimeSeries("T") { PrometheusQuery("up") }.legend(.table, calcs: [ReducerCalculation(rawValue: "avg")]))
        #expect(found.contains { $0.id == .panelReducerUnknown && $0.message.contains("'avg' in legend.calcs") })
    }
}

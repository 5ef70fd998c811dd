import PeriscopeDSL
@testable import PeriscopeImport
import Testing

/// Grafana's Mixed datasource: the panel says `-- Mixed --` (as a reference, or as the legacy
/// string) and each target names its own datasource; the import keeps that split, with every
/// target's datasource a logical name mapped to its uid in the environments.
@Suite("Dashboard import: Mixed datasources")
struct MixedDatasourceImportTests {
    static let json = #"""
    {"uid": "mixed", "title": "Mixed", "schemaVersion": 39,
     "panels": [
      {"id": 1, "type": "timeseries", "title": "Both", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
       "datasource": {"type": "datasource", "uid": "-- Mixed --"},
       "targets": [
         {"refId": "A", "expr": "sum(rate(http_requests_total[5m]))", "datasource": {"type": "prometheus", "uid": "prom-a"}},
         {"refId": "B", "expr": "sum(count_over_time({app=\"api\"}[5m]))", "datasource": {"type": "loki", "uid": "loki-b"}}]},
      {"id": 2, "type": "timeseries", "title": "Legacy", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
       "datasource": "-- Mixed --",
       "targets": [
         {"refId": "A", "expr": "up", "datasource": "prom-a"},
         {"refId": "B", "expr": "up", "datasource": {"type": "prometheus", "uid": "prom-c"}}]}
     ]}
    """#

    @Test("The panel is .mixed, each target keeps its own datasource, uids go to the environments")
    func mixedPanels() throws {
        let result = DashboardImporter().importDashboards([DashboardImporter.Input(path: "mixed.json", bytes: Array(Self.json.utf8))])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let text = try #require(result.sources.first?.text)
        // Both panels, the reference form and the legacy string, are Mixed.
        #expect(text.components(separatedBy: ".datasource(.mixed)").count - 1 == 2, "\(text)")
        // Every target names its datasource right after its query, in the panel's order.
        func lines(_ lines: String...) -> String { lines.map { String(repeating: " ", count: 12) + $0 }.joined(separator: "\n") }
        #expect(text.contains(lines(
            #"PrometheusQuery("sum(rate(http_requests_total[5m]))")"#, #"    .datasource(.named("promA"))"#,
            ##"LokiQuery(#"sum(count_over_time({app="api"}[5m]))"#)"##, #"    .datasource(.named("lokiB"))"#)), "\(text)")
        #expect(text.contains(lines(
            #"PrometheusQuery("up")"#, #"    .datasource(.named("promA"))"#, #"PrometheusQuery("up")"#, #"    .datasource(.named("promC"))"#)), "\(text)")
        // A legacy string names the datasource (Grafana resolves it by name, then uid): the same logical datasource as its uid.
        #expect(result.environments.datasources["promA"]?["base"] == ImportedDatasource(type: "prometheus", uid: "prom-a"))
        #expect(result.environments.datasources["promC"]?["base"] == ImportedDatasource(type: "prometheus", uid: "prom-c"))
        #expect(result.environments.datasources["lokiB"]?["base"] == ImportedDatasource(type: "loki", uid: "loki-b"))
        #expect(result.environments.datasources.count == 3, "no datasource for the Mixed pseudo-datasource itself")
    }
}

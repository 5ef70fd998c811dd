import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import PeriscopeWorkloads
import Testing

/// Every dashboard we render, validated against Grafana's published JSON schemas
/// (`../shared/grafana-schema`, see its README): the example catalog in dev, staging and prod,
/// and the W1 workload. Only the README's documented artifacts are tolerated, each by name, and
/// panel options left out for Grafana's plugin defaults; any other error fails.
///
/// The corpus dashboards of `../shared/corpus` are not validated here: they are other tools'
/// files (and Grafana's migration fixtures), which our model reads but does not write anew.
@Suite struct GrafanaSchemaConformanceTests {
    static let script = GrafanaSchemaValidator.script()
    static let available = script != nil && GrafanaSchemaValidator.jsonschemaAvailable
    static let skipReason: Comment = script == nil
        ? "../shared/grafana-schema/validate.py not found; skipping the schema conformance test"
        : "python3 cannot import jsonschema (make test-deps installs it); skipping the schema conformance test"

    static func dashboards(of outputs: [EnvironmentOutput]) -> [(name: String, bytes: [UInt8])] {
        outputs.flatMap { output in
            output.artifacts.filter { $0.kind == .grafanaDashboard }.map { ("\(output.environment)-\(($0.path as NSString).lastPathComponent)", $0.bytes) }
        }
    }

    static func check(_ report: GrafanaSchemaValidator.Report, _ what: String) {
        #expect(report.errors.isEmpty, "\(what): \(report.errors.count) schema error(s):\n\(report.errors.prefix(40).joined(separator: "\n"))")
        let unexpected = Set(report.tolerated.keys).subtracting(GrafanaSchemaValidator.toleratedClasses)
        #expect(unexpected.isEmpty, "\(what): tolerated an undocumented class: \(unexpected.sorted())")
        let tolerated = report.tolerated.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        print("""
            schema conformance, \(what): \(report.dashboards) dashboards, \(report.panels) panels, \
            \(report.options) options and \(report.customFieldConfigs) custom field configs validated; \
            \(report.errors.count) errors; tolerated: \(tolerated.isEmpty ? "none" : tolerated)
            """)
        for note in Set(report.notes.map { $0.components(separatedBy: ": ").last ?? $0 }).sorted() { print("  note: \(note)") }
    }

    @Test(.enabled(if: available, skipReason))
    func exampleCatalogDashboardsConformToGrafanasSchemas() throws {
        let dashboards = Self.dashboards(of: try ExampleCatalogGoldenTests.renderAll())
        #expect(dashboards.count == 12)
        let report = try GrafanaSchemaValidator.validate(dashboards, script: try #require(Self.script))
        #expect(report.dashboards == 12 && report.panels > 50)
        Self.check(report, "example catalog")
    }

    /// The typed options of issue 14 (item 4), each written where Grafana's panel schemas put
    /// it, with a value of the schema's type: a wrong name, place or type is a schema error.
    @Test(.enabled(if: available, skipReason))
    func typedOptionsConformToGrafanasSchemas() throws {
        let up = PrometheusQuery("up")
        let dashboard = Dashboard("Options", uid: "options") {
            TimeSeries("Series") { up }
                .barAlignment(.before).barWidthFactor(0.6).insertNulls(after: 60_000).fillBelowTo("low")
                .transform(.negativeY).axisColorMode(.series).axisBorderShow().axisWidth(60)
                .tooltipMaxSize(width: 400, height: 600)
            TimeSeries("No gaps") { up }.neverInsertNulls().transform(.constant).axisColorMode(.text)
            BarChart("Bars") { up }.xTickLabelSpacing(100).valueTextSize(12).thresholdsStyle(.line).axisBorderShow(false)
            Heatmap("Heat") { up }.cellRadius(4).selectionMode(.xy)
            StateTimeline("States") { up }.perPage(20)
            StatusHistory("History") { up }.perPage(10)
            Logs("Logs") { LokiQuery(#"{app="a"}"#) }.showLogContextToggle().syntaxHighlighting().fontSize(.small).detailsMode(.sidebar)
            Table("Table") { up }.showTypeIcons().hideColumnHeader()
        }
        let environment = Environment(name: "prod", grafana: GrafanaSettings(folder: "T", datasources: [
            "metrics": GrafanaDatasource(type: "prometheus", uid: "p"), "logs": GrafanaDatasource(type: "loki", uid: "l"),
        ]))
        let collector = DiagnosticCollector()
        let output = try #require(Compiler(catalog: { _ in Catalog { dashboard } }).compile(environment, diagnostics: collector), "\(collector.diagnostics)")
        let report = try GrafanaSchemaValidator.validate(Self.dashboards(of: [output]), script: try #require(Self.script))
        #expect(report.panels == 8)
        Self.check(report, "typed options")
    }

    @Test(.enabled(if: available, skipReason))
    func w1DashboardsConformToGrafanasSchemas() throws {
        let collector = DiagnosticCollector()
        let outputs = Compiler(catalog: { W1Catalog.catalog($0) }).compile(W1Catalog.environments(dashboards: 20), diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics.prefix(3).map(\.description))")
        let dashboards = Self.dashboards(of: outputs)
        #expect(dashboards.count == 60)
        let report = try GrafanaSchemaValidator.validate(dashboards, script: try #require(Self.script))
        #expect(report.dashboards == 60 && report.panels == 60 * 28)
        Self.check(report, "W1 workload")
    }

    /// The check itself can fail: a wrong unit type, an option name the schema does not know and
    /// an enum value it does not list are each reported with their JSON pointer.
    @Test(.enabled(if: available, skipReason))
    func theValidatorReportsWhatTheSchemasReject() throws {
        let dashboard = """
            {"annotations": {"list": []}, "schemaVersion": 42, "templating": {"list": []}, "title": "t", "uid": "u",
             "panels": [{"type": "timeseries", "title": "x", "gridPos": {"h": 8, "w": 12, "x": 0, "y": 0},
                         "fieldConfig": {"defaults": {"custom": {"lineWidth": "thick"}}, "overrides": []},
                         "options": {"legend": {"displayMode": "sideways", "placement": "bottom", "showLegend": true, "calcs": []},
                                     "colour": "red"}}]}
            """
        let report = try GrafanaSchemaValidator.validate([("bad.json", Array(dashboard.utf8))], script: try #require(Self.script))
        let pointers = report.errors.compactMap { $0.components(separatedBy: ": ").dropFirst().first }
        #expect(Set(pointers) == ["/panels/0/options/colour", "/panels/0/options/legend/displayMode", "/panels/0/fieldConfig/defaults/custom/lineWidth"],
                "\(report.errors)")
    }
}

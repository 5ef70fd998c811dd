import Foundation
import PeriscopeDSL
@testable import PeriscopeImport
import PeriscopeModel
import Testing

/// `periscope import dashboard --env`: copies of one dashboard (dev, staging, prod) imported as
/// one definition, what differs in `values:` and `.in(…) { … }` overlays (issue 12, item 3).
/// That each environment's render gives its copy back is checked by the corpus round trip
/// (`CorpusRoundTripTests`, which builds the package).
@Suite("Dashboard import with --env")
struct EnvironmentMergeTests {
    /// One copy of a dashboard; every argument is what an environment may change.
    static func copy(
        dashboard: String = "api", uid: String = "prom-dev", refresh: String = "30s", from: String = "now-6h", timezone: String? = nil,
        red: Double = 0.1, steps: String? = nil, unit: String = "percentunit", calcs: String = "lastNotNull",
        latencyRed: Double = 0.5, expr: String = "sum(rate(http_errors_total[5m]))", title: String = "Errors", extraPanel: Bool = false,
        max: Double? = nil, overrideColor: String? = nil
    ) -> String {
        let thresholds = steps ?? #"[{"color": "green", "value": null}, {"color": "red", "value": \#(red)}]"#
        let zone = timezone.map { #""timezone": "\#($0)", "# } ?? ""
        let maxMember = max.map { #", "max": \#($0)"# } ?? ""
        let overrides = overrideColor.map { #", "overrides": [{"matcher": {"id": "byName", "options": "x"}, "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "\#($0)"}}]}]"# } ?? ""
        let extra = extraPanel ? #", {"type": "stat", "title": "Extra", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}}"# : ""
        return #"""
        {"uid": "\#(dashboard)", "title": "API", "refresh": "\#(refresh)", \#(zone)"time": {"from": "\#(from)", "to": "now"},
         "panels": [
          {"type": "stat", "title": "\#(title)", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
           "datasource": {"type": "prometheus", "uid": "\#(uid)"},
           "targets": [{"refId": "A", "expr": "\#(expr)"}],
           "options": {"reduceOptions": {"calcs": ["\#(calcs)"]}},
           "fieldConfig": {"defaults": {"unit": "\#(unit)"\#(maxMember), "thresholds": {"mode": "absolute", "steps": \#(thresholds)}}\#(overrides)}}\#(extra),
          {"type": "row", "title": "Latency", "collapsed": true, "gridPos": {"x": 0, "y": 4, "w": 24, "h": 1}, "panels": [
            {"type": "timeseries", "title": "p99", "gridPos": {"x": 0, "y": 5, "w": 12, "h": 8},
             "datasource": {"type": "prometheus", "uid": "\#(uid)"},
             "targets": [{"refId": "A", "expr": "histogram_quantile(0.99, sum by (le) (rate(http_duration_seconds_bucket[5m])))"}],
             "fieldConfig": {"defaults": {"unit": "s", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": \#(latencyRed)}]}}}}
          ]}
         ]}
        """#
    }

    static func merge(_ copies: [(String, String)]) -> DashboardImporter.Result {
        DashboardImporter().importDashboards(
            copies.map { DashboardImporter.Input(path: "\($0.0).json", bytes: Array($0.1.utf8)) },
            environments: copies.map(\.0))
    }

    @Test("A threshold step that differs becomes a values: entry per environment, read where the step is written")
    func thresholdStepToValues() throws {
        let result = Self.merge([("dev", Self.copy()), ("staging", Self.copy()), ("prod", Self.copy(uid: "prom-prod", red: 0.05, latencyRed: 0.3))])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let text = try #require(result.sources.first?.text)
        // Staging did not differ: it gets the first copy's value.
        #expect(result.environments.values["apiErrorsRed"] == ["dev": .number(0.1), "staging": .number(0.1), "prod": .number(0.05)])
        #expect(result.environments.values["apiP99Red"] == ["dev": .number(0.5), "staging": .number(0.5), "prod": .number(0.3)])
        #expect(text.contains(#".thresholds([.base(.green), .step(env.values.double("apiErrorsRed"), .red)])"#), "\(text)")
        #expect(text.contains(#".thresholds([.base(.green), .step(env.values.double("apiP99Red"), .red)])"#))
        // The declarations that read `env` take it, and the dashboard passes it.
        #expect(text.contains("static func errors(_ env: Environment) -> [Panel] {"))
        #expect(text.contains("static func latency(_ env: Environment) -> Row {"))
        #expect(text.contains("            errors(env)\n            latency(env)\n"))
        #expect(!text.contains(".in("), "nothing else differs: \(text)")
        #expect(result.environments.datasources["promDev"]?["prod"] == ImportedDatasource(type: "prometheus", uid: "prom-prod"))
    }

    @Test("Dashboard settings that differ become one .in overlay per environment, typed where the DSL types them")
    func dashboardSettings() throws {
        let result = Self.merge([
            ("dev", Self.copy()), ("staging", Self.copy()),
            ("prod", Self.copy(refresh: "1m", from: "now-24h", timezone: "utc")),
        ])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let text = try #require(result.sources.first?.text)
        #expect(text.contains([
            #"        .refresh("30s")"#,
            #"        .in("prod") {"#,
            #"            $0.refresh("1m")"#,
            #"                .time(from: "now-24h")"#,
            #"                .timezone("utc")"#,
            "        }",
            "    }",
        ].joined(separator: "\n")), "\(text)")
        #expect(!text.contains(#".in("staging")"#))
        #expect(result.environments.values.isEmpty)
    }

    @Test("Panel settings that differ become .in overlays on the panel: typed modifiers, else the escape hatch")
    func panelSettings() throws {
        let result = Self.merge([("dev", Self.copy()), ("prod", Self.copy(unit: "percent", calcs: "max", max: 1.5))])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let text = try #require(result.sources.first?.text)
        #expect(text.contains([
            "        .reduce(.lastNotNull)",
            #"        .in("prod") {"#,
            #"            $0.option("reduceOptions.calcs", ["max"])"#,
            "                .unit(.percent)",
            "                .max(1.5)",
            "        }",
        ].joined(separator: "\n")), "\(text)")
    }

    @Test("Thresholds with other steps become a .thresholds overlay")
    func otherSteps() throws {
        let steps = #"[{"color": "green", "value": null}, {"color": "orange", "value": 0.05}, {"color": "red", "value": 0.1}]"#
        let result = Self.merge([("dev", Self.copy()), ("prod", Self.copy(steps: steps))])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let text = try #require(result.sources.first?.text)
        #expect(text.contains(#".in("prod") { $0.thresholds([.base(.green), .step(0.05, .orange), .step(0.1, .red)]) }"#), "\(text)")
        #expect(result.environments.values.isEmpty)
    }

    @Test("What no overlay can say is an error per difference, at the copy's member, naming the field and both environments")
    func unsupportedDifferences() throws {
        let result = Self.merge([("dev", Self.copy()), ("prod", Self.copy(expr: "sum(rate(http_errors_total[1m]))", title: "Failures"))])
        #expect(result.sources.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.formatted() }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("prod.json:3:") && $0.contains("[import-env-mismatch]")
            && $0.contains("panel 'Errors', field `title` (/panels/0/title): 'prod' (prod.json) has \"Failures\" where 'dev' (dev.json) has \"Errors\"") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("prod.json:5:") && $0.contains("field `targets.0.expr` (/panels/0/targets/0/expr)") }, "\(errors)")
    }

    @Test("Overrides that differ are an error (an overlay would have to replace them all)")
    func overrides() throws {
        let result = Self.merge([("dev", Self.copy(overrideColor: "red")), ("prod", Self.copy(overrideColor: "blue"))])
        #expect(result.sources.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.formatted() }
        #expect(errors.count == 1 && errors[0].contains("field `fieldConfig.overrides.0.properties.0.value.fixedColor`"), "\(errors)")
    }

    @Test("In an API export ({dashboard, meta}) the error is at the member inside `dashboard`")
    func exportLocation() throws {
        let prod = "{\"meta\": {},\n\"dashboard\":\n" + Self.copy(title: "Failures") + "}"
        let result = Self.merge([("dev", Self.copy()), ("prod", prod)])
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.formatted() }
        #expect(errors.count == 1 && errors[0].hasPrefix("prod.json:5:"), "\(errors)")
    }

    @Test("Another panel set is one error at the panels list")
    func otherPanels() throws {
        let result = Self.merge([("dev", Self.copy()), ("prod", Self.copy(extraPanel: true))])
        #expect(result.sources.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.formatted() }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("`panels` (/panels): 'prod' (prod.json) has 3 element(s) where 'dev' (dev.json) has 2 element(s)") == true, "\(errors)")
    }

    @Test("A setting the first copy has and another lacks is an error (an overlay cannot remove it)")
    func settingOnlyInFirst() throws {
        let result = Self.merge([("dev", Self.copy(timezone: "utc")), ("prod", Self.copy())])
        #expect(result.sources.isEmpty)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.formatted() }
        #expect(errors.first?.contains("`timezone` (/timezone): 'prod' (prod.json) has nothing where 'dev' (dev.json) has \"utc\"") == true, "\(errors)")
    }
}

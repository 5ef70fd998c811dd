import Foundation
import PeriscopeDSL
@testable import PeriscopeImport
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The dashboard importer on small inputs: the generated code (golden), literals, identifiers,
/// layout decisions, Grafana's migrations (against its own expected outputs) and bad input.
@Suite("Dashboard import")
struct DashboardImportTests {
    static func importing(_ json: String, path: String = "in/api.json", environments: [String] = []) -> DashboardImporter.Result {
        DashboardImporter().importDashboards([DashboardImporter.Input(path: path, bytes: Array(json.utf8))], environments: environments)
    }

    static let sample = #"""
    {
      "__inputs": [{"name": "DS_PROM", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus"}],
      "__requires": [{"type": "panel", "id": "timeseries"}],
      "id": 12, "version": 7, "uid": "api", "title": "API / overview 🚀", "schemaVersion": 39,
      "editable": true, "graphTooltip": 1, "tags": ["api", "red"], "time": {"from": "now-6h", "to": "now"}, "refresh": "30s",
      "links": [{"title": "Runbook", "type": "link", "url": "https://runbooks/api", "icon": "external link", "tags": [], "targetBlank": true}],
      "templating": {"list": [
        {"name": "job", "type": "query", "datasource": {"type": "prometheus", "uid": "${DS_PROM}"},
         "query": {"query": "label_values(up, job)", "refId": "A"}, "definition": "label_values(up, job)", "refresh": 2,
         "includeAll": true, "multi": true, "allValue": ".+", "current": {"text": "All", "value": "$__all"}, "options": []}
      ]},
      "panels": [
        {"id": 1, "type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
         "datasource": {"type": "prometheus", "uid": "${DS_PROM}"},
         "targets": [{"refId": "A", "expr": "sum(up{job=~\"$job\"})", "datasource": {"type": "prometheus", "uid": "${DS_PROM}"}}],
         "fieldConfig": {"defaults": {"unit": "percentunit", "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 0.05}]}}, "overrides": []},
         "options": {"colorMode": "background", "graphMode": "none", "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": false}}},
        {"id": 2, "type": "row", "title": "Traffic", "collapsed": false, "gridPos": {"x": 0, "y": 4, "w": 24, "h": 1}, "panels": []},
        {"id": 3, "type": "timeseries", "title": "Requests", "gridPos": {"x": 0, "y": 5, "w": 12, "h": 8},
         "datasource": {"type": "prometheus", "uid": "${DS_PROM}"},
         "targets": [{"refId": "A", "expr": "sum by (route) (rate(http_requests_total[$__rate_interval]))", "legendFormat": "{{route}}", "editorMode": "code", "intervalFactor": 2}],
         "fieldConfig": {"defaults": {"unit": "reqps", "custom": {"lineWidth": 2, "fillOpacity": 10, "hideFrom": {"legend": false, "tooltip": false, "viz": false}}},
                         "overrides": [{"matcher": {"id": "byName", "options": "errors"}, "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "red"}}]}]},
         "options": {"legend": {"displayMode": "table", "placement": "right", "showLegend": true, "calcs": ["mean", "max"]}, "tooltip": {"mode": "multi", "sort": "desc"}}},
        {"id": 4, "type": "graph", "title": "Legacy latency", "gridPos": {"x": 12, "y": 5, "w": 12, "h": 8}, "lines": true, "fill": 1,
         "targets": [{"refId": "B", "expr": "histogram_quantile(0.99,\n  sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"}]},
        {"id": 5, "type": "grafana-worldmap-panel", "title": "Where", "gridPos": {"x": 3, "y": 20, "w": 9, "h": 6}, "options": {"zoom": 3}}
      ]
    }
    """#

    @Test("A dashboard becomes house-style Swift (golden)")
    func golden() throws {
        let result = Self.importing(Self.sample)
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        let source = try #require(result.sources.first)
        #expect(source.fileName == "APIOverview.swift")
        #expect(source.definitions == [ImportedDefinition(kind: .dashboard, expression: "APIOverview.dashboard(env)")])
        let golden = Repository.root().appendingPathComponent("Tests/PeriscopeImportTests/__Goldens__/APIOverview.swift.txt")
        let problems = Golden.compare(source.text, with: golden)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // The export input is a logical datasource, mapped to the input's text in the environments.
        #expect(result.environments.datasources["prom"]?["base"] == ImportedDatasource(type: "prometheus", uid: "${DS_PROM}"))
        // A panel without a datasource uses Grafana's default: `metrics`, a placeholder uid.
        #expect(result.environments.datasources["metrics"]?["base"] == ImportedDatasource(type: "prometheus", uid: "prometheus"))
    }

    @Test("String literals read back as the same text", arguments: [
        ("up", #""up""#),
        (#"rate(x{job="a"}[5m])"#, ##"#"rate(x{job="a"}[5m])"#"##),
        (#"a\d+"#, ##"#"a\d+"#"##),
        (##"say "#hi"#"##, ###"##"say "#hi"#"##"###),
        ("carriage\rreturn", #""carriage\rreturn""#),
        ("two\nlines", "#\"\"\"\ntwo\nlines\n\"\"\"#"),
    ])
    func literals(text: String, expected: String) {
        #expect(SwiftLiteral.string(text) == expected)
    }

    @Test("JSON literals keep types and order")
    func jsonLiterals() {
        let value: JSONValue = ["b": 1, "a": [true, nil, 0.5, "x"], "c": [:], "d": .number("1e400")]
        #expect(SwiftLiteral.json(value) == #"["b": 1, "a": [true, nil, 0.5, "x"], "c": [:], "d": .number("1e400")]"#)
    }

    @Test("Type and member names from titles", arguments: [
        ("Node Exporter / Full", "NodeExporterFull"),
        ("5xx errors", "_5xxErrors"),
        ("🔥", "ImportedDashboard"),
        ("Table", "TableDashboard"),
        ("default", "Default"),
    ])
    func typeNames(title: String, expected: String) {
        #expect(DashboardIdentifier.typeName(title) == expected)
    }

    @Test("Duplicate titles get numbered names, case-insensitively for file names")
    func duplicates() {
        let one = #"{"uid": "a", "title": "API", "panels": []}"#
        let two = #"{"uid": "b", "title": "Api", "panels": []}"#
        let result = DashboardImporter().importDashboards([
            DashboardImporter.Input(path: "a.json", bytes: Array(one.utf8)), DashboardImporter.Input(path: "b.json", bytes: Array(two.utf8)),
        ])
        #expect(result.sources.map(\.fileName) == ["API.swift", "Api2.swift"])
    }

    @Test("Datasource names are handed out in input order across dashboards, as when generated one by one")
    func datasourceNamesAcrossDashboards() throws {
        func dashboard(_ uid: String, _ datasources: [(type: String, uid: String)]) -> DashboardImporter.Input {
            let panels = datasources.enumerated().map { index, datasource in
                #"{"type": "timeseries", "title": "P\#(index)", "datasource": {"type": "\#(datasource.type)", "uid": "\#(datasource.uid)"}, "targets": [{"refId": "A", "expr": "up"}]}"#
            }
            let json = #"{"uid": "\#(uid)", "title": "\#(uid)", "panels": [\#(panels.joined(separator: ", "))]}"#
            return DashboardImporter.Input(path: uid + ".json", bytes: Array(json.utf8))
        }
        // b names `prom_a` (loki) first: alone it would call it `promA`, but `a` took that name.
        let inputs = [
            dashboard("a", [("prometheus", "prom-a")]),
            dashboard("b", [("loki", "prom_a"), ("prometheus", "prom-a")]),
            dashboard("c", [("prometheus", "prom-a"), ("loki", "prom_a")]),
        ]
        let result = DashboardImporter().importDashboards(inputs)
        #expect(!result.hasErrors)
        let texts = result.sources.map(\.text)
        try #require(texts.count == 3)
        #expect(texts[0].contains(#".datasource(.named("promA"))"#))
        for text in texts[1...] {
            let panels = text.components(separatedBy: "TimeSeries(").dropFirst()
            let loki = panels.filter { $0.contains("LokiQuery(") }, prometheus = panels.filter { $0.contains("PrometheusQuery(") }
            #expect(loki.count == 1 && loki.allSatisfy { $0.contains(#".datasource(.named("promA2"))"#) }, "\(text)")
            #expect(prometheus.count == 1 && prometheus.allSatisfy { $0.contains(#".datasource(.named("promA"))"#) }, "\(text)")
        }
        #expect(result.environments.datasources["promA"]?["base"] == ImportedDatasource(type: "prometheus", uid: "prom-a"))
        #expect(result.environments.datasources["promA2"]?["base"] == ImportedDatasource(type: "loki", uid: "prom_a"))
        // The same inputs give the same bytes, however the cores took them.
        for _ in 0..<3 { #expect(DashboardImporter().importDashboards(inputs).sources == result.sources) }
    }

    @Test("Row and panel-group names are unique members")
    func memberNames() throws {
        let json = #"{"uid": "a", "title": "A", "panels": [{"type": "row", "title": "default", "gridPos": {"x":0,"y":0,"w":24,"h":1}}, {"type": "row", "title": "Default!", "gridPos": {"x":0,"y":1,"w":24,"h":1}}, {"type": "row", "title": "🚀", "gridPos": {"x":0,"y":2,"w":24,"h":1}}]}"#
        let text = try #require(Self.importing(json).sources.first?.text)
        #expect(text.contains("static var default_: Row"), "\(text)")
        #expect(text.contains("static var default_2: Row"), "\(text)")
        #expect(text.contains("static var row: Row"))
    }

    @Test("Positions the flow layout reproduces are left to it; others are explicit")
    func layout() throws {
        var cursor = FlowCursor()
        let stat: JSONValue = ["type": "stat", "gridPos": ["x": 0, "y": 0, "w": 6, "h": 4]]
        guard case .flow(nil, nil) = cursor.decide(stat) else { Issue.record("default stat size flows"); return }
        let wide: JSONValue = ["type": "timeseries", "gridPos": ["x": 6, "y": 0, "w": 18, "h": 9]]
        guard case .flow(18, 9) = cursor.decide(wide) else { Issue.record("a wider panel flows with its size"); return }
        let gap: JSONValue = ["type": "timeseries", "gridPos": ["x": 4, "y": 30, "w": 12, "h": 8]]
        guard case .explicit(let pos) = cursor.decide(gap) else { Issue.record("a gap needs gridPos"); return }
        #expect(pos == GridPos(x: 4, y: 30, w: 12, h: 8))
    }

    @Test("A row header at a y the flow does not give keeps it with .gridPos(y:); one the flow gives does not")
    func rowPosition() throws {
        let json = #"""
        {"uid": "rows", "title": "Rows", "panels": [
          {"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}},
          {"type": "row", "title": "Flowed", "collapsed": false, "gridPos": {"x": 0, "y": 4, "w": 24, "h": 1}, "panels": []},
          {"type": "stat", "title": "A", "gridPos": {"x": 0, "y": 5, "w": 6, "h": 4}},
          {"type": "row", "title": "Gap above", "collapsed": false, "gridPos": {"x": 0, "y": 12, "w": 24, "h": 1}, "panels": []},
          {"type": "stat", "title": "B", "gridPos": {"x": 0, "y": 13, "w": 6, "h": 4}}
        ]}
        """#
        let result = Self.importing(json)
        let text = try #require(result.sources.first?.text)
        #expect(text.contains("Row(\"Gap above\") {\n            Stat(\"B\")\n        }\n        .gridPos(y: 12)\n"), "\(text)")
        #expect(text.components(separatedBy: ".gridPos(").count == 2, "only the row the flow misplaces, and not its panel: \(text)")
    }

    // MARK: Migrations, against Grafana's expected outputs

    static let migrations = Repository.shared()?.appendingPathComponent("corpus/grafana-migrations")

    @Test("Panel types migrate as Grafana's migrations write them", .enabled(if: migrations != nil, "../shared/corpus not found; skipping Grafana's migration cases"))
    func panelTypeMigrations() throws {
        let directory = try #require(Self.migrations)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("input").path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count >= 30)
        func panels(_ list: [JSONValue]) -> [JSONValue] { list.flatMap { [$0] + panels($0["panels"]?.arrayValue ?? []) } }
        var compared = 0
        for name in names {
            let input = try #require(JSONReader().read(contentsOfFile: directory.appendingPathComponent("input/\(name)").path).document).root
            let expected = try #require(JSONReader().read(contentsOfFile: directory.appendingPathComponent("output/\(name.dropLast(5)).v43.json").path).document).root
            let legacy = (input["rows"]?.arrayValue ?? []).flatMap { $0["panels"]?.arrayValue ?? [] }
            var grafana: [Int: JSONValue] = [:]
            for panel in panels(expected["panels"]?.arrayValue ?? []) { if let id = panel["id"]?.intValue { grafana[id] = panel } }
            // The panels a row without `collapsed` holds are not migrated (see DashboardNormalizer.row).
            var held: Set<Int> = []
            for row in input["panels"]?.arrayValue ?? [] where row["collapsed"]?.boolValue == nil {
                for child in row["panels"]?.arrayValue ?? [] { if let id = child["id"]?.intValue { held.insert(id) } }
            }
            for panel in panels(input["panels"]?.arrayValue ?? []) + legacy {
                guard let id = panel["id"]?.intValue, let theirs = grafana[id] else { continue }
                // Grafana's v3 case: a `barchart` of a schemaVersion-2 dashboard is read as the
                // old graph's bars; Periscope keeps the current barchart panel.
                if panel["type"] == .string("barchart"), (input["schemaVersion"]?.intValue ?? 0) < 3 { continue }
                let ours = DashboardNormalizer().panel(panel, migrating: !held.contains(id))
                #expect(ours["type"] == theirs["type"], "\(name) panel \(id)")
                #expect(ours["autoMigrateFrom"] == theirs["autoMigrateFrom"], "\(name) panel \(id)")
                compared += 1
            }
        }
        #expect(compared >= 80)
    }

    @Test("rows[] become row panels with Grafana's gridPos", .enabled(if: migrations != nil, "../shared/corpus not found; skipping Grafana's migration cases"))
    func rowsMigration() throws {
        let directory = try #require(Self.migrations)
        let input = try #require(JSONReader().read(contentsOfFile: directory.appendingPathComponent("input/v16.grid_layout_upgrade.json").path).document).root
        let expected = try #require(JSONReader().read(contentsOfFile: directory.appendingPathComponent("output/v16.grid_layout_upgrade.v43.json").path).document).root
        let ours = DashboardNormalizer.migrateRows(input["rows"]?.arrayValue ?? [])
        func positions(_ panels: [JSONValue]) -> [String] {
            panels.map { panel in
                let pos = panel["gridPos"] ?? .null
                return "\(panel["title"]?.stringValue ?? "") \(pos["x"]?.intValue ?? -1),\(pos["y"]?.intValue ?? -1),\(pos["w"]?.intValue ?? -1),\(pos["h"]?.intValue ?? -1) \((panel["panels"]?.arrayValue ?? []).count)"
            }
        }
        #expect(positions(ours) == positions(expected["panels"]?.arrayValue ?? []))
    }

    // MARK: Bad input

    @Test("Bad input is a located error and produces nothing", arguments: [
        (#"{"title": "x", "panels": [}"#, "import-invalid-json", "1:"),
        (#"{"groups": []}"#, "import-not-a-dashboard", "1:1"),
        (#"["a"]"#, "import-not-a-dashboard", "1:1"),
        ("{\n  \"uid\": \"../../etc\",\n  \"title\": \"x\",\n  \"panels\": []\n}", "import-unsafe-uid", "2:10"),
    ])
    func badInput(json: String, id: String, position: String) throws {
        let result = Self.importing(json, path: "bad.json")
        #expect(result.sources.isEmpty)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.id?.rawValue == id)
        let text = error.formatted()
        #expect(text.hasPrefix("bad.json:" + position), "\(text)")
        #expect(text.contains("error: [\(id)]"), "\(text)")
    }

    @Test("Two dashboards with one uid are an error")
    func duplicateUID() {
        let json = #"{"uid": "a", "title": "A", "panels": []}"#
        let result = DashboardImporter().importDashboards([
            DashboardImporter.Input(path: "a.json", bytes: Array(json.utf8)), DashboardImporter.Input(path: "b.json", bytes: Array(json.utf8)),
        ])
        #expect(result.sources.isEmpty)
        #expect(result.diagnostics.contains { $0.id == DashboardImporter.IDs.duplicateUID && $0.formatted().hasPrefix("b.json:1:") })
    }

    // MARK: Environments

    @Test("--env copies: one definition, datasource uids per environment, refresh as an overlay")
    func environments() throws {
        func copy(_ uid: String, refresh: String) -> String {
            #"{"uid": "api", "title": "API", "refresh": "\#(refresh)", "panels": [{"type": "stat", "title": "Up", "gridPos": {"x":0,"y":0,"w":6,"h":4}, "datasource": {"type": "prometheus", "uid": "\#(uid)"}, "targets": [{"refId": "A", "expr": "up"}]}]}"#
        }
        let result = DashboardImporter().importDashboards([
            DashboardImporter.Input(path: "dev.json", bytes: Array(copy("prom-dev", refresh: "30s").utf8)),
            DashboardImporter.Input(path: "prod.json", bytes: Array(copy("prom-prod", refresh: "1m").utf8)),
        ], environments: ["dev", "prod"])
        #expect(!result.hasErrors, "\(result.diagnostics.map { $0.formatted() })")
        #expect(result.sources.count == 1)
        #expect(result.environments.names == ["dev", "prod"])
        #expect(result.environments.datasources["promDev"]?["dev"] == ImportedDatasource(type: "prometheus", uid: "prom-dev"))
        #expect(result.environments.datasources["promDev"]?["prod"] == ImportedDatasource(type: "prometheus", uid: "prom-prod"))
        let text = try #require(result.sources.first?.text)
        #expect(text.contains(#".in("prod") { $0.refresh("1m") }"#))
        #expect(text.contains(#".refresh("30s")"#))
    }

    @Test("--env copies that differ in a panel's title are an error at the difference")
    func environmentMismatch() throws {
        let dev = #"{"uid": "api", "title": "API", "panels": [{"type": "stat", "title": "Up"}]}"#
        let prod = #"{"uid": "api", "title": "API", "panels": [{"type": "stat", "title": "Down"}]}"#
        let result = DashboardImporter().importDashboards([
            DashboardImporter.Input(path: "dev.json", bytes: Array(dev.utf8)), DashboardImporter.Input(path: "prod.json", bytes: Array(prod.utf8)),
        ], environments: ["dev", "prod"])
        #expect(result.sources.isEmpty)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.formatted().contains("/panels/0/title"), "\(error.formatted())")
        #expect(error.formatted().hasPrefix("prod.json:1:"))
    }

    // MARK: Tables of DSL names

    @Test("The unit and colour tables name the DSL's constants")
    func constants() throws {
        let root = Repository.root()
        for (file, type, table) in [("Unit", "Unit", DSLConstants.units), ("Color", "Color", DSLConstants.colors)] {
            let text = try String(contentsOf: root.appendingPathComponent("Sources/PeriscopeDSL/FieldConfig/\(file).swift"), encoding: .utf8)
            for (id, name) in table {
                #expect(text.contains("public static let \(name): \(type) = \"\(id)\""), "\(type).\(name) = \(id)")
            }
        }
    }
}

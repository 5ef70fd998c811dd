import PeriscopeDSL
import PeriscopeModel
import Testing

/// The dashboard model read from files: every layout and datasource shape Grafana loads, the
/// location of each node, and type errors located at their value.
struct DashboardReaderTests {
    private func read(_ text: String, path: String = "d.json") throws -> DashboardReader.Result {
        let document = try #require(JSONReader().read(text, path: path).document)
        return DashboardReader().read(document)
    }

    private func position(_ location: Location?) -> String? {
        guard case .json(let json)? = location else { return nil }
        return "\(json.line):\(json.column) \(json.pointer)"
    }

    @Test func rowPanelsAndCollapsedRowsAreFlattenedWithTheirRowPath() throws {
        let text = """
            {"uid": "u", "title": "T", "schemaVersion": 39, "panels": [
              {"type": "stat", "title": "Top", "id": 1, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 4}},
              {"type": "row", "title": "Open", "collapsed": false, "id": 2, "panels": []},
              {"type": "timeseries", "title": "A", "id": 3},
              {"type": "row", "title": "Closed", "collapsed": true, "id": 4, "panels": [
                {"type": "table", "title": "B", "id": 5}
              ]},
              {"type": "text", "title": "C", "id": 6}
            ]}
            """
        let result = try read(text)
        #expect(result.diagnostics.isEmpty)
        let dashboard = result.dashboard
        #expect(dashboard.panels.map(\.identity) == [["Top"], ["Open", "A"], ["Closed", "B"], ["Closed", "C"]])
        #expect(dashboard.rows.map(\.title) == ["Open", "Closed"])
        #expect(dashboard.rows.map(\.collapsed) == [false, true])
        #expect(dashboard.panels.map { position($0.location) } == [
            "2:3 /panels/0", "4:3 /panels/2", "6:5 /panels/3/panels/0", "8:3 /panels/4",
        ])
        #expect(position(dashboard.panels[0].gridPos?.location) == "2:56 /panels/0/gridPos")
        #expect(dashboard.panels[0].gridPos == Grafana.GridPos(x: 0, y: 0, w: 24, h: 4, location: .file(FileLocation(path: ""))))
    }

    @Test func legacyRowsLayoutIsFlattenedWithRowTitles() throws {
        let text = """
            {"title": "Old", "schemaVersion": 14, "rows": [
              {"title": "Requests", "collapse": false, "panels": [{"type": "graph", "title": "QPS", "span": 6, "id": 1}]},
              {"title": "Errors", "collapse": true, "panels": [{"type": "singlestat", "title": "Rate", "span": 6, "id": 2}]}
            ]}
            """
        let dashboard = try read(text).dashboard
        #expect(dashboard.panels.map(\.identity) == [["Requests", "QPS"], ["Errors", "Rate"]])
        #expect(dashboard.panels.map(\.type) == ["graph", "singlestat"])
        #expect(dashboard.rows.map(\.isLegacy) == [true, true])
        #expect(dashboard.rows.map(\.collapsed) == [false, true])
        #expect(dashboard.panels.map(\.gridPos) == [nil, nil], "legacy panels have a span, not a gridPos")
        #expect(dashboard.panels.map(\.pointer.description) == ["/rows/0/panels/0", "/rows/1/panels/0"])
    }

    @Test(arguments: [
        (#"{"type": "prometheus", "uid": "prom"}"#, Grafana.DatasourceRef.object(type: "prometheus", uid: "prom"), false, nil as String?),
        (#""Prometheus""#, .name("Prometheus"), false, nil),
        ("null", .null, false, nil),
        (#""-- Mixed --""#, .name("-- Mixed --"), true, nil),
        (#"{"type": "datasource", "uid": "-- Mixed --"}"#, .object(type: "datasource", uid: "-- Mixed --"), true, nil),
        (#""${DS_PROMETHEUS}""#, .name("${DS_PROMETHEUS}"), false, "DS_PROMETHEUS"),
        (#"{"type": "prometheus", "uid": "$datasource"}"#, .object(type: "prometheus", uid: "$datasource"), false, "datasource"),
        (#""[[ds]]""#, .name("[[ds]]"), false, "ds"),
        (#"{"type": "prometheus", "uid": "${ds:text}"}"#, .object(type: "prometheus", uid: "${ds:text}"), false, "ds"),
    ])
    func datasourceReferencesInEveryShape(json: String, expected: Grafana.DatasourceRef, mixed: Bool, variable: String?) throws {
        let text = #"{"panels": [{"type": "timeseries", "title": "x", "datasource": \#(json), "targets": [{"refId": "A", "expr": "up", "datasource": \#(json)}]}]}"#
        let result = try read(text)
        #expect(result.diagnostics.isEmpty)
        let panel = try #require(result.dashboard.panels.first)
        #expect(panel.datasource == expected)
        #expect(panel.targets.first?.datasource == expected)
        #expect(panel.datasource?.isMixed == mixed)
        #expect(panel.datasource?.variableName == variable)
    }

    @Test func grafanaAPIShapeAndExportInputsAreRead() throws {
        let text = """
            {"meta": {"slug": "x"}, "dashboard": {
              "__inputs": [{"name": "DS_PROM", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus"}],
              "uid": "api", "title": "API", "panels": [{"type": "stat", "title": "Up", "datasource": "${DS_PROM}"}]
            }}
            """
        let dashboard = try read(text).dashboard
        #expect(dashboard.uid == "api")
        #expect(dashboard.pointer.description == "/dashboard")
        #expect(dashboard.panels.map(\.pointer.description) == ["/dashboard/panels/0"])
        #expect(dashboard.inputs.map(\.name) == ["DS_PROM"])
        #expect(dashboard.inputs.first?.pluginId == "prometheus")
        #expect(dashboard.panels.first?.datasource?.variableName == "DS_PROM")
    }

    @Test func targetsFieldConfigVariablesAnnotationsAndLinksAreTyped() throws {
        let text = """
            {"panels": [{"type": "timeseries", "title": "Latency",
              "targets": [{"refId": "A", "expr": "histogram_quantile(0.99, x)", "legendFormat": "{{route}}", "hide": false, "instant": true, "range": false, "interval": "1m", "format": "time_series"}],
              "fieldConfig": {"defaults": {"unit": "s", "decimals": 2, "min": 0, "max": 1.5, "color": {"mode": "thresholds"},
                "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 0.8}]},
                "mappings": [{"type": "value", "options": {"0": {"text": "down"}}}]},
                "overrides": [{"matcher": {"id": "byName", "options": "p99"}, "properties": [{"id": "unit", "value": "ms"}]}]}}],
             "templating": {"list": [
               {"name": "ns", "type": "query", "query": {"query": "label_values(up, namespace)", "refId": "A"}, "refresh": 2, "multi": true, "includeAll": true},
               {"name": "env", "type": "constant", "query": "prod", "hide": 2}]},
             "annotations": {"list": [
               {"name": "Annotations & Alerts", "builtIn": 1, "enable": true, "hide": true, "datasource": {"type": "grafana", "uid": "-- Grafana --"}},
               {"name": "Deploys", "expr": "changes(build_info[5m]) > 0", "datasource": "Prometheus", "enable": true},
               {"name": "New", "target": {"expr": "up == 0", "refId": "Anno"}}]},
             "links": [{"title": "Runbook", "type": "link", "url": "https://example.com"}, {"type": "dashboards", "tags": ["team"]}]}
            """
        let result = try read(text)
        #expect(result.diagnostics.isEmpty)
        let dashboard = result.dashboard
        let panel = try #require(dashboard.panels.first)
        let target = try #require(panel.targets.first)
        #expect(target.expr == "histogram_quantile(0.99, x)")
        #expect(target.legendFormat == "{{route}}")
        #expect([target.hide, target.instant, target.range] == [false, true, false])
        #expect(target.interval == "1m")
        #expect(position(target.exprLocation) == "2:38 /panels/0/targets/0/expr")
        #expect(panel.fieldConfig.unit == "s")
        #expect(panel.fieldConfig.decimals == 2)
        #expect(panel.fieldConfig.min == 0)
        #expect(panel.fieldConfig.max == 1.5)
        #expect(panel.fieldConfig.colorMode == "thresholds")
        #expect(panel.fieldConfig.thresholds?.steps.map(\.value) == [nil, 0.8])
        #expect(panel.fieldConfig.mappings.map(\.type) == ["value"])
        #expect(panel.fieldConfig.overrides.first?.matcherID == "byName")
        #expect(panel.fieldConfig.overrides.first?.properties.map(\.id) == ["unit"])
        #expect(dashboard.variables.map(\.query) == ["label_values(up, namespace)", "prod"])
        #expect(dashboard.variables.map(\.hide) == [nil, 2])
        #expect(dashboard.variables.first?.refresh == 2)
        #expect(dashboard.annotations.map(\.isBuiltIn) == [true, false, false])
        #expect(dashboard.annotations.map(\.expr) == [nil, "changes(build_info[5m]) > 0", "up == 0"])
        #expect(dashboard.links.map(\.type) == ["link", "dashboards"])
        #expect(dashboard.links.last?.tags == ["team"])
    }

    @Test(arguments: [
        (#"{"panels": {}}"#, "d.json:1:12: error: [dashboard-field-type] 'panels' must be an array, got an object"),
        (#"{"title": 5, "panels": []}"#, "d.json:1:11: error: [dashboard-field-type] 'title' must be a string, got a number"),
        ("{\"panels\": [\n  {\"type\": \"stat\", \"gridPos\": {\"x\": true, \"y\": 0, \"w\": 6, \"h\": 3}}]}", "d.json:2:37: error: [dashboard-field-type] 'x' must be an integer, got a boolean"),
        ("{\"panels\": [\n  7]}", "d.json:2:3: error: [dashboard-field-type] a panel must be an object, got a number"),
        (#"{"panels": [{"type": "stat", "targets": [{"expr": ["up"]}]}]}"#, "d.json:1:51: error: [dashboard-field-type] 'expr' must be a string, got an array"),
        (#"{"panels": [{"type": "stat", "datasource": 3}]}"#, #"d.json:1:44: error: [dashboard-field-type] 'datasource' must be a datasource reference ({"type", "uid"}, a name or null), got a number"#),
        (#"{"templating": {"list": [{"name": "x", "refresh": "sometimes"}]}}"#, "d.json:1:51: error: [dashboard-field-type] 'refresh' must be an integer, got a string"),
        ("[1, 2]", "d.json:1:1: error: [dashboard-not-a-dashboard] expected a Grafana dashboard (a JSON object with panels, title and uid), got an array"),
    ])
    func wrongTypesAreLocatedErrors(text: String, expected: String) throws {
        let result = try read(text)
        #expect(result.hasErrors)
        #expect(result.diagnostics.first.map { $0.formatted().split(separator: "\n").first.map(String.init) } == expected)
    }

    @Test func readingKeepsEveryKeyAndWritesBackTheSameData() throws {
        let text = #"{"panels": [{"type": "my-plugin-panel", "title": "P", "pluginVersion": "10.1.0", "options": {"z": 1, "a": {"deep": [1, 2.5, 12345678901234567890]}}, "x-custom": null}], "zzz": true, "__requires": [{"type": "grafana", "id": "grafana"}]}"#
        let document = try #require(JSONReader().read(text, path: "p.json").document)
        let dashboard = DashboardReader().read(document).dashboard
        #expect(dashboard.panels.first?.type == "my-plugin-panel")
        let written = JSONWriter().data(dashboard.json)
        let reread = try #require(JSONReader().read(written, path: "p.json").document)
        #expect(reread.root.isSemanticallyEqual(to: document.root))
        #expect(String(decoding: written, as: UTF8.self).contains("12345678901234567890"))
        #expect(DashboardReader().read(reread).dashboard == dashboard)
    }
}

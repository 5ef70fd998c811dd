import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Shapes written as current Grafana (schemaVersion 42) reads them without migrating (issue 14):
/// each test names the Grafana source it follows.
@Suite struct GrafanaShapeTests {
    /// `initialConstantVariableModelState` hides a constant; the schema-27 migration of
    /// `DashboardMigrator.ts` turns one saved shown into a textbox.
    @Test func constantVariableIsHiddenUnlessSetOtherwise() {
        #expect(Snippet.json(ConstantVariable("cluster", value: "eu-west-1")).contains("\"hide\": 2"))
        let shown = Snippet.json(ConstantVariable("cluster", value: "eu-west-1").hide(.label))
        #expect(shown.contains("\"hide\": 1") && !shown.contains("\"hide\": 2"))
        #expect(!Snippet.json(TextboxVariable("filter")).contains("\"hide\""))
    }

    /// The `byRefId` matcher anchors `include` as `^…$`: `(A|B)` matches exactly A or B.
    @Test func filterByQueryMatchesExactlyTheGivenRefIds() {
        func include(_ ids: [String]) -> JSONValue? { Transformation.filterByQuery(ids).options["include"] }
        #expect(include(["A"]) == "A")
        #expect(include(["A", "B"]) == "(A|B)")
        #expect(include(["A.1", "B"]) == #"(A\.1|B)"#)
    }

    /// The schema-37 migration of `DashboardMigrator.ts` normalizes a hidden legend to this.
    @Test func hiddenLegendIsShowLegendFalseInListMode() {
        for panel in [TimeSeries("a").hideLegend(), TimeSeries("b").legend(.hidden)] {
            #expect(panel.panel.options["legend"]?["showLegend"] == false)
            #expect(panel.panel.options["legend"]?["displayMode"] == "list")
        }
    }

    /// The histogram panel's schema has an integer `bucketSize`.
    @Test func histogramBucketSizeIsAnInteger() {
        #expect(Histogram("h").bucketSize(10).panel.options["bucketSize"] == .int(10))
    }

    @Test func dashboardsAreWrittenAtSchemaVersion42() {
        #expect(Dashboard("d", uid: "d") {}.schemaVersion == 42)
    }

    /// Our reader reads the old and the new shape of annotation and variable queries alike.
    @Test func readerReadsOldAndNewAnnotationAndVariableQueryShapes() throws {
        let text = """
            {"uid": "u", "title": "T", "schemaVersion": 42, "panels": [],
             "annotations": {"list": [
               {"name": "old", "datasource": {"type": "prometheus", "uid": "p"}, "expr": "up == 0", "step": "1m"},
               {"name": "new", "datasource": {"type": "prometheus", "uid": "p"}, "target": {"expr": "up == 1", "interval": "1m", "refId": "Anno"}}]},
             "templating": {"list": [
               {"name": "old", "type": "query", "query": "label_values(up, job)"},
               {"name": "new", "type": "query", "query": {"query": "label_values(up, instance)", "refId": "PrometheusVariableQueryEditor-VariableQuery"}}]}}
            """
        let document = try #require(JSONReader().read(text, path: "d.json").document)
        let result = DashboardReader().read(document)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.dashboard.annotations.map(\.expr) == ["up == 0", "up == 1"])
        #expect(result.dashboard.variables.map(\.query) == ["label_values(up, job)", "label_values(up, instance)"])
    }
}

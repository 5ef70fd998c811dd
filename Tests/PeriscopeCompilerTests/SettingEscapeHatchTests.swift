import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// `.setting(path, value)` on queries and variables: fields without a modifier, merged over the
/// typed fields (what `periscope import` uses for a target's `intervalFactor` or a variable's
/// legacy keys).
@Suite struct SettingEscapeHatchTests {
    static let prod = Environment(
        name: "prod",
        grafana: GrafanaSettings(folder: "Team", datasources: [
            "metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod"),
            "logs": GrafanaDatasource(type: "loki", uid: "loki-prod"),
        ]))

    private func render(_ dashboard: Dashboard) throws -> JSONValue {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: { _ in Catalog { dashboard } }).compile(Self.prod, diagnostics: collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        let artifact = try #require(output?.artifacts.first { $0.kind == .grafanaDashboard })
        return try #require(JSONReader().read(artifact.bytes, path: artifact.path).document).root
    }

    @Test func queriesAndVariablesWriteTheirSettings() throws {
        let dashboard = Dashboard("D", uid: "d") {
            TimeSeries("Rate") {
                PrometheusQuery("rate(x[5m])").legendFormat("{{job}}").setting("intervalFactor", 2).setting("legendFormat", "override")
                LokiQuery(#"{app="a"}"#).setting("queryType", "range").setting("extra.nested", true)
            }
        }
        .variables {
            QueryVariable("job", query: "label_values(up, job)").setting("tagValuesQuery", "x").setting("current.tags", [])
        }
        let json = try render(dashboard)
        let targets = json["panels"]?[0]?["targets"]
        guard case .array(let list)? = targets, list.count == 2 else { Issue.record("two targets"); return }
        #expect(list[0]["intervalFactor"] == .int(2))
        #expect(list[0]["legendFormat"] == .string("override"), "a setting wins over the typed field")
        #expect(list[0]["expr"] == .string("rate(x[5m])"))
        #expect(list[1]["extra"]?["nested"] == .bool(true))
        let variable = json["templating"]?["list"]?[0]
        #expect(variable?["tagValuesQuery"] == .string("x"))
        #expect(variable?["name"] == .string("job"))
    }
}

private extension JSONValue {
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

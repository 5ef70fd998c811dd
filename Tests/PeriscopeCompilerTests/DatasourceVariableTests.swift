import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Issue 13, item 4: a datasource variable starts on the environment's datasource of its type,
/// and queries refer to it as the user writes it.
@Suite struct DatasourceVariableTests {
    static func environment(_ name: EnvironmentName, _ datasources: [String: GrafanaDatasource]) -> Environment {
        Environment(name: name, grafana: GrafanaSettings(folder: "Team", datasources: datasources), files: ["environments/\(name).yaml"])
    }

    static let prod = environment(.prod, [
        "metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod"),
        "longterm": GrafanaDatasource(type: "prometheus", uid: "thanos-prod"),
        "logs": GrafanaDatasource(type: "loki", uid: "loki-prod"),
        "traces": GrafanaDatasource(type: "tempo", uid: "tempo-prod"),
    ])

    private func render(_ variables: [any VariableConvertible], in environment: Environment = prod, panelDatasource: DatasourceReference = .variable("datasource", type: "prometheus")) throws -> (Grafana.Dashboard, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let dashboard = Dashboard("D", uid: "d") { Stat("s") { PrometheusQuery("up") }.datasource(panelDatasource) }.variables { variables }
        let output = Compiler(catalog: { _ in Catalog { dashboard } }).compile(environment, diagnostics: collector)
        let artifact = try #require(output?.artifacts.first { $0.kind == .grafanaDashboard }, "\(collector.diagnostics)")
        let document = try #require(JSONReader().read(artifact.bytes, path: artifact.path).document)
        return (DashboardReader().read(document).dashboard, collector.diagnostics)
    }

    private func current(_ variable: Grafana.Variable?) -> String? { variable?.current?["value"]?.stringValue }

    /// (plugin type, the environment's datasources, the uid it starts on)
    @Test(arguments: [
        ("prometheus", "prom-prod"),   // the logical default `metrics`, of several prometheus datasources
        ("loki", "loki-prod"),         // the logical default `logs`
        ("tempo", "tempo-prod"),       // the only datasource of that type
        ("elasticsearch", ""),         // none of that type: empty, Grafana picks
    ] as [(String, String?)])
    func startsOnTheEnvironmentsDatasourceOfItsType(type: String, expected: String?) throws {
        let (dashboard, diagnostics) = try render([DatasourceVariable("ds", pluginType: type)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(current(dashboard.variables.first) == expected)
    }

    @Test func followsTheEnvironment() throws {
        let dev = Self.environment(.dev, ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-dev")])
        let (dashboard, _) = try render([DatasourceVariable("datasource", pluginType: "prometheus")], in: dev)
        #expect(current(dashboard.variables.first) == "prom-dev")
    }

    @Test func severalWithoutALogicalDefaultLeaveItToGrafana() throws {
        let two = Self.environment(.prod, ["a": GrafanaDatasource(type: "prometheus", uid: "a"), "b": GrafanaDatasource(type: "prometheus", uid: "b")])
        let (dashboard, _) = try render([DatasourceVariable("datasource", pluginType: "prometheus")], in: two, panelDatasource: .named("a"))
        // `current` is written all the same (older scenes code reads it unconditionally), empty.
        #expect(current(dashboard.variables.first) == "")
    }

    @Test func explicitChoices() throws {
        let (dashboard, _) = try render([
            DatasourceVariable("long", pluginType: "prometheus").current(.named("longterm")),
            DatasourceVariable("fixed", pluginType: "prometheus").current("by-hand"),
        ])
        #expect(dashboard.variables.map(current) == ["thanos-prod", "by-hand"])
    }

    @Test func anUndefinedLogicalChoiceIsAnError() {
        let collector = DiagnosticCollector()
        let dashboard = Dashboard("D", uid: "d") { Stat("s") { PrometheusQuery("up") } }
            .variables { DatasourceVariable("ds", pluginType: "prometheus").current(.named("nope")) }
        _ = Compiler(catalog: { _ in Catalog { dashboard } }).compile(Self.prod, diagnostics: collector)
        #expect(collector.diagnostics.contains { $0.id == .datasourceUndefined && $0.message.contains("'nope'") })
    }

    @Test(arguments: [("datasource", "${datasource}"), ("$datasource", "$datasource"), ("${datasource}", "${datasource}")])
    func queriesReferToTheVariableAsWritten(written: String, uid: String) throws {
        let (dashboard, _) = try render([DatasourceVariable("datasource", pluginType: "prometheus")], panelDatasource: .variable(written, type: "prometheus"))
        #expect(dashboard.panels.first?.datasource?.identifier == uid)
        #expect(dashboard.panels.first?.targets.first?.datasource?.identifier == uid)
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// The compiler's model stage: each dashboard node carries the Swift line it was lowered from,
/// panels are flattened with their row path, and rendering writes exactly the model's JSON.
@Suite struct CompiledModelTests {
    static let environment = Environment(
        name: .prod,
        grafana: GrafanaSettings(folder: "Team", refresh: "1m", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod")]))

    // The line numbers below are asserted: keep the declarations where they are.
    static let catalog: CatalogFunction = { _ in
        Catalog {
            Dashboard("API", uid: "api") {                                    // line 16
                Panel(type: "stat", title: "Up") {                             // line 17
                    PrometheusQuery("up")                                      // line 18
                }
                Row("Traffic") {                                               // line 20
                    Panel(type: "timeseries", title: "Requests") {             // line 21
                        PrometheusQuery("sum(rate(http_requests_total[5m]))")  // line 22
                        PrometheusQuery("sum(rate(http_errors_total[5m]))")    // line 23
                    }
                }
                Row("Saturation") {                                            // line 26
                    Panel(type: "timeseries", title: "CPU") {                  // line 27
                        PrometheusQuery("sum(rate(process_cpu_seconds_total[5m]))")
                    }
                }
                .collapsed()
            }
            .variables {
                CustomVariable("region", values: ["eu", "us"])                 // line 34
            }
        }
    }

    private func model() throws -> LoweredDashboard {
        let collector = DiagnosticCollector()
        let models = Compiler(catalog: Self.catalog).models([Self.environment], diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        return try #require(models.first?.dashboards.first)
    }

    private func line(_ location: Location?) -> Int? {
        guard case .source(let source)? = location else { return nil }
        #expect(source.fileID == "PeriscopeCompilerTests/CompiledModelTests.swift")
        return source.line
    }

    @Test func nodesCarryTheSwiftLinesTheyWereDeclaredOn() throws {
        let dashboard = try model().model
        #expect(line(dashboard.location) == 16)
        #expect(dashboard.panels.map(\.title) == ["Up", "Requests", "CPU"])
        #expect(dashboard.panels.map { line($0.location) } == [17, 21, 27])
        #expect(dashboard.panels[1].targets.map { line($0.location) } == [22, 23])
        #expect(dashboard.panels[1].targets.map { line($0.exprLocation) } == [22, 23])
        #expect(dashboard.rows.map { line($0.location) } == [20, 26])
        #expect(dashboard.variables.map { line($0.location) } == [34])
        // Sub-nodes without a definition of their own point at their panel.
        #expect(line(dashboard.panels[0].gridPos?.location) == 17)
        #expect(line(dashboard.panels[0].fieldConfig.location) == 17)
    }

    @Test func panelsAreFlattenedWithTheirRowPathAndPointer() throws {
        let dashboard = try model().model
        #expect(dashboard.panels.map(\.rowPath) == [[], ["Traffic"], ["Saturation"]])
        #expect(dashboard.panels.map(\.identity) == [["Up"], ["Traffic", "Requests"], ["Saturation", "CPU"]])
        // The collapsed row keeps its panel nested in the row's own `panels`.
        #expect(dashboard.panels.map(\.pointer.description) == ["/panels/0", "/panels/2", "/panels/3/panels/0"])
        #expect(dashboard.rows.map(\.collapsed) == [false, true])
        #expect(dashboard.panels[1].targets.map(\.refId) == ["A", "B"])
        #expect(dashboard.panels[1].targets[0].datasource == .object(type: "prometheus", uid: "prom-prod"))
        #expect(dashboard.panels[0].gridPos.map { [$0.x, $0.y, $0.w, $0.h] } != nil)
        #expect(dashboard.variables.map(\.name) == ["region"])
    }

    @Test func renderWritesTheModelsJSON() throws {
        let collector = DiagnosticCollector()
        let compiler = Compiler(catalog: Self.catalog)
        let models = compiler.models([Self.environment], diagnostics: collector)
        let output = try #require(compiler.render(models, diagnostics: collector).first)
        let file = try #require(output.artifacts.first { $0.kind == .grafanaDashboard })
        #expect(file.bytes == JSONWriter().data(models[0].dashboards[0].model.json))
        #expect(output == compiler.compile(Self.environment, diagnostics: DiagnosticCollector()))
    }

    @Test func anEscapeHatchOfTheWrongTypeIsReportedAtTheDashboardsLine() throws {
        let catalog: CatalogFunction = { _ in
            Catalog {
                Dashboard("Bad", uid: "bad") {
                    Panel(type: "stat", title: "Up") { PrometheusQuery("up") }
                }
                .setting("tags", "not-a-list")
            }
        }
        let collector = DiagnosticCollector()
        _ = Compiler(catalog: catalog).models([Self.environment], diagnostics: collector)
        let problem = try #require(collector.diagnostics.first { $0.id == DashboardReader.fieldTypeID })
        #expect(problem.message == "'tags' must be an array, got a string")
        #expect(line(problem.location) == 92, "the dashboard's line: settings record no location of their own")
    }
}

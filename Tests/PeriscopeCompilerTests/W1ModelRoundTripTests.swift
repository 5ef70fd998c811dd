import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeWorkloads
import Testing

/// Workload W1 (`../shared/bench/WORKLOADS.md`, the catalog the bench renders): every dashboard's
/// model, written and read back from its file, is equal to the model that wrote it, with the
/// same panels, targets and row paths, and file locations instead of Swift ones.
@Suite struct W1ModelRoundTripTests {
    @Test func w1DashboardsReadBackIntoEqualModels() throws {
        let environments = W1Catalog.environments(dashboards: 200)
        let collector = DiagnosticCollector()
        let compiler = Compiler(catalog: { W1Catalog.catalog($0) })
        let models = compiler.models(environments, diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics.prefix(3).map(\.description))")
        #expect(models.map(\.dashboards.count) == [200, 200, 200])
        let outputs = compiler.render(models, diagnostics: collector)
        var panels = 0, targets = 0
        for (model, output) in zip(models, outputs) {
            let files = output.artifacts.filter { $0.kind == .grafanaDashboard }
            #expect(files.count == model.dashboards.count)
            for (lowered, file) in zip(model.dashboards, files) {
                let document = try #require(JSONReader().read(file.bytes, path: file.path).document)
                let read = DashboardReader().read(document)
                #expect(read.diagnostics.isEmpty)
                let compiled = lowered.model
                #expect(read.dashboard == compiled, "\(file.path)")
                #expect(read.dashboard.panels.map(\.identity) == compiled.panels.map(\.identity))
                #expect(read.dashboard.panels.map(\.pointer) == compiled.panels.map(\.pointer))
                #expect(read.dashboard.panels.flatMap(\.targets).map(\.expr) == compiled.panels.flatMap(\.targets).map(\.expr))
                if case .source? = compiled.panels.first?.location {} else { Issue.record("compiled panels carry Swift locations") }
                if case .json(let location)? = read.dashboard.panels.first?.location {
                    #expect(location.path == file.path && location.line > 0)
                } else {
                    Issue.record("read panels carry file locations")
                }
                panels += compiled.panels.count
                targets += compiled.panels.reduce(0) { $0 + $1.targets.count }
            }
        }
        #expect(panels == 600 * 24 && targets == 24_000)
    }
}

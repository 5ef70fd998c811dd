import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeExamples
import PeriscopeTestSupport
import Testing

/// The whole built-in catalog rendered for dev, staging and prod, compared byte for byte with
/// `__Goldens__/`. Re-record with `RECORD_SNAPSHOTS=1 swift test --filter ExampleCatalog` (the
/// recording run fails on purpose; run again to see it pass).
@Suite struct ExampleCatalogGoldenTests {
    static let root = Repository.root()

    static func renderAll() throws -> [EnvironmentOutput] {
        let loader = EnvironmentLoader(directory: root.appendingPathComponent("environments").path)
        let collector = DiagnosticCollector()
        let environments = loader.loadAll(try loader.defaultNames(), diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        let outputs = Compiler(catalog: { ExampleCatalog.catalog($0) }).compile(environments, diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        return outputs
    }

    @Test func rendersTheThreeEnvironmentsExactlyAsTheGoldens() throws {
        let outputs = try Self.renderAll()
        #expect(outputs.map(\.environment) == ["dev", "prod", "staging"])
        let problems = Golden.compare(outputs, with: Self.root.appendingPathComponent("Tests/PeriscopeExamplesTests/__Goldens__"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// The two stages on their own (`models`, then `render`) give the same files as `compile`,
    /// and the models carry the Swift lines of the rules and dashboards.
    @Test func modelsThenRenderGiveTheSameFilesAsCompile() throws {
        let loader = EnvironmentLoader(directory: Self.root.appendingPathComponent("environments").path)
        let collector = DiagnosticCollector()
        let environments = loader.loadAll(try loader.defaultNames(), diagnostics: collector)
        let compiler = Compiler(catalog: { ExampleCatalog.catalog($0) })
        let models = compiler.models(environments, diagnostics: collector)
        let outputs = compiler.render(models, diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        #expect(outputs == (try Self.renderAll()))
        for model in models {
            #expect(!model.rules.files.isEmpty && !model.dashboards.isEmpty)
            for rule in model.rules.files.flatMap(\.groups).flatMap(\.rules) {
                guard case .source(let source)? = rule.location else {
                    Issue.record("rule \(rule.name.value) has no Swift location")
                    continue
                }
                #expect(source.fileID.hasPrefix("PeriscopeExamples/"))
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        let first = try Self.renderAll()
        let second = try Self.renderAll()
        #expect(first == second)
    }

    @Test func environmentsDifferInDatasourcePrefixFolderRefreshThresholdAndEnvLabel() throws {
        let outputs = try Self.renderAll()
        func dashboard(_ env: String, _ uid: String) throws -> [String: Any] {
            let output = try #require(outputs.first { $0.environment == env })
            let artifact = try #require(output.artifacts.first { $0.path.hasSuffix("/\(uid).json") })
            return try #require(try JSONSerialization.jsonObject(with: Data(artifact.bytes)) as? [String: Any])
        }
        let dev = try dashboard("dev", "dev-go-runtime")
        let prod = try dashboard("prod", "go-runtime")
        #expect(dev["refresh"] as? String == "1m")
        #expect(prod["refresh"] as? String == "30s")
        let devText = String(decoding: try JSONSerialization.data(withJSONObject: dev), as: UTF8.self)
        let prodText = String(decoding: try JSONSerialization.data(withJSONObject: prod), as: UTF8.self)
        #expect(devText.contains("prom-dev") && !devText.contains("prom-prod"))
        #expect(prodText.contains("prom-prod") && !prodText.contains("prom-dev"))
        #expect(devText.contains(#"env=\\\"dev\\\""#) || devText.contains(#"env=\"dev\""#))
        let devOutput = try #require(outputs.first { $0.environment == "dev" })
        #expect(devOutput.artifacts.contains { $0.path == "grafana/dashboards/Periscope Examples (dev)/dev-go-runtime.json" })
        // The goroutine threshold comes from values: 2000 in dev, 1000 in prod.
        func goroutineThreshold(_ doc: [String: Any]) -> Double? {
            let panels = doc["panels"] as? [[String: Any]] ?? []
            let goroutines = panels.first { $0["title"] as? String == "Goroutines" }
            let steps = ((goroutines?["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])?["thresholds"] as? [String: Any]
            return ((steps?["steps"] as? [[String: Any]])?.last?["value"] as? NSNumber)?.doubleValue
        }
        #expect(goroutineThreshold(dev) == 2000)
        #expect(goroutineThreshold(prod) == 1000)
    }

    @Test func theGalleryUsesEveryPanelType() throws {
        let outputs = try Self.renderAll()
        let prod = try #require(outputs.first { $0.environment == "prod" })
        let gallery = try #require(prod.artifacts.first { $0.path.hasSuffix("panel-gallery.json") })
        let text = String(decoding: gallery.bytes, as: UTF8.self)
        for type in ["timeseries", "stat", "gauge", "bargauge", "table", "heatmap", "text", "logs", "piechart", "barchart", "histogram", "state-timeline", "status-history", "alertlist"] {
            #expect(text.contains("\"type\": \"\(type)\""), "gallery lacks a \(type) panel")
        }
    }
}

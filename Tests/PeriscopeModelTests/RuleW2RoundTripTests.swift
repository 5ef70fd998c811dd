import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeWorkloads
import Testing

/// Workload W2 (`../shared/bench/WORKLOADS.md`, the `PeriscopeWorkloads` catalog the bench renders): compiled into the model, rendered, read back: the models are equal but for
/// locations, and the rendered bytes are the writer's fixpoint.
@Suite struct RuleW2RoundTripTests {
    @Test(arguments: [("dev", "0.2", "2"), ("staging", "0.1", "1"), ("prod", "0.05", "0.5")])
    func w2RulesReadBackIntoEqualModels(env: String, errorThreshold: String, latencyThreshold: String) throws {
        let environment = Environment(
            name: EnvironmentName(env), prometheus: PrometheusSettings(target: .v2_42),
            alerting: AlertingSettings(severities: ["page": "critical", "ticket": "warning"]))
        let groups = (0..<500).map { W2Catalog.group($0, env: env, errorThreshold: errorThreshold, latencyThreshold: latencyThreshold) }
        let collector = DiagnosticCollector()
        let files = RuleCompiler(environment: environment, diagnostics: collector).lower(groups)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics.prefix(3).map(\.description))")
        let compiled = try #require(files.first)
        #expect(files.count == 1 && compiled.groups.count == 500 && compiled.groups.flatMap(\.rules).count == 4000)
        if case .source? = compiled.groups[0].rules[0].location {} else { Issue.record("compiled rules carry Swift source locations") }

        let bytes = RuleFileWriter.bytes(compiled)
        let read = RuleFileReader(path: "\(env).rules.yml").read(bytes)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.prefix(3).map(\.description))")
        #expect(withoutLocations(read.file) == withoutLocations(compiled))
        #expect(RuleFileWriter.bytes(read.file) == bytes)
        let rule = try #require(read.file.groups.last?.rules.last)
        #expect(rule.name.value == "PodCrashLooping")
        if case .file(let location)? = rule.location {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.lastIndex { $0.hasSuffix("- alert: PodCrashLooping") }) + 1
            #expect(location.path == "\(env).rules.yml" && location.line == line && location.column == 9)
        } else {
            Issue.record("read rules carry file locations")
        }
    }

    /// The compiler's PrometheusRule and Mimir outputs read back as their shapes, with the same groups.
    @Test func compiledResourceAndMimirFilesReadBack() throws {
        let environment = Environment(name: "prod", prometheus: PrometheusSettings(target: .v2_42),
                                      alerting: AlertingSettings(severities: ["page": "critical", "ticket": "warning"]))
        let collector = DiagnosticCollector()
        let catalog = Catalog {
            for index in 0..<3 { W2Catalog.group(index, env: "prod", errorThreshold: "0.05", latencyThreshold: "0.5") }
        }
        .ruleOutputs([.kubernetes, .mimir])
        let artifacts = RuleCompiler(environment: environment, diagnostics: collector).artifacts(for: catalog)
        #expect(collector.diagnostics.isEmpty)
        let compiled = RuleCompiler(environment: environment, diagnostics: DiagnosticCollector()).lower(catalog.ruleGroups)[0]
        for (path, shape) in [("prometheus/rules/w2.yaml", RuleDocument.Shape.ruleGroups), ("kubernetes/w2.yaml", .prometheusRule), ("mimir/rules/w2.yaml", .mimirNamespace)] {
            let artifact = try #require(artifacts.first { $0.path == path })
            let read = RuleFileReader(path: path).read(artifact.bytes)
            #expect(read.diagnostics.isEmpty, "\(path): \(read.diagnostics.map(\.description))")
            #expect(read.file.documents.map(\.shape) == [shape])
            #expect(withoutLocations(RuleFile(name: "", groups: read.file.groups)) == withoutLocations(compiled), "\(path)")
            #expect(RuleFileWriter.formatted(read) == artifact.bytes, "\(path) is the writer's fixpoint")
        }
        let resource = try #require(RuleFileReader(path: "k").read(artifacts.first { $0.path == "kubernetes/w2.yaml" }!.bytes).file.documents.first?.resource)
        #expect(resource.metadata.name?.value == "w2")
        #expect(resource.metadata.labels.map { "\($0.name)=\($0.value.value)" } == ["app.kubernetes.io/managed-by=periscope"])
    }
}

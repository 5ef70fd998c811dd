import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite struct CompilerOutputTests {
    static func environment(_ name: EnvironmentName, prefix: String = "", selectors: [LabelPair] = []) -> Environment {
        Environment(
            name: name,
            grafana: GrafanaSettings(folder: "Team", uidPrefix: prefix, refresh: "1m", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-\(name)")]),
            prometheus: PrometheusSettings(selectors: selectors))
    }

    static let catalog: CatalogFunction = { env in
        Catalog {
            Dashboard("API", uid: "api") {
                Row("Traffic") {
                    Panel(type: "timeseries", title: "Requests") {
                        PrometheusQuery("sum(rate(http_requests_total[$__rate_interval]))").legendFormat("total")
                    }
                    .in(.prod) { $0.unit(.requestsPerSecond) }
                }
            }
            .in(.prod) { $0.refresh("10s") }
        }
    }

    private func render(_ environment: Environment) throws -> EnvironmentOutput {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: Self.catalog).compile(environment, diagnostics: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        return try #require(output)
    }

    private func dashboardText(_ output: EnvironmentOutput) throws -> String {
        let artifact = try #require(output.artifacts.first { $0.kind == .grafanaDashboard })
        return String(decoding: artifact.bytes, as: UTF8.self)
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let first = try render(Self.environment(.prod))
        let second = try render(Self.environment(.prod))
        #expect(first == second)
        let parallel = Compiler(catalog: Self.catalog).compile([Self.environment(.dev), Self.environment(.prod), Self.environment(.dev)], diagnostics: DiagnosticCollector())
        #expect(parallel.map(\.environment) == ["dev", "prod", "dev"])
        #expect(parallel[0] == parallel[2])
    }

    @Test func artifactsAreFiledByFolderAndPrefixedUidWithManifestAndProvisioning() throws {
        let output = try render(Self.environment(.dev, prefix: "dev-"))
        #expect(output.artifacts.map(\.path) == [
            "grafana/dashboards/Team/dev-api.json", "grafana/provisioning/dashboards.yaml", "manifest.json",
        ])
        let manifest = String(decoding: output.artifacts[2].bytes, as: UTF8.self)
        #expect(manifest.contains(#""path": "grafana/dashboards/Team/dev-api.json""#))
        #expect(manifest.contains(#""sha256": "\#(SHA256.hexDigest(output.artifacts[0].bytes))""#))
        #expect(manifest.contains(#""source": "PeriscopeCompilerTests/CompilerOutputTests.swift:"#))
        #expect(!manifest.contains("/work/"), "no absolute paths in artifacts")
        let provisioning = String(decoding: output.artifacts[1].bytes, as: UTF8.self)
        #expect(provisioning.contains("folder: Team\n"))
        #expect(provisioning.contains("path: /var/lib/grafana/dashboards/Team\n"))
    }

    @Test func overlaysApplyOnlyInTheirEnvironment() throws {
        let prod = try dashboardText(try render(Self.environment(.prod)))
        let dev = try dashboardText(try render(Self.environment(.dev)))
        #expect(prod.contains(#""refresh": "10s""#))
        #expect(prod.contains(#""unit": "reqps""#))
        #expect(dev.contains(#""refresh": "1m""#))
        #expect(!dev.contains("reqps"))
    }

    @Test func selectorsAreInjectedKeepingGrafanaVariables() throws {
        let prod = try dashboardText(try render(Self.environment(.prod, selectors: [LabelPair("env", "prod")])))
        #expect(prod.contains(#""expr": "sum(rate(http_requests_total{env=\"prod\"}[$__rate_interval]))""#))
    }

    @Test(arguments: [
        ("rate(x[$__rate_interval])", "rate(x{env=\"prod\"}[$__rate_interval])"),
        ("x{job=\"$job\"} offset $shift", "x{job=\"$job\", env=\"prod\"} offset $shift"),
        ("topk($n, y) > ${threshold}", "topk($n, y{env=\"prod\"}) > ${threshold}"),
        ("max_over_time(z[1h:$step])", "max_over_time(z{env=\"prod\"}[1h:$step])"),
        ("x{env=\"dev\"} / [[metric]]_total", "x{env=\"dev\"} / [[metric]]_total{env=\"prod\"}"),
        ("sum by (route) (${metric}_seconds_count)", "sum by (route) (${metric}_seconds_count{env=\"prod\"})"),
    ])
    func injectionUnderstandsGrafanaVariables(expr: String, expected: String) {
        var environment = Self.environment(.prod)
        environment.prometheus.selectors = [LabelPair("env", "prod")]
        let collector = DiagnosticCollector()
        let result = SelectorInjection.rewrite(PrometheusQuery(expr), environment: environment, diagnostics: collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        #expect(result == expected)
    }

    @Test func queriesCanOptOutOfInjection() {
        let environment = Self.environment(.prod, selectors: [LabelPair("env", "prod")])
        let query = PrometheusQuery("up").injectingSelectors(false)
        #expect(SelectorInjection.rewrite(query, environment: environment, diagnostics: DiagnosticCollector()) == "up")
    }
}

@Suite struct OutputWriterTests {
    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func output(_ env: String, _ files: [String: String]) -> EnvironmentOutput {
        EnvironmentOutput(environment: env, artifacts: files.sorted { $0.key < $1.key }.map { Artifact(path: $0.key, kind: .grafanaDashboard, bytes: Array($0.value.utf8)) })
    }

    @Test func writeReplacesEnvironmentFoldersAndLeavesOthers() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = OutputWriter(directory: directory)
        try writer.write([output("dev", ["a/x.json": "1", "old.json": "gone"]), output("prod", ["p.json": "p"])])
        try writer.write([output("dev", ["a/x.json": "2"])])
        #expect(FileManager.default.contents(atPath: directory + "/dev/a/x.json") == Data("2".utf8))
        #expect(!FileManager.default.fileExists(atPath: directory + "/dev/old.json"))
        #expect(FileManager.default.contents(atPath: directory + "/prod/p.json") == Data("p".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func failedWriteLeavesThePreviousOutputUntouched() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = OutputWriter(directory: directory)
        try writer.write([output("dev", ["x.json": "old"])])
        // A file and a folder with the same path cannot both be written: the second write fails midway.
        #expect(throws: OutputError.self) {
            try writer.write([output("dev", ["x.json": "new", "x.json/inner.json": "boom"])])
        }
        #expect(FileManager.default.contents(atPath: directory + "/dev/x.json") == Data("old".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func differencesListMissingChangedAndExtraFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = OutputWriter(directory: directory)
        try writer.write([output("dev", ["a.json": "1", "b.json": "2", "c.json": "3"])])
        #expect(writer.differences(from: [output("dev", ["a.json": "1", "b.json": "2", "c.json": "3"])]).isEmpty)
        let lines = writer.differences(from: [output("dev", ["a.json": "1", "b.json": "changed", "d.json": "4"])])
        #expect(lines == ["differs: \(directory)/dev/b.json", "missing: \(directory)/dev/d.json", "not rendered: \(directory)/dev/c.json"])
    }
}

@Suite struct OutputWriterReuseTests {
    @Test func unchangedFilesAreReusedAndChangedOnesRewritten() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = OutputWriter(directory: url.path)
        func output(_ b: String) -> EnvironmentOutput {
            EnvironmentOutput(environment: "dev", artifacts: [
                Artifact(path: "a.json", kind: .grafanaDashboard, bytes: Array("same".utf8)),
                Artifact(path: "b.json", kind: .grafanaDashboard, bytes: Array(b.utf8)),
            ])
        }
        try writer.write([output("one")])
        // A hand edit of the same length must not be mistaken for unchanged content.
        try Data("SAME".utf8).write(to: url.appendingPathComponent("dev/a.json"))
        try writer.write([output("two")])
        #expect(FileManager.default.contents(atPath: url.appendingPathComponent("dev/a.json").path) == Data("same".utf8))
        #expect(FileManager.default.contents(atPath: url.appendingPathComponent("dev/b.json").path) == Data("two".utf8))
        try writer.write([output("two")])
        #expect(writer.differences(from: [output("two")]).isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent("dev/b.json").path)
        #expect((attributes[.referenceCount] as? NSNumber)?.intValue == 1, "the previous folder's link is removed")
    }
}

import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Finding environment files, resolving names and `extends` chains, and the repository's own files.
@Suite struct EnvironmentLoaderTests {
    static let minimal = "grafana:\n  folder: F\n"

    @Test func availableNamesListsYamlAndYmlFilesSorted() throws {
        let files = [
            "prod.yaml": Self.minimal, "dev.yml": Self.minimal, "base.yaml": Self.minimal, "_shared.yaml": Self.minimal,
            "README.md": "not an environment", ".hidden.yaml": Self.minimal, "notes.yaml.bak": "",
        ]
        try EnvironmentFixture.with(files) { fixture in
            try FileManager.default.createDirectory(atPath: fixture.path("folder.yaml"), withIntermediateDirectories: false)
            #expect(try fixture.loader.availableNames() == ["_shared", "base", "dev", "prod"])
            // base and _-prefixed files are abstract overlays, not rendered by `--env all`.
            #expect(try fixture.loader.defaultNames() == ["dev", "prod"])
        }
        #expect(EnvironmentLoader.isConcrete("staging"))
        #expect(!EnvironmentLoader.isConcrete("base"))
        #expect(!EnvironmentLoader.isConcrete("_eu"))
        #expect(EnvironmentLoader.isConcrete("database"))
    }

    @Test func aMissingDirectoryIsAClearError() throws {
        let loader = EnvironmentLoader(directory: "/nonexistent/periscope/environments")
        #expect {
            try loader.availableNames()
        } throws: { error in
            let message = (error as? DiagnosticsError)?.description ?? ""
            return message.contains("environment directory '/nonexistent/periscope/environments' does not exist")
        }
        let collector = DiagnosticCollector()
        #expect(loader.loadAll(["dev", "prod"], diagnostics: collector).isEmpty)
        // Reported once, not once per requested environment.
        #expect(collector.diagnostics.count == 1)
        #expect(collector.diagnostics.first?.location == .file(FileLocation(path: "/nonexistent/periscope/environments")))
    }

    @Test func aFileInsteadOfADirectoryIsAClearError() throws {
        try EnvironmentFixture.with(["prod.yaml": Self.minimal]) { fixture in
            let loader = EnvironmentLoader(directory: fixture.path("prod.yaml"))
            #expect(throws: DiagnosticsError.self) { try loader.availableNames() }
            let collector = DiagnosticCollector()
            #expect(loader.load("prod", diagnostics: collector) == nil)
            #expect(collector.diagnostics.first?.message.contains("is not a directory") == true)
        }
    }

    @Test func anUnknownEnvironmentListsTheAvailableOnes() throws {
        let files = ["dev.yaml": Self.minimal, "prod.yaml": Self.minimal, "staging.yaml": Self.minimal]
        let (environment, diagnostics, _) = try EnvironmentFixture.load("qa", from: files)
        #expect(environment == nil)
        #expect(diagnostics.map(\.message) == ["unknown environment 'qa' (available: dev, prod, staging)"])
        let (_, typo, _) = try EnvironmentFixture.load("prd", from: files)
        #expect(typo.map(\.message) == ["unknown environment 'prd' (available: dev, prod, staging); did you mean 'prod'?"])
        let (_, empty, fixture) = try EnvironmentFixture.load("prod", from: [:])
        #expect(empty.map(\.message) == ["unknown environment 'prod' (the directory \(fixture.directory) has no .yaml files)"])
    }

    @Test func namesThatLookLikePathsAreUnknown() throws {
        let (environment, diagnostics, _) = try EnvironmentFixture.load("../prod", from: ["prod.yaml": Self.minimal])
        #expect(environment == nil)
        #expect(diagnostics.first?.message.hasPrefix("unknown environment '../prod'") == true)
    }

    @Test func extendsNamingAMissingFileIsLocated() throws {
        let files = ["base.yaml": Self.minimal, "dev.yaml": "# dev\nextends: bse\n", "prod.yaml": "extends: bse\n"]
        try EnvironmentFixture.with(files) { fixture in
            let collector = DiagnosticCollector()
            #expect(fixture.loader.loadAll(["dev", "prod", "dev"], diagnostics: collector).isEmpty)
            let diagnostics = collector.diagnostics
            expectError(diagnostics, in: fixture, "dev.yaml", 2, 10, "extends names no environment 'bse' in \(fixture.directory) (available: base, dev, prod); did you mean 'base'?")
            expectError(diagnostics, in: fixture, "prod.yaml", 1, 10, "extends names no environment 'bse'")
            #expect(diagnostics.count == 2)
        }
    }

    @Test func cyclicExtendsNamesTheCycleOnce() throws {
        let files = [
            "base.yaml": "extends: dev\n",
            "dev.yaml": "extends: base\n",
            "prod.yaml": "extends: dev\n",
            "self.yaml": "grafana:\n  folder: x\nextends: self\n",
        ]
        try EnvironmentFixture.with(files) { fixture in
            let collector = DiagnosticCollector()
            #expect(fixture.loader.loadAll(["dev", "prod", "base", "self"], diagnostics: collector).isEmpty)
            let diagnostics = collector.diagnostics
            // Found from dev first: the edge that closes the loop is base's extends.
            expectError(diagnostics, in: fixture, "base.yaml", 1, 10, "cyclic extends: dev -> base -> dev")
            expectError(diagnostics, in: fixture, "self.yaml", 3, 10, "cyclic extends: self -> self")
            #expect(diagnostics.count == 2, "\(diagnostics.map(\.description))")
        }
    }

    @Test func bothYamlAndYmlForOneNameIsAnError() throws {
        let files = ["prod.yaml": Self.minimal, "prod.yml": Self.minimal]
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: files)
        #expect(environment == nil)
        #expect(diagnostics.map(\.message) == ["environment 'prod' is defined twice (prod.yaml and prod.yml); keep one file"])
        #expect(diagnostics.first?.location == .file(FileLocation(path: fixture.path("prod.yml"))))
    }

    @Test func ymlFilesLoadAndPathsAreShownAsGiven() throws {
        try EnvironmentFixture.with(["dev.yml": "grafana:\n  refresh: 5s\n"]) { fixture in
            let loader = EnvironmentLoader(directory: fixture.directory + "/")
            let collector = DiagnosticCollector()
            let environment = try #require(loader.load("dev", diagnostics: collector))
            #expect(environment.files == [fixture.directory + "/dev.yml"])
            #expect(environment.grafana.refresh == "5s")
            #expect(environment.prometheus.target == .v3)
            #expect(environment.grafana.datasources.isEmpty)
        }
    }

    @Test func scalarSettingsAreTakenAsWritten() throws {
        let yaml = """
            grafana:
              folder: 2024
              datasources:
                metrics: { type: prometheus, uid: 12345 }
            prometheus:
              target: 3
              selectors: { shard: 01, canary: true, zone: "" }
            alerting:
              severities: { page: 1 }
            """
        let (environment, diagnostics, _) = try EnvironmentFixture.load("prod", from: ["prod.yaml": yaml])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let env = try #require(environment)
        #expect(env.grafana.folder == "2024")
        #expect(env.grafana.datasources["metrics"] == GrafanaDatasource(type: "prometheus", uid: "12345"))
        #expect(env.prometheus.target == .v3)
        #expect(env.prometheus.selectors == [LabelPair("canary", "true"), LabelPair("shard", "01"), LabelPair("zone", "")])
        #expect(env.alerting.severities == ["page": "1"])
    }

    @Test func loadAllKeepsTheRequestedOrderAndSkipsBrokenEnvironments() throws {
        let files = [
            "base.yaml": "grafana:\n  folder: Shared\n",
            "dev.yaml": "extends: base\n",
            "prod.yaml": "extends: base\ngrafana:\n  refresh: never\n",
            "staging.yaml": "extends: base\n",
        ]
        try EnvironmentFixture.with(files) { fixture in
            let collector = DiagnosticCollector()
            let environments = fixture.loader.loadAll(["staging", "prod", "dev"], diagnostics: collector)
            #expect(environments.map(\.name.rawValue) == ["staging", "dev"])
            #expect(environments.allSatisfy { $0.grafana.folder == "Shared" })
            #expect(collector.errorCount == 1)
        }
    }

    // MARK: - The repository's example environments

    static var repositoryEnvironments: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("environments").path
    }

    @Test func theExampleEnvironmentsLoadWithoutErrors() throws {
        let loader = EnvironmentLoader(directory: Self.repositoryEnvironments)
        #expect(try loader.availableNames() == ["base", "dev", "prod", "staging"])
        #expect(try loader.defaultNames() == ["dev", "prod", "staging"])
        let collector = DiagnosticCollector()
        let environments = loader.loadAll(try loader.defaultNames(), diagnostics: collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics.map(\.description))")
        #expect(environments.map(\.name) == [.dev, .prod, .staging])

        let expected: [(EnvironmentName, prefix: String, refresh: String, errorRatio: Double, goroutines: Int, p99: Double)] = [
            (.dev, "dev-", "1m", 0.2, 2000, 2),
            (.prod, "", "30s", 0.05, 1000, 0.5),
            (.staging, "staging-", "1m", 0.1, 1500, 1),
        ]
        for (environment, row) in zip(environments, expected) {
            let name = row.0.rawValue
            #expect(environment.grafana.uidPrefix == row.prefix)
            #expect(environment.grafana.refresh?.rawValue == row.refresh)
            #expect(environment.grafana.folder?.hasPrefix("Periscope Examples") == true)
            #expect(environment.grafana.datasources == [
                "metrics": GrafanaDatasource(type: "prometheus", uid: "prom-\(name)"),
                "logs": GrafanaDatasource(type: "loki", uid: "loki-\(name)"),
            ])
            #expect(environment.prometheus.scrapeInterval == "30s")
            #expect(environment.prometheus.selectors == [LabelPair("env", name)])
            #expect(environment.prometheus.ruleLabels == [LabelPair("env", name)])
            #expect(environment.alerting.severities == ["page": "critical", "ticket": "warning"])
            #expect(environment.values.double("errorRatioThreshold") == row.errorRatio)
            #expect(environment.values.int("goroutineThreshold") == row.goroutines)
            #expect(environment.values.double("p99LatencySeconds") == row.p99)
            #expect(environment.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["\(name).yaml", "base.yaml"])
        }
        #expect(collector.diagnostics.isEmpty)
    }

    @Test func theAbstractBaseLoadsWithoutItsIncompleteDatasources() throws {
        // base leaves uids to dev, staging and prod: loaded alone, those datasources are not defined yet.
        let collector = DiagnosticCollector()
        let base = try #require(EnvironmentLoader(directory: Self.repositoryEnvironments).load("base", diagnostics: collector))
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics.map(\.description))")
        #expect(base.grafana.datasources.isEmpty)
        #expect(base.grafana.folder == "Periscope Examples")
        #expect(base.values.double("p99LatencySeconds") == 0.5)
    }

    @Test func onlyConcreteEnvironmentsMustCompleteTheirDatasources() throws {
        let files = [
            "_shared.yaml": "grafana:\n  datasources:\n    metrics: { type: prometheus }\n    logs: { type: loki, uid: loki-1 }\n",
            "prod.yaml": "extends: _shared\n",
        ]
        try EnvironmentFixture.with(files) { fixture in
            let collector = DiagnosticCollector()
            let environments = fixture.loader.loadAll(["_shared", "prod"], diagnostics: collector)
            #expect(environments.map(\.name.rawValue) == ["_shared"])
            #expect(environments.first?.grafana.datasources == ["logs": GrafanaDatasource(type: "loki", uid: "loki-1")])
            expectError(collector.diagnostics, in: fixture, "_shared.yaml", 3, 5, "environment 'prod': grafana.datasources.metrics has no uid")
            #expect(collector.diagnostics.count == 1)
        }
    }
}

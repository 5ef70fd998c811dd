import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Merging along `extends`: maps merge, scalars and lists replace, null removes.
@Suite struct EnvironmentMergeTests {
    static let files = [
        "base.yaml": """
            grafana:
              folder: Base Folder
              uidPrefix: base-
              refresh: 1m
              datasources:
                metrics: { type: prometheus, uid: prom-base }
                logs: { type: loki, uid: loki-base }
            prometheus:
              scrapeInterval: 30s
              selectors: { env: base, region: eu }
            alerting:
              severities: { page: critical, ticket: warning }
            values:
              teams: [payments, search]
              limits: { cpu: 2, memory: 4 }
              removed: 1
              kept: base
            """,
        "_regional.yaml": """
            extends: base
            grafana:
              refresh: 5m
              datasources:
                metrics: { uid: prom-regional }
            prometheus:
              selectors: { region: us }
            values:
              teams: [checkout]
            """,
        "prod.yaml": """
            extends: _regional
            grafana:
              uidPrefix: null
              datasources:
                logs: null
            prometheus:
              target: 2.42
              selectors: { env: prod }
            values:
              limits: { memory: 8 }
              removed: null
            """,
    ]

    @Test func chainOfThreeFilesMergesInOrder() throws {
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: Self.files)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let env = try #require(environment)
        #expect(env.name == "prod")
        #expect(env.files == [fixture.path("prod.yaml"), fixture.path("_regional.yaml"), fixture.path("base.yaml")])
        // Scalars: the nearest file wins; untouched ones come from base.
        #expect(env.grafana.folder == "Base Folder")
        #expect(env.grafana.refresh == "5m")
        #expect(env.prometheus.scrapeInterval == "30s")
        #expect(env.prometheus.target == .v2_42)
        // null removes, so uidPrefix falls back to the model's default.
        #expect(env.grafana.uidPrefix == "")
        // Maps merge key by key; null removes one key.
        #expect(env.grafana.datasources == ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-regional")])
        #expect(env.prometheus.selectors == [LabelPair("env", "prod"), LabelPair("region", "us")])
        #expect(env.alerting.severities == ["page": "critical", "ticket": "warning"])
    }

    @Test func valuesMergeListsReplaceAndNullRemoves() throws {
        let (environment, diagnostics, _) = try EnvironmentFixture.load("prod", from: Self.files)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let values = try #require(environment).values
        #expect(values["teams"] == .list([.string("checkout")]))
        guard case .map(let limits)? = values["limits"] else {
            Issue.record("limits should be a map, got \(String(describing: values["limits"]))")
            return
        }
        #expect(limits.map(\.key) == ["cpu", "memory"])
        #expect(limits.map(\.value) == [.int(2), .int(8)])
        #expect(values.contains("removed") == false)
        #expect(values.keys == ["kept", "limits", "teams"])
        #expect(values.string("kept") == "base")
    }

    @Test func locationsPointAtTheFileThatSetEachKey() throws {
        let (environment, _, fixture) = try EnvironmentFixture.load("prod", from: Self.files)
        let env = try #require(environment)
        let base = fixture.path("base.yaml")
        let regional = fixture.path("_regional.yaml")
        let prod = fixture.path("prod.yaml")
        #expect(env.locations["grafana.folder"] == FileLocation(path: base, line: 2, column: 3))
        #expect(env.locations["grafana.refresh"] == FileLocation(path: regional, line: 3, column: 3))
        #expect(env.locations["grafana.datasources.metrics"] == FileLocation(path: regional, line: 5, column: 5))
        #expect(env.locations["grafana.datasources.metrics.uid"] == FileLocation(path: regional, line: 5, column: 16))
        #expect(env.locations["grafana.datasources.metrics.type"] == FileLocation(path: base, line: 6, column: 16))
        #expect(env.locations["grafana.datasources.logs"] == nil)
        #expect(env.locations["grafana.uidPrefix"] == nil)
        #expect(env.locations["prometheus.target"] == FileLocation(path: prod, line: 7, column: 3))
        #expect(env.locations["prometheus.selectors.region"] == FileLocation(path: regional, line: 7, column: 16))
        #expect(env.locations["values.removed"] == nil)
        #expect(env.locations["values.limits.memory"] == FileLocation(path: prod, line: 10, column: 13))
        #expect(env.locations["values.limits.cpu"] == FileLocation(path: base, line: 15, column: 13))
        // Entries carry the same locations.
        #expect(env.values.entries.first { $0.key == "teams" }?.location == FileLocation(path: regional, line: 9, column: 3))
        #expect(env.values.entries.first { $0.key == "kept" }?.location == FileLocation(path: base, line: 17, column: 3))
        #expect(env.location(of: .grafanaFolder)?.description == "\(base):2:3")
    }

    @Test func overlayOrderKeepsBaseKeysFirstThenNewOnes() throws {
        let files = [
            "base.yaml": "values:\n  b: 1\n  a: 2\n",
            "dev.yaml": "extends: base\nvalues:\n  c: 3\n  a: 4\n",
        ]
        let (environment, diagnostics, _) = try EnvironmentFixture.load("dev", from: files)
        #expect(diagnostics.isEmpty)
        #expect(try #require(environment).values.entries.map(\.key) == ["b", "a", "c"])
        #expect(environment?.values.int("a") == 4)
    }

    @Test func anOverlayCanReplaceAMapWithAScalarAndBack() throws {
        let files = [
            "base.yaml": "values:\n  x: { a: 1 }\n  y: 5\n",
            "dev.yaml": "extends: base\nvalues:\n  x: flat\n  y: { nested: true }\n",
        ]
        let (environment, diagnostics, _) = try EnvironmentFixture.load("dev", from: files)
        #expect(diagnostics.isEmpty)
        let values = try #require(environment).values
        #expect(values["x"] == .string("flat"))
        if case .map(let entries)? = values["y"] {
            #expect(entries.map(\.key) == ["nested"])
            #expect(entries.first?.value == .bool(true))
        } else {
            Issue.record("y should be a map, got \(String(describing: values["y"]))")
        }
    }

    @Test func aWholeSectionCanBeRemoved() throws {
        let files = [
            "base.yaml": "alerting:\n  severities: { page: critical }\n",
            "dev.yaml": "extends: base\nalerting: null\n",
        ]
        let (environment, diagnostics, _) = try EnvironmentFixture.load("dev", from: files)
        #expect(diagnostics.isEmpty)
        #expect(try #require(environment).alerting.severities.isEmpty)
        #expect(environment?.locations["alerting"] == nil)
    }
}

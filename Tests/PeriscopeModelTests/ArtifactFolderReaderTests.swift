import Foundation
import PeriscopeDSL
@testable import PeriscopeModel
import Testing

/// The folder reader `lint` and `diff` run on: rendered environment folders (manifest.json),
/// output roots, and foreign folders of dashboards, rule files and promtool tests.
@Suite struct ArtifactFolderReaderTests {
    static func folder(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-folder-\(UInt32.random(in: 0...UInt32.max))")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory.path
    }

    static let dashboard = #"{"title": "API", "uid": "api", "schemaVersion": 39, "panels": [{"type": "stat", "title": "Up", "targets": [{"expr": "up"}]}]}"#
    static let rules = "groups:\n  - name: api\n    rules:\n      - alert: Down\n        expr: up == 0\n"

    @Test func foreignFolderReadsEveryShapeAndSkipsOtherFiles() throws {
        let root = try Self.folder([
            "dashboards/Team/api.json": Self.dashboard,
            "dashboards/api-shape.json": #"{"dashboard": {"title": "Wrapped", "uid": "w", "rows": [{"title": "R", "panels": [{"type": "graph", "title": "G", "datasource": null}]}]}, "meta": {"folderTitle": "Ops"}}"#,
            "dashboards/package.json": #"{"name": "not-a-dashboard"}"#,
            "dashboards/broken.json": "{\"title\": \n",
            "rules/api.yaml": Self.rules,
            "rules/operator.yml": "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\nspec:\n  groups:\n    - name: g\n      rules:\n        - record: job:up:sum\n          expr: sum by (job) (up)\n",
            "rules/tests.yaml": "rule_files:\n  - api.yaml\ntests:\n  - interval: 1m\n",
            "deploy/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\n",
            ".hidden/x.json": Self.dashboard,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = ArtifactFolderReader().read([root])
        #expect(result.environments.count == 1)
        let environment = try #require(result.environments.first)
        #expect(environment.name == nil)
        #expect(environment.dashboards.map(\.path) == ["\(root)/dashboards/Team/api.json", "\(root)/dashboards/api-shape.json"])
        #expect(environment.dashboards.map(\.folder) == ["Team", "Ops"])
        #expect(environment.dashboards[1].dashboard.panels.map(\.title) == ["G"])
        #expect(environment.ruleFiles.map(\.path) == ["\(root)/rules/api.yaml", "\(root)/rules/operator.yml"])
        #expect(environment.ruleFiles[1].file.groups.first?.rules.first?.name.value == "job:up:sum")
        #expect(environment.testFiles.map(\.ruleFiles) == [["api.yaml"]])
        #expect(result.diagnostics.map(\.id) == [.jsonSyntax])
        #expect(result.diagnostics.first?.location?.path == "\(root)/dashboards/broken.json")
        #expect(result.skipped.map { $0.location?.path ?? "" } == ["\(root)/deploy/deployment.yaml", "\(root)/dashboards/package.json"].sorted())
        #expect(result.skipped.allSatisfy { $0.severity == .note && $0.id == ArtifactFolderReader.notAnArtifactID })
    }

    @Test func fileNamedExplicitlyThatIsNoArtifactIsAnError() throws {
        let root = try Self.folder(["values.yaml": "replicas: 3\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = ArtifactFolderReader().read(["\(root)/values.yaml", "\(root)/missing.yaml"])
        #expect(result.diagnostics.map(\.id) == [ArtifactFolderReader.noSuchPathID, ArtifactFolderReader.notAnArtifactID])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    static let manifest = """
        {"artifacts": [
          {"kind": "grafana-dashboard", "path": "grafana/dashboards/Checkout/api.json", "sha256": "x", "source": "Monitoring/Api.swift:10:5",
           "locations": {"/panels/0": "Monitoring/Api.swift:12:9"},
           "suppressions": [{"pointer": "/panels/0", "rule": "panel-unit", "reason": "a text panel"}]},
          {"kind": "grafana-provisioning", "path": "grafana/provisioning/dashboards.yaml", "sha256": "x"},
          {"kind": "prometheus-rules", "path": "prometheus/rules/api.yaml", "sha256": "x", "locations": {"/groups/0/rules/0": "Monitoring/Rules.swift:7:3"}},
          {"kind": "kubernetes-prometheusrule", "path": "kubernetes/api.yaml", "sha256": "x"}
        ], "environment": "prod", "generator": "periscope", "manifestVersion": 1,
        "prometheus": {"scrapeInterval": "30s", "target": "2.42"}}
        """

    @Test func outputRootGivesOneEnvironmentPerManifest() throws {
        let operatorRule = "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec:\n  groups: []\n"
        let root = try Self.folder([
            "prod/manifest.json": Self.manifest,
            "prod/grafana/dashboards/Checkout/api.json": Self.dashboard,
            "prod/prometheus/rules/api.yaml": Self.rules,
            "prod/kubernetes/api.yaml": operatorRule,
            "dev/manifest.json": Self.manifest.replacingOccurrences(of: "\"prod\"", with: "\"dev\""),
            "dev/grafana/dashboards/Checkout/api.json": Self.dashboard,
            "dev/kubernetes/api.yaml": operatorRule,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = ArtifactFolderReader().read([root])
        #expect(result.environments.map(\.name) == ["dev", "prod"])
        let prod = result.environments[1]
        #expect(prod.root == "\(root)/prod")
        #expect(prod.dashboards.first?.folder == "Checkout")
        #expect(prod.ruleFiles.map(\.path) == ["\(root)/prod/prometheus/rules/api.yaml"])
        #expect(prod.alternateRuleFiles.map(\.path) == ["\(root)/prod/kubernetes/api.yaml"])
        let entry = try #require(prod.manifestEntry(forPath: "\(root)/prod/grafana/dashboards/Checkout/api.json"))
        #expect(entry.sourceLocation(of: "/panels/0/targets/0")?.stableDescription == "Monitoring/Api.swift:12:9")
        #expect(entry.sourceLocation(of: "/title")?.stableDescription == "Monitoring/Api.swift:10:5")
        #expect(entry.suppressions.map(\.rule) == ["panel-unit"])
        #expect(prod.manifest?.prometheusTarget == "2.42")
        #expect(prod.manifest?.scrapeInterval == "30s")
        // dev lists a rule file it does not have: a located error, the rest still read.
        #expect(result.diagnostics.map(\.id) == [.fileUnreadable])
        #expect(result.diagnostics.first?.location?.path == "\(root)/dev/prometheus/rules/api.yaml")
        #expect(result.environments[0].dashboards.count == 1)
    }

    @Test func inMemoryRenderReadsLikeAFolder() throws {
        let files: [String: [UInt8]] = [
            "manifest.json": Array(Self.manifest.utf8),
            "grafana/dashboards/Checkout/api.json": Array(Self.dashboard.utf8),
            "prometheus/rules/api.yaml": Array(Self.rules.utf8),
            "kubernetes/api.yaml": Array("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: api\nspec:\n  groups: []\n".utf8),
        ]
        let result = ArtifactFolderReader().read(renderedFiles: files, root: "build/prod")
        #expect(result.diagnostics.isEmpty)
        #expect(result.environments.first?.ruleFiles.map(\.path) == ["build/prod/prometheus/rules/api.yaml"])
    }

    @Test func badManifestIsALocatedError() throws {
        let root = try Self.folder(["manifest.json": #"{"artifacts": [{"path": 3}]}"#])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = ArtifactFolderReader().read([root])
        #expect(result.diagnostics.first?.id == OutputManifest.invalidID)
        #expect(result.diagnostics.first?.location?.line == 1)
    }

    @Test(arguments: [
        ("groups: []\n", ArtifactFolderReader.YAMLKind.ruleFile),
        ("# c\nnamespace: x\ngroups:\n", .ruleFile),
        ("kind: \"PrometheusRule\"\n", .ruleFile),
        ("rule_files: [a]\ntests: []\n", .testFile),
        ("{groups: []}\n", .ruleFile),
        ("", .other("an empty YAML file")),
        ("kind: ConfigMap\n", .other("a Kubernetes 'ConfigMap' resource")),
    ])
    func classifiesYAMLByTopLevelKeys(text: String, kind: ArtifactFolderReader.YAMLKind) {
        #expect(ArtifactFolderReader.classify(yaml: text) == kind)
    }
}

import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// Environments and helpers shared by the rule tests.
enum Rules {
    static func environment(
        _ name: EnvironmentName = "prod", target: PrometheusTarget = .v2_42,
        selectors: [LabelPair] = [], ruleLabels: [LabelPair] = [],
        severities: [String: String] = ["page": "critical", "ticket": "warning"]
    ) -> Environment {
        Environment(
            name: name,
            prometheus: PrometheusSettings(target: target, selectors: selectors, ruleLabels: ruleLabels),
            alerting: AlertingSettings(severities: severities),
            files: ["environments/\(name).yaml"])
    }

    /// The artifacts of the rule compiler for `catalog`, and its diagnostics.
    static func compile(_ environment: Environment = environment(), _ catalog: () -> Catalog) -> ([Artifact], [Diagnostic]) {
        let collector = DiagnosticCollector()
        let artifacts = RuleCompiler(environment: environment, diagnostics: collector).artifacts(for: catalog())
        return (artifacts, collector.diagnostics)
    }

    /// The text of the artifact at `path`.
    static func text(_ artifacts: [Artifact], _ path: String) -> String? {
        artifacts.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The first `promtool` on PATH, or nil.
    static var promtool: String? { Promtool.path }

    /// Whether the promtool tests are explicitly skipped (`PERISCOPE_SKIP_PROMTOOL=1`).
    static var skipsPromtool: Bool { Promtool.isSkipped }

    /// Runs promtool; returns the exit status and the combined output.
    static func runPromtool(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let (status, output) = try Promtool.run(arguments, in: directory)
        return (status, String(decoding: output, as: UTF8.self))
    }

    /// Writes artifacts under a fresh temporary directory.
    static func write(_ artifacts: [Artifact]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-rules-\(UUID().uuidString)")
        for artifact in artifacts {
            let url = root.appendingPathComponent(artifact.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(artifact.bytes).write(to: url)
        }
        return root
    }
}

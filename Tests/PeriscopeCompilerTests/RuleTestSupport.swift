import Foundation
import PeriscopeCompiler
import PeriscopeDSL
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
    static var promtool: String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/promtool"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the promtool tests are explicitly skipped (`PERISCOPE_SKIP_PROMTOOL=1`).
    static var skipsPromtool: Bool { ProcessInfo.processInfo.environment["PERISCOPE_SKIP_PROMTOOL"] == "1" }

    /// Runs promtool; returns the exit status and the combined output.
    static func runPromtool(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let executable = try #require(promtool, "promtool is not on PATH: run `make test` (it installs Debian's prometheus package), or set PERISCOPE_SKIP_PROMTOOL=1 to skip")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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

import Foundation

/// Validates dashboard JSON against Grafana's published JSON schemas with
/// `../shared/grafana-schema/validate.py` (Python `jsonschema`, Draft 7): the dashboard against
/// `dashboard.jsonschema.json`, each panel's `options` and `fieldConfig.defaults.custom` against
/// its panel type's schema.
///
/// The script tolerates only the artifact classes its README documents, each by name and tied to
/// schema locations it lists, and with `--tolerate-partial-panel-options` the `required` errors
/// inside a panel plugin's options: Grafana merges the plugin's defaults into stored options on
/// load (`getPanelOptionsWithDefaults`), and we never write defaults the user did not set.
public enum GrafanaSchemaValidator {
    /// The artifact classes of `../shared/grafana-schema/README.md` ("Known artifacts") that a
    /// validation tolerates, and `partial-panel-options` (options left out for Grafana's defaults).
    public static let toleratedClasses: Set<String> = [
        "any-as-object", "over-required", "legacy-key", "open-struct", "nullable-datasource", "partial-panel-options",
    ]

    /// `../shared/grafana-schema/validate.py`, if present.
    public static func script(from filePath: String = #filePath) -> URL? {
        guard let shared = Repository.shared(from: filePath) else { return nil }
        let url = shared.appendingPathComponent("grafana-schema/validate.py")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether `python3` can import `jsonschema` (`make test-deps` installs it).
    public static let jsonschemaAvailable: Bool = {
        (try? ExternalTool.run(["python3", "-c", "import jsonschema"], input: "").status) == 0
    }()

    /// What one run found.
    public struct Report: Sendable {
        /// Errors that no documented artifact explains: `FILE: /pointer: message  [schema#location]`.
        public var errors: [String] = []
        /// Tolerated errors, counted by artifact class.
        public var tolerated: [String: Int] = [:]
        /// The script's notes (e.g. a panel type without a plugin schema).
        public var notes: [String] = []
        /// Dashboards validated.
        public var dashboards = 0
        /// Panels validated against `Panel` or `RowPanel`, rows' nested panels included.
        public var panels = 0
        /// Panel `options` objects validated against their plugin's `Options`.
        public var options = 0
        /// `fieldConfig.defaults.custom` objects validated against their plugin's `FieldConfig`.
        public var customFieldConfigs = 0
    }

    /// Validates `dashboards` (file name and bytes) with `script`; the names appear in the report.
    public static func validate(_ dashboards: [(name: String, bytes: [UInt8])], script: URL) throws -> Report {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("periscope-schema-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var report = Report()
        var paths: [String] = []
        for (index, dashboard) in dashboards.enumerated() {
            let file = directory.appendingPathComponent("\(index)-" + dashboard.name.replacing("/", with: "_"))
            try Data(dashboard.bytes).write(to: file)
            paths.append(file.path)
            count(dashboard.bytes, into: &report)
        }
        let arguments = ["python3", script.path, "--tolerate-known-artifacts", "--tolerate-partial-panel-options", "--show-skipped"]
        let (status, output) = try ExternalTool.run(arguments + paths, input: "")
        let prefix = directory.path + "/"
        for line in output.split(separator: "\n").map({ String($0).replacing(prefix, with: "") }) {
            if line.hasPrefix("skipped["), let end = line.firstIndex(of: "]") {
                report.tolerated[String(line[line.index(line.startIndex, offsetBy: 8)..<end]), default: 0] += 1
            } else if line.hasPrefix("note: ") {
                report.notes.append(String(line.dropFirst(6)))
            } else if !line.contains(" error(s)") {
                report.errors.append(line)
            }
        }
        // The script notes each panel whose type has no plugin schema (alertlist): its options went unchecked.
        report.options -= report.notes.filter { $0.contains("no plugin schema for panel type") }.count
        if status != 0 && report.errors.isEmpty { report.errors.append("validate.py exited with \(status)") }
        return report
    }

    private static func count(_ bytes: [UInt8], into report: inout Report) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return }
        report.dashboards += 1
        func walk(_ panels: [[String: Any]]) {
            for panel in panels {
                report.panels += 1
                if panel["type"] as? String == "row" {
                    walk(panel["panels"] as? [[String: Any]] ?? [])
                    continue
                }
                if panel["options"] != nil { report.options += 1 }
                let defaults = (panel["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any]
                if defaults?["custom"] != nil { report.customFieldConfigs += 1 }
            }
        }
        walk(root["panels"] as? [[String: Any]] ?? [])
    }
}

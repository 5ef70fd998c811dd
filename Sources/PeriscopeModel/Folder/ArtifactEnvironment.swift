import PeriscopeDSL

/// The dashboards, rule files and promtool test files of one environment, read from disk (or
/// from an in-memory render) by ``ArtifactFolderReader``.
///
/// A rendered environment folder (one with `manifest.json`) gives one named environment with its
/// manifest; a folder or file of foreign artifacts gives one unnamed environment (`name` nil).
public struct ArtifactEnvironment: Sendable {
    /// The environment name (the manifest's), or nil for foreign files.
    public var name: String?
    /// The folder the environment was read from (the environment folder of a rendered output),
    /// or the path given for foreign files. Artifact paths below begin with it.
    public var root: String
    /// The manifest of a rendered output folder; nil for foreign files.
    public var manifest: OutputManifest?
    /// The dashboards, in path order.
    public var dashboards: [ArtifactDashboard]
    /// The Prometheus rule files (for a rendered folder, the `prometheus-rules` artifacts), in path order.
    public var ruleFiles: [ArtifactRuleFile]
    /// Rule files that repeat `ruleFiles` in another layout (a rendered folder's PrometheusRule
    /// and Mimir outputs), in path order; lint skips them so every finding is reported once.
    public var alternateRuleFiles: [ArtifactRuleFile]
    /// The promtool unit-test files (`rule_files:` and `tests:`), in path order.
    public var testFiles: [ArtifactTestFile]

    /// Creates an environment.
    public init(name: String?, root: String, manifest: OutputManifest? = nil, dashboards: [ArtifactDashboard] = [],
                ruleFiles: [ArtifactRuleFile] = [], alternateRuleFiles: [ArtifactRuleFile] = [], testFiles: [ArtifactTestFile] = []) {
        self.name = name
        self.root = root
        self.manifest = manifest
        self.dashboards = dashboards
        self.ruleFiles = ruleFiles
        self.alternateRuleFiles = alternateRuleFiles
        self.testFiles = testFiles
    }

    /// The manifest entry of an artifact path (as stored in `dashboards` and `ruleFiles`), when
    /// this is a rendered folder.
    public func manifestEntry(forPath path: String) -> OutputManifest.Entry? {
        guard let manifest else { return nil }
        return manifest.entry(path: relativePath(path))
    }

    /// `path` relative to `root` (as the manifest lists it).
    public func relativePath(_ path: String) -> String {
        let prefix = root.isEmpty ? "" : (root.hasSuffix("/") ? root : root + "/")
        return !prefix.isEmpty && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A dashboard file and its model.
public struct ArtifactDashboard: Sendable {
    /// The file path: the environment's root joined with the path below it.
    public var path: String
    /// The Grafana folder: for a rendered output the folder directory
    /// (`grafana/dashboards/<folder>/<uid>.json`); for foreign files `meta.folderTitle` of Grafana's
    /// API shape, else the name of the directory holding the file (what Grafana's file provider
    /// does with `foldersFromFilesStructure`), nil for a file given directly.
    public var folder: String?
    /// The model, located in the file (JSON pointers with line and column).
    public var dashboard: Grafana.Dashboard
    /// The document, for rules and diffs that need nodes the model does not type.
    public var document: JSONDocument

    /// Creates a dashboard.
    public init(path: String, folder: String?, dashboard: Grafana.Dashboard, document: JSONDocument) {
        self.path = path
        self.folder = folder
        self.dashboard = dashboard
        self.document = document
    }
}

/// A rule file and its model.
public struct ArtifactRuleFile: Sendable {
    /// The file path: the environment's root joined with the path below it.
    public var path: String
    /// The model, located in the file (YAML line and column).
    public var file: RuleFile
    /// The file's text (for YAML comments such as `# periscope-lint disable …`).
    public var text: String

    /// Creates a rule file.
    public init(path: String, file: RuleFile, text: String) {
        self.path = path
        self.file = file
        self.text = text
    }
}

/// A promtool unit-test file: `rule_files:` and `tests:` (run by `promtool test rules`).
public struct ArtifactTestFile: Sendable {
    /// The file path.
    public var path: String
    /// The `rule_files` entries, as written (relative to the test file's directory).
    public var ruleFiles: [String]
    /// The number of `tests` entries.
    public var testCount: Int

    /// Creates a test file.
    public init(path: String, ruleFiles: [String], testCount: Int) {
        self.path = path
        self.ruleFiles = ruleFiles
        self.testCount = testCount
    }
}

import PeriscopeDSL
import PeriscopeModel

/// One side of a diff: the artifacts of every environment, read into the artifact model.
///
/// A rendered output folder (`<root>/<env>/manifest.json`) gives one `DiffEnvironment` per
/// environment folder; a plain folder of Grafana JSON and rule files gives one environment
/// named `""` (shown as "files"). Paths are relative to the environment folder, with `/`.
public struct DiffTree: Sendable {
    /// The environments, in any order (the differ sorts them by name).
    public var environments: [DiffEnvironment]

    /// Creates a tree.
    public init(environments: [DiffEnvironment]) { self.environments = environments }
}

/// The artifacts of one environment.
public struct DiffEnvironment: Sendable {
    /// The environment name (`dev`, `prod`), or `""` for a plain folder of files.
    public var name: String
    /// The dashboards, one per file.
    public var dashboards: [DashboardFile]
    /// The rule files.
    public var ruleFiles: [RuleFileEntry]
    /// Other files (provisioning, promtool tests): compared by content only.
    public var otherFiles: [OtherFile]

    /// Creates an environment.
    public init(name: String, dashboards: [DashboardFile] = [], ruleFiles: [RuleFileEntry] = [], otherFiles: [OtherFile] = []) {
        self.name = name
        self.dashboards = dashboards
        self.ruleFiles = ruleFiles
        self.otherFiles = otherFiles
    }
}

/// A dashboard file and the Grafana folder it is provisioned into.
public struct DashboardFile: Sendable {
    /// The path relative to the environment folder, e.g. `grafana/dashboards/payments/api.json`.
    public var path: String
    /// The Grafana folder, as `ArtifactFolderReader` gives it: the folder directory of a rendered
    /// output, else `meta.folderTitle` or the directory holding the file (`""` when unknown).
    public var folder: String
    /// The dashboard.
    public var dashboard: Grafana.Dashboard

    /// Creates an entry.
    public init(path: String, folder: String, dashboard: Grafana.Dashboard) {
        self.path = path
        self.folder = folder
        self.dashboard = dashboard
    }
}

/// A rule file.
public struct RuleFileEntry: Sendable {
    /// The path relative to the environment folder, e.g. `prometheus/rules/payments.yaml`.
    public var path: String
    /// The file.
    public var file: RuleFile

    /// Creates an entry.
    public init(path: String, file: RuleFile) {
        self.path = path
        self.file = file
    }
}

/// A file that is neither a dashboard nor a rule file, compared by its bytes.
public struct OtherFile: Sendable {
    /// The path relative to the environment folder.
    public var path: String
    /// The bytes.
    public var content: [UInt8]

    /// Creates an entry.
    public init(path: String, content: [UInt8]) {
        self.path = path
        self.content = content
    }
}

/// Problems that stop a diff: the located diagnostics, printed before exiting with status 2.
public struct DiffInputError: Error, Sendable {
    /// The problems, each with a location.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension DiagnosticID {
    /// A file is a dashboard on one side of a diff and a rule file on the other.
    public static let diffKindConflict: DiagnosticID = "diff-kind-conflict"
    /// The two sides cannot be compared (one is an output folder, the other a plain folder).
    public static let diffShapeMismatch: DiagnosticID = "diff-shape-mismatch"
}

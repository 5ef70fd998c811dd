import PeriscopeDSL
import PeriscopeModel

extension DiffTree {
    /// The tree of what `ArtifactFolderReader` read from one side's path.
    ///
    /// Paths become relative to each environment's folder, so `old/prod/…` and `new/prod/…`
    /// match. Rule files are the `prometheus-rules` artifacts; the PrometheusRule and Mimir
    /// copies of the same rules (`alternateRuleFiles`) are compared as files, by the sha256 the
    /// manifest lists, like the other artifacts (provisioning, promtool tests), so every rule
    /// change is reported once.
    public init(_ environments: [ArtifactEnvironment]) {
        self.init(environments: environments.map { environment in
            let rootName = environment.root.split(separator: "/").last.map(String.init) ?? ""
            let dashboards = environment.dashboards.map { dashboard in
                let path = environment.relativePath(dashboard.path)
                var folder = dashboard.folder ?? ""
                // A file at the top of a plain folder gets the folder's own name from the reader;
                // `old/` and `new/` must not make every such dashboard "moved".
                if environment.manifest == nil, !path.contains("/"), folder == rootName { folder = "" }
                return DashboardFile(path: path, folder: folder, dashboard: dashboard.dashboard)
            }
            let ruleFiles = environment.ruleFiles.map { RuleFileEntry(path: environment.relativePath($0.path), file: $0.file) }
            let compared = Set(dashboards.map(\.path)).union(ruleFiles.map(\.path))
            let others = (environment.manifest?.artifacts ?? []).filter { !compared.contains($0.path) }.map { entry in
                OtherFile(path: entry.path, content: Array(entry.sha256.utf8))
            }
            return DiffEnvironment(name: environment.name ?? "", dashboards: dashboards, ruleFiles: ruleFiles, otherFiles: others)
        })
    }
}

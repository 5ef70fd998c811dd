import PeriscopeDSL
import PeriscopeModel

/// Compares two trees of artifacts semantically, environment by environment.
///
/// ```swift
/// let report = try Differ.compare(old: oldTree, new: newTree)
/// print(DiffTextRenderer(color: false).render(report))
/// ```
///
/// Dashboards are matched by uid (a dashboard without a uid by its path), rule groups by file
/// and name, other files by path. Throws `DiffInputError` when the two sides cannot be compared:
/// a path that is a dashboard on one side and a rule file on the other, or an output folder
/// compared with a plain folder of files.
public enum Differ {
    /// The differences from `old` to `new`.
    public static func compare(old: DiffTree, new: DiffTree) throws(DiffInputError) -> DiffReport {
        let oldByName = Dictionary(old.environments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.environments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIsPlain = oldByName.keys.contains(""), newIsPlain = newByName.keys.contains("")
        if oldIsPlain != newIsPlain, !oldByName.isEmpty, !newByName.isEmpty {
            let (plain, named) = oldIsPlain ? ("the old side", "the new side") : ("the new side", "the old side")
            throw DiffInputError(diagnostics: [
                Diagnostic(.error, "cannot compare a folder of files (\(plain)) with a rendered output folder of environments (\(named))",
                           id: .diffShapeMismatch, notes: ["pass two output folders (<root>/<env>/manifest.json) or two plain folders of dashboards and rule files"])
            ])
        }
        var problems: [Diagnostic] = []
        var environments: [EnvironmentDiff] = []
        for name in Set(oldByName.keys).union(newByName.keys).sorted() {
            let a = oldByName[name], b = newByName[name]
            problems += kindConflicts(old: a, new: b)
            let empty = DiffEnvironment(name: name)
            let change: ChangeKind = a == nil ? .added : b == nil ? .removed : .changed
            environments.append(compare(old: a ?? empty, new: b ?? empty, change: change))
        }
        if !problems.isEmpty { throw DiffInputError(diagnostics: problems) }
        return DiffReport(environments: environments)
    }

    private static func compare(old: DiffEnvironment, new: DiffEnvironment, change: ChangeKind) -> EnvironmentDiff {
        let oldDashboards = keyedDashboards(old.dashboards), newDashboards = keyedDashboards(new.dashboards)
        var dashboards: [DashboardDiff] = []
        for key in Set(oldDashboards.keys).union(newDashboards.keys) {
            let a = oldDashboards[key], b = newDashboards[key]
            if let diff = DashboardDiffer.compare(old: a, new: b, uid: key.uid) { dashboards.append(diff) }
        }
        dashboards.sort { ($0.uid, $0.path) < ($1.uid, $1.path) }
        let ruleGroups = RuleDiffer.compare(old: old.ruleFiles, new: new.ruleFiles)
        var files: [FileDiff] = []
        let oldFiles = Dictionary(old.otherFiles.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        let newFiles = Dictionary(new.otherFiles.map { ($0.path, $0.content) }, uniquingKeysWith: { first, _ in first })
        for path in Set(oldFiles.keys).union(newFiles.keys).sorted() {
            switch (oldFiles[path], newFiles[path]) {
            case (nil, _?): files.append(FileDiff(path: path, change: .added))
            case (_?, nil): files.append(FileDiff(path: path, change: .removed))
            case (let a?, let b?) where a != b: files.append(FileDiff(path: path, change: .changed))
            default: break
            }
        }
        return EnvironmentDiff(name: new.name.isEmpty ? old.name : new.name, change: change, dashboards: dashboards, ruleGroups: ruleGroups, files: files)
    }

    private struct DashboardKey: Hashable {
        var uid: String
        var occurrence: Int
    }

    /// Dashboards by uid (the path for a dashboard without one); a repeated uid by its n-th file in path order.
    private static func keyedDashboards(_ files: [DashboardFile]) -> [DashboardKey: DashboardFile] {
        var result: [DashboardKey: DashboardFile] = [:]
        var seen: [String: Int] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            let uid = file.dashboard.uid.flatMap { $0.isEmpty ? nil : $0 } ?? file.path
            let count = seen[uid, default: 0]
            seen[uid] = count + 1
            result[DashboardKey(uid: uid, occurrence: count)] = file
        }
        return result
    }

    /// Paths that are a dashboard on one side and a rule file on the other.
    private static func kindConflicts(old: DiffEnvironment?, new: DiffEnvironment?) -> [Diagnostic] {
        guard let old, let new else { return [] }
        var problems: [Diagnostic] = []
        let oldDashboards = Dictionary(old.dashboards.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newDashboards = Dictionary(new.dashboards.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let oldRules = Dictionary(old.ruleFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let newRules = Dictionary(new.ruleFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for (path, dashboard) in newDashboards.sorted(by: { $0.key < $1.key }) {
            if let rules = oldRules[path] {
                problems.append(conflict(path: path, dashboardSide: "new", dashboard: dashboard.dashboard.location, ruleFile: rules.file.name))
            }
        }
        for (path, dashboard) in oldDashboards.sorted(by: { $0.key < $1.key }) {
            if let rules = newRules[path] {
                problems.append(conflict(path: path, dashboardSide: "old", dashboard: dashboard.dashboard.location, ruleFile: rules.file.name))
            }
        }
        return problems
    }

    private static func conflict(path: String, dashboardSide: String, dashboard: Location, ruleFile: String) -> Diagnostic {
        let ruleSide = dashboardSide == "new" ? "old" : "new"
        return Diagnostic(
            .error, "'\(path)' is a dashboard in the \(dashboardSide) tree and a rule file in the \(ruleSide) tree; the two cannot be compared",
            at: .file(FileLocation(path: dashboard.path)), id: .diffKindConflict,
            related: [Diagnostic.Related("the rule file", .file(FileLocation(path: ruleFile)))])
    }
}

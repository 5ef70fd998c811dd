import Dispatch
import PeriscopeDSL
import Synchronization
import PeriscopeModel

/// Options of a render that do not come from the environment files.
public struct RenderOptions: Sendable {
    /// The directory on the Grafana host that receives `grafana/dashboards/` (used in the provisioning file).
    public var provisioningRoot: String

    /// Creates options.
    public init(provisioningRoot: String = GrafanaProvisioning.defaultRoot) {
        self.provisioningRoot = provisioningRoot
    }
}

/// The pipeline from a catalog to rendered artifacts, one environment at a time.
///
/// Stages, each a typed function from one representation to the next:
/// 1. evaluate: `Environment` → `Catalog` (the user's pure function);
/// 2. resolve: `Catalog` → `[ResolvedDashboard]` (overlays, uid prefix, folder, refresh);
/// 3. validate: checks across dashboards per environment, each dashboard's own checks in `lower`;
/// 4. lower: `ResolvedDashboard` → `LoweredDashboard` (layout, datasources, the dashboard's
///    artifact model with Swift locations), per dashboard; `models` returns them per environment;
/// 5. render: `artifact(for:)` per dashboard, then `assemble` → `EnvironmentOutput` (provisioning,
///    manifest); `render` does it for every environment model.
///
/// Every stage reports to a collector and goes on, so a run reports all its problems at once;
/// an environment with errors yields no output.
public struct Compiler: Sendable {
    /// The catalog function.
    public var catalog: CatalogFunction
    /// Render options.
    public var options: RenderOptions

    /// Creates a compiler for a catalog.
    public init(catalog: @escaping CatalogFunction, options: RenderOptions = RenderOptions()) {
        self.catalog = catalog
        self.options = options
    }

    /// Stage 1: runs the user's definitions for `environment`.
    public func evaluate(_ environment: Environment, diagnostics: DiagnosticCollector) -> (Environment, Catalog) {
        let reporting = environment.reporting(to: diagnostics)
        return (reporting, catalog(reporting))
    }

    /// Stage 2: adds the SLO dashboards (`SLODashboards`), then applies overlays and environment defaults.
    public func resolve(_ catalog: Catalog, environment: Environment) -> [ResolvedDashboard] {
        let dashboards = catalog.slos.isEmpty ? catalog.dashboards : catalog.dashboards + SLODashboards(environment: environment).dashboards(for: catalog.slos)
        return dashboards.map { ResolvedDashboard($0, environment: environment) }
    }

    /// Stages 3b and 4 for one dashboard: its own checks, then Grafana's JSON model.
    ///
    /// Independent of the other dashboards, so `models` runs it for each dashboard in parallel.
    public func lower(_ dashboard: ResolvedDashboard, environment: Environment, diagnostics: DiagnosticCollector) -> LoweredDashboard {
        checkedLowering(dashboard, environment: environment, diagnostics: diagnostics).dashboard(dashboard)
    }

    /// Stage 4 for writing only: the dashboard's own checks and its JSON, without building the
    /// typed views of its model (which `lower` builds); reports the same problems as `lower`.
    public func lowerFile(_ dashboard: ResolvedDashboard, environment: Environment, diagnostics: DiagnosticCollector) -> JSONValue {
        checkedLowering(dashboard, environment: environment, diagnostics: diagnostics).dashboardFile(dashboard)
    }

    /// Runs the dashboard's own checks and returns the lowering for it.
    private func checkedLowering(_ dashboard: ResolvedDashboard, environment: Environment, diagnostics: DiagnosticCollector) -> GrafanaLowering {
        DashboardValidation(diagnostics: diagnostics).validate(dashboard, environment: environment)
        return GrafanaLowering(environment: environment, diagnostics: diagnostics, injectsSelectors: true)
    }

    /// Stage 5a: the file of one lowered dashboard.
    public func artifact(for dashboard: LoweredDashboard) -> Artifact {
        artifact(json: dashboard.json, folder: dashboard.folder, uid: dashboard.uid, source: dashboard.location,
                 nodeSources: dashboard.nodeSources, suppressions: dashboard.suppressions)
    }

    private func artifact(json: JSONValue, folder: String, uid: String, source: SourceLocation,
                          nodeSources: [ArtifactNodeSource], suppressions: [OutputManifest.Suppression]) -> Artifact {
        var artifact = Artifact(path: "grafana/dashboards/\(folder)/\(uid).json", kind: .grafanaDashboard, bytes: JSONWriter().data(json), source: source)
        artifact.nodeSources = nodeSources
        artifact.suppressions = suppressions
        return artifact
    }

    /// Stage 5b: an environment's output from its dashboard files, plus the provisioning config and the manifest.
    public func assemble(_ dashboards: [Artifact], folders: [String], environment: Environment) -> EnvironmentOutput {
        var artifacts = dashboards
        let provisioning = GrafanaProvisioning.yaml(folders: folders, root: options.provisioningRoot)
        artifacts.append(Artifact(path: "grafana/provisioning/dashboards.yaml", kind: .grafanaProvisioning, bytes: Array(provisioning.utf8)))
        artifacts.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let manifest = Manifest.artifact(environment: environment.name.rawValue, artifacts: artifacts, settings: Manifest.settings(of: environment))
        artifacts.insert(manifest, at: artifacts.partitioningIndex { !$0.path.utf8.lexicographicallyPrecedes(manifest.path.utf8) })
        return EnvironmentOutput(environment: environment.name.rawValue, artifacts: artifacts)
    }

    /// Runs every stage for one environment; nil when errors were reported.
    public func compile(_ environment: Environment, diagnostics: DiagnosticCollector) -> EnvironmentOutput? {
        compile([environment], diagnostics: diagnostics).first
    }

    /// Compiles several environments to their files: what `render(models(…))` gives.
    ///
    /// Environments with errors are left out. Each dashboard is lowered, written and hashed in
    /// one job, so its model is freed as soon as its file exists instead of every model of
    /// every environment being held until rendering starts.
    public func compile(_ environments: [Environment], diagnostics: DiagnosticCollector) -> [EnvironmentOutput] {
        stages(environments, diagnostics: diagnostics, rendersRules: true, perDashboard: { resolved, environment, local in
            let file = checkedLowering(resolved, environment: environment, diagnostics: local).dashboardFileWithSources(resolved)
            return (artifact(json: file.json, folder: resolved.folder, uid: resolved.uid, source: resolved.dashboard.location,
                             nodeSources: file.sources, suppressions: file.suppressions), resolved.folder)
        })
            .map { stage in
                assemble(stage.dashboards.map(\.0) + stage.ruleFiles, folders: stage.dashboards.map(\.1), environment: stage.environment)
            }
    }

    /// Stages 1–4 for several environments: the artifact model of each environment without errors.
    ///
    /// Evaluation runs per environment; lowering runs per dashboard, spread over every core.
    /// Diagnostics are reported in environment order, then in dashboard order, whatever the
    /// scheduling.
    public func models(_ environments: [Environment], diagnostics: DiagnosticCollector) -> [EnvironmentModel] {
        stages(environments, diagnostics: diagnostics, rendersRules: false, perDashboard: { lower($0, environment: $1, diagnostics: $2) }).map { stage in
            EnvironmentModel(environment: stage.environment, dashboards: stage.dashboards, rules: stage.rules)
        }
    }

    /// Stages 1–3 per environment (and the rules' stage 4, with their files when `rendersRules`),
    /// then `perDashboard` (stage 4, and 5a when compiling to files) on each resolved dashboard,
    /// one parallel job each.
    private func stages<Result: Sendable>(
        _ environments: [Environment], diagnostics: DiagnosticCollector, rendersRules: Bool,
        perDashboard: @escaping @Sendable (ResolvedDashboard, Environment, DiagnosticCollector) -> Result
    ) -> [(environment: Environment, rules: RulesModel, ruleFiles: [Artifact], dashboards: [Result])] {
        // Stages 1–3, one environment per job.
        let prepared = Self.parallelMap(environments) { environment -> PreparedEnvironment in
            let local = DiagnosticCollector()
            let (evaluated, catalog) = evaluate(environment, diagnostics: local)
            let resolved = resolve(catalog, environment: evaluated)
            // Checks across dashboards here; each dashboard's own checks run with its lowering.
            // Lowering runs even after validation errors so that one run reports every problem.
            DashboardValidation(diagnostics: local).validateIdentities(resolved, environment: evaluated)
            // Rule groups and their tests: Prometheus/RuleCompiler.swift.
            let ruleCompiler = RuleCompiler(environment: evaluated, diagnostics: local)
            let rules = ruleCompiler.model(for: catalog)
            let ruleFiles = rendersRules ? ruleCompiler.render(rules) : []
            // Once the rule files are written nothing needs their model: free it with this job.
            let kept = rendersRules ? RulesModel(files: [], tests: [], outputs: rules.outputs) : rules
            return PreparedEnvironment(environment: evaluated, dashboards: resolved, rules: kept, ruleFiles: ruleFiles, diagnostics: local.diagnostics)
        }
        // Stage 4, one dashboard per job.
        var jobs: [(environment: Int, dashboard: Int)] = []
        for (index, entry) in prepared.enumerated() { jobs += entry.dashboards.indices.map { (index, $0) } }
        let lowered = Self.parallelMap(jobs) { job -> (Result, [Diagnostic]) in
            let entry = prepared[job.environment]
            let local = DiagnosticCollector()
            let result = perDashboard(entry.dashboards[job.dashboard], entry.environment, local)
            return (result, local.diagnostics)
        }
        var results: [(environment: Environment, rules: RulesModel, ruleFiles: [Artifact], dashboards: [Result])] = []
        var reported: [Diagnostic] = []
        var cursor = 0
        for entry in prepared {
            var problems = entry.diagnostics
            var dashboards: [Result] = []
            for _ in entry.dashboards {
                let (dashboard, lowerProblems) = lowered[cursor]
                cursor += 1
                dashboards.append(dashboard)
                problems += lowerProblems
            }
            reported += Self.tagged(problems, with: entry.environment)
            if !problems.contains(where: { $0.severity == .error }) {
                results.append((entry.environment, entry.rules, entry.ruleFiles, dashboards))
            }
        }
        diagnostics.emit(contentsOf: Diagnostic.coalesced(reported))
        return results
    }

    /// Stage 5 for several environments: every file, dashboards written and hashed in parallel.
    ///
    /// Writing rules has checks of its own (a namespace must be a Kubernetes name for the
    /// PrometheusRule output); an environment with such errors is left out.
    public func render(_ models: [EnvironmentModel], diagnostics: DiagnosticCollector) -> [EnvironmentOutput] {
        var jobs: [(environment: Int, dashboard: Int)] = []
        for (index, model) in models.enumerated() { jobs += model.dashboards.indices.map { (index, $0) } }
        let files = Self.parallelMap(jobs) { job in artifact(for: models[job.environment].dashboards[job.dashboard]) }
        var outputs: [EnvironmentOutput] = []
        var reported: [Diagnostic] = []
        var cursor = 0
        for model in models {
            let dashboardFiles = Array(files[cursor..<(cursor + model.dashboards.count)])
            cursor += model.dashboards.count
            let local = DiagnosticCollector()
            let ruleFiles = RuleCompiler(environment: model.environment, diagnostics: local).render(model.rules)
            reported += Self.tagged(local.diagnostics, with: model.environment)
            guard !local.hasErrors else { continue }
            outputs.append(assemble(dashboardFiles + ruleFiles, folders: model.dashboards.map(\.folder), environment: model.environment))
        }
        diagnostics.emit(contentsOf: Diagnostic.coalesced(reported))
        return outputs
    }

    /// `diagnostics` marked as found in `environment`, so that ``Diagnostic/coalesced(_:)``
    /// reports a problem of several environments once.
    static func tagged(_ diagnostics: [Diagnostic], with environment: Environment) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var tagged = diagnostic
            if tagged.environments.isEmpty { tagged.environments = [environment.name.rawValue] }
            return tagged
        }
    }

    /// `transform` applied to every element, spread over the available cores, results in order.
    static func parallelMap<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let result = transform(elements[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}

extension Array {
    func partitioningIndex(where belongsInSecondPartition: (Element) -> Bool) -> Int {
        firstIndex(where: belongsInSecondPartition) ?? endIndex
    }
}

/// An environment after stages 1–3: evaluated, its dashboards resolved, its rules compiled.
private struct PreparedEnvironment: Sendable {
    var environment: Environment
    var dashboards: [ResolvedDashboard]
    var rules: RulesModel
    var ruleFiles: [Artifact]
    var diagnostics: [Diagnostic]
}

/// The artifact model of one environment: what `Compiler.models` produces and `Compiler.render` writes.
public struct EnvironmentModel: Sendable {
    /// The environment, as evaluated.
    public var environment: Environment
    /// Each dashboard: its model (with Swift locations), uid and folder.
    public var dashboards: [LoweredDashboard]
    /// The rule files (with Swift locations), promtool tests and optional rule layouts.
    public var rules: RulesModel

    /// Creates an environment model.
    public init(environment: Environment, dashboards: [LoweredDashboard], rules: RulesModel) {
        self.environment = environment
        self.dashboards = dashboards
        self.rules = rules
    }
}

import Dispatch
import PeriscopeDSL
import Synchronization

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
/// 3. validate: problems reported to the collector;
/// 4. lower: `[ResolvedDashboard]` → `[LoweredDashboard]` (layout, datasources, JSON model);
/// 5. render: `[LoweredDashboard]` → `EnvironmentOutput` (files, provisioning, manifest).
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

    /// Stage 2: applies overlays and environment defaults.
    public func resolve(_ catalog: Catalog, environment: Environment) -> [ResolvedDashboard] {
        catalog.dashboards.map { ResolvedDashboard($0, environment: environment) }
    }

    /// Stage 4: lowers to Grafana's JSON model.
    public func lower(_ dashboards: [ResolvedDashboard], environment: Environment, diagnostics: DiagnosticCollector) -> [LoweredDashboard] {
        let lowering = GrafanaLowering(environment: environment, diagnostics: diagnostics, rewriteExpression: SelectorInjection.rewrite)
        return dashboards.map(lowering.dashboard)
    }

    /// Stage 5: renders files, the provisioning config and the manifest.
    public func render(_ dashboards: [LoweredDashboard], environment: Environment) -> EnvironmentOutput {
        let writer = JSONWriter()
        var artifacts: [Artifact] = dashboards.map { dashboard in
            Artifact(
                path: "grafana/dashboards/\(dashboard.folder)/\(dashboard.uid).json", kind: .grafanaDashboard,
                bytes: writer.data(dashboard.json), source: dashboard.location)
        }
        let provisioning = GrafanaProvisioning.yaml(folders: dashboards.map(\.folder), root: options.provisioningRoot)
        artifacts.append(Artifact(path: "grafana/provisioning/dashboards.yaml", kind: .grafanaProvisioning, bytes: Array(provisioning.utf8)))
        artifacts.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let manifest = Manifest.artifact(environment: environment.name.rawValue, artifacts: artifacts)
        artifacts.insert(manifest, at: artifacts.partitioningIndex { !$0.path.utf8.lexicographicallyPrecedes(manifest.path.utf8) })
        return EnvironmentOutput(environment: environment.name.rawValue, artifacts: artifacts)
    }

    /// Runs every stage for one environment; nil when errors were reported.
    public func compile(_ environment: Environment, diagnostics: DiagnosticCollector) -> EnvironmentOutput? {
        let (environment, catalog) = evaluate(environment, diagnostics: diagnostics)
        let resolved = resolve(catalog, environment: environment)
        DashboardValidation(diagnostics: diagnostics).validate(resolved, environment: environment)
        // Lowering runs even after validation errors so that one run reports every problem.
        let lowered = lower(resolved, environment: environment, diagnostics: diagnostics)
        if diagnostics.hasErrors { return nil }
        return render(lowered, environment: environment)
    }

    /// Compiles several environments in parallel; diagnostics are reported in environment order.
    public func compile(_ environments: [Environment], diagnostics: DiagnosticCollector) -> [EnvironmentOutput] {
        let results = Mutex<[Int: (EnvironmentOutput?, [Diagnostic])]>([:])
        DispatchQueue.concurrentPerform(iterations: environments.count) { index in
            let local = DiagnosticCollector()
            let output = compile(environments[index], diagnostics: local)
            results.withLock { $0[index] = (output, local.diagnostics) }
        }
        let collected = results.withLock { $0 }
        var outputs: [EnvironmentOutput] = []
        for index in environments.indices {
            guard let (output, problems) = collected[index] else { continue }
            diagnostics.emit(contentsOf: problems)
            if let output { outputs.append(output) }
        }
        return outputs
    }
}

extension Array {
    func partitioningIndex(where belongsInSecondPartition: (Element) -> Bool) -> Int {
        firstIndex(where: belongsInSecondPartition) ?? endIndex
    }
}

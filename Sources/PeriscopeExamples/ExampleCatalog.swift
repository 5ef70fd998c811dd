import Periscope

/// The built-in example catalog that `periscope render` (and `make render`) renders.
///
/// It shows the intended style: each dashboard is a function of the environment, each row is
/// its own declaration, and what differs between environments comes from `environments/*.yaml`
/// (datasource uids, uid prefix, folder, refresh, `values`, the `env` selector and rule label).
/// It renders its rules as Prometheus rule files, promtool tests, PrometheusRule resources and
/// the Mimir ruler layout, and the HTTP service's SLOs (`ExampleSLOs`) with their rules,
/// promtool tests and dashboard.
public enum ExampleCatalog: CatalogDefinition {
    /// The catalog for one environment.
    public static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            GoRuntimeDashboard.dashboard(env)
            HTTPServiceDashboard.dashboard(env)
            PanelGalleryDashboard.dashboard(env)
            ExampleRules.groups(env)
            ExampleRuleTests.tests(env)
            ExampleSLOs.recordings(env)
            ExampleSLOs.slos(env)
            ExampleSLOs.tests(env)
        }
        .ruleOutputs([.kubernetes, .mimir])
    }
}

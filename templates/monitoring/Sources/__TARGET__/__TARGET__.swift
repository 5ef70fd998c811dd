import Periscope

/// The monitoring catalog of this repository: every dashboard, rule group, alert unit test and
/// SLO, rendered for each environment in `environments/` by
/// `swift run __TARGET__ render --env all --out build`.
@main
struct __TARGET__: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            ServiceDashboard.dashboard(env)
            ServiceAlerts.groups(env)
            ServiceAlerts.tests(env)
            ServiceSLOs.slos(env)
        }
    }
}

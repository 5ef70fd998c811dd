/// How a panel, query, variable or annotation names its datasource.
///
/// Definitions name datasources logically (`.named("metrics")`); each environment maps the
/// logical name to a Grafana datasource uid in `grafana.datasources`.
public enum DatasourceReference: Sendable, Hashable {
    /// A logical name resolved through the environment's `grafana.datasources`.
    case named(String)
    /// A dashboard variable of datasource type, written as `{"type": type, "uid": "${name}"}`;
    /// a name written with its `$` (`"$datasource"`, `"${datasource}"`) is kept as written.
    case variable(String, type: String)
    /// A fixed Grafana datasource, the same in every environment.
    case fixed(GrafanaDatasource)
    /// Grafana's built-in `-- Grafana --` datasource (used by built-in annotations).
    case grafana
    /// Grafana's `-- Mixed --` datasource, for panels whose queries use different datasources.
    case mixed
    /// Grafana's `-- Dashboard --` datasource, which reuses another panel's results.
    case dashboard

    /// The logical name used for Prometheus queries when nothing else is set.
    public static let defaultMetrics = DatasourceReference.named("metrics")
    /// The logical name used for Loki queries when nothing else is set.
    public static let defaultLogs = DatasourceReference.named("logs")
}

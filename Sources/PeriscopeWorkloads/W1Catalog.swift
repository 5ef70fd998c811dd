import Periscope

/// Workload W1 of ../shared/bench/WORKLOADS.md: per environment, `values.dashboards`
/// dashboards (200 in the full workload) of 4 rows × (4 timeseries + 2 stats), 40 queries each.
///
/// Written in the documented style: one declaration per row, one per panel kind.
public enum W1Catalog {
    struct Row_ {
        let title: String
        let prefix: String
    }

    static let rows = [Row_(title: "HTTP", prefix: "http"), Row_(title: "gRPC", prefix: "grpc"), Row_(title: "Database", prefix: "db"), Row_(title: "Cache", prefix: "cache")]
    static let datasource = DatasourceReference.variable("datasource", type: "prometheus")

    public static func catalog(_ env: Environment) -> Catalog {
        let count = env.values.int("dashboards")
        let factor = env.values.double("thresholdFactor")
        let datasourceUID = env.grafana.datasources["metrics"]?.uid ?? ""
        return Catalog {
            for index in 0..<count {
                dashboard(index, env: env.name.rawValue, factor: factor, datasourceUID: datasourceUID)
            }
        }
    }

    /// The workload's dev, staging and prod environments, as the bench writes them: folder `W1`,
    /// the `metrics` Prometheus datasource `prom-<env>`, `dashboards` dashboards each, and the
    /// threshold factors 4, 2 and 1.
    public static func environments(dashboards: Int) -> [Environment] {
        [("dev", 4), ("staging", 2), ("prod", 1)].map { name, factor in
            Environment(
                name: EnvironmentName(name),
                grafana: GrafanaSettings(folder: "W1", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-\(name)")]),
                values: [
                    EnvironmentEntry(key: "dashboards", value: .int(dashboards)),
                    EnvironmentEntry(key: "thresholdFactor", value: .int(factor)),
                ])
        }
    }

    static func service(_ index: Int) -> String {
        let digits = String(index)
        return "svc-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    public static func dashboard(_ index: Int, env: String, factor: Double, datasourceUID: String) -> Dashboard {
        let svc = service(index)
        let selector = "service=\"\(svc)\", namespace=\"$namespace\", env=\"\(env)\""
        return Dashboard("\(svc) overview (\(env))", uid: "w1-\(svc)-\(env)") {
            for row in rows {
                self.row(row, selector: selector, factor: factor)
            }
        }
        .tags("w1", "generated", env)
        .time(from: "now-6h")
        .timezone("utc")
        .refresh("1m")
        .defaultDatasource(datasource)
        .variables {
            DatasourceVariable("datasource", pluginType: "prometheus").label("Data source").current(datasourceUID)
            QueryVariable("namespace", query: "label_values(kube_pod_info, namespace)", datasource: datasource)
                .label("Namespace")
                .refresh(.onTimeRangeChange)
        }
    }

    static func row(_ row: Row_, selector sel: String, factor: Double) -> Row {
        let m = row.prefix
        let t = row.title
        let sel5 = sel + ", code=~\"5..\""
        let sel4 = sel + ", code=~\"4..\""
        return Row(t) {
            timeseries("\(t) request rate", unit: .requestsPerSecond, red: 1000 * factor, [
                ("sum by (route) (rate(\(m)_requests_total{\(sel)}[$__rate_interval]))", "{{route}}"),
                ("sum(rate(\(m)_requests_total{\(sel)}[$__rate_interval]))", "total"),
            ])
            timeseries("\(t) error ratio", unit: .percent, red: 5 * factor, [
                ("100 * sum(rate(\(m)_requests_total{\(sel5)}[$__rate_interval])) / sum(rate(\(m)_requests_total{\(sel)}[$__rate_interval]))", "5xx"),
                ("100 * sum(rate(\(m)_requests_total{\(sel4)}[$__rate_interval])) / sum(rate(\(m)_requests_total{\(sel)}[$__rate_interval]))", "4xx"),
            ])
            timeseries("\(t) latency", unit: .seconds, red: 1 * factor, [
                ("histogram_quantile(0.99, sum by (le) (rate(\(m)_request_duration_seconds_bucket{\(sel)}[$__rate_interval])))", "p99"),
                ("histogram_quantile(0.5, sum by (le) (rate(\(m)_request_duration_seconds_bucket{\(sel)}[$__rate_interval])))", "p50"),
            ])
            timeseries("\(t) in-flight requests", unit: .short, red: 100 * factor, [
                ("sum by (pod) (\(m)_inflight_requests{\(sel)})", "{{pod}}"),
                ("max_over_time(sum(\(m)_inflight_requests{\(sel)})[1h:1m])", "max 1h"),
            ])
            stat("\(t) requests (24h)", unit: .short, red: 1_000_000 * factor, "sum(increase(\(m)_requests_total{\(sel)}[1d]))")
            stat("\(t) 5xx ratio (24h)", unit: .percent, red: 1 * factor,
                 "100 * sum(increase(\(m)_requests_total{\(sel5)}[1d])) / sum(increase(\(m)_requests_total{\(sel)}[1d]))")
        }
    }

    static func timeseries(_ title: String, unit: Unit, red: Double, _ queries: [(String, String)]) -> TimeSeries {
        TimeSeries(title) {
            for (expr, legend) in queries {
                PrometheusQuery(expr).legendFormat(legend).datasource(datasource)
            }
        }
        .unit(unit)
        .thresholds([.base(.green), .step(red, .red)])
    }

    static func stat(_ title: String, unit: Unit, red: Double, _ expr: String) -> Stat {
        Stat(title) {
            PrometheusQuery(expr).datasource(datasource)
        }
        .unit(unit)
        .thresholds([.base(.green), .step(red, .red)])
        .size(width: 12, height: 4)
    }
}

import Periscope

/// The monitoring catalog of this repository: `swift run Monitoring render --env all --out build`.
@main
struct Monitoring: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            Service.dashboard(env)
        }
    }
}

/// One service's dashboard. Declare each row on its own, as below, to keep type-checking fast.
enum Service {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("My service", uid: "my-service") {
            traffic(env)
        }
        .tags("my-service")
        .time(from: "now-6h")
        .variables {
            QueryVariable("job", query: "label_values(http_requests_total, job)").label("Job")
        }
    }

    static func traffic(_ env: Environment) -> Row {
        Row("Traffic") {
            TimeSeries("Requests") {
                PrometheusQuery(#"sum by (route) (rate(http_requests_total{job="$job"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)

            Stat("Error ratio") {
                PrometheusQuery(#"sum(rate(http_requests_total{job="$job", code=~"5.."}[5m])) / sum(rate(http_requests_total{job="$job"}[5m]))"#)
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(env.values.double("errorRatioThreshold"), .red)])
        }
    }
}

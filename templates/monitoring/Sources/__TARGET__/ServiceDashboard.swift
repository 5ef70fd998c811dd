import Periscope

/// One service's dashboard. Declare each row on its own, as below, to keep type-checking fast.
enum ServiceDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("My service", uid: "my-service") {
            traffic(env)
            latency
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

    static var latency: Row {
        Row("Latency") {
            TimeSeries("p99") {
                PrometheusQuery(#"histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="$job"}[$__rate_interval])))"#)
            }
            .unit(.seconds)
            .width(24)
        }
    }
}

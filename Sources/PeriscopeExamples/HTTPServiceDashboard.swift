import Periscope

/// "HTTP service (RED)": request rate, errors and duration of an HTTP service.
enum HTTPServiceDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("HTTP service (RED)", uid: "http-red") {
            summary(env)
            traffic
            latency
        }
        .description("Rate, errors and duration of HTTP requests, by route.")
        .tags("http", "red", "periscope-example")
        .time(from: "now-3h")
        .timezone("utc")
        .graphTooltip(.sharedCrosshair)
        .links(.link("Runbooks", url: "https://runbooks.example.com/http", targetBlank: true))
        .variables {
            QueryVariable("job", query: "label_values(http_requests_total, job)")
                .label("Job")
                .refresh(.onTimeRangeChange)
            QueryVariable("route", query: #"label_values(http_requests_total{job="$job"}, route)"#)
                .label("Route")
                .multi()
                .includeAll(allValue: ".*")
                .refresh(.onTimeRangeChange)
        }
        .annotations(.builtIn())
        .in(.prod) { $0.refresh("30s") }
    }

    static func summary(_ env: Environment) -> Row {
        let threshold = env.values.double("errorRatioThreshold")
        return Row("Summary") {
            Stat("Requests per second") {
                PrometheusQuery(#"sum(rate(http_requests_total{job="$job"}[$__rate_interval]))"#)
            }
            .unit(.requestsPerSecond)
            .decimals(1)
            .graphMode(.area)

            Stat("5xx error ratio") {
                PrometheusQuery(#"sum(rate(http_requests_total{job="$job", code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{job="$job"}[$__rate_interval]))"#)
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            .thresholds([.base(.green), .step(threshold / 2, .orange), .step(threshold, .red)])

            Stat("p99 latency") {
                PrometheusQuery(#"histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="$job"}[$__rate_interval])))"#)
            }
            .unit(.seconds)
            .thresholds([.base(.green), .step(env.values.double("p99LatencySeconds"), .red)])
        }
    }

    static var traffic: Row {
        Row("Traffic and errors") {
            TimeSeries("Request rate by route") {
                PrometheusQuery(#"sum by (route) (rate(http_requests_total{job="$job", route=~"$route"}[$__rate_interval]))"#)
                    .legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .stacking(.normal)
            .fillOpacity(20)

            TimeSeries("5xx error ratio by route") {
                PrometheusQuery(#"sum by (route) (rate(http_requests_total{job="$job", route=~"$route", code=~"5.."}[$__rate_interval])) / sum by (route) (rate(http_requests_total{job="$job", route=~"$route"}[$__rate_interval]))"#)
                    .legendFormat("{{route}}")
            }
            .unit(.percentUnit)
            .min(0)
        }
    }

    static var latency: Row {
        Row("Latency") {
            TimeSeries("Latency quantiles") {
                for (quantile, legend) in [("0.5", "p50"), ("0.9", "p90"), ("0.99", "p99")] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(http_request_duration_seconds_bucket{job=\"$job\", route=~\"$route\"}[$__rate_interval])))")
                        .legendFormat(legend)
                }
            }
            .unit(.seconds)
            .width(24)
            .override(.byName("p99")) { FieldProperty.color(.fixed(.red)) }
        }
    }
}

// Compile-time canary: a realistic 200-panel dashboard written in the documented style
// (one declaration per row). `make canary` type-checks this file with
// -warn-long-function-bodies / -warn-long-expression-type-checking and fails if any body
// or expression takes longer than the limit. It is not part of any target.
import PeriscopeDSL

enum CanaryDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("Platform overview", uid: "platform-overview") {
            apiRow(env)
            authRow(env)
            billingRow(env)
            cartRow(env)
            catalogRow(env)
            checkoutRow(env)
            dbRow(env)
            cacheRow(env)
            queueRow(env)
            searchRow(env)
            paymentsRow(env)
            inventoryRow(env)
            shippingRow(env)
            emailRow(env)
            imagesRow(env)
            ledgerRow(env)
            gatewayRow(env)
            sessionsRow(env)
            reportsRow(env)
            mlRow(env)
        }
        .tags("platform", "canary")
        .time(from: "now-6h")
        .variables {
            QueryVariable("cluster", query: "label_values(up, cluster)").label("Cluster")
            QueryVariable("namespace", query: #"label_values(kube_pod_info{cluster="$cluster"}, namespace)"#).multi().includeAll()
        }
    }

    static func apiRow(_ env: Environment) -> Row {
        let threshold = env.values.value("apiErrorRatio", default: 0.05)
        return Row("Api") {
            TimeSeries("api: request rate") {
                PrometheusQuery(#"sum by (route) (rate(api_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("api: errors") {
                PrometheusQuery(#"sum(rate(api_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(api_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(api_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(api_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("api: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(api_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("api: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="api"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("api: availability") {
                PrometheusQuery("avg_over_time(up{job=\"api\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("api: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"api-.*"})"#)
            }
            .graphMode(.none)
            Gauge("api: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="api"}) / sum(kube_pod_container_resource_limits{resource="memory", container="api"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("api: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(api_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("api: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(api_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("api: notes", markdown: "Owned by the **api** team. Runbook: https://runbooks.example.com/api")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func authRow(_ env: Environment) -> Row {
        let threshold = env.values.value("authErrorRatio", default: 0.05)
        return Row("Auth") {
            TimeSeries("auth: request rate") {
                PrometheusQuery(#"sum by (route) (rate(auth_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("auth: errors") {
                PrometheusQuery(#"sum(rate(auth_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(auth_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(auth_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(auth_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("auth: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(auth_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("auth: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="auth"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("auth: availability") {
                PrometheusQuery("avg_over_time(up{job=\"auth\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("auth: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"auth-.*"})"#)
            }
            .graphMode(.none)
            Gauge("auth: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="auth"}) / sum(kube_pod_container_resource_limits{resource="memory", container="auth"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("auth: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(auth_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("auth: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(auth_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("auth: notes", markdown: "Owned by the **auth** team. Runbook: https://runbooks.example.com/auth")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func billingRow(_ env: Environment) -> Row {
        let threshold = env.values.value("billingErrorRatio", default: 0.05)
        return Row("Billing") {
            TimeSeries("billing: request rate") {
                PrometheusQuery(#"sum by (route) (rate(billing_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("billing: errors") {
                PrometheusQuery(#"sum(rate(billing_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(billing_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(billing_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(billing_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("billing: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(billing_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("billing: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="billing"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("billing: availability") {
                PrometheusQuery("avg_over_time(up{job=\"billing\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("billing: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"billing-.*"})"#)
            }
            .graphMode(.none)
            Gauge("billing: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="billing"}) / sum(kube_pod_container_resource_limits{resource="memory", container="billing"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("billing: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(billing_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("billing: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(billing_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("billing: notes", markdown: "Owned by the **billing** team. Runbook: https://runbooks.example.com/billing")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func cartRow(_ env: Environment) -> Row {
        let threshold = env.values.value("cartErrorRatio", default: 0.05)
        return Row("Cart") {
            TimeSeries("cart: request rate") {
                PrometheusQuery(#"sum by (route) (rate(cart_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("cart: errors") {
                PrometheusQuery(#"sum(rate(cart_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(cart_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(cart_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(cart_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("cart: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(cart_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("cart: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="cart"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("cart: availability") {
                PrometheusQuery("avg_over_time(up{job=\"cart\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("cart: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"cart-.*"})"#)
            }
            .graphMode(.none)
            Gauge("cart: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="cart"}) / sum(kube_pod_container_resource_limits{resource="memory", container="cart"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("cart: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(cart_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("cart: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(cart_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("cart: notes", markdown: "Owned by the **cart** team. Runbook: https://runbooks.example.com/cart")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func catalogRow(_ env: Environment) -> Row {
        let threshold = env.values.value("catalogErrorRatio", default: 0.05)
        return Row("Catalog") {
            TimeSeries("catalog: request rate") {
                PrometheusQuery(#"sum by (route) (rate(catalog_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("catalog: errors") {
                PrometheusQuery(#"sum(rate(catalog_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(catalog_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(catalog_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(catalog_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("catalog: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(catalog_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("catalog: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="catalog"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("catalog: availability") {
                PrometheusQuery("avg_over_time(up{job=\"catalog\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("catalog: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"catalog-.*"})"#)
            }
            .graphMode(.none)
            Gauge("catalog: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="catalog"}) / sum(kube_pod_container_resource_limits{resource="memory", container="catalog"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("catalog: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(catalog_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("catalog: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(catalog_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("catalog: notes", markdown: "Owned by the **catalog** team. Runbook: https://runbooks.example.com/catalog")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func checkoutRow(_ env: Environment) -> Row {
        let threshold = env.values.value("checkoutErrorRatio", default: 0.05)
        return Row("Checkout") {
            TimeSeries("checkout: request rate") {
                PrometheusQuery(#"sum by (route) (rate(checkout_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("checkout: errors") {
                PrometheusQuery(#"sum(rate(checkout_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(checkout_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(checkout_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(checkout_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("checkout: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(checkout_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("checkout: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="checkout"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("checkout: availability") {
                PrometheusQuery("avg_over_time(up{job=\"checkout\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("checkout: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"checkout-.*"})"#)
            }
            .graphMode(.none)
            Gauge("checkout: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="checkout"}) / sum(kube_pod_container_resource_limits{resource="memory", container="checkout"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("checkout: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(checkout_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("checkout: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(checkout_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("checkout: notes", markdown: "Owned by the **checkout** team. Runbook: https://runbooks.example.com/checkout")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func dbRow(_ env: Environment) -> Row {
        let threshold = env.values.value("dbErrorRatio", default: 0.05)
        return Row("Db") {
            TimeSeries("db: request rate") {
                PrometheusQuery(#"sum by (route) (rate(db_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("db: errors") {
                PrometheusQuery(#"sum(rate(db_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(db_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(db_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(db_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("db: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(db_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("db: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="db"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("db: availability") {
                PrometheusQuery("avg_over_time(up{job=\"db\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("db: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"db-.*"})"#)
            }
            .graphMode(.none)
            Gauge("db: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="db"}) / sum(kube_pod_container_resource_limits{resource="memory", container="db"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("db: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(db_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("db: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(db_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("db: notes", markdown: "Owned by the **db** team. Runbook: https://runbooks.example.com/db")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func cacheRow(_ env: Environment) -> Row {
        let threshold = env.values.value("cacheErrorRatio", default: 0.05)
        return Row("Cache") {
            TimeSeries("cache: request rate") {
                PrometheusQuery(#"sum by (route) (rate(cache_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("cache: errors") {
                PrometheusQuery(#"sum(rate(cache_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(cache_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(cache_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(cache_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("cache: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(cache_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("cache: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="cache"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("cache: availability") {
                PrometheusQuery("avg_over_time(up{job=\"cache\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("cache: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"cache-.*"})"#)
            }
            .graphMode(.none)
            Gauge("cache: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="cache"}) / sum(kube_pod_container_resource_limits{resource="memory", container="cache"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("cache: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(cache_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("cache: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(cache_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("cache: notes", markdown: "Owned by the **cache** team. Runbook: https://runbooks.example.com/cache")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func queueRow(_ env: Environment) -> Row {
        let threshold = env.values.value("queueErrorRatio", default: 0.05)
        return Row("Queue") {
            TimeSeries("queue: request rate") {
                PrometheusQuery(#"sum by (route) (rate(queue_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("queue: errors") {
                PrometheusQuery(#"sum(rate(queue_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(queue_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(queue_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(queue_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("queue: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(queue_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("queue: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="queue"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("queue: availability") {
                PrometheusQuery("avg_over_time(up{job=\"queue\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("queue: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"queue-.*"})"#)
            }
            .graphMode(.none)
            Gauge("queue: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="queue"}) / sum(kube_pod_container_resource_limits{resource="memory", container="queue"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("queue: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(queue_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("queue: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(queue_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("queue: notes", markdown: "Owned by the **queue** team. Runbook: https://runbooks.example.com/queue")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func searchRow(_ env: Environment) -> Row {
        let threshold = env.values.value("searchErrorRatio", default: 0.05)
        return Row("Search") {
            TimeSeries("search: request rate") {
                PrometheusQuery(#"sum by (route) (rate(search_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("search: errors") {
                PrometheusQuery(#"sum(rate(search_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(search_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(search_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(search_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("search: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(search_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("search: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="search"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("search: availability") {
                PrometheusQuery("avg_over_time(up{job=\"search\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("search: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"search-.*"})"#)
            }
            .graphMode(.none)
            Gauge("search: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="search"}) / sum(kube_pod_container_resource_limits{resource="memory", container="search"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("search: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(search_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("search: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(search_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("search: notes", markdown: "Owned by the **search** team. Runbook: https://runbooks.example.com/search")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func paymentsRow(_ env: Environment) -> Row {
        let threshold = env.values.value("paymentsErrorRatio", default: 0.05)
        return Row("Payments") {
            TimeSeries("payments: request rate") {
                PrometheusQuery(#"sum by (route) (rate(payments_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("payments: errors") {
                PrometheusQuery(#"sum(rate(payments_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(payments_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(payments_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(payments_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("payments: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(payments_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("payments: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="payments"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("payments: availability") {
                PrometheusQuery("avg_over_time(up{job=\"payments\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("payments: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"payments-.*"})"#)
            }
            .graphMode(.none)
            Gauge("payments: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="payments"}) / sum(kube_pod_container_resource_limits{resource="memory", container="payments"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("payments: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(payments_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("payments: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(payments_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("payments: notes", markdown: "Owned by the **payments** team. Runbook: https://runbooks.example.com/payments")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func inventoryRow(_ env: Environment) -> Row {
        let threshold = env.values.value("inventoryErrorRatio", default: 0.05)
        return Row("Inventory") {
            TimeSeries("inventory: request rate") {
                PrometheusQuery(#"sum by (route) (rate(inventory_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("inventory: errors") {
                PrometheusQuery(#"sum(rate(inventory_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(inventory_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(inventory_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(inventory_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("inventory: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(inventory_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("inventory: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="inventory"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("inventory: availability") {
                PrometheusQuery("avg_over_time(up{job=\"inventory\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("inventory: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"inventory-.*"})"#)
            }
            .graphMode(.none)
            Gauge("inventory: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="inventory"}) / sum(kube_pod_container_resource_limits{resource="memory", container="inventory"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("inventory: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(inventory_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("inventory: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(inventory_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("inventory: notes", markdown: "Owned by the **inventory** team. Runbook: https://runbooks.example.com/inventory")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func shippingRow(_ env: Environment) -> Row {
        let threshold = env.values.value("shippingErrorRatio", default: 0.05)
        return Row("Shipping") {
            TimeSeries("shipping: request rate") {
                PrometheusQuery(#"sum by (route) (rate(shipping_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("shipping: errors") {
                PrometheusQuery(#"sum(rate(shipping_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(shipping_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(shipping_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(shipping_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("shipping: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(shipping_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("shipping: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="shipping"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("shipping: availability") {
                PrometheusQuery("avg_over_time(up{job=\"shipping\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("shipping: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"shipping-.*"})"#)
            }
            .graphMode(.none)
            Gauge("shipping: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="shipping"}) / sum(kube_pod_container_resource_limits{resource="memory", container="shipping"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("shipping: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(shipping_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("shipping: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(shipping_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("shipping: notes", markdown: "Owned by the **shipping** team. Runbook: https://runbooks.example.com/shipping")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func emailRow(_ env: Environment) -> Row {
        let threshold = env.values.value("emailErrorRatio", default: 0.05)
        return Row("Email") {
            TimeSeries("email: request rate") {
                PrometheusQuery(#"sum by (route) (rate(email_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("email: errors") {
                PrometheusQuery(#"sum(rate(email_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(email_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(email_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(email_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("email: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(email_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("email: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="email"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("email: availability") {
                PrometheusQuery("avg_over_time(up{job=\"email\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("email: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"email-.*"})"#)
            }
            .graphMode(.none)
            Gauge("email: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="email"}) / sum(kube_pod_container_resource_limits{resource="memory", container="email"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("email: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(email_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("email: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(email_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("email: notes", markdown: "Owned by the **email** team. Runbook: https://runbooks.example.com/email")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func imagesRow(_ env: Environment) -> Row {
        let threshold = env.values.value("imagesErrorRatio", default: 0.05)
        return Row("Images") {
            TimeSeries("images: request rate") {
                PrometheusQuery(#"sum by (route) (rate(images_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("images: errors") {
                PrometheusQuery(#"sum(rate(images_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(images_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(images_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(images_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("images: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(images_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("images: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="images"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("images: availability") {
                PrometheusQuery("avg_over_time(up{job=\"images\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("images: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"images-.*"})"#)
            }
            .graphMode(.none)
            Gauge("images: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="images"}) / sum(kube_pod_container_resource_limits{resource="memory", container="images"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("images: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(images_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("images: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(images_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("images: notes", markdown: "Owned by the **images** team. Runbook: https://runbooks.example.com/images")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func ledgerRow(_ env: Environment) -> Row {
        let threshold = env.values.value("ledgerErrorRatio", default: 0.05)
        return Row("Ledger") {
            TimeSeries("ledger: request rate") {
                PrometheusQuery(#"sum by (route) (rate(ledger_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("ledger: errors") {
                PrometheusQuery(#"sum(rate(ledger_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(ledger_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(ledger_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(ledger_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("ledger: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(ledger_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("ledger: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="ledger"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("ledger: availability") {
                PrometheusQuery("avg_over_time(up{job=\"ledger\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("ledger: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"ledger-.*"})"#)
            }
            .graphMode(.none)
            Gauge("ledger: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="ledger"}) / sum(kube_pod_container_resource_limits{resource="memory", container="ledger"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("ledger: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(ledger_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("ledger: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(ledger_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("ledger: notes", markdown: "Owned by the **ledger** team. Runbook: https://runbooks.example.com/ledger")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func gatewayRow(_ env: Environment) -> Row {
        let threshold = env.values.value("gatewayErrorRatio", default: 0.05)
        return Row("Gateway") {
            TimeSeries("gateway: request rate") {
                PrometheusQuery(#"sum by (route) (rate(gateway_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("gateway: errors") {
                PrometheusQuery(#"sum(rate(gateway_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(gateway_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(gateway_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(gateway_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("gateway: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(gateway_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("gateway: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="gateway"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("gateway: availability") {
                PrometheusQuery("avg_over_time(up{job=\"gateway\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("gateway: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"gateway-.*"})"#)
            }
            .graphMode(.none)
            Gauge("gateway: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="gateway"}) / sum(kube_pod_container_resource_limits{resource="memory", container="gateway"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("gateway: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(gateway_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("gateway: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(gateway_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("gateway: notes", markdown: "Owned by the **gateway** team. Runbook: https://runbooks.example.com/gateway")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func sessionsRow(_ env: Environment) -> Row {
        let threshold = env.values.value("sessionsErrorRatio", default: 0.05)
        return Row("Sessions") {
            TimeSeries("sessions: request rate") {
                PrometheusQuery(#"sum by (route) (rate(sessions_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("sessions: errors") {
                PrometheusQuery(#"sum(rate(sessions_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(sessions_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(sessions_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(sessions_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("sessions: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(sessions_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("sessions: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="sessions"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("sessions: availability") {
                PrometheusQuery("avg_over_time(up{job=\"sessions\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("sessions: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"sessions-.*"})"#)
            }
            .graphMode(.none)
            Gauge("sessions: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="sessions"}) / sum(kube_pod_container_resource_limits{resource="memory", container="sessions"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("sessions: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(sessions_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("sessions: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(sessions_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("sessions: notes", markdown: "Owned by the **sessions** team. Runbook: https://runbooks.example.com/sessions")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func reportsRow(_ env: Environment) -> Row {
        let threshold = env.values.value("reportsErrorRatio", default: 0.05)
        return Row("Reports") {
            TimeSeries("reports: request rate") {
                PrometheusQuery(#"sum by (route) (rate(reports_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("reports: errors") {
                PrometheusQuery(#"sum(rate(reports_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(reports_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(reports_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(reports_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("reports: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(reports_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("reports: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="reports"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("reports: availability") {
                PrometheusQuery("avg_over_time(up{job=\"reports\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("reports: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"reports-.*"})"#)
            }
            .graphMode(.none)
            Gauge("reports: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="reports"}) / sum(kube_pod_container_resource_limits{resource="memory", container="reports"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("reports: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(reports_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("reports: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(reports_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("reports: notes", markdown: "Owned by the **reports** team. Runbook: https://runbooks.example.com/reports")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

    static func mlRow(_ env: Environment) -> Row {
        let threshold = env.values.value("mlErrorRatio", default: 0.05)
        return Row("Ml") {
            TimeSeries("ml: request rate") {
                PrometheusQuery(#"sum by (route) (rate(ml_requests_total{namespace=~"$namespace"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)
            .legend(.table, placement: .right, calcs: [.mean, .max])
            TimeSeries("ml: errors") {
                PrometheusQuery(#"sum(rate(ml_requests_total{code=~"5.."}[$__rate_interval])) / sum(rate(ml_requests_total[$__rate_interval]))"#).legendFormat("5xx")
                PrometheusQuery(#"sum(rate(ml_requests_total{code=~"4.."}[$__rate_interval])) / sum(rate(ml_requests_total[$__rate_interval]))"#).legendFormat("4xx")
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(threshold, .red)])
            TimeSeries("ml: latency") {
                for quantile in ["0.5", "0.9", "0.99"] {
                    PrometheusQuery("histogram_quantile(\(quantile), sum by (le) (rate(ml_request_duration_seconds_bucket[5m])))").legendFormat("p\(quantile)")
                }
            }
            .unit(.seconds)
            TimeSeries("ml: saturation") {
                PrometheusQuery(#"sum by (pod) (rate(container_cpu_usage_seconds_total{container="ml"}[5m]))"#).legendFormat("{{pod}}")
            }
            .unit(.short)
            .fillOpacity(10)
            Stat("ml: availability") {
                PrometheusQuery("avg_over_time(up{job=\"ml\"}[1d])")
            }
            .unit(.percentUnit)
            .decimals(2)
            .colorMode(.background)
            Stat("ml: pods") {
                PrometheusQuery(#"count(kube_pod_info{namespace=~"$namespace", pod=~"ml-.*"})"#)
            }
            .graphMode(.none)
            Gauge("ml: memory") {
                PrometheusQuery(#"sum(container_memory_working_set_bytes{container="ml"}) / sum(kube_pod_container_resource_limits{resource="memory", container="ml"})"#)
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(0.8, .orange), .step(0.9, .red)])
            BarGauge("ml: top routes") {
                PrometheusQuery("topk(5, sum by (route) (rate(ml_requests_total[5m])))").legendFormat("{{route}}")
            }
            .displayMode(.gradient)
            Table("ml: slow routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(ml_request_duration_seconds_bucket[5m]))))").instant().format(.table)
            }
            .unit(.seconds)
            .width(12)
            Text("ml: notes", markdown: "Owned by the **ml** team. Runbook: https://runbooks.example.com/ml")
                .width(12)
        }
        .collapsed(env.is(.prod) == false)
    }

}

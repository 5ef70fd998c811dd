import Periscope

/// "Panel gallery": one panel of every type Periscope models, so the golden files cover them all.
enum PanelGalleryDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("Panel gallery", uid: "panel-gallery") {
            Text("About", markdown: "Every panel type Periscope models, rendered for **\(env.name)**.")
            graphs
            singleValues(env)
            distributions
            states
            logsAndAlerts
        }
        .description("A reference dashboard with one panel of every supported type.")
        .tags("gallery", "periscope-example")
        .lintDisabled("dashboard-variable-unused", reason: "the gallery shows every variable kind; not every one filters a panel")
        .time(from: "now-1h")
        .variables {
            DatasourceVariable("datasource", pluginType: "prometheus").label("Data source")
            CustomVariable("quantile", values: ["0.5", "0.9", "0.99"]).label("Quantile").current("0.99")
            IntervalVariable("window", values: ["1m", "5m", "1h"]).label("Window").current("5m")
            ConstantVariable("service", value: "checkout")
            TextboxVariable("filter").label("Route filter")
            AdhocVariable("adhoc", datasource: .variable("datasource", type: "prometheus")).label("Filters")
        }
        .annotations(
            .builtIn(),
            .prometheus("Deploys", expr: "changes(kube_deployment_status_observed_generation[5m]) > 0", titleFormat: "{{deployment}}", step: "1m"))
    }

    static var graphs: Row {
        Row("Graphs") {
            TimeSeries("Timeseries: CPU by mode") {
                PrometheusQuery("sum by (mode) (rate(node_cpu_seconds_total[$window]))").legendFormat("{{mode}}")
            }
            .unit(.percentUnit)
            .stacking(.percent)
            .fillOpacity(30)
            .tooltip(.multi, sort: .descending)

            BarChart("Bar chart: requests by route") {
                PrometheusQuery("sum by (route) (increase(http_requests_total[1h]))").instant().format(.table)
            }
            .xField("route")
            .showValue(.always)
            .unit(.short)
            .transformation(.seriesToRows)
        }
    }

    static func singleValues(_ env: Environment) -> Row {
        Row("Single values") {
            Stat("Stat: up targets") {
                PrometheusQuery("sum(up)")
            }
            .graphMode(.none)
            .unit(.short)
            .mappings([.value("0", text: "DOWN", color: .red)])

            Gauge("Gauge: disk used") {
                PrometheusQuery("1 - node_filesystem_avail_bytes / node_filesystem_size_bytes")
            }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .thresholds([.base(.green), .step(80, .orange), .step(90, .red)], mode: .percentage)
            .showThresholdMarkers()

            BarGauge("Bar gauge: memory by pod") {
                PrometheusQuery("topk(5, sum by (pod) (container_memory_working_set_bytes))").legendFormat("{{pod}}")
            }
            .unit(.bytes)
            .displayMode(.gradient)

            Table("Table: slowest routes") {
                PrometheusQuery("topk(10, histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket[5m]))))")
                    .instant()
                    .format(.table)
            }
            .unit(.seconds)
            .sortBy("Value", descending: true)
            .override(.byRegex("Time|__name__")) { FieldProperty.hidden() }
        }
    }

    static var distributions: Row {
        Row("Distributions") {
            Heatmap("Heatmap: request durations") {
                PrometheusQuery("sum by (le) (increase(http_request_duration_seconds_bucket[$__rate_interval]))")
                    .format(.heatmap)
                    .legendFormat("{{le}}")
            }
            .calculate(false)
            .cellGap(1)
            .unit(.short)

            Histogram("Histogram: response sizes") {
                PrometheusQuery("http_response_size_bytes")
            }
            .bucketCount(20)
            .unit(.bytes)

            PieChart("Pie chart: traffic by status") {
                PrometheusQuery("sum by (code) (increase(http_requests_total[1h]))").legendFormat("{{code}}")
            }
            .pieType(.donut)
            .displayLabels(.percent)
            .unit(.short)
        }
    }

    static var states: Row {
        Row("States", collapsed: true) {
            StateTimeline("State timeline: target health") {
                PrometheusQuery("up").legendFormat("{{instance}}")
            }
            .mergeValues()
            .mappings([.value("0", text: "down", color: .red), .value("1", text: "up", color: .green)])

            StatusHistory("Status history: error budget") {
                PrometheusQuery("slo:sli_error:ratio_rate5m").legendFormat("{{sloth_service}}")
            }
            .showValue(.never)
        }
    }

    static var logsAndAlerts: Row {
        Row("Logs and alerts") {
            Logs("Logs: errors") {
                LokiQuery(#"{app="checkout"} |= "error""#)
            }
            .showTime()
            .wrapLogMessage()
            .sortOrder(.descending)

            AlertList("Alert list: firing")
                .stateFilter([.firing, .pending])
                .maxItems(20)
        }
    }
}

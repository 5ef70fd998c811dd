import Periscope

/// "Go runtime": goroutines, GC pauses, heap and OS threads of Go services, per job and instance.
enum GoRuntimeDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("Go runtime", uid: "go-runtime") {
            overview(env)
            memory
        }
        .description("Runtime health of Go services: goroutines, garbage collection, heap and threads.")
        .tags("go", "runtime", "periscope-example")
        .time(from: "now-6h")
        .timezone("utc")
        .graphTooltip(.sharedCrosshair)
        .variables {
            QueryVariable("job", query: "label_values(go_goroutines, job)")
                .label("Job")
                .refresh(.onTimeRangeChange)
                .sort(.alphabeticalAscending)
            QueryVariable("instance", query: #"label_values(go_goroutines{job="$job"}, instance)"#)
                .label("Instance")
                .multi()
                .includeAll(allValue: ".*")
                .refresh(.onTimeRangeChange)
                .sort(.alphabeticalAscending)
        }
        .annotations(.builtIn())
    }

    static func overview(_ env: Environment) -> Row {
        Row("Overview") {
            TimeSeries("Goroutines") {
                PrometheusQuery(#"sum by (instance) (go_goroutines{job="$job", instance=~"$instance"})"#)
                    .legendFormat("{{instance}}")
            }
            .description("Live goroutines; a steady climb usually means a leak.")
            .unit(.short)
            .thresholds([.base(.green), .step(env.values.double("goroutineThreshold"), .red)])
            .thresholdsStyle(.line)
            .legend(.table, placement: .right, calcs: [.lastNotNull, .max])

            TimeSeries("GC pause duration") {
                PrometheusQuery(#"max by (quantile) (go_gc_duration_seconds{job="$job", instance=~"$instance"})"#)
                    .legendFormat("q{{quantile}}")
            }
            .description("Stop-the-world GC pause quantiles (0, 0.25, 0.5, 0.75, 1).")
            .unit(.seconds)
        }
    }

    static var memory: Row {
        Row("Memory and threads") {
            TimeSeries("Heap in use") {
                PrometheusQuery(#"sum by (instance) (go_memstats_heap_alloc_bytes{job="$job", instance=~"$instance"})"#)
                    .legendFormat("{{instance}}")
            }
            .unit(.bytes)
            .fillOpacity(10)

            TimeSeries("OS threads") {
                PrometheusQuery(#"sum by (instance) (go_threads{job="$job", instance=~"$instance"})"#)
                    .legendFormat("{{instance}}")
            }
            .unit(.short)
            .decimals(0)
        }
    }
}

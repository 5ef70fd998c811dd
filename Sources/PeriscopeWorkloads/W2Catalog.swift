import Periscope

/// Workload W2 of ../shared/bench/WORKLOADS.md (content: ../shared/bench/w2_spec.py): per
/// environment, `values.services` rule groups (500 in the full workload) of 4 recording rules
/// and 4 alerts, all in namespace `w2` (one file, `prometheus/rules/w2.yaml`).
///
/// Thresholds come from `values`, severities from `alerting.severities`; the selectors are
/// part of each expression as the spec writes them, so the environments set no
/// `prometheus.selectors` or `ruleLabels`.
public enum W2Catalog {
    public static func catalog(_ env: Environment) -> Catalog {
        let count = env.values.int("services")
        let errorThreshold = env.values.promQLNumber("errorRatioThreshold")
        let latencyThreshold = env.values.promQLNumber("p99LatencySeconds")
        let name = env.name.rawValue
        return Catalog {
            for index in 0..<count {
                group(index, env: name, errorThreshold: errorThreshold, latencyThreshold: latencyThreshold)
            }
        }
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public static func group(_ index: Int, env: String, errorThreshold: String, latencyThreshold: String) -> RuleGroup {
        let svc = "svc-" + padded(index, 3)
        let sel = "service=\"\(svc)\", env=\"\(env)\""
        let labels = ["service": svc, "team": "team-" + padded(index % 20, 2)]
        let runbook = "https://runbooks.example.com/\(svc)"
        return RuleGroup("\(svc).rules", namespace: "w2") {
            RecordingRule("service:http_requests:rate5m", expr: "sum by (service, env) (rate(http_requests_total{\(sel)}[5m]))")
                .labels(labels)
            RecordingRule("service:http_errors:rate5m", expr: "sum by (service, env) (rate(http_requests_total{\(sel), code=~\"5..\"}[5m]))")
                .labels(labels)
            RecordingRule("service:http_error_ratio:rate5m", expr: "service:http_errors:rate5m{\(sel)} / service:http_requests:rate5m{\(sel)}")
                .labels(labels)
            RecordingRule(
                "service:http_request_duration_seconds:p99_5m",
                expr: "histogram_quantile(0.99, sum by (service, env, le) (rate(http_request_duration_seconds_bucket{\(sel)}[5m])))")
                .labels(labels)
            AlertRule("HighErrorRate", expr: "service:http_error_ratio:rate5m{\(sel)} > \(errorThreshold)")
                .for("5m")
                .severity(.page)
                .labels(labels)
                .summary("High 5xx ratio on \(svc) (\(env))")
                .description("{{ $value | humanizePercentage }} of requests to \(svc) fail.")
                .runbook(base: runbook)
            AlertRule("HighLatencyP99", expr: "service:http_request_duration_seconds:p99_5m{\(sel)} > \(latencyThreshold)")
                .for("10m")
                .severity(.ticket)
                .labels(labels)
                .summary("High p99 latency on \(svc) (\(env))")
                .description("p99 latency of \(svc) is {{ $value | humanizeDuration }}.")
                .runbook(base: runbook)
            AlertRule("TargetDown", expr: "100 * (count by (service, env) (up{\(sel)} == 0) / count by (service, env) (up{\(sel)})) > 10")
                .for("5m")
                .severity(.page)
                .labels(labels)
                .summary("Targets of \(svc) are down (\(env))")
                .description("{{ printf \"%.1f\" $value }}% of \(svc) targets are down.")
                .runbook(base: runbook)
            AlertRule(
                "PodCrashLooping",
                expr: "max_over_time(kube_pod_container_status_waiting_reason{namespace=\"\(svc)\", env=\"\(env)\", reason=\"CrashLoopBackOff\"}[5m]) >= 1")
                .for("15m")
                .severity(.ticket)
                .labels(labels)
                .summary("Pod {{ $labels.pod }} of \(svc) is crash looping (\(env))")
                .description("Container {{ $labels.container }} keeps restarting.")
                .runbook(base: runbook)
        }
        .interval("1m")
    }
}

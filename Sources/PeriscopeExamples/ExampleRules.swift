import Periscope

/// The seed scenario's Prometheus rules: RED recording rules, a goroutine leak, the 5xx ratio
/// and p99 latency, with thresholds and severities from the environment.
///
/// Every rule is its own declaration, so the group builders stay quick to type-check.
public enum ExampleRules {
    /// The rule namespace: `prometheus/rules/examples.yaml`.
    public static let namespace = "examples"
    static let runbooks = "https://runbooks.example.com/periscope"

    /// The rule groups for one environment.
    public static func groups(_ env: Environment) -> [RuleGroup] {
        [
            RuleGroup("go-runtime", namespace: namespace) {
                goroutineLeak(env)
            }
            .interval("1m"),
            RuleGroup("http-red", namespace: namespace) {
                requestRate
                errorRate
                errorRatio
                latencyBuckets
                highErrorRate(env)
                latencyP99(env)
            }
            .interval("1m"),
        ]
    }

    // MARK: Recording rules (level:metric:operations)

    static let requestRate = RecordingRule("job:http_requests:rate5m", expr: "sum by (job, env) (rate(http_requests_total[5m]))")
    static let errorRate = RecordingRule("job:http_errors:rate5m", expr: #"sum by (job, env) (rate(http_requests_total{code=~"5.."}[5m]))"#)
    static let errorRatio = RecordingRule("job:http_errors:ratio_rate5m", expr: "job:http_errors:rate5m / job:http_requests:rate5m")
    static let latencyBuckets = RecordingRule(
        "job_le:http_request_duration_seconds_bucket:rate5m",
        expr: "sum by (job, env, le) (rate(http_request_duration_seconds_bucket[5m]))")

    // MARK: Alerts

    static func goroutineLeak(_ env: Environment) -> AlertRule {
        AlertRule("GoroutineLeakDetected", expr: """
            go_goroutines > \(env.values.promQLNumber("goroutineThreshold"))
              and
            go_goroutines > 1.5 * (go_goroutines offset 1h)
            """)
            .for("5m")
            .severity(.ticket)
            .summary("Goroutine leak on {{ $labels.instance }}")
            .description(#"{{ $labels.job }} on {{ $labels.instance }} runs {{ $value | printf "%.0f" }} goroutines, over 1.5 times as many as an hour ago."#)
            .runbook(base: runbooks)
    }

    static func highErrorRate(_ env: Environment) -> AlertRule {
        AlertRule("HighHTTPErrorRate", expr: """
            sum by (job, env) (rate(http_requests_total{code=~"5.."}[5m]))
              /
            sum by (job, env) (rate(http_requests_total[5m]))
              > \(env.values.promQLNumber("errorRatioThreshold"))
            """)
            .for("10m")
            .severity(env.is(.prod) ? .page : .ticket)
            .summary("High 5xx ratio on {{ $labels.job }}")
            .description("{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} fail.")
            .runbook(base: runbooks)
    }

    static func latencyP99(_ env: Environment) -> AlertRule {
        AlertRule("APILatencyP99High", expr: """
            histogram_quantile(0.99, sum by (job, env, le) (rate(http_request_duration_seconds_bucket[5m])))
              > \(env.values.promQLNumber("p99LatencySeconds"))
            """)
            .for("10m")
            .severity(.page)
            .summary("p99 latency of {{ $labels.job }} is high")
            .description("p99 latency of {{ $labels.job }} is {{ $value | humanizeDuration }}.")
            .runbook(base: runbooks)
    }
}

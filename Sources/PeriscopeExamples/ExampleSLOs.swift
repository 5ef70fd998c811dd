import Periscope

/// The SLOs of the example HTTP service, in the rule file `prometheus/rules/slos.yaml`, with
/// their dashboard `slo-http-service`.
///
/// - **Availability:** 99.9% of requests do not fail with a 5xx over 30 days (99% in dev),
///   with Sloth's page (14.4× over 1h/5m, 6× over 6h/30m) and ticket tiers; each tier has its
///   own alert name so that tests and routes tell them apart.
/// - **Latency:** 99% of requests finish within 800 ms (the histogram's `le="0.8"` bucket).
///   The SLI reads two recording rules, `job:slis:http_requests_rate5m` and
///   `job:slis:http_requests_within_800ms_rate5m`, averaged over each window, as teams do when
///   the raw histogram is expensive. Three tiers: page (the workbook's fast pairs), email
///   (10% of the budget in 1d/2h) and a daily digest (10% in 3d/6h).
///
/// In dev nobody is paged: every tier's severity is `ticket`.
public enum ExampleSLOs {
    /// The service the SLOs belong to.
    public static let service = "http-service"
    static let runbooks = "https://runbooks.example.com/periscope/slos"

    /// The SLOs for one environment.
    public static func slos(_ env: Environment) -> [SLO] {
        [availability, latency]
    }

    /// The recording rules the latency SLI reads.
    public static func recordings(_ env: Environment) -> [RuleGroup] {
        [
            RuleGroup("http-service-slis", namespace: "slos") {
                requestRate
                fastRequestRate
            }
            .interval("1m"),
        ]
    }

    static let requestRate = RecordingRule("job:slis:http_requests_rate5m", expr: "sum by (job, env) (rate(http_request_duration_seconds_count[5m]))")
    static let fastRequestRate = RecordingRule(
        "job:slis:http_requests_within_800ms_rate5m", expr: #"sum by (job, env) (rate(http_request_duration_seconds_bucket{le="0.8"}[5m]))"#)

    static let availability = SLO(service: service, name: "availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#))
        .description("Requests that do not fail with a 5xx.")
        .page { $0.alertName("HTTPServiceAvailabilityFastBurn").severity(.page) }
        .ticket { $0.alertName("HTTPServiceAvailabilitySlowBurn").severity(.ticket) }
        .alertAnnotation("description", "The HTTP service spends its 5xx error budget too fast.")
        .alertAnnotation("runbook_url", "\(runbooks)/availability")
        .in(.dev) { $0.objective(99).page { $0.severity(.ticket) } }

    static let latency = SLO(service: service, name: "latency", objective: 99,
                             sli: .events(errors: "sum(avg_over_time(job:slis:http_requests_rate5m[{{.window}}])) - sum(avg_over_time(job:slis:http_requests_within_800ms_rate5m[{{.window}}]))",
                                          total: "sum(avg_over_time(job:slis:http_requests_rate5m[{{.window}}]))"))
        .description("Requests served within 800 ms.")
        .alertName("HTTPServiceLatencyBudgetBurn")
        .alertAnnotation("description", "The HTTP service spends its latency error budget (requests over 800 ms) too fast.")
        .alertAnnotation("runbook_url", "\(runbooks)/latency")
        .tiers([
            SLOAlertTier("page", windows: BurnRateWindow.workbookPage, requiresMinimumRequestRate: true).severity(.page),
            SLOAlertTier("email", windows: [BurnRateWindow(long: "1d", short: "2h", budgetPercent: 10)]).severity(.ticket).label("channel", "email"),
            SLOAlertTier("digest", windows: [BurnRateWindow(long: "3d", short: "6h", budgetPercent: 10)]).severity(.ticket).label("channel", "digest"),
        ])
        .in(.dev) { $0.page { $0.severity(.ticket) } }
}

extension ExampleSLOs {
    /// promtool unit tests of the availability SLO's alerts, in every environment: errors
    /// burning the budget at 15× (just over the page pair's 14.4×) fire the page alert within
    /// the hour; at 1× the page stays quiet. The error ratio follows the environment's objective.
    public static func tests(_ env: Environment) -> RuleTests {
        let budget = (100 - availability.resolved(for: env.name).objective) / 100
        return RuleTests(namespace: "slos", evaluationInterval: "1m") {
            burn(15, budget: budget, fires: true)
            burn(1, budget: budget, fires: false)
        }
    }

    /// Requests at 1000 per minute, `factor × budget` of them failing, for 90 minutes.
    static func burn(_ factor: Double, budget: Double, fires: Bool) -> AlertTest {
        let errorsPerMinute = (factor * budget * 1000).rounded()
        let name = fires ? "a \(Int(factor))× burn of the availability budget pages" : "a \(Int(factor))× burn of the availability budget does not page"
        return AlertTest(name, interval: "1m") {
            InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+\(Int(1000 - errorsPerMinute))x90")
            InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+\(Int(errorsPerMinute))x90")
            if fires {
                ExpectAlerts("HTTPServiceAvailabilityFastBurn", at: "70m") {
                    ExpectedAlert(
                        labels: ["sloth_id": "http-service-availability", "sloth_service": service, "sloth_slo": "availability"],
                        annotations: [
                            "title": "(page) http-service availability SLO error budget burn rate is too fast.",
                            "summary": "http-service availability SLO error budget burn rate is over expected.",
                        ])
                }
            } else {
                ExpectNoAlerts("HTTPServiceAvailabilityFastBurn", at: "70m")
            }
        }
    }
}

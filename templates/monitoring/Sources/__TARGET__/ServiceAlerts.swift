import Periscope

/// The service's alert, and the promtool unit test that shows when it fires.
/// `swift run __TARGET__ test build` runs the test on every rendered environment.
enum ServiceAlerts {
    /// The rule namespace: `prometheus/rules/my-service.yaml`.
    static let namespace = "my-service"

    static func groups(_ env: Environment) -> [RuleGroup] {
        [
            RuleGroup("my-service", namespace: namespace) {
                highErrorRatio(env)
            }
            .interval("1m"),
        ]
    }

    static func highErrorRatio(_ env: Environment) -> AlertRule {
        AlertRule("MyServiceHighErrorRatio", expr: """
            sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
              /
            sum by (job) (rate(http_requests_total[5m]))
              > \(env.values.promQLNumber("errorRatioThreshold"))
            """)
            .for("10m")
            .severity(env.is(.prod) ? .page : .ticket)
            .summary("High 5xx ratio on {{ $labels.job }}")
            .description("{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} fail.")
            .runbook("https://runbooks.example.com/my-service/high-error-ratio")
    }

    static func tests(_ env: Environment) -> RuleTests {
        RuleTests(namespace: namespace, evaluationInterval: "1m") {
            AlertTest("half of the requests failing fires", interval: "1m") {
                InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x60")
                InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+60x60")
                ExpectNoAlerts("MyServiceHighErrorRatio", at: "5m")
                ExpectAlerts("MyServiceHighErrorRatio", at: "30m") {
                    ExpectedAlert(labels: ["job": "api"],
                                  annotations: ["summary": "High 5xx ratio on api", "description": "50% of the requests to api fail."])
                }
            }
            AlertTest("no errors, no alert", interval: "1m") {
                InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x60")
                ExpectNoAlerts("MyServiceHighErrorRatio", at: "30m")
            }
        }
    }
}

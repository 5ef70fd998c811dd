import Periscope

/// promtool unit tests of `ExampleRules`: every alert fires in one test and stays quiet in
/// another, in every environment (the input series crosses the highest threshold, dev's).
///
/// Input series get the environment's `env` selector as a label, and expected alerts get the
/// rule's own labels (`env`, `severity`) and its untemplated annotations from the compiler.
public enum ExampleRuleTests {
    /// The tests for one environment.
    public static func tests(_ env: Environment) -> RuleTests {
        RuleTests(namespace: ExampleRules.namespace, evaluationInterval: "1m") {
            goroutineLeakFires
            goroutinesSteady
            errorRatioFires
            errorRatioLow
            latencyFires
            latencyLow
            redRecordingRules(env)
        }
    }

    static let goroutineLeakFires = AlertTest("goroutine leak fires", interval: "1m") {
        InputSeries(#"go_goroutines{job="api", instance="api-0:8080"}"#, values: "1000+50x180")
        ExpectNoAlerts("GoroutineLeakDetected", at: "30m")
        ExpectAlerts("GoroutineLeakDetected", at: "2h") {
            ExpectedAlert(
                labels: ["job": "api", "instance": "api-0:8080"],
                annotations: [
                    "summary": "Goroutine leak on api-0:8080",
                    "description": "api on api-0:8080 runs 7000 goroutines, over 1.5 times as many as an hour ago.",
                ])
        }
    }

    static let goroutinesSteady = AlertTest("many but steady goroutines do not fire", interval: "1m") {
        InputSeries(#"go_goroutines{job="api", instance="api-0:8080"}"#, values: "5000x180")
        ExpectNoAlerts("GoroutineLeakDetected", at: "2h")
    }

    static let errorRatioFires = AlertTest("half of the requests failing fires", interval: "1m") {
        InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x60")
        InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+60x60")
        ExpectNoAlerts("HighHTTPErrorRate", at: "5m")
        ExpectAlerts("HighHTTPErrorRate", at: "30m") {
            ExpectedAlert(
                labels: ["job": "api"],
                annotations: ["summary": "High 5xx ratio on api", "description": "50% of the requests to api fail."])
        }
    }

    static let errorRatioLow = AlertTest("one percent failing does not fire", interval: "1m") {
        InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+99x60")
        InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+1x60")
        ExpectNoAlerts("HighHTTPErrorRate", at: "30m")
    }

    static let latencyFires = AlertTest("slow requests fire", interval: "1m") {
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="0.1"}"#, values: "0x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="1"}"#, values: "0x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="5"}"#, values: "0+60x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="+Inf"}"#, values: "0+60x60")
        ExpectAlerts("APILatencyP99High", at: "30m") {
            ExpectedAlert(
                labels: ["job": "api"],
                annotations: ["summary": "p99 latency of api is high", "description": "p99 latency of api is 4.96s."])
        }
    }

    static let latencyLow = AlertTest("fast requests do not fire", interval: "1m") {
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="0.1"}"#, values: "0+60x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="1"}"#, values: "0+60x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="5"}"#, values: "0+60x60")
        InputSeries(#"http_request_duration_seconds_bucket{job="api", le="+Inf"}"#, values: "0+60x60")
        ExpectNoAlerts("APILatencyP99High", at: "30m")
    }

    static func redRecordingRules(_ env: Environment) -> AlertTest {
        AlertTest("RED recording rules", interval: "1m") {
            InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+180x60")
            InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+60x60")
            ExpectSamples("job:http_requests:rate5m", at: "30m") {
                ExpectedSample(#"job:http_requests:rate5m{job="api", env="\#(env.name)"}"#, value: 4)
            }
            ExpectSamples("job:http_errors:ratio_rate5m", at: "30m") {
                ExpectedSample(#"job:http_errors:ratio_rate5m{job="api", env="\#(env.name)"}"#, value: 0.25)
            }
        }
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// Durations are typed values written from literals: checked in one place, and written exactly
/// as the user wrote them.
@Suite struct DurationTests {
    @Test(arguments: [
        ("5m", nil, 300_000),
        ("1h30m", nil, 5_400_000),
        ("90s", nil, 90_000),
        ("0", nil, 0),
        ("1w2d", nil, 777_600_000),
        ("250ms", nil, 250),
        ("5 minutes", "unknown unit \" minutes\" in duration \"5 minutes\"", nil),
        ("30m1h", "not a valid duration string: \"30m1h\"", nil),
        ("5min", "unknown unit \"min\" in duration \"5min\"", nil),
        ("", "empty duration string", nil),
    ] as [(String, String?, Int64?)])
    func prometheusDurationsParseLikePrometheus(text: String, problem: String?, milliseconds: Int64?) {
        let duration = PrometheusDuration(text)
        #expect(duration.problem == problem)
        #expect(duration.isValid == (problem == nil))
        #expect(duration.milliseconds == milliseconds)
        #expect(duration.rawValue == text, "kept as written, never normalised")
    }

    @Test func literalsAndInterpolationsBuildDurations() {
        let minutes = 10
        let literal: PrometheusDuration = "1h30m"
        let interpolated: PrometheusDuration = "\(minutes)m"
        #expect(literal.rawValue == "1h30m")
        #expect(interpolated.rawValue == "10m")
        #expect(interpolated.milliseconds == 600_000)
        #expect(PrometheusDuration("60m") != PrometheusDuration("1h"), "equal only when written the same")
        #expect(AlertRule("A", expr: "up == 0").for("\(minutes)m").forDuration?.rawValue == "10m")
    }

    @Test(arguments: [
        ("1m", true), (">30s", true), ("<5m", true), ("$__interval", true), ("${interval}", true), ("1h30m", true),
        ("5 minutes", false), ("", false), (">", false), ("now-1h", false),
    ])
    func grafanaDurationsAllowVariablesAndAMinimumPrefix(text: String, valid: Bool) {
        #expect((GrafanaDuration(text).problem == nil) == valid, "\(text)")
    }

    @Test(arguments: [
        ("30s", true), ("1m", true), ("2h", true), ("1d", true), ("", true),
        ("1m30s", false), ("0", false), ("0s", false), ("500ms", false), ("1w", false), ("30 seconds", false), ("-1m", false),
    ])
    func refreshIntervalsAreOneNumberAndOneUnit(text: String, valid: Bool) {
        #expect((RefreshInterval(text).problem == nil) == valid, "\(text): \(RefreshInterval(text).problem ?? "valid")")
    }

    @Test(arguments: [
        ("now", true), ("now-6h", true), ("now/d", true), ("now-1d/d", true), ("now+5m", true),
        ("2024-01-01T00:00:00Z", true), ("1700000000000", true),
        ("yesterday", false), ("now-", false), ("now-6", false), ("now-6x", false),
    ])
    func grafanaTimesAreRelativeToNowOrAbsolute(text: String, valid: Bool) {
        #expect(GrafanaTime(text).isValid == valid, "\(text)")
    }

    @Test func panelDurationsAreWrittenAsGiven() {
        let panel = TimeSeries("p") { PrometheusQuery("up").interval("$__interval") }
            .interval(">1m30s")
            .timeFrom("24h")
            .timeShift("1d")
        let json = Snippet.json(panel)
        #expect(json.contains(#""interval": ">1m30s""#), "\(json)")
        #expect(json.contains(#""interval": "$__interval""#), "\(json)")
        #expect(json.contains(#""timeFrom": "24h""#))
        #expect(json.contains(#""timeShift": "1d""#))
    }
}

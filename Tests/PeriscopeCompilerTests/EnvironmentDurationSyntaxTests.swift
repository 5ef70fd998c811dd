import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// `DurationSyntax` follows Prometheus' `model.ParseDuration`.
@Suite struct EnvironmentDurationSyntaxTests {
    @Test(arguments: [
        ("0", 0), ("0s", 0), ("00s", 0), ("1ms", 1), ("30s", 30_000), ("1m", 60_000), ("1m30s", 90_000),
        ("1h", 3_600_000), ("1h30m", 5_400_000), ("2d", 172_800_000), ("1w", 604_800_000),
        ("1y", 31_536_000_000), ("1y2w3d4h5m6s7ms", 31_536_000_000 + 1_209_600_000 + 259_200_000 + 14_400_000 + 300_000 + 6_000 + 7),
        ("90s", 90_000), ("1500ms", 1_500), ("292y", 9_208_512_000_000),
    ] as [(String, Int64)])
    func validDurationsParseToMilliseconds(_ text: String, _ milliseconds: Int64) {
        #expect(DurationSyntax.parsePrometheusDuration(text) == milliseconds)
        #expect(DurationSyntax.isValidPrometheusDuration(text))
        #expect(DurationSyntax.problem(in: text) == nil)
    }

    @Test(arguments: [
        ("", "empty duration string"),
        ("30 seconds", "unknown unit \" seconds\" in duration \"30 seconds\""),
        ("-1m", "not a valid duration string: \"-1m\""),
        ("+1m", "not a valid duration string"),
        ("1", "not a valid duration string: \"1\""),
        ("s", "not a valid duration string"),
        ("1.5h", "unknown unit \".\" in duration \"1.5h\""),
        ("30m1h", "not a valid duration string"),
        ("1m1m", "not a valid duration string"),
        ("1s1m", "not a valid duration string"),
        ("1ms1s", "not a valid duration string"),
        ("5x", "unknown unit \"x\" in duration \"5x\""),
        ("1M", "unknown unit \"M\""),
        ("1 m", "unknown unit \" m\""),
        (" 1m", "not a valid duration string"),
        ("1m ", "unknown unit \"m \""),
        ("１m", "not a valid duration string"),
        ("293y", "duration out of range"),
        ("99999999999999999999s", "not a valid duration string"),
        ("9223372036854775807ms", "duration out of range"),
        ("292y30w", "duration out of range"),
    ])
    func invalidDurationsAreRejectedWithPrometheusMessages(_ text: String, _ problem: String) {
        #expect(DurationSyntax.parsePrometheusDuration(text) == nil)
        #expect(!DurationSyntax.isValidPrometheusDuration(text))
        #expect(DurationSyntax.problem(in: text)?.contains(problem) == true, "\(String(describing: DurationSyntax.problem(in: text)))")
    }

    @Test func theLargestDurationIsExactlyGosLimit() {
        // 9223372036854 ms is the last whole millisecond below 2^63 ns.
        #expect(DurationSyntax.parsePrometheusDuration("9223372036854ms") == 9_223_372_036_854)
        #expect(DurationSyntax.parsePrometheusDuration("9223372036855ms") == nil)
        #expect(DurationSyntax.parsePrometheusDuration("106751d23h47m16s854ms") == 9_223_372_036_854)
        #expect(DurationSyntax.parsePrometheusDuration("106751d23h47m16s855ms") == nil)
    }
}

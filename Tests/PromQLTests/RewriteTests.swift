import PromQL
import Testing

@Suite("Matcher injection")
struct RewriteTests {
    private static let env: [LabelMatcher] = [.equal("env", "prod")]

    @Test(arguments: [
        // Bare names, empty braces, existing matchers.
        ("foo", #"foo{env="prod"}"#),
        ("foo{}", #"foo{env="prod"}"#),
        ("foo{ }", #"foo{env="prod" }"#),
        (#"foo{a="b"}"#, #"foo{a="b", env="prod"}"#),
        (#"foo{a="b",}"#, #"foo{a="b", env="prod",}"#),
        (#"foo{a="b", c=~"d"}"#, #"foo{a="b", c=~"d", env="prod"}"#),
        // The selector's own matcher for the label wins, whatever its operator.
        (#"foo{env="dev"}"#, #"foo{env="dev"}"#),
        (#"foo{env!~"dev|test"}"#, #"foo{env!~"dev|test"}"#),
        (#"foo{env='dev'} + bar"#, #"foo{env='dev'} + bar{env="prod"}"#),
        // Name in braces.
        (#"{__name__="x"}"#, #"{__name__="x", env="prod"}"#),
        (#"{"x"}"#, #"{"x", env="prod"}"#),
        (#"{__name__=~"x|y", job="a"}"#, #"{__name__=~"x|y", job="a", env="prod"}"#),
        // Range selectors, subqueries, function arguments, modifiers.
        ("rate(x[5m])", #"rate(x{env="prod"}[5m])"#),
        ("x offset 5m", #"x{env="prod"} offset 5m"#),
        ("x @ 100", #"x{env="prod"} @ 100"#),
        ("x[5m] offset 1h", #"x{env="prod"}[5m] offset 1h"#),
        ("max_over_time(rate(x[5m])[1h:1m])", #"max_over_time(rate(x{env="prod"}[5m])[1h:1m])"#),
        ("max_over_time(sum(x)[1h:])", #"max_over_time(sum(x{env="prod"})[1h:])"#),
        (#"histogram_quantile(0.9, sum by (le) (rate(h_bucket{job="a"}[5m])))"#,
         #"histogram_quantile(0.9, sum by (le) (rate(h_bucket{job="a", env="prod"}[5m])))"#),
        (#"label_replace(up, "dst", "$1", "src", "(.*)")"#, #"label_replace(up{env="prod"}, "dst", "$1", "src", "(.*)")"#),
        ("a / on(job) group_left b", #"a{env="prod"} / on(job) group_left b{env="prod"}"#),
        // Expressions without selectors are unchanged.
        ("1 + 2", "1 + 2"),
        (#"vector(1)"#, "vector(1)"),
        // Keywords as metric names, metric names with colons.
        ("sum:rate5m", #"sum:rate5m{env="prod"}"#),
        ("sum(by) / count(offset)", #"sum(by{env="prod"}) / count(offset{env="prod"})"#),
    ])
    func injectsIntoEverySelector(source: String, expected: String) throws {
        #expect(try PromQL.injectingMatchers(Self.env, into: source, options: .allFeatures) == expected)
    }

    @Test func keepsFormattingAndComments() throws {
        let source = """
            sum by (job) (   # requests per job
              rate(http_requests_total{
                code=~"5..",   # only errors
              }[5m])
            )
            /
            sum by (job) (rate(http_requests_total[5m]))  # all
            """
        let expected = """
            sum by (job) (   # requests per job
              rate(http_requests_total{
                code=~"5..", env="prod",   # only errors
              }[5m])
            )
            /
            sum by (job) (rate(http_requests_total{env="prod"}[5m]))  # all
            """
        #expect(try PromQL.injectingMatchers(Self.env, into: source) == expected)
    }

    @Test func commentBeforeClosingBrace() throws {
        let source = "foo{a=\"b\" # note\n}"
        let result = try PromQL.injectingMatchers(Self.env, into: source)
        #expect(result == "foo{a=\"b\", env=\"prod\" # note\n}")
        #expect(try PromQL.parse(result).selectors.first?.matcher(for: "env")?.value == "prod")
    }

    @Test(arguments: [
        (LabelMatcher.equal("env", #"a "quoted" \ value"#), #"x{env="a \"quoted\" \\ value"}"#),
        (.equal("env", "line\nbreak\ttab"), #"x{env="line\nbreak\ttab"}"#),
        (.equal("env", "ünïcödé"), #"x{env="ünïcödé"}"#),
        (.equal("service.name", "api"), #"x{"service.name"="api"}"#),
        (.matching("env", .regexMatch, "prod|staging"), #"x{env=~"prod|staging"}"#),
        (.matching("env", .notEqual, ""), #"x{env!=""}"#),
    ])
    func escapesValuesAndNames(matcher: LabelMatcher, expected: String) throws {
        let result = try PromQL.injectingMatchers([matcher], into: "x")
        #expect(result == expected)
        // The result parses back to exactly the injected matcher.
        let reparsed = try #require(try PromQL.parse(result).selectors.first?.matcher(for: matcher.name))
        #expect(reparsed.value == matcher.value)
        #expect(reparsed.type == matcher.type)
    }

    @Test func severalMatchersAndPartialOverlap() throws {
        let matchers: [LabelMatcher] = [.equal("env", "prod"), .equal("region", "eu"), .equal("env", "ignored")]
        let result = try PromQL.injectingMatchers(matchers, into: #"a{region="us"} * on() b"#)
        #expect(result == #"a{region="us", env="prod"} * on() b{env="prod", region="eu"}"#)
    }

    @Test func multiByteTextBeforeSelectors() throws {
        let source = #"label_replace(x{a="ü"}, "d", "€", "a", "(.*)") or y"#
        #expect(try PromQL.injectingMatchers(Self.env, into: source)
            == #"label_replace(x{a="ü", env="prod"}, "d", "€", "a", "(.*)") or y{env="prod"}"#)
    }

    @Test func injectedSelectorsAllCarryTheMatcher() throws {
        let source = "sum(rate(a[5m])) / ignoring(x) (b + c{env=\"dev\"}) > bool scalar(d)"
        let result = try PromQL.injectingMatchers(Self.env, into: source)
        let values = try PromQL.parse(result).selectors.map { $0.matcher(for: "env")?.value }
        #expect(values == ["prod", "prod", "dev", "prod"])
    }

    @Test func invalidSourceThrows() {
        #expect(throws: PromQLError.self) { try PromQL.injectingMatchers(Self.env, into: "sum(") }
    }

    @Test func insertionsApplyAtOriginalOffsets() {
        let edited = PromQL.applying(
            [TextInsertion(offset: 3, text: "}"), TextInsertion(offset: 0, text: "<"), TextInsertion(offset: 3, text: "!")],
            to: "abc")
        #expect(edited == "<abc}!")
    }
}

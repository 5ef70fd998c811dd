import PromQL
import Testing

@Suite("Canonical printer")
struct PrinterTests {
    @Test(arguments: [
        // Selectors: sorted matchers, implied name, quoting.
        (#"foo{b="1", a='2'}"#, #"foo{a="2",b="1"}"#),
        (#"{a="b", __name__="foo"}"#, #"{__name__="foo",a="b"}"#),
        (#"{"foo", a="b"}"#, #"{__name__="foo",a="b"}"#),
        (#"{__name__="foo"}"#, #"{__name__="foo"}"#),
        (#"{"foo"}"#, #"{__name__="foo"}"#),
        (#"foo{"a.b"="c"}"#, #"foo{"a.b"="c"}"#),
        ("foo{a=`x\\y`}", #"foo{a="x\\y"}"#),
        (#"foo{a="\u00e9\t"}"#, #"foo{a="é\t"}"#),
        // Numbers and durations.
        ("1e3", "1000"),
        ("0x10", "16"),
        ("1.50", "1.5"),
        ("-0.000001", "-0.000001"),
        ("1e22", "10000000000000000000000"),
        ("Inf", "+Inf"),
        ("-inf", "-Inf"),
        ("NaN", "NaN"),
        ("x[90m]", "x[1h30m]"),
        ("x[86400s]", "x[1d]"),
        ("x[2w]", "x[2w]"),
        ("x[15d]", "x[15d]"),
        ("x[365d]", "x[1y]"),
        ("x[1500ms]", "x[1s500ms]"),
        ("x offset -5m", "x offset -5m"),
        ("x @ 1.5", "x @ 1.500"),
        ("x @ -2", "x @ -2.000"),
        // Operators and modifiers.
        ("a+on(b)group_left(c)d", "a + on (b) group_left (c) d"),
        ("a > bool 1", "a > bool 1"),
        ("a and ignoring(x) b", "a and ignoring (x) b"),
        ("a or on() b", "a or on () b"),
        ("-a", "-a"),
        ("+a", "+a"),
        ("- (1)", "-(1)"),
        ("sum(x) by(\"a b\")", #"sum by ("a b") (x)"#),
        ("topk by (a) (5, x)", "topk by (a) (5, x)"),
        ("max_over_time(x[1h:])", "max_over_time(x[1h:])"),
        ("rate(x[5m])[30m:1m] offset 1h @ end()", "rate(x[5m])[30m:1m] @ end() offset 1h"),
        (#"label_replace(x, "d", "$1", "s", "(.*)")"#, #"label_replace(x, "d", "$1", "s", "(.*)")"#),
        ("((a))", "((a))"),
        // A parenthesized offset before an arithmetic operator keeps its unary `+`, which ends
        // the offset; Prometheus drops it and `foo offset (5m) + 1` reparses as offset `(5m) + 1`.
        ("foo offset +(5m)", "foo offset (5m)"),
        ("foo offset +(5)+(ofeb)", "foo offset +(5) + (ofeb)"),
        ("foo offset +(5m) > 1", "foo offset (5m) > 1"),
        ("foo offset (5m) @ 5 * 2", "foo @ 5.000 offset +(5m) * 2"),
        ("a + foo offset +(5m) - 1", "a + foo offset +(5m) - 1"),
        ("-foo offset +(1m) ^ 2", "-foo offset +(1m) ^ 2"),
        ("sum(foo offset +(5m)) + 1", "sum(foo offset (5m)) + 1"),
        // An empty selector (allowed as info()'s second argument) prints as `{}`, not as nothing.
        ("info(x, {})", "info(x, {})"),
        // A `\\x` escape is a byte, kept as is and printed back as one (Prometheus' `strconv.Quote`).
        (#"count_values("a\xc5z", x)"#, #"count_values("a\xc5z", x)"#),
    ])
    func canonicalForm(source: String, expected: String) throws {
        let expr = try PromQL.parse(source, options: .allFeatures)
        #expect(expr.description == expected)
        // The canonical form is a fixed point.
        #expect(try PromQL.parse(expected, options: .allFeatures).description == expected)
    }

    @Test(arguments: [
        ("a + fill(1) b", "a + fill (1) b"),
        ("a + fill_left(1e6) b", "a + fill_left (1e+06) b"),
        ("a + fill_right(123456) b", "a + fill_right (123456) b"),
        ("a + fill_right(0.00001) b", "a + fill_right (1e-05) b"),
        ("a + fill_left(NaN) fill_right(NaN) b", "a + fill_left (NaN) fill_right (NaN) b"),
    ])
    func fillModifiers(source: String, expected: String) throws {
        #expect(try PromQL.parse(source, options: .allFeatures).description == expected)
    }

    @Test func matcherDescription() {
        #expect(LabelMatcher.equal("a", "b\"c").description == #"a="b\"c""#)
        #expect(LabelMatcher.matching("0a", .regexNoMatch, "x").description == #""0a"!~"x""#)
        #expect(LabelMatcher.equal("", "v").description == #"""="v""#)
    }
}

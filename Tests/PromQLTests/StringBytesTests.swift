import Foundation
import PeriscopeTestSupport
import Testing

@testable import PromQL

// PromQL strings are bytes, as Go strings: `"\xff"` and `"\377"` are the byte 0xFF. These
// tables try the members of that class in every place a string occurs. Expected values come
// from the authority:
// - printing: Prometheus 2.42's `Expr.String()`, read from Debian's prometheus 2.42 server
//   (`/api/v1/format_query`, which prints `String()` for these one-line expressions); the
//   3.x-only rows follow Prometheus 3's printer.go and `labels.Matcher.String()`
//   (`strconv.Quote` of the bytes);
// - acceptance and messages at target 2.42: `promtool check rules` 2.42 (the promtool suite
//   below checks the table against it when promtool is on PATH);
// - at target 3: Prometheus 3's `labels.NewFastRegexMatcher`, which matches a pattern whose
//   only metacharacter is `|` as literal alternatives without compiling it.
// Where Prometheus writes bytes that are not UTF-8 into a message, the expected text has U+FFFD
// for each, as Go decodes it (and as Prometheus' JSON API shows it).

/// The first error's `line:col: parse error: message`, or nil when `input` parses.
private func firstError(_ input: String, _ target: PromQLTarget) -> String? {
    PromQL.parseCollectingErrors(input, options: ParseOptions(target: target)).errors.first?.description
}

@Suite("Strings are bytes: printing")
struct StringBytesPrintingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var canonical: String
        /// Whether Prometheus 2.42 parses it too (no 3.x-only syntax).
        var in2_42 = true
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        // String literal expressions: `\x` and octal escapes are bytes, `\u`/`\U` are runes.
        Case(input: #""\xff""#, canonical: #""\xff""#),
        Case(input: #""\377""#, canonical: #""\xff""#),
        Case(input: #""\x80""#, canonical: #""\x80""#),
        Case(input: #""\xc3\xa9""#, canonical: #""é""#),
        Case(input: #""\xc3""#, canonical: #""\xc3""#),
        Case(input: #""\u00e9""#, canonical: #""é""#),
        Case(input: #""\U0001F600""#, canonical: #""😀""#),
        Case(input: #""\xe2\x82\xac""#, canonical: #""€""#),
        Case(input: #""a\xffb\xc3\xa9\xe2\x82""#, canonical: #""a\xffbé\xe2\x82""#),
        // Surrogate halves, runes past U+10FFFF, overlong and truncated sequences are not UTF-8.
        Case(input: #""\xed\xa0\x80""#, canonical: #""\xed\xa0\x80""#),
        Case(input: #""\xf4\x90\x80\x80""#, canonical: #""\xf4\x90\x80\x80""#),
        Case(input: #""\xc0\x80""#, canonical: #""\xc0\x80""#),
        Case(input: #""\xf0\x9f\x98""#, canonical: #""\xf0\x9f\x98""#),
        // Control and other unprintable characters are escaped as strconv.Quote does.
        Case(input: #""\x00\x7f\x1b""#, canonical: #""\x00\x7f\x1b""#),
        Case(input: #""\u200b\u00ad\u0600\ue000""#, canonical: #""\u200b\u00ad\u0600\ue000""#),
        Case(input: #"foo{a="\u00a0"}"#, canonical: #"foo{a="\u00a0"}"#),
        // Single quotes unquote as double quotes; backquotes are raw.
        Case(input: #"'\xff'"#, canonical: #""\xff""#),
        Case(input: #"`\xff`"#, canonical: #""\\xff""#),
        Case(input: #"{a='\xff', b=`\xff`}"#, canonical: #"{a="\xff",b="\\xff"}"#),
        Case(input: #"foo{a='\x41\101'}"#, canonical: #"foo{a="AA"}"#),
        Case(input: #"foo{a="\"\\\a\b\f\n\r\t\v"}"#, canonical: #"foo{a="\"\\\a\b\f\n\r\t\v"}"#),
        Case(input: #"foo{a="\\xff"}"#, canonical: #"foo{a="\\xff"}"#),
        // Matchers of every operator.
        Case(input: #"foo{a="\xff"}"#, canonical: #"foo{a="\xff"}"#),
        Case(input: #"foo{a!="\377"}"#, canonical: #"foo{a!="\xff"}"#),
        Case(input: #"foo{a=~"\xc3\xa9"}"#, canonical: #"foo{a=~"é"}"#),
        Case(input: #"foo{a!~"\xc3\xa9"}"#, canonical: #"foo{a!~"é"}"#),
        // Matchers sort by their printed bytes: `\` < `z` < `é`.
        Case(input: #"foo{a="\xff",a="\xc3\xa9",a="z"}"#, canonical: #"foo{a="\xff",a="z",a="é"}"#),
        Case(input: #"foo{b="\x80",a="\xff"}"#, canonical: #"foo{a="\xff",b="\x80"}"#),
        // Function arguments and aggregation parameters (validated at evaluation, not parsing).
        Case(input: #"label_replace(foo, "dst", "\xff", "src", "(.*)")"#, canonical: #"label_replace(foo, "dst", "\xff", "src", "(.*)")"#),
        Case(input: #"label_replace(foo, "\xff", "x", "src", "(.*)")"#, canonical: #"label_replace(foo, "\xff", "x", "src", "(.*)")"#),
        Case(input: #"label_replace(foo{a="\xff"}, "b", "\xff", "a", "(.*)")"#, canonical: #"label_replace(foo{a="\xff"}, "b", "\xff", "a", "(.*)")"#),
        Case(input: #"label_join(foo, "d", "\xff", "a", "b")"#, canonical: #"label_join(foo, "d", "\xff", "a", "b")"#),
        Case(input: #"count_values("\xff", foo)"#, canonical: #"count_values("\xff", foo)"#),
        Case(input: #"count_values("\xc3\xa9", foo)"#, canonical: #"count_values("é", foo)"#),
        Case(input: #"sum by (a) (foo{a="\xff"})"#, canonical: #"sum by (a) (foo{a="\xff"})"#),
        Case(input: #"foo{a="x"} + on (a) group_left (b) bar{b="\xff"}"#, canonical: #"foo{a="x"} + on (a) group_left (b) bar{b="\xff"}"#),
        // 3.x quoted names are bytes too; only grouping labels must be UTF-8.
        Case(input: #"{"foo\xff"}"#, canonical: #"{__name__="foo\xff"}"#, in2_42: false),
        Case(input: #"{"a\xff"="b"}"#, canonical: #"{"a\xff"="b"}"#, in2_42: false),
        Case(input: #"sum by ("\xc3\xa9") (x)"#, canonical: #"sum by ("é") (x)"#, in2_42: false),
    ]

    @Test(arguments: cases)
    func printsTheBytesAsPrometheusDoes(_ testCase: Case) throws {
        for target in testCase.in2_42 ? [PromQLTarget.v2_42, .v3] : [.v3] {
            let expr = try PromQL.parse(testCase.input, options: ParseOptions(target: target))
            #expect(expr.description == testCase.canonical, "target \(target)")
            // The canonical form means the same: it parses to the same bytes and prints the same.
            let reparsed = try PromQL.parse(testCase.canonical, options: ParseOptions(target: target))
            #expect(reparsed.description == testCase.canonical)
            #expect(reparsed.selectors.map(\.matchers.count) == expr.selectors.map(\.matchers.count))
            #expect(reparsed.selectors.map { $0.matchers.map(\.value).sorted() } == expr.selectors.map { $0.matchers.map(\.value).sorted() })
        }
    }

    /// The one deliberate difference: Prometheus prints the rune U+FFFD as is (`"�"`), which its
    /// own lexer then rejects ("invalid UTF-8 rune"); it is written `\ufffd` so the output parses.
    @Test(arguments: [#""\ufffd""#, #""\xef\xbf\xbd""#, #"foo{a="\ufffd"}"#])
    func writesTheReplacementCharacterEscaped(_ input: String) throws {
        let printed = try PromQL.parse(input).description
        #expect(printed.contains(#"\ufffd"#))
        #expect(try PromQL.parse(printed).description == printed)
    }

    @Test(arguments: [
        (#""\xff""#, [0xFF]),
        (#""\377""#, [0xFF]),
        (#"'\xff'"#, [0xFF]),
        (#"`\xff`"#, Array(#"\xff"#.utf8)),
        (#""\x41\101""#, [0x41, 0x41]),
        (#""\u00e9""#, [0xC3, 0xA9]),
        (#""\xc3\xa9""#, [0xC3, 0xA9]),
        (#""é""#, [0xC3, 0xA9]),
        (#""e\u0301""#, [0x65, 0xCC, 0x81]),
        (#""\U0001F600""#, [0xF0, 0x9F, 0x98, 0x80]),
        (#""\ufffd""#, [0xEF, 0xBF, 0xBD]),
    ] as [(String, [UInt8])])
    func unquotesToBytes(input: String, bytes: [UInt8]) throws {
        guard case .string(let literal) = try PromQL.parse(input) else {
            Issue.record("not a string literal")
            return
        }
        #expect(literal.value.bytes == bytes)
    }

    @Test func valuesCompareAsBytes() throws {
        let ff = try PromQL.parse(#"foo{a="\xff"}"#).selectors[0].matcher(for: "a")
        let replacement = try PromQL.parse(#"foo{a="\ufffd"}"#).selectors[0].matcher(for: "a")
        #expect(ff?.value == PromQLString(bytes: [0xFF]))
        #expect(ff?.value != replacement?.value)
        // "é" and "e\u0301" are canonically equivalent Swift strings, but different labels.
        let composed = try PromQL.parse(#"foo{a="é"}"#).selectors[0].matcher(for: "a")?.value
        let decomposed = try PromQL.parse(#"foo{a="e\u0301"}"#).selectors[0].matcher(for: "a")?.value
        #expect(composed != decomposed)
        #expect(try PromQL.parse(#"{"e\u0301"="1"}"#).selectors[0].matcher(for: "é") == nil)
        #expect(try PromQL.parse(#"{"foo\xff"}"#).selectors[0].metricName == PromQLString(bytes: Array("foo".utf8) + [0xFF]))
    }
}

@Suite("Strings are bytes: escapes, grouping labels, regex matchers")
struct StringBytesErrorTests {
    /// Escapes that are not a byte or a rune; Prometheus' lexer rejects them.
    @Test(arguments: [#""\ud800""#, #""\udfff""#, #""\U00110000""#, #""\400""#, #"foo{a="\ud800"}"#])
    func rejectsEscapesThatAreNeitherByteNorRune(_ input: String) {
        for target in PromQLTarget.allCases {
            #expect(firstError(input, target)?.hasSuffix("parse error: escape sequence is an invalid Unicode code point") == true)
        }
    }

    /// `model.UTF8Validation.IsValidLabelName`: a quoted grouping label must be UTF-8.
    @Test(arguments: [
        (#"sum by ("a\xff") (x)"#, #"1:9: parse error: invalid label name for grouping: "a\xff""#),
        (#"sum without ("\377") (x)"#, #"1:14: parse error: invalid label name for grouping: "\xff""#),
        (#"a + on ("\xc3") b"#, #"1:9: parse error: invalid label name for grouping: "\xc3""#),
        (#"sum by ("\xc3\xa9") (x)"#, nil),
    ] as [(String, String?)])
    func groupingLabelsMustBeUTF8(input: String, message: String?) {
        #expect(firstError(input, .v3) == message)
    }

    /// Prometheus compares `on` and `group_x` labels as Go strings, byte for byte.
    @Test func onAndGroupLabelsCompareAsBytes() {
        #expect(firstError(#"a + on ("é") group_left ("e\u0301") b"#, .v3) == nil)
        #expect(firstError(#"a + on ("é") group_left ("\xc3\xa9") b"#, .v3)?
            .hasSuffix(#"parse error: label "é" must not occur in ON and GROUP clause at once"#) == true)
    }

    struct RegexCase: Sendable, CustomTestStringConvertible {
        var input: String
        /// The first error at target 2.42 (promtool 2.42), nil when it parses.
        var v2_42: String?
        /// The first error at target 3, nil when it parses.
        var v3: String?
        var testDescription: String { input }
    }

    private static func utf8(_ column: Int, _ rest: String) -> String {
        "1:\(column): parse error: error parsing regexp: invalid UTF-8: `\(rest)`"
    }

    static let regexCases: [RegexCase] = [
        // Not UTF-8: 2.42 compiles `^(?:re)$` and quotes the rest of that text from the bad byte;
        // 3 matches a pattern whose only metacharacter is `|` literally, without compiling it.
        RegexCase(input: #"foo{a=~"\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~"a\xffb"}"#, v2_42: utf8(5, "\u{FFFD}b)$"), v3: nil),
        RegexCase(input: #"foo{a!~"\377"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~'\xff'}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~"\xc3"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~"\xc3|b"}"#, v2_42: utf8(5, "\u{FFFD}|b)$"), v3: nil),
        RegexCase(input: #"foo{a!~"\xe2\x82"}"#, v2_42: utf8(5, "\u{FFFD}\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~"\xed\xa0\x80"}"#, v2_42: utf8(5, "\u{FFFD}\u{FFFD}\u{FFFD})$"), v3: nil),
        RegexCase(input: #"foo{a=~"\xf0\x9f\x98\x80|\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: nil),
        // Any other metacharacter makes 3 parse it, quoting the rest of the pattern alone.
        RegexCase(input: #"foo{a=~"(\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"x(\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~".\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"[\xff]"}"#, v2_42: utf8(5, "\u{FFFD}])$"), v3: utf8(5, "\u{FFFD}]")),
        RegexCase(input: #"foo{a=~"\\\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"\\p\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"a{\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"(?i\xff)"}"#, v2_42: utf8(5, "\u{FFFD}))$"), v3: utf8(5, "\u{FFFD})")),
        RegexCase(input: #"foo{a=~"x|(?:y)\x80"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        // Inside `\Q…\E`, a capture name or a `\p{…}` name, only that part is quoted.
        RegexCase(input: #"foo{a=~"\\Q\xff\\E"}"#, v2_42: utf8(5, "\u{FFFD}"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"(?P<n\xff>a)"}"#, v2_42: utf8(5, "\u{FFFD}"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"(?P<\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"), v3: utf8(5, "\u{FFFD}")),
        RegexCase(input: #"foo{a=~"\\p{\xff}"}"#, v2_42: utf8(5, "\u{FFFD}"), v3: utf8(5, "\u{FFFD}")),
        // An error Go meets before the bad byte comes first; 2.42's anchoring decides which.
        RegexCase(input: #"foo{a=~"*\xff"}"#,
                  v2_42: "1:5: parse error: error parsing regexp: missing argument to repetition operator: `*`",
                  v3: "1:5: parse error: error parsing regexp: missing argument to repetition operator: `*`"),
        RegexCase(input: #"foo{a=~"a)\xff"}"#, v2_42: utf8(5, "\u{FFFD})$"),
                  v3: "1:5: parse error: error parsing regexp: unexpected ): `a)\u{FFFD}`"),
        RegexCase(input: #"foo{a=~"(a"}"#, v2_42: "1:5: parse error: error parsing regexp: missing closing ): `^(?:(a)$`",
                  v3: "1:5: parse error: error parsing regexp: missing closing ): `(a`"),
        RegexCase(input: #"foo{a=~"a\\"}"#, v2_42: #"1:5: parse error: error parsing regexp: missing closing ): `^(?:a\)$`"#,
                  v3: "1:5: parse error: error parsing regexp: trailing backslash at end of expression: ``"),
        RegexCase(input: #"foo{a=~"a)b("}"#, v2_42: "1:5: parse error: error parsing regexp: unexpected ): `a)b(`",
                  v3: "1:5: parse error: error parsing regexp: unexpected ): `a)b(`"),
        // The error covers the matcher, wherever it is.
        RegexCase(input: #"foo{b="1", a=~"\xff"}"#, v2_42: utf8(12, "\u{FFFD})$"), v3: nil),
        RegexCase(input: #"sum(foo{a=~"\xff"})"#, v2_42: utf8(9, "\u{FFFD})$"), v3: nil),
        // UTF-8 patterns are fine, and a repetition repeats a whole rune: `é*` matches "".
        RegexCase(input: #"foo{a=~"\xc3\xa9"}"#, v2_42: nil, v3: nil),
        RegexCase(input: #"foo{a=~"\xc3\xa9+"}"#, v2_42: nil, v3: nil),
        RegexCase(input: #"{a=~"é*"}"#, v2_42: "1:1: parse error: vector selector must contain at least one non-empty matcher",
                  v3: "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        RegexCase(input: #"{a=~"\xc3\xa9*"}"#, v2_42: "1:1: parse error: vector selector must contain at least one non-empty matcher",
                  v3: "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        // 3 accepts `\xff|` as literal alternatives, one of which is empty.
        RegexCase(input: #"{a=~"\xff|"}"#, v2_42: utf8(2, "\u{FFFD}|)$"),
                  v3: "1:1: parse error: vector selector must contain at least one non-empty matcher"),
    ]

    @Test(arguments: regexCases)
    func regexMatchersAt2_42(_ testCase: RegexCase) {
        #expect(firstError(testCase.input, .v2_42) == testCase.v2_42)
    }

    @Test(arguments: regexCases)
    func regexMatchersAt3(_ testCase: RegexCase) {
        #expect(firstError(testCase.input, .v3) == testCase.v3)
    }
}

@Suite("Strings are bytes: rewriting, label flow, series notation")
struct StringBytesRewriteTests {
    @Test func injectionComparesNamesAsBytes() throws {
        // The selector's own "e\u0301" is not the injected "é".
        #expect(try PromQL.injectingMatchers([.equal("é", "1")], into: #"foo{"e\u0301"="x"}"#)
            == #"foo{"e\u0301"="x", "é"="1"}"#)
        // The selector's own `a` wins, and its escapes stay as written.
        #expect(try PromQL.injectingMatchers([.equal("a", "1")], into: #"foo{a="\377"}"#) == #"foo{a="\377"}"#)
        // Injected bytes are printed as Prometheus prints them, and read back as the same bytes.
        let value = PromQLString(bytes: [0x61, 0xFF])
        let edited = try PromQL.injectingMatchers([.equal("env", value)], into: "foo")
        #expect(edited == #"foo{env="a\xff"}"#)
        #expect(try PromQL.parse(edited).selectors[0].matcher(for: "env")?.value == value)
    }

    @Test func labelFlowKeepsBytes() throws {
        let ff = PromQLString(bytes: [0xFF])
        #expect(try PromQL.parse(#"count_values("\xff", x)"#).resultLabels == .known([ff]))
        #expect(try PromQL.parse(#"count_values("\xff", x)"#).resultLabels.survival(of: "\u{FFFD}") == .no)
        #expect(try PromQL.parse(#"x{"e\u0301"="1"}"#).resultLabels.survival(of: "é") == .unknown)
    }

    @Test func seriesNotationValuesAreBytes() throws {
        // promtool 2.42 `test rules` accepts this input series and prints its label as b="\xff".
        let series = try SeriesDescription(parsing: #"a{b="\xff", c='\377', d="\u00e9"} 1 2"#)
        #expect(series.labels == ["__name__": "a", "b": PromQLString(bytes: [0xFF]), "c": PromQLString(bytes: [0xFF]), "d": "é"])
        #expect(series.values == [.float(1), .float(2)])
        // Names are compared as bytes: "é" and "e\u0301" are two labels, not a duplicate.
        #expect(try SeriesDescription(parsing: #"a{"é"="1", "e\u0301"="2"} 1"#).labels.count == 3)
    }

    @Test func valueTypeReadsAsGo() {
        let truncated = PromQLString(bytes: [0x61, 0xE2, 0x82])
        #expect(truncated.string == nil)
        #expect(!truncated.isValidUTF8)
        // Go reads each byte of a truncated sequence as its own U+FFFD.
        #expect(truncated.description == "a\u{FFFD}\u{FFFD}")
        #expect(truncated.goQuoted == #""a\xe2\x82""#)
        #expect(PromQLString("é").string == "é")
        // Byte order, as Go sorts strings.
        #expect(PromQLString("z") < PromQLString("é"))
        #expect(PromQLString("é") < PromQLString(bytes: [0xFF]))
    }
}

/// The tables above checked against the real promtool 2.42 (Debian's, installed by `make test`).
///
/// Without promtool on PATH these tests fail and say so; `PERISCOPE_SKIP_PROMTOOL=1` skips them.
@Suite(.enabled(if: !Promtool.isSkipped, "PERISCOPE_SKIP_PROMTOOL=1"))
struct StringBytesPromtoolTests {
    /// Runs promtool with a file holding `contents`; returns its output lines, read as Go reads
    /// them (a byte that is not UTF-8 is U+FFFD).
    private static func promtool(_ command: [String], file contents: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(contents.utf8).write(to: directory.appendingPathComponent("file.yml"))
        let (_, output) = try Promtool.run(command + ["file.yml"], in: directory)
        return output.split(separator: 0x0A).map { PromQLString(bytes: $0).description }
    }

    /// A YAML single-quoted scalar.
    private static func yaml(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    @Test func promtoolCheckRulesAgreesWithTheTables() throws {
        var expected: [(input: String, error: String?)] = StringBytesPrintingTests.cases.filter(\.in2_42).map { ($0.input, nil) }
        expected += StringBytesErrorTests.regexCases.map { ($0.input, $0.v2_42) }
        expected += [#""\ud800""#, #""\400""#].map { ($0, "1:1: parse error: escape sequence is an invalid Unicode code point") }
        var file = "groups:\n- name: bytes\n  rules:\n"
        for (index, item) in expected.enumerated() {
            file += "  - record: r\(index)\n    expr: \(Self.yaml(item.input))\n"
        }
        let lines = try Self.promtool(["check", "rules"], file: file)
        var reported: [String: String] = [:]
        for line in lines {
            guard let rule = line.range(of: #", "r"#), let colon = line.range(of: "\": could not parse expression: ") else { continue }
            reported["r" + line[rule.upperBound..<colon.lowerBound]] = String(line[colon.upperBound...])
        }
        #expect(lines.contains { $0.contains("FAILED") } || reported.isEmpty, "\(lines)")
        for (index, item) in expected.enumerated() {
            #expect(reported["r\(index)"] == item.error, "\(item.input)")
            #expect(firstError(item.input, .v2_42) == item.error, "\(item.input)")
        }
    }

    /// The bug this guards against: `foo{a="\xff"}` printed as `foo{a="\ufffd"}` selected another
    /// series. promtool evaluates each printed selector against series whose values differ only in
    /// those bytes, and must find exactly the series the original selects.
    @Test func printedSelectorsSelectTheSameSeriesInPromtool() throws {
        let series: [(labels: String, value: Int)] = [
            (#"foo{a="\xff"}"#, 1), (#"foo{a="\xc3\xa9"}"#, 2), (#"foo{a="\ufffd"}"#, 3), (#"foo{a="e\u0301"}"#, 4),
        ]
        let selections: [(selector: String, values: [Int])] = [
            (#"foo{a="\xff"}"#, [1]), (#"foo{a="\377"}"#, [1]), (#"foo{a='\xff'}"#, [1]),
            (#"foo{a="\xc3\xa9"}"#, [2]), (#"foo{a="\u00e9"}"#, [2]), (#"foo{a="\ufffd"}"#, [3]), (#"foo{a="e\u0301"}"#, [4]),
            (#"foo{a!="\xff",a!="\ufffd"}"#, [2, 4]), (#"foo{a=~"\xc3\xa9|e\u0301"}"#, [2, 4]),
        ]
        var file = "evaluation_interval: 1m\ntests:\n- interval: 1m\n  input_series:\n"
        for item in series {
            file += "  - series: \(Self.yaml(item.labels))\n    values: '\(item.value)'\n"
        }
        file += "  promql_expr_test:\n"
        for selection in selections {
            let printed = try PromQL.parse(selection.selector, options: ParseOptions(target: .v2_42)).description
            file += "  - expr: \(Self.yaml(printed))\n    eval_time: 0m\n    exp_samples:\n"
            for value in selection.values {
                file += "    - labels: \(Self.yaml(series.first { $0.value == value }!.labels))\n      value: \(value)\n"
            }
        }
        let lines = try Self.promtool(["test", "rules"], file: file)
        #expect(lines.contains { $0.contains("SUCCESS") }, "\(lines.joined(separator: "\n"))")
    }
}

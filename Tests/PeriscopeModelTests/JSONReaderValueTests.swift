import PeriscopeDSL
import PeriscopeModel
import Testing

/// What values the reader builds: numbers by kind, decoded strings, duplicate keys.
struct JSONReaderValueTests {
    @Test(arguments: [
        ("0", JSONValue.int(0)),
        ("-0", .int(0)),
        ("42", .int(42)),
        ("-42", .int(-42)),
        ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", .number("9223372036854775808")),
        ("-9223372036854775809", .number("-9223372036854775809")),
        ("12345678901234567890", .number("12345678901234567890")),
        ("100000000000000000000", .number("100000000000000000000")),
        ("1.5", .double(1.5)),
        ("0.1", .double(0.1)),
        ("0.05", .double(0.05)),
        ("1.0", .double(1)),
        ("1e2", .double(100)),
        ("1E+2", .double(100)),
        ("2.5e-3", .double(0.0025)),
        ("-1.5e300", .double(-1.5e300)),
        ("1.50000000000000000000000", .double(1.5)),
        ("0.30000000000000004", .double(0.30000000000000004)),
        ("123456789012345.6", .double(123456789012345.6)),
        ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
        ("5e-324", .double(.leastNonzeroMagnitude)),
        ("1e400", .number("1e400")),
        ("-1E400", .number("-1E400")),
        ("1e-400", .number("1e-400")),
        ("4.9e-324", .number("4.9e-324")),
        ("9007199254740993.0", .number("9007199254740993.0")),
        ("0.1000000000000000000001", .number("0.1000000000000000000001")),
        ("3.141592653589793238462643383279", .number("3.141592653589793238462643383279")),
    ])
    func classifiesNumbers(text: String, expected: JSONValue) throws {
        let document = try #require(JSONTesting.read(text).document)
        #expect(document.root == expected)
        if case .double(let value) = expected {
            guard case .double(let read) = document.root else { return }
            #expect(read.bitPattern == value.bitPattern, "read \(read), expected \(value) exactly")
        }
    }

    @Test func negativeZeroKeepsItsSignAsADoubleAndWritesAsZero() throws {
        let root = try #require(JSONTesting.read("[-0, -0.0, -0e5]").document).root
        guard case .array(let elements) = root, case .double(let real) = elements[1], case .double(let exponent) = elements[2] else {
            Issue.record("unexpected \(root)")
            return
        }
        #expect(elements[0] == .int(0))
        #expect(real.sign == .minus && real == 0)
        #expect(exponent.sign == .minus && exponent == 0)
        #expect(JSONWriter().string(root) == "[\n  0,\n  0,\n  0\n]\n")
    }

    @Test func bigNumbersAreWrittenBackExactlyAsWritten() throws {
        let text = #"{"big": 12345678901234567890, "huge": 1e400, "long": 0.1000000000000000000001, "tiny": -1E-400, "max": 18446744073709551616}"#
        let document = try #require(JSONTesting.read(text).document)
        let written = JSONWriter().string(document.root)
        #expect(written == """
            {
              "big": 12345678901234567890,
              "huge": 1e400,
              "long": 0.1000000000000000000001,
              "max": 18446744073709551616,
              "tiny": -1E-400
            }

            """)
        let reread = try #require(JSONTesting.read(written).document)
        #expect(reread.rootNode["big"]?.value == .number("12345678901234567890"))
        #expect(JSONWriter().string(reread.root) == written)
    }

    @Test func doublesWrittenByTheWriterReadBackToTheSameBits() throws {
        let values: [Double] = [0.1, 0.05, 1e-7, 2.5e-3, 123456.789, 1.7976931348623157e308, .leastNonzeroMagnitude, 0.30000000000000004, 9_007_199_254_740_992, -3.25]
        for value in values {
            let written = JSONWriter().data(.double(value))
            let reread = try #require(JSONReader().read(written, path: "n.json").document).root
            switch reread {
            case .double(let number): #expect(number == value, "\(value) wrote \(String(decoding: written, as: UTF8.self))")
            case .int(let number): #expect(Double(number) == value)
            default: Issue.record("\(value) read back as \(reread)")
            }
        }
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD834\uDD1E""#, "𝄞"),
        (#""a\u0000b""#, "a\u{0}b"),
        ("\"Grüße ✓ 😀\"", "Grüße ✓ 😀"),
        (#""long string without escapes, longer than sixteen bytes: sum(rate(x[5m]))""#, "long string without escapes, longer than sixteen bytes: sum(rate(x[5m]))"),
        (#""escape at the very end of a long string that crosses words\n""#, "escape at the very end of a long string that crosses words\n"),
    ])
    func decodesStrings(text: String, expected: String) throws {
        let result = JSONTesting.read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.document).root == .string(expected))
    }

    @Test(arguments: [
        (#"["\ud800"]"#, "\u{FFFD}", "test.json:1:3", #"\ud800"#),
        (#"["\uDC00x"]"#, "\u{FFFD}x", "test.json:1:3", #"\uDC00"#),
        (#"["a\uD800\u0041"]"#, "a\u{FFFD}A", "test.json:1:4", #"\uD800"#),
        (#"["\uDd1e\uD834"]"#, "\u{FFFD}\u{FFFD}", "test.json:1:3", #"\uDd1e"#),
    ])
    func replacesLoneSurrogatesWithAWarning(text: String, expected: String, location: String, escape: String) throws {
        let result = JSONTesting.read(text)
        #expect(try #require(result.document).root == .array([.string(expected)]))
        let warning = try #require(result.warnings.first)
        #expect(warning.id == .jsonLoneSurrogate)
        #expect(warning.severity == .warning)
        #expect(warning.location?.description == location)
        #expect(warning.message == "lone surrogate escape '\(escape)' read as U+FFFD (a surrogate is only valid as half of a pair)")
    }

    @Test func duplicateKeysAreKeptInOrderAndReportedWithBothLocations() throws {
        let text = """
            {
              "title": "first",
              "panels": [],
              "title": "second"
            }
            """
        let result = JSONTesting.read(text)
        let document = try #require(result.document)
        guard case .object(let members) = document.root else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["title", "panels", "title"])
        #expect(members.map(\.value) == [.string("first"), .array([]), .string("second")])

        #expect(result.diagnostics.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.id == .jsonDuplicateKey)
        #expect(warning.severity == .warning)
        #expect(warning.location?.description == "test.json:4:3")
        #expect(warning.message == "duplicate key 'title' (first at 2:3); the last one wins")
        #expect(warning.formatted() == """
            test.json:4:3: warning: [json-duplicate-key] duplicate key 'title' (first at 2:3); the last one wins
                at #/title
            """)

        // Lookups take the last one, located at its own value.
        let title = try #require(document.rootNode["title"])
        #expect(title.value == .string("second"))
        #expect(title.location.description == "test.json:4:12 (#/title)")
        #expect(document.location(at: "/title").line == 4)

        // Writing keeps both, in order, so reading the output back still takes the last.
        let written = JSONWriter().data(document.root)
        let reread = JSONReader().read(written, path: "out.json")
        #expect(reread.warnings.map(\.id) == [.jsonDuplicateKey])
        #expect(reread.document?.rootNode["title"]?.value == .string("second"))
    }

    @Test func everyRepeatOfAKeyNamesTheFirstOne() {
        let result = JSONTesting.read(#"{"a": 1, "b": {"a": 2, "a": 3}, "a": 4, "a": 5}"#)
        #expect(result.warnings.map { "\($0.location!) \($0.message)" } == [
            "test.json:1:24 duplicate key 'a' (first at 1:16); the last one wins",
            "test.json:1:33 duplicate key 'a' (first at 1:2); the last one wins",
            "test.json:1:41 duplicate key 'a' (first at 1:2); the last one wins",
        ])
        #expect(result.warnings.map { JSONTesting.pointer(of: $0) } == ["/b/a", "/a", "/a"])
    }

    @Test func duplicatesInLargeObjectsAreFoundToo() {
        var text = "{"
        for index in 0..<500 { text += "\"k\(index)\": \(index), " }
        text += "\"k7\": 0, \"k499\": 1, \"new\": 2}"
        let result = JSONTesting.read(text)
        #expect(result.warnings.map(\.message) == [
            "duplicate key 'k7' (first at 1:65); the last one wins",
            "duplicate key 'k499' (first at 1:6269); the last one wins",
        ])
        #expect(result.document?.rootNode["k7"]?.value == .int(0))
    }

    @Test func keysAreComparedByTheirBytesNotByCanonicalEquivalence() {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301): equal Swift strings, different JSON keys.
        let small = JSONTesting.read("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(small.warnings.isEmpty)
        var large = "{"
        for index in 0..<40 { large += "\"k\(index)\": 0, " }
        large += "\"\u{E9}\": 1, \"e\u{301}\": 2}"
        #expect(JSONTesting.read(large).warnings.isEmpty)
        // The same in the model: and the same byte length, marks in another order (canonically
        // equivalent, so == on String says equal), still two keys; equal bytes are one key.
        var object: JSONValue = [:]
        object["a\u{301}\u{316}"] = 1
        object["a\u{316}\u{301}"] = 2
        object["\u{E9}"] = 3
        object["e\u{301}"] = 4
        object["a\u{301}\u{316}"] = 5
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members.map { Array($0.key.utf8) } == ["a\u{301}\u{316}", "a\u{316}\u{301}", "\u{E9}", "e\u{301}"].map { Array($0.utf8) })
        #expect(members.map(\.value) == [5, 2, 3, 4])
        #expect(object["a\u{316}\u{301}"] == .int(2) && object["e\u{301}"] == .int(4))
    }

    @Test func keysWithEscapesAreComparedDecoded() {
        let result = JSONTesting.read(#"{"a\u0062": 1, "ab": 2}"#)
        #expect(result.warnings.map(\.message) == ["duplicate key 'ab' (first at 1:2); the last one wins"])
    }

    @Test func byteOrderMarkIsSkippedAndColumnsCountFromAfterIt() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": [1, true]}"#.utf8)
        let document = try #require(JSONReader().read(bytes, path: "bom.json").document)
        #expect(document.root == ["a": [1, true]])
        #expect(document.rootNode.location.description == "bom.json:1:1")
        #expect(document.location(at: "/a/1").description == "bom.json:1:11 (#/a/1)")
    }
}

import PeriscopeDSL
import PeriscopeModel
import Testing

@Suite struct JSONWriterTests {
    @Test func sortsKeysAtEveryLevelAndIndentsTwoSpaces() {
        let value: JSONValue = ["b": 1, "a": ["y": true, "x": .null], "c": [], "d": .object([])]
        #expect(JSONWriter().string(value) == """
            {
              "a": {
                "x": null,
                "y": true
              },
              "b": 1,
              "c": [],
              "d": {}
            }

            """)
    }

    @Test func writesNumbersKeptAsTextUnchangedInsideContainers() {
        let value: JSONValue = ["big": .number("18446744073709551616"), "list": [.number("1E+400"), .int(1)]]
        #expect(JSONWriter().string(value) == """
            {
              "big": 18446744073709551616,
              "list": [
                1E+400,
                1
              ]
            }

            """)
    }

    @Test func doesNotEscapeSlashesOrNonASCII() {
        let text = JSONWriter().string(["url": "https://example.com/a/b", "name": "Grüße ✓"])
        #expect(text.contains(#""url": "https://example.com/a/b""#))
        #expect(text.contains(#""name": "Grüße ✓""#))
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let text = JSONWriter().string(.string("a\"b\\c\nd\te\u{01}"))
        #expect(text == "\"a\\\"b\\\\c\\nd\\te\\u0001\"\n")
    }

    @Test(arguments: [
        (JSONValue.double(1000), "1000"), (.double(0.05), "0.05"), (.double(-2.5), "-2.5"), (.int(-42), "-42"),
        (.int(0), "0"), (.double(1e-7), "1e-07"), (.double(.nan), "null"), (.int(Int.min), "-9223372036854775808"),
        (.number("12345678901234567890"), "12345678901234567890"), (.number("1e400"), "1e400"), (.number("-0.10000000000000000000001"), "-0.10000000000000000000001"),
    ])
    func formatsNumbersStably(value: JSONValue, expected: String) {
        #expect(JSONWriter().string(value) == expected + "\n")
    }
}

import Testing

@testable import PromQL

@Suite("Parser: robustness")
struct RobustnessTests {
    @Test func hundredThousandNestedParenthesesFailWithAnError() {
        let depth = 100_000
        let input = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let result = PromQL.parseCollectingErrors(input)
        #expect(result.expr == nil)
        #expect(result.errors.first?.message == "expression nesting depth exceeds the maximum of 256")
    }

    @Test(arguments: [
        "-", "abs(", "sum(", "foo[1m:]", "2^", "{a=\"b\"} + (", "foo[(",
    ])
    func deepNestingOfEveryKindFailsWithAnError(_ unit: String) {
        let input = String(repeating: unit, count: 100_000) + "foo"
        let result = PromQL.parseCollectingErrors(input, options: .allFeatures)
        #expect(result.expr == nil)
        #expect(!result.errors.isEmpty)
    }

    @Test func tenMegabytesOfInputFailWithAnError() {
        let chain = String(repeating: "foo + ", count: 10 * 1024 * 1024 / 6) + "foo"
        #expect(chain.utf8.count >= 10_000_000)
        let result = PromQL.parseCollectingErrors(chain)
        #expect(result.expr == nil)
        #expect(result.errors.first?.message == "expression tree depth exceeds the maximum of 2048")

        let offsets = "foo" + String(repeating: " offset 1m", count: 1_000_000)
        let repeated = PromQL.parseCollectingErrors(offsets)
        #expect(repeated.errors.first?.message == "offset may not be set multiple times")
        #expect(repeated.errors.count <= 1000)
    }

    @Test func limitsAreConfigurable() {
        let input = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        #expect(!PromQL.parseCollectingErrors(input).errors.isEmpty)
        var options = ParseOptions()
        options.maxNestingDepth = 400
        options.maxTreeDepth = 400
        #expect(PromQL.parseCollectingErrors(input, options: options).errors.isEmpty)
    }

    @Test func arbitraryBytesNeverTrap() {
        // A deterministic generator over PromQL-ish fragments and raw bytes, including invalid UTF-8.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        let fragments: [[UInt8]] = [
            "sum", "(", ")", "[", "]", "{", "}", "\"", "'", "`", "\\", "5m", "1e", "0x", "offset", "@", "by", "on",
            "group_left", "-", "+", "^", ",", ":", "=~", "!", "#", "\n", " ", "step()", "inf", "_", ".", "anchored",
            "fill(", "max_of(", "info(", "a", "\u{00e9}",
        ].map { Array($0.utf8) }
        var parsed = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 24) {
                if next() % 5 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: next()))
                } else {
                    bytes.append(contentsOf: fragments[Int(next() % UInt64(fragments.count))])
                }
            }
            let result = PromQL.parseCollectingErrors(utf8: bytes, options: .allFeatures)
            if result.errors.isEmpty { parsed += 1 }
            for error in result.errors {
                #expect(error.range.lowerBound >= 0 && error.range.upperBound <= bytes.count)
                #expect(error.line >= 1 && error.column >= 1)
            }
            _ = PromQLLexer.tokens(utf8: bytes, seriesDescription: next() % 2 == 0)
        }
        #expect(parsed > 0)
    }
}

import Testing

@testable import PromQL

@Suite("Lexer")
struct LexerTests {
    /// Token kinds (Prometheus ItemType names) and texts of an input.
    private func lex(_ input: String, series: Bool = false) -> [String] {
        let bytes = Array(input.utf8)
        return PromQLLexer.tokens(input, seriesDescription: series).map { token in
            let text = token.errorMessage ?? String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            return "\(token.kind.itemTypeName):\(text)"
        }
    }

    @Test func operatorsKeywordsAndIdentifiers() {
        #expect(
            lex("sum by (job) (rate(a:b[5m])) >= bool 1")
                == [
                    "SUM:sum", "BY:by", "LEFT_PAREN:(", "IDENTIFIER:job", "RIGHT_PAREN:)", "LEFT_PAREN:(",
                    "IDENTIFIER:rate", "LEFT_PAREN:(", "METRIC_IDENTIFIER:a:b", "LEFT_BRACKET:[", "DURATION:5m",
                    "RIGHT_BRACKET:]", "RIGHT_PAREN:)", "RIGHT_PAREN:)", "GTE:>=", "BOOL:bool", "NUMBER:1",
                ])
        #expect(lex("a </ b >/ c") == ["IDENTIFIER:a", "TRIM_UPPER:</", "IDENTIFIER:b", "TRIM_LOWER:>/", "IDENTIFIER:c"])
        #expect(lex("fill fill()") == ["IDENTIFIER:fill", "FILL:fill", "LEFT_PAREN:(", "RIGHT_PAREN:)"])
        #expect(lex("OFFSET Inf nan") == ["OFFSET:OFFSET", "NUMBER:Inf", "NUMBER:nan"])
    }

    @Test func labelMatchersInsideBraces() {
        #expect(
            lex(#"{on!~"x", "a.b"='y', c=`z`}"#)
                == [
                    "LEFT_BRACE:{", "IDENTIFIER:on", "NEQ_REGEX:!~", #"STRING:"x""#, "COMMA:,", #"STRING:"a.b""#, "EQL:=",
                    "STRING:'y'", "COMMA:,", "IDENTIFIER:c", "EQL:=", "STRING:`z`", "RIGHT_BRACE:}",
                ])
    }

    @Test func numbersAndDurations() {
        #expect(lex("0x1F 1_000 1e-3 .5 1h30m 5ms") == [
            "NUMBER:0x1F", "NUMBER:1_000", "NUMBER:1e-3", "NUMBER:.5", "DURATION:1h30m", "DURATION:5ms",
        ])
        #expect(lex("1__0") == [#"ERROR:bad number or duration syntax: "1__""#])
        #expect(lex("[5m:step()]") == [
            "LEFT_BRACKET:[", "DURATION:5m", "COLON::", "STEP:step", "LEFT_PAREN:(", "RIGHT_PAREN:)", "RIGHT_BRACKET:]",
        ])
    }

    @Test func errorsCarryPrometheusMessages() {
        #expect(lex("foo{") == ["IDENTIFIER:foo", "LEFT_BRACE:{", "ERROR:unexpected end of input inside braces"])
        #expect(lex(#""abc"#) == ["ERROR:unterminated quoted string"])
        #expect(lex("a ! b") == ["IDENTIFIER:a", "ERROR:unexpected character after '!': ' '"])
        #expect(lex("(") == ["LEFT_PAREN:(", "ERROR:unclosed left parenthesis"])
        #expect(lex("台") == ["ERROR:unexpected character: '台'"])
        // Like Prometheus, lexing continues after an invalid byte inside a string.
        let invalid = PromQLLexer.tokens(utf8: [0x22, 0xFF, 0x22])
        #expect(invalid.map(\.kind) == [.error, .string])
        #expect(invalid.first?.errorMessage == "invalid UTF-8 rune")
    }

    @Test func commentsAreTokens() {
        #expect(lex("1 # one\n+ 2") == ["NUMBER:1", "COMMENT:# one", "ADD:+", "NUMBER:2"])
    }

    @Test func seriesDescriptions() {
        #expect(
            lex(#"up{job="a"} 1+2x3 _ stale"#, series: true)
                == [
                    "IDENTIFIER:up", "LEFT_BRACE:{", "IDENTIFIER:job", "EQL:=", #"STRING:"a""#, "RIGHT_BRACE:}",
                    "SPACE: ", "NUMBER:1", "ADD:+", "NUMBER:2", "TIMES:x", "NUMBER:3", "SPACE: ", "BLANK:_",
                    "SPACE: ", "IDENTIFIER:stale",
                ])
        #expect(lex("{} {{counter_reset_hint:gauge}}", series: true).contains("COUNTER_RESET_HINT_DESC:counter_reset_hint"))
    }
}

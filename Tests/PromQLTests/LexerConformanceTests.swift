import Testing

@testable import PromQL

@Suite("Lexer conformance (lex_cases.jsonl)")
struct LexerConformanceTests {
    @Test(.enabled(if: corpusAvailable, "../shared/promql-corpus not found; skipping"))
    func tokenStreamsMatchPrometheus() throws {
        let records = try Corpus.records("lex_cases.jsonl")
        #expect(records.count > 100)
        var agree = 0
        var mismatches: [String] = []
        for record in records {
            let bytes = Corpus.inputBytes(record)
            let seriesDescription = record["series_desc"] as? Bool ?? false
            let tokens = PromQLLexer.tokens(utf8: bytes, seriesDescription: seriesDescription)
            let shouldSucceed = record["ok"] as? Bool ?? true
            let sawError = tokens.contains { $0.kind == .error }
            var matches: Bool
            if shouldSucceed {
                let expected = (record["tokens"] as? [[Any]] ?? []).map { item in
                    "\(item[0]) \(item[1]) \(item[2])"
                }
                let actual = tokens.map { token in
                    let text =
                        token.errorMessage
                        ?? String(decoding: bytes[token.start..<min(token.end, bytes.count)], as: UTF8.self)
                    return "\(token.kind.itemTypeName) \(token.start) \(text)"
                }
                matches = expected == actual
                if !matches { mismatches.append("\(record["input"] ?? ""): expected \(expected), got \(actual)") }
            } else {
                matches = sawError
                if !matches { mismatches.append("\(record["input"] ?? ""): expected a lexing error") }
            }
            if matches { agree += 1 }
        }
        print("lex_cases: token stream agreement \(percent(agree, records.count)) (\(agree)/\(records.count))")
        for line in mismatches.prefix(20) { print("  lex mismatch: \(line)") }
        #expect(agree == records.count)
    }
}

/// Public access to the lexer, for tools and conformance tests.
public enum PromQLLexer {
    /// Lexes `input` and returns every token without the final EOF, as Prometheus' lexer emits
    /// them: comments are included, and lexing goes on after errors it can recover from (a bad
    /// escape inside a string). Lexing stops at an error that repeats at the same position. `seriesDescription` selects promtool's `values:` mode.
    public static func tokens(_ input: String, seriesDescription: Bool = false) -> [Token] {
        tokens(utf8: Array(input.utf8), seriesDescription: seriesDescription)
    }

    /// Lexes raw UTF-8 bytes (possibly invalid) like `tokens(_:seriesDescription:)`.
    public static func tokens(utf8 bytes: [UInt8], seriesDescription: Bool = false) -> [Token] {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer, seriesDescription: seriesDescription)
            var result: [Token] = []
            while true {
                let token = lexer.nextToken()
                if token.kind == .eof { break }
                if token.kind == .error, let last = result.last, last.kind == .error, last.start == token.start {
                    break
                }
                result.append(
                    Token(
                        kind: token.kind, start: token.start, end: token.end,
                        errorMessage: token.kind == .error ? lexer.errorMessage : nil))
            }
            return result
        }
    }
}

/// Entry points of the PromQL parser.
///
/// ```swift
/// let expr = try PromQL.parse(#"sum by (job) (rate(http_requests_total[5m]))"#)
/// expr.type  // .vector
/// ```
public enum PromQL {
    /// Parses an expression and throws the first error, as Prometheus' `ParseExpr` does.
    public static func parse(_ input: String, options: ParseOptions = .init()) throws(PromQLError) -> Expr {
        let result = parseCollectingErrors(input, options: options)
        if let first = result.errors.first { throw first }
        guard let expr = result.expr else {
            throw PromQLError(message: "no expression found in input", range: 0..<0, line: 1, column: 1)
        }
        return expr
    }

    /// Parses raw UTF-8 bytes (which may be invalid UTF-8) and throws the first error.
    public static func parse(utf8 bytes: [UInt8], options: ParseOptions = .init()) throws(PromQLError) -> Expr {
        let result = parseCollectingErrors(utf8: bytes, options: options)
        if let first = result.errors.first { throw first }
        guard let expr = result.expr else {
            throw PromQLError(message: "no expression found in input", range: 0..<0, line: 1, column: 1)
        }
        return expr
    }

    /// Parses an expression and returns every error found (syntax errors, then type errors).
    public static func parseCollectingErrors(_ input: String, options: ParseOptions = .init()) -> ParseResult {
        var input = input
        return input.withUTF8 { buffer in
            Parser.run(buffer, options: options)
        }
    }

    /// Parses raw UTF-8 bytes and returns every error found.
    public static func parseCollectingErrors(utf8 bytes: [UInt8], options: ParseOptions = .init()) -> ParseResult {
        bytes.withUnsafeBufferPointer { buffer in
            Parser.run(buffer, options: options)
        }
    }
}

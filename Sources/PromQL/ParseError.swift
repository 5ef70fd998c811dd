/// A PromQL parse error with its position in the input.
public struct PromQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, without the `line:col: parse error:` prefix (e.g. `unexpected end of input`).
    public var message: String
    /// Half-open byte range of the offending text in the UTF-8 input.
    public var range: Range<Int>
    /// 1-based line of `range.lowerBound`.
    public var line: Int
    /// 1-based byte column of `range.lowerBound` within its line.
    public var column: Int

    /// Creates an error; `line` and `column` are those of `range.lowerBound`.
    public init(message: String, range: Range<Int>, line: Int, column: Int) {
        self.message = message
        self.range = range
        self.line = line
        self.column = column
    }

    /// Prometheus' format: `<line>:<col>: parse error: <message>`.
    public var description: String { "\(line):\(column): parse error: \(message)" }
}

/// The outcome of parsing with error collection.
public struct ParseResult: Sendable, Equatable {
    /// The expression, when parsing succeeded without any error.
    public var expr: Expr?
    /// Every error found, in the order Prometheus reports them.
    public var errors: [PromQLError]

    /// Creates a parse result.
    public init(expr: Expr?, errors: [PromQLError]) {
        self.expr = expr
        self.errors = errors
    }
}

extension PromQLError {
    /// Creates an error, computing line and column from the UTF-8 bytes of the input.
    init(message: String, range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lineStart = 0
        let end = Swift.min(Swift.max(range.lowerBound, 0), bytes.count)
        var i = 0
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        self.init(message: message, range: range, line: line, column: range.lowerBound - lineStart + 1)
    }
}

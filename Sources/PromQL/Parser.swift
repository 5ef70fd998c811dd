/// The recursive-descent PromQL parser (work in progress).
struct Parser {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) -> ParseResult {
        ParseResult(expr: nil, errors: [PromQLError(message: "parser under construction", range: 0..<0, in: bytes)])
    }
}

/// A token of Go's template lexer (`item` in `text/template/parse/lex.go`, Go 1.19). Plain
/// integers only (the lexer keeps its one error message), so the recursive parser's frames stay small.
struct GoTemplateToken: Sendable {
    /// lex.go `itemType`. The cases after `keywordsStart` print as `<word>` in messages.
    enum Kind: UInt8, Sendable {
        case error, bool, char, charConstant, complex, assign, declare, eof, field, identifier
        case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
        case keywordsStart
        case block, `break`, `continue`, dot, define, `else`, end, `if`, `nil`, range, template, with

        var isKeyword: Bool { rawValue > Kind.keywordsStart.rawValue }

        /// Whether a command may start with this token (parse.go `pipeline`).
        var startsOperand: Bool {
            switch self {
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nil, .rawString, .string, .variable, .leftParen: true
            default: false
            }
        }

        /// lex.go `key`: the words that lex as keywords rather than identifiers.
        static func keyword(_ word: String) -> Kind? {
            switch word {
            case ".": .dot
            case "block": .block
            case "break": .break
            case "continue": .continue
            case "define": .define
            case "else": .else
            case "end": .end
            case "if": .if
            case "range": .range
            case "nil": .nil
            case "template": .template
            case "with": .with
            default: nil
            }
        }
    }

    var kind: Kind
    /// The byte range of the token in the template text.
    var start: Int
    var end: Int
    /// lex.go `item.line`: 1 plus the newlines before `start`.
    var line: Int

    /// A token before any is read: Go's zero `item`, whose line is 0.
    static let none = GoTemplateToken(kind: .error, start: 0, end: 0, line: 0)
}

/// Go's template lexer (`text/template/parse/lex.go`, Go 1.19), pulled one token at a time.
///
/// It accepts and rejects exactly what Go's does, with Go's messages: `unclosed action`,
/// `bad character U+00A0`, `unterminated quoted string`, `bad number syntax: "3-"`, trim
/// markers (`{{- ` and ` -}}` need the space; `{{-3}}` is the number -3) and comments
/// (`{{/* … */}}`, nothing else in the action).
struct GoTemplateLexer {
    private enum State { case text, leftDelim, action, unexpectedRightParen, eof, done }

    private let bytes: [UInt8]
    /// The function map: `break` or `continue` lexes as an identifier when it defines them.
    private let functions: Set<String>
    private var state = State.text
    private var pos = 0
    private var start = 0
    /// The width of the rune `next()` read last, for `backup()`.
    private var width = 0
    /// 1 plus the newlines before `start`.
    private var line = 1
    private var parenDepth = 0
    /// The error or EOF token, returned again if asked for more.
    private var final: GoTemplateToken?
    /// The message of the `.error` token: Go's lexer stops at its first error.
    private(set) var errorMessage = ""

    init(_ bytes: [UInt8], functions: Set<String>) {
        self.bytes = bytes
        self.functions = functions
    }

    /// The text of a token.
    func text(of token: GoTemplateToken) -> ArraySlice<UInt8> { bytes[token.start..<token.end] }

    /// The next token; after an error or EOF, that token again.
    mutating func nextToken() -> GoTemplateToken {
        while true {
            let token: GoTemplateToken?
            switch state {
            case .text: token = lexText()
            case .leftDelim: token = lexLeftDelim()
            case .action: token = lexInsideAction()
            case .unexpectedRightParen: token = error("unexpected right paren \(GoText.rune(")"))")
            case .eof: token = emit(.eof)
            case .done: token = final
            }
            if let token {
                if token.kind == .error || token.kind == .eof { final = token; state = .done }
                return token
            }
        }
    }

    // MARK: Positions

    private mutating func next() -> Unicode.Scalar? {
        guard pos < bytes.count else { width = 0; return nil }
        let (scalar, length) = decode(at: pos)
        width = length
        pos += length
        return scalar
    }

    private mutating func backup() { pos -= width }

    private mutating func peek() -> Unicode.Scalar? {
        let scalar = next()
        backup()
        return scalar
    }

    private func decode(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func hasPrefix(_ a: UInt8, _ b: UInt8, at index: Int) -> Bool { byte(at: index) == a && byte(at: index + 1) == b }

    private func find(_ a: UInt8, _ b: UInt8, from index: Int) -> Int? {
        var cursor = index
        while cursor + 1 < bytes.count {
            if bytes[cursor] == a && bytes[cursor + 1] == b { return cursor }
            cursor += 1
        }
        return nil
    }

    /// Moves the start of the next token to `pos`, counting the newlines passed.
    private mutating func ignore() {
        for index in start..<pos where bytes[index] == 0x0A { line += 1 }
        start = pos
    }

    private mutating func emit(_ kind: GoTemplateToken.Kind) -> GoTemplateToken {
        let token = GoTemplateToken(kind: kind, start: start, end: pos, line: line)
        ignore()
        return token
    }

    private mutating func error(_ message: String) -> GoTemplateToken {
        errorMessage = message
        return GoTemplateToken(kind: .error, start: start, end: pos, line: line)
    }

    // MARK: Delimiters, trim markers and comments

    /// `{{- `: a minus and a space after the left delimiter.
    private func hasLeftTrimMarker(at index: Int) -> Bool {
        byte(at: index) == UInt8(ascii: "-") && byte(at: index + 1).map(GoText.isSpace) == true
    }

    /// ` -}}`: a space and a minus before the right delimiter.
    private func hasRightTrimMarker(at index: Int) -> Bool {
        byte(at: index).map(GoText.isSpace) == true && byte(at: index + 1) == UInt8(ascii: "-")
    }

    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix(0x7D, 0x7D, at: pos + 2) { return (true, true) }
        return (hasPrefix(0x7D, 0x7D, at: pos), false)
    }

    private func spaceCount(from index: Int, step: Int, limit: Int) -> Int {
        var cursor = index
        while cursor != limit, GoText.isSpace(bytes[cursor]) { cursor += step }
        return abs(cursor - index)
    }

    private mutating func lexText() -> GoTemplateToken? {
        width = 0
        guard let delim = find(0x7B, 0x7B, from: pos) else {
            pos = bytes.count
            state = .eof
            return pos > start ? emit(.text) : nil
        }
        let trimmed = hasLeftTrimMarker(at: delim + 2) ? spaceCount(from: delim - 1, step: -1, limit: start - 1) : 0
        pos = delim - trimmed
        let text = pos > start ? emit(.text) : nil
        pos = delim
        ignore()
        state = .leftDelim
        return text
    }

    private mutating func lexLeftDelim() -> GoTemplateToken? {
        pos += 2
        let afterMarker = hasLeftTrimMarker(at: pos) ? 2 : 0
        if hasPrefix(UInt8(ascii: "/"), UInt8(ascii: "*"), at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return lexComment()
        }
        let token = emit(.leftDelim)
        pos += afterMarker
        ignore()
        parenDepth = 0
        state = .action
        return token
    }

    private mutating func lexComment() -> GoTemplateToken? {
        pos += 2
        guard let close = find(UInt8(ascii: "*"), UInt8(ascii: "/"), from: pos) else { return error("unclosed comment") }
        pos = close + 2
        let (delim, trim) = atRightDelim()
        guard delim else { return error("comment ends before closing delimiter") }
        pos += trim ? 4 : 2
        if trim { pos += spaceCount(from: pos, step: 1, limit: bytes.count) }
        ignore()
        state = .text
        return nil
    }

    private mutating func lexRightDelim() -> GoTemplateToken {
        let trim = hasRightTrimMarker(at: pos)
        if trim {
            pos += 2
            ignore()
        }
        pos += 2
        let token = emit(.rightDelim)
        if trim {
            pos += spaceCount(from: pos, step: 1, limit: bytes.count)
            ignore()
        }
        state = .text
        return token
    }

    // MARK: Inside an action

    private mutating func lexInsideAction() -> GoTemplateToken {
        if atRightDelim().delim {
            return parenDepth == 0 ? lexRightDelim() : error("unclosed left paren")
        }
        guard let scalar = next() else { return error("unclosed action") }
        switch scalar {
        case " ", "\t", "\n", "\r":
            backup()
            return lexSpace()
        case "=": return emit(.assign)
        case ":": return next() == "=" ? emit(.declare) : error("expected :=")
        case "|": return emit(.pipe)
        case "\"": return lexQuote(closing: scalar, escapes: true, kind: .string, problem: "unterminated quoted string")
        case "`": return lexQuote(closing: scalar, escapes: false, kind: .rawString, problem: "unterminated raw quoted string")
        case "'": return lexQuote(closing: scalar, escapes: true, kind: .charConstant, problem: "unterminated character constant")
        case "$": return atTerminator() ? emit(.variable) : lexFieldOrVariable(.variable)
        // A `.` before a digit, or at the end, starts a number.
        case "." where byte(at: pos).map { $0 < 0x30 || $0 > 0x39 } ?? false: return lexFieldOrVariable(.field)
        case ".", "+", "-", "0"..."9":
            backup()
            return lexNumber()
        case _ where GoText.isAlphaNumeric(scalar):
            backup()
            return lexIdentifier()
        case "(":
            parenDepth += 1
            return emit(.leftParen)
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { state = .unexpectedRightParen }
            return emit(.rightParen)
        case _ where scalar.value < 0x80 && GoText.isPrint(scalar): return emit(.char)
        default: return error("unrecognized character in action: \(GoText.rune(scalar))")
        }
    }

    /// A run of spaces, or the right delimiter when the one space belongs to ` -}}`.
    private mutating func lexSpace() -> GoTemplateToken {
        var count = 0
        while let scalar = peek(), scalar.isASCII, GoText.isSpace(UInt8(scalar.value)) {
            _ = next()
            count += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix(0x7D, 0x7D, at: pos + 1) {
            backup()
            if count == 1 { return lexRightDelim() }
        }
        return emit(.space)
    }

    /// lex.go `atTerminator`: what may follow a word (Go reserves `$x+2` for arithmetic): a
    /// space, `.`, `,`, `|`, `:`, a parenthesis, the end, or the whole right delimiter (`}` alone is not).
    private mutating func atTerminator() -> Bool {
        guard let scalar = peek() else { return true }
        switch scalar {
        case " ", "\t", "\n", "\r", ".", ",", "|", ":", ")", "(": return true
        default: return hasPrefix(0x7D, 0x7D, at: pos)
        }
    }

    private mutating func lexIdentifier() -> GoTemplateToken {
        while let scalar = next(), GoText.isAlphaNumeric(scalar) {}
        backup()
        let following = peek()
        guard atTerminator() else { return error("bad character \(GoText.rune(following ?? "\u{FFFD}"))") }
        let word = String(decoding: bytes[start..<pos], as: UTF8.self)
        if let keyword = GoTemplateToken.Kind.keyword(word), !((keyword == .break || keyword == .continue) && functions.contains(word)) {
            return emit(keyword)
        }
        return emit(word == "true" || word == "false" ? .bool : .identifier)
    }

    /// `.Field` or `$variable`; the `.` or `$` is read.
    private mutating func lexFieldOrVariable(_ kind: GoTemplateToken.Kind) -> GoTemplateToken {
        if atTerminator() { return emit(kind == .variable ? .variable : .dot) }
        while let scalar = next(), GoText.isAlphaNumeric(scalar) {}
        backup()
        let following = peek()
        guard atTerminator() else { return error("bad character \(GoText.rune(following ?? "\u{FFFD}"))") }
        return emit(kind)
    }

    /// A quoted string, raw string or character constant; the opening quote is read. Escapes
    /// are checked by the parser (`strconv.Unquote`), not here.
    private mutating func lexQuote(closing: Unicode.Scalar, escapes: Bool, kind: GoTemplateToken.Kind, problem: String) -> GoTemplateToken {
        let quote = UInt8(closing.value)
        while let byte = byte(at: pos) {
            pos += 1
            if byte == quote { return emit(kind) }
            guard escapes else { continue }
            if byte == 0x0A { return error(problem) }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = self.byte(at: pos), escaped != 0x0A else { return error(problem) }
                pos += 1
            }
        }
        return error(problem)
    }

    /// A number as lex.go scans it: loosely (`089`, `0x1p`, `1__0` pass here), for the parser's
    /// `strconv` rules to judge. `1+2i` is one complex token.
    private mutating func lexNumber() -> GoTemplateToken {
        guard scanNumber() else { return error("bad number syntax: \(GoText.quoted(numberText))") }
        guard let sign = peek(), sign == "+" || sign == "-" else { return emit(.number) }
        guard scanNumber(), bytes[pos - 1] == UInt8(ascii: "i") else { return error("bad number syntax: \(GoText.quoted(numberText))") }
        return emit(.complex)
    }

    private var numberText: Substring { Substring(decoding: bytes[start..<pos], as: UTF8.self) }

    private mutating func accept(_ set: String) -> Bool {
        guard let byte = byte(at: pos), set.utf8.contains(byte) else { return false }
        pos += 1
        width = 1
        return true
    }

    private mutating func acceptRun(_ set: String) {
        while accept(set) {}
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" } else if accept("oO") { digits = "01234567_" } else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.utf8.count == 11 && accept("eE") || digits.utf8.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if let scalar = peek(), GoText.isAlphaNumeric(scalar) {
            _ = next()
            return false
        }
        return true
    }
}

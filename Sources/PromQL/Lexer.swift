/// A PromQL lexer over UTF-8 bytes, a state machine with the same states as Prometheus' lexer
/// so token boundaries and lexing errors agree with it.
///
/// The lexer never allocates for ordinary tokens: a token is a kind and a byte range. Only
/// error tokens carry a message.
struct Lexer {
    private enum State {
        case statements, histogram, histogramDescriptor, buckets, insideBraces, valueSequence
        case escape, string, rawString, space, lineComment, number, numberOrDuration
        case identifier, keywordOrIdentifier, durationExpr
        case done
    }

    private enum HistogramState { case none, open, mul, add, sub }

    private static let eof: Int32 = -1
    private static let runeError: Int32 = 0xFFFD

    let input: UnsafeBufferPointer<UInt8>
    private var state: State = .statements
    private(set) var pos = 0
    private(set) var start = 0
    private var width = 0
    private var parenDepth = 0
    private var braceOpen = false
    private var bracketOpen = false
    private var gotColon = false
    private var gotDuration = false
    private var stringOpen: Int32 = 0
    private var histogramState: HistogramState = .none
    /// Whether the input is a series description (promtool `values:` notation).
    var seriesDescription = false
    /// Start of the most recently returned token.
    private(set) var lastPos = 0

    private var scanned: LexToken?
    /// The message of the most recent error token.
    private(set) var errorMessage = ""

    init(_ input: UnsafeBufferPointer<UInt8>, seriesDescription: Bool = false) {
        self.input = input
        self.seriesDescription = seriesDescription
    }

    // MARK: Rune access

    @inline(__always)
    private mutating func next() -> Int32 {
        if pos >= input.count {
            width = 0
            return Lexer.eof
        }
        let byte = input[pos]
        if byte < 0x80 {
            width = 1
            pos += 1
            return Int32(byte)
        }
        let (rune, w) = UTF8Decoding.decode(input, at: pos)
        width = w
        pos += w
        return rune
    }

    @inline(__always)
    private mutating func peek() -> Int32 {
        let rune = next()
        backup()
        return rune
    }

    @inline(__always)
    private mutating func backup() { pos -= width }

    @inline(__always)
    private mutating func emit(_ kind: TokenKind) {
        scanned = LexToken(kind: kind, start: start, end: pos)
        start = pos
    }

    @inline(__always)
    private mutating func ignore() { start = pos }

    /// Emits an error token; the state machine stops afterwards unless the caller continues.
    private mutating func errorf(_ message: String) -> State {
        scanned = LexToken(kind: .error, start: start, end: input.count)
        errorMessage = message
        return .done
    }

    private mutating func accept(_ valid: (Int32) -> Bool) -> Bool {
        if valid(next()) { return true }
        backup()
        return false
    }

    private mutating func acceptByte(_ byte: UInt8) -> Bool {
        accept { $0 == Int32(byte) }
    }

    // MARK: Driver

    /// Returns the next token; after an error or the end it keeps returning `.eof`.
    mutating func nextToken() -> LexToken {
        scanned = nil
        while scanned == nil {
            if state == .done {
                emit(.eof)
                break
            }
            state = step(state)
        }
        // `scanned` is always set by the loop above.
        let token = scanned ?? LexToken(kind: .eof, start: pos, end: pos)
        lastPos = token.start
        return token
    }

    private mutating func step(_ state: State) -> State {
        switch state {
        case .statements: lexStatements()
        case .histogram: lexHistogram()
        case .histogramDescriptor: lexHistogramDescriptor()
        case .buckets: lexBuckets()
        case .insideBraces: lexInsideBraces()
        case .valueSequence: lexValueSequence()
        case .escape: lexEscape()
        case .string: lexString()
        case .rawString: lexRawString()
        case .space: lexSpace()
        case .lineComment: lexLineComment()
        case .number: lexNumber()
        case .numberOrDuration: lexNumberOrDuration()
        case .identifier: lexIdentifier()
        case .keywordOrIdentifier: lexKeywordOrIdentifier()
        case .durationExpr: lexDurationExpr()
        case .done: .done
        }
    }

    // MARK: States

    private mutating func lexStatements() -> State {
        if histogramState != .none { return .histogram }
        if braceOpen { return .insideBraces }
        if pos < input.count, input[pos] == UInt8(ascii: "#") { return .lineComment }

        let r = next()
        switch r {
        case Lexer.eof:
            if parenDepth != 0 { return errorf("unclosed left parenthesis") }
            if bracketOpen { return errorf("unclosed left bracket") }
            emit(.eof)
            return .done
        case c(","): emit(.comma)
        case _ where Lexer.isSpace(r): return .space
        case c("*"): emit(.mul)
        case c("/"): emit(.div)
        case c("%"): emit(.mod)
        case c("+"): emit(.add)
        case c("-"): emit(.sub)
        case c("^"): emit(.pow)
        case c("="):
            let t = peek()
            if t == c("=") {
                _ = next()
                emit(.eqlc)
            } else if t == c("~") {
                return errorf("unexpected character after '=': \(GoQuote.rune(t))")
            } else {
                emit(.assign)
            }
        case c("!"):
            let t = next()
            if t != c("=") { return errorf("unexpected character after '!': \(GoQuote.rune(t))") }
            emit(.neq)
        case c("<"):
            let t = peek()
            if t == c("=") {
                _ = next()
                emit(.lte)
            } else if t == c("/") {
                _ = next()
                emit(.trimUpper)
            } else {
                emit(.lss)
            }
        case c(">"):
            let t = peek()
            if t == c("=") {
                _ = next()
                emit(.gte)
            } else if t == c("/") {
                _ = next()
                emit(.trimLower)
            } else {
                emit(.gtr)
            }
        case _ where Lexer.isDigit(r) || (r == c(".") && Lexer.isDigit(peek())):
            backup()
            return .numberOrDuration
        case c("\""), c("'"):
            stringOpen = r
            return .string
        case c("`"):
            stringOpen = r
            return .rawString
        case _ where Lexer.isAlpha(r) || r == c(":"):
            if !bracketOpen {
                backup()
                return .keywordOrIdentifier
            }
            if r == c(":") {
                if gotColon { return errorf("unexpected colon \(GoQuote.rune(r))") }
                emit(.colon)
                gotColon = true
                return .statements
            }
            if Lexer.isDurationKeywordStart(r), scanDurationKeyword() { return .statements }
            return errorf("unexpected character: \(GoQuote.rune(r)), expected ':'")
        case c("("):
            emit(.leftParen)
            parenDepth += 1
            return .statements
        case c(")"):
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right parenthesis \(GoQuote.rune(r))") }
            return .statements
        case c("{"):
            emit(.leftBrace)
            braceOpen = true
            return .insideBraces
        case c("["):
            if bracketOpen { return errorf("unexpected left bracket \(GoQuote.rune(r))") }
            gotColon = false
            emit(.leftBracket)
            if Lexer.isSpace(peek()) { skipSpaces() }
            bracketOpen = true
            return .durationExpr
        case c("]"):
            if !bracketOpen { return errorf("unexpected right bracket \(GoQuote.rune(r))") }
            emit(.rightBracket)
            bracketOpen = false
        case c("@"): emit(.at)
        default:
            return errorf("unexpected character: \(GoQuote.rune(r))")
        }
        return .statements
    }

    private mutating func lexHistogram() -> State {
        switch histogramState {
        case .mul:
            histogramState = .none
            _ = next()
            emit(.times)
            return .valueSequence
        case .add:
            histogramState = .none
            _ = next()
            emit(.add)
            return .valueSequence
        case .sub:
            histogramState = .none
            _ = next()
            emit(.sub)
            return .valueSequence
        case .none, .open:
            break
        }
        if bracketOpen { return .buckets }
        let r = next()
        switch r {
        case _ where Lexer.isSpace(r):
            emit(.space)
            return .space
        case _ where Lexer.isAlpha(r):
            backup()
            return .histogramDescriptor
        case c(":"):
            emit(.colon)
            return .histogram
        case c("-"):
            emit(.sub)
            return .histogram
        case c("x"):
            emit(.times)
            return .number
        case _ where Lexer.isDigit(r):
            backup()
            return .number
        case c("["):
            bracketOpen = true
            gotColon = false
            gotDuration = false
            emit(.leftBracket)
            return .buckets
        case c("}") where peek() == c("}"):
            _ = next()
            emit(.closeHistogram)
            switch peek() {
            case c("x"):
                histogramState = .mul
                return .histogram
            case c("+"):
                histogramState = .add
                return .histogram
            case c("-"):
                histogramState = .sub
                return .histogram
            default:
                histogramState = .none
                return .valueSequence
            }
        default:
            return errorf("histogram description incomplete unexpected: \(GoQuote.rune(r))")
        }
    }

    private mutating func lexHistogramDescriptor() -> State {
        while true {
            let r = next()
            if Lexer.isAlpha(r) { continue }
            backup()
            let word = input[start..<pos]
            if let desc = Keywords.histogramDescriptor(word) {
                if peek() == c(":") {
                    emit(desc)
                    return .histogram
                }
                _ = errorf("missing `:` for histogram descriptor")
                return .statements
            }
            if let kind = Keywords.keyword(word), kind == .number {
                emit(.number)
                return .histogram
            }
            if let hint = Keywords.counterResetHint(word) {
                emit(hint)
                return .histogram
            }
            _ = errorf("bad histogram descriptor found: \(GoQuote.string(Array(word)))")
            return .statements
        }
    }

    private mutating func lexBuckets() -> State {
        let r = next()
        switch r {
        case _ where Lexer.isSpace(r):
            emit(.space)
            return .space
        case c("-"):
            emit(.sub)
            return .number
        case _ where Lexer.isDigit(r):
            backup()
            return .number
        case c("]"):
            bracketOpen = false
            emit(.rightBracket)
            return .histogram
        case _ where Lexer.isAlpha(r):
            if let kind = Keywords.keyword(input[start..<pos]), kind == .number {
                emit(.number)
                return .statements
            }
            return .buckets
        default:
            return errorf("invalid character in buckets description: \(GoQuote.rune(r))")
        }
    }

    private mutating func lexInsideBraces() -> State {
        if pos < input.count, input[pos] == UInt8(ascii: "#") { return .lineComment }
        let r = next()
        switch r {
        case Lexer.eof:
            return errorf("unexpected end of input inside braces")
        case _ where Lexer.isSpace(r):
            return .space
        case _ where Lexer.isAlpha(r):
            backup()
            return .identifier
        case c(","):
            emit(.comma)
        case c("\""), c("'"):
            stringOpen = r
            return .string
        case c("`"):
            stringOpen = r
            return .rawString
        case c("="):
            if next() == c("~") {
                emit(.eqlRegex)
            } else {
                backup()
                emit(.assign)
            }
        case c("!"):
            let nr = next()
            if nr == c("~") {
                emit(.neqRegex)
            } else if nr == c("=") {
                emit(.neq)
            } else {
                return errorf("unexpected character after '!' inside braces: \(GoQuote.rune(nr))")
            }
        case c("{"):
            return errorf("unexpected left brace \(GoQuote.rune(r))")
        case c("}"):
            emit(.rightBrace)
            braceOpen = false
            return seriesDescription ? .valueSequence : .statements
        default:
            return errorf("unexpected character inside braces: \(GoQuote.rune(r))")
        }
        return .insideBraces
    }

    private mutating func lexValueSequence() -> State {
        if histogramState != .none { return .histogram }
        let r = next()
        switch r {
        case Lexer.eof:
            return .statements
        case c("{") where peek() == c("{"):
            histogramState = .open
            _ = next()
            emit(.openHistogram)
            return .histogram
        case _ where Lexer.isSpace(r):
            emit(.space)
            _ = lexSpace()
        case c("+"): emit(.add)
        case c("-"): emit(.sub)
        case c("x"): emit(.times)
        case c("_"): emit(.blank)
        case _ where Lexer.isDigit(r) || (r == c(".") && Lexer.isDigit(peek())):
            backup()
            _ = lexNumber()
        case _ where Lexer.isAlpha(r):
            backup()
            return .keywordOrIdentifier
        default:
            return errorf("unexpected character in series sequence: \(GoQuote.rune(r))")
        }
        return .valueSequence
    }

    private mutating func lexEscape() -> State {
        var ch = next()
        var digits = 0
        var base: UInt32 = 0
        var maxValue: UInt32 = 0
        switch ch {
        case c("a"), c("b"), c("f"), c("n"), c("r"), c("t"), c("v"), c("\\"), stringOpen:
            return .string
        case c("0")...c("7"):
            (digits, base, maxValue) = (3, 8, 255)
        case c("x"):
            ch = next()
            (digits, base, maxValue) = (2, 16, 255)
        case c("u"):
            ch = next()
            (digits, base, maxValue) = (4, 16, 0x10FFFF)
        case c("U"):
            ch = next()
            (digits, base, maxValue) = (8, 16, 0x10FFFF)
        case Lexer.eof:
            _ = errorf("escape sequence not terminated")
            return .string
        default:
            _ = errorf("unknown escape sequence \(GoQuote.unicodeRune(ch))")
            return .string
        }
        var x: UInt32 = 0
        while digits > 0 {
            let d = UInt32(Lexer.digitValue(ch))
            if d >= base {
                if ch == Lexer.eof {
                    _ = errorf("escape sequence not terminated")
                    return .string
                }
                _ = errorf("illegal character \(GoQuote.unicodeRune(ch)) in escape sequence")
                return .string
            }
            x = x &* base &+ d
            digits -= 1
            if digits > 0 { ch = next() }
        }
        if x > maxValue || (0xD800 <= x && x < 0xE000) {
            _ = errorf("escape sequence is an invalid Unicode code point")
        }
        return .string
    }

    private mutating func lexString() -> State {
        while true {
            let r = next()
            if r == c("\\") { return .escape }
            if r == Lexer.runeError {
                _ = errorf("invalid UTF-8 rune")
                return .string
            }
            if r == Lexer.eof || r == c("\n") { return errorf("unterminated quoted string") }
            if r == stringOpen { break }
        }
        emit(.string)
        return .statements
    }

    private mutating func lexRawString() -> State {
        while true {
            let r = next()
            if r == Lexer.runeError {
                _ = errorf("invalid UTF-8 rune")
                return .rawString
            }
            if r == Lexer.eof {
                _ = errorf("unterminated raw string")
                return .rawString
            }
            if r == stringOpen { break }
        }
        emit(.string)
        return .statements
    }

    private mutating func lexSpace() -> State {
        while pos < input.count, Lexer.isSpaceByte(input[pos]) { pos += 1 }
        ignore()
        return .statements
    }

    private mutating func skipSpaces() {
        while pos < input.count, Lexer.isSpaceByte(input[pos]) { pos += 1 }
        ignore()
    }

    private mutating func lexLineComment() -> State {
        pos += 1
        while pos < input.count, input[pos] != 0x0A, input[pos] != 0x0D {
            _ = next()
        }
        emit(.comment)
        return .statements
    }

    private mutating func lexNumber() -> State {
        if !scanNumber() { return errorf("bad number syntax: \(GoQuote.string(Array(input[start..<pos])))") }
        emit(.number)
        return .statements
    }

    private mutating func scanDurationKeyword() -> Bool {
        while true {
            let r = next()
            if Lexer.isAlpha(r) { continue }
            backup()
            if let kind = Keywords.durationKeyword(input[start..<pos]) {
                emit(kind)
                return true
            }
            return false
        }
    }

    private mutating func lexNumberOrDuration() -> State {
        if scanNumber() {
            emit(.number)
            return .statements
        }
        if acceptRemainingDuration() {
            backup()
            emit(.duration)
            return .statements
        }
        return errorf("bad number or duration syntax: \(GoQuote.string(Array(input[start..<pos])))")
    }

    private mutating func acceptRemainingDuration() -> Bool {
        if !accept({ Lexer.isOneOf($0, "smhdwy") }) { return false }
        _ = acceptByte(UInt8(ascii: "s"))
        while accept({ Lexer.isDigit($0) }) {
            while accept({ Lexer.isDigit($0) }) {}
            if !accept({ Lexer.isOneOf($0, "smhdw") }) { return false }
            _ = acceptByte(UInt8(ascii: "s"))
        }
        return !Lexer.isAlphaNumeric(next())
    }

    private mutating func scanNumber() -> Bool {
        let initialPos = pos
        var hex = false
        if !seriesDescription, acceptByte(UInt8(ascii: "0")), accept({ $0 == c("x") || $0 == c("X") }) {
            _ = acceptByte(UInt8(ascii: "_"))
            hex = true
        }
        let isDigitOfBase: (Int32) -> Bool =
            hex ? { Lexer.isDigit($0) || (c("a") <= $0 && $0 <= c("f")) || (c("A") <= $0 && $0 <= c("F")) } : { Lexer.isDigit($0) }
        _ = acceptByte(UInt8(ascii: "."))
        _ = accept(isDigitOfBase)
        var dotConsumed = false
        var exponentConsumed = false
        while true {
            let p = peek()
            let isExponent = p == c("e") || p == c("E")
            guard isDigitOfBase(p) || p == c(".") || p == c("_") || isExponent else { break }
            if p == c("."), dotConsumed {
                _ = next()
                return false
            }
            if isExponent, exponentConsumed {
                _ = next()
                return false
            }
            if acceptByte(UInt8(ascii: ".")) {
                dotConsumed = true
                if accept({ $0 == c("_") || $0 == c(".") }) { return false }
                if hex { return false }
                continue
            }
            if accept({ $0 == c("e") || $0 == c("E") }) {
                exponentConsumed = true
                _ = accept({ $0 == c("+") || $0 == c("-") })
                if accept({ Lexer.isOneOf($0, "._eE") }) || peek() == Lexer.eof { return false }
                continue
            }
            if acceptByte(UInt8(ascii: "_")) {
                if accept({ Lexer.isOneOf($0, "._eE") }) || peek() == Lexer.eof { return false }
                continue
            }
            while accept(isDigitOfBase) {}
        }
        if pos == initialPos { return false }
        let r = peek()
        return (seriesDescription && r == c("x")) || !Lexer.isAlphaNumeric(r)
    }

    private mutating func lexIdentifier() -> State {
        while Lexer.isAlphaNumeric(next()) {}
        backup()
        emit(.identifier)
        return .statements
    }

    private mutating func lexKeywordOrIdentifier() -> State {
        var hasColon = false
        while true {
            let r = next()
            if r == c(":") {
                hasColon = true
                continue
            }
            if Lexer.isAlphaNumeric(r) { continue }
            backup()
            break
        }
        let word = input[start..<pos]
        if let kind = Keywords.keyword(word) {
            if (kind == .fill || kind == .fillLeft || kind == .fillRight) && !followedByLeftParen() {
                emit(.identifier)
            } else {
                emit(kind)
            }
        } else {
            emit(hasColon ? .metricIdentifier : .identifier)
        }
        if seriesDescription, peek() != c("{") { return .valueSequence }
        return .statements
    }

    private func followedByLeftParen() -> Bool {
        var i = pos
        while i < input.count {
            let byte = input[i]
            if !Lexer.isSpaceByte(byte) { return byte == UInt8(ascii: "(") }
            i += 1
        }
        return false
    }

    private mutating func lexDurationExpr() -> State {
        let r = next()
        switch r {
        case Lexer.eof:
            return errorf("unexpected end of input in duration expression")
        case c("]"):
            emit(.rightBracket)
            bracketOpen = false
            gotColon = false
            return .statements
        case c(":"):
            emit(.colon)
            if !gotDuration { return errorf("unexpected colon before duration in duration expression") }
            if gotColon { return errorf("unexpected repeated colon in duration expression") }
            gotColon = true
            return .durationExpr
        case c("("):
            emit(.leftParen)
            parenDepth += 1
            return .durationExpr
        case c(")"):
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right parenthesis \(GoQuote.rune(r))") }
            return .durationExpr
        case _ where Lexer.isSpace(r):
            skipSpaces()
            return .durationExpr
        case c("+"):
            emit(.add)
            return .durationExpr
        case c("-"):
            emit(.sub)
            return .durationExpr
        case c("*"):
            emit(.mul)
            return .durationExpr
        case c("/"):
            emit(.div)
            return .durationExpr
        case c("%"):
            emit(.mod)
            return .durationExpr
        case c("^"):
            emit(.pow)
            return .durationExpr
        case c(","):
            emit(.comma)
            return .durationExpr
        case _ where Lexer.isDurationKeywordStart(r):
            if scanDurationKeyword() { return .durationExpr }
            return errorf("unexpected character in duration expression: \(GoQuote.rune(r))")
        case _ where Lexer.isDigit(r) || (r == c(".") && Lexer.isDigit(peek())):
            backup()
            gotDuration = true
            return .numberOrDuration
        default:
            return errorf("unexpected character in duration expression: \(GoQuote.rune(r))")
        }
    }

    /// The end of the last `)` before the current token when only spaces separate them
    /// (Prometheus' `findPrevRightParen`, used for aggregation ranges).
    func findPreviousRightParen(fallback: Int) -> Int {
        if fallback <= 0 || fallback > input.count || lastPos <= 0 || lastPos >= input.count
            || input[lastPos] != UInt8(ascii: ")")
        {
            return fallback
        }
        var i = lastPos - 1
        while i > 0 {
            let byte = input[i]
            if byte == UInt8(ascii: ")") { return i + 1 }
            if !Lexer.isSpaceByte(byte) { return fallback }
            i -= 1
        }
        return fallback
    }

    // MARK: Character classes

    @inline(__always) static func isSpace(_ r: Int32) -> Bool { r == 0x20 || r == 0x09 || r == 0x0A || r == 0x0D }
    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func isDigit(_ r: Int32) -> Bool { r >= 0x30 && r <= 0x39 }
    @inline(__always) static func isAlpha(_ r: Int32) -> Bool {
        r == 0x5F || (r >= 0x61 && r <= 0x7A) || (r >= 0x41 && r <= 0x5A)
    }
    @inline(__always) static func isAlphaNumeric(_ r: Int32) -> Bool { isAlpha(r) || isDigit(r) }

    static func isOneOf(_ r: Int32, _ set: StaticString) -> Bool {
        guard r >= 0, r < 0x80 else { return false }
        return set.withUTF8Buffer { $0.contains(UInt8(r)) }
    }

    static func isDurationKeywordStart(_ r: Int32) -> Bool {
        r == c("s") || r == c("r") || r == c("m") || r == c("S") || r == c("R") || r == c("M")
    }

    static func digitValue(_ ch: Int32) -> Int {
        if ch >= c("0") && ch <= c("9") { return Int(ch - c("0")) }
        if ch >= c("a") && ch <= c("f") { return Int(ch - c("a") + 10) }
        if ch >= c("A") && ch <= c("F") { return Int(ch - c("A") + 10) }
        return 16
    }
}

/// The code point of an ASCII character, for readable comparisons with runes.
@inline(__always)
func c(_ scalar: Unicode.Scalar) -> Int32 { Int32(scalar.value) }

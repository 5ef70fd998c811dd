/// Go's `%q` and `%#U` formatting, so error messages read exactly as Prometheus writes them.
enum GoQuote {
    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ r: Int32) -> Bool {
        if r < 0x80 { return r >= 0x20 && r < 0x7F }
        guard let scalar = Unicode.Scalar(UInt32(r)) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: Swift.max(0, digits - s.count)) + s
    }

    private static func appendEscaped(_ r: Int32, quote: Character, to out: inout String) {
        switch r {
        case 0x07: out += "\\a"
        case 0x08: out += "\\b"
        case 0x0C: out += "\\f"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x0B: out += "\\v"
        case 0x5C: out += "\\\\"
        default:
            if UInt32(r) == quote.unicodeScalars.first?.value {
                out += "\\"
                out.append(quote)
            } else if isPrint(r), let scalar = Unicode.Scalar(UInt32(r)) {
                out.unicodeScalars.append(scalar)
            } else if r < 0x80 {
                out += "\\x" + hex(UInt32(r), digits: 2)
            } else if r < 0x10000 {
                out += "\\u" + hex(UInt32(r), digits: 4)
            } else {
                out += "\\U" + hex(UInt32(r), digits: 8)
            }
        }
    }

    /// `fmt.Sprintf("%q", r)` for a rune; negative values (end of input) print as U+FFFD.
    static func rune(_ r: Int32) -> String {
        let value = r < 0 || r > 0x10FFFF ? 0xFFFD : r
        var out = "'"
        appendEscaped(value, quote: "'", to: &out)
        out += "'"
        return out
    }

    /// `fmt.Sprintf("%#U", r)`: `U+0063 'c'`.
    static func unicodeRune(_ r: Int32) -> String {
        if r < 0 { return "U+FFFFFFFFFFFFFFFF" }
        var out = "U+" + hex(UInt32(r), digits: 4).uppercased()
        if isPrint(r), let scalar = Unicode.Scalar(UInt32(r)) {
            out += " '"
            out.unicodeScalars.append(scalar)
            out += "'"
        }
        return out
    }

    /// `strconv.Quote` of raw bytes: a byte that does not start a valid UTF-8 sequence prints
    /// as `\xNN`, a rune that is not printable as `\xNN`, `\uNNNN` or `\UNNNNNNNN`. With
    /// `maxRunes`, only that many runes are quoted (`%.10q`). With `escapingReplacementCharacter`,
    /// U+FFFD itself prints as `\ufffd`: Go prints it as is, but Prometheus' lexer rejects it in
    /// a string literal ("invalid UTF-8 rune"), so the printer escapes it to stay parseable.
    static func string<C: Collection>(
        _ bytes: C, maxRunes: Int = Int.max, escapingReplacementCharacter: Bool = false
    ) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { view in
            var out = "\""
            out.reserveCapacity(view.count + 2)
            var i = 0
            var runes = 0
            while i < view.count, runes < maxRunes {
                let (r, width) = UTF8Decoding.decode(view, at: i)
                if r == 0xFFFD && width == 1 {
                    out += "\\x" + hex(UInt32(view[i]), digits: 2)
                } else if r == 0xFFFD && escapingReplacementCharacter {
                    out += "\\ufffd"
                } else {
                    appendEscaped(r, quote: "\"", to: &out)
                }
                i += width
                runes += 1
            }
            out += "\""
            return out
        }
    }

    /// `strconv.Quote` of a Swift string.
    static func string(_ text: String) -> String { string(Array(text.utf8)) }
}

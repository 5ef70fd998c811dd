/// The character classes and value formats Go's `text/template/parse` uses in its rules and
/// messages, so that Periscope's messages read exactly as promtool prints them.
///
/// Sources: `text/template/parse/lex.go` (`isSpace`, `isAlphaNumeric`), `unicode.IsPrint`,
/// `strconv.Quote` (fmt's `%q`) and fmt's `%#U`, at Go 1.19 (the Go that built Debian's
/// promtool 2.42).
enum GoText {
    /// lex.go `isSpace`: the four ASCII spaces that separate words inside an action.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// lex.go `isAlphaNumeric`: `_`, a Unicode letter (`unicode.IsLetter`) or a decimal digit (`unicode.IsDigit`).
    static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return value == 0x5F || (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }

    /// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .surrogate, .privateUse, .unassigned: return false
        default: return true
        }
    }

    /// fmt's `%#U`: `U+00A0`, followed by the character in quotes when it is printable (`U+20AC '€'`).
    static func rune(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return isPrint(scalar) ? "\(code) '\(Character(scalar))'" : code
    }

    /// `strconv.Quote` (fmt's `%q`): double quotes, Go escapes for `"`, `\` and unprintable characters.
    static func quoted(_ text: Substring) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            appendEscaped(scalar, to: &result)
        }
        return result + "\""
    }

    /// `strconv.Quote` of a whole string.
    static func quoted(_ text: String) -> String { quoted(text[...]) }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "\"", "\\": result += "\\" + String(scalar)
        case _ where isPrint(scalar): result.unicodeScalars.append(scalar)
        case "\u{07}": result += "\\a"
        case "\u{08}": result += "\\b"
        case "\u{0C}": result += "\\f"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{0B}": result += "\\v"
        default:
            let value = scalar.value
            let (prefix, digits) = value < 0x20 || value == 0x7F ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
            let hex = String(value, radix: 16)
            result += prefix + String(repeating: "0", count: digits - hex.count) + hex
        }
    }
}

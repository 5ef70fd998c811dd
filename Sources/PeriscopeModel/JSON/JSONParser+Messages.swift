/// The syntax errors of `JSONParser`: each names what was expected and what was found, with a
/// hint for the usual non-JSON habits (comments, single quotes, trailing commas, `NaN`).
extension JSONParser {
    /// A value was expected at `offset`.
    func unexpected(_ expectation: Expectation, at offset: Int) -> JSONSyntaxError {
        let found = offset < bytes.count ? bytes[offset] : nil
        switch expectation {
        case .document:
            return unexpected("a JSON value", at: offset, hint: valueHint(at: offset))
        case .firstElement:
            return unexpected("a value or ']'", at: offset, hint: valueHint(at: offset))
        case .elementAfterComma:
            if found == UInt8(ascii: "]") {
                return JSONSyntaxError("expected a value after ',', found ']' (trailing commas are not allowed)", at: offset)
            }
            return unexpected("a value after ','", at: offset, hint: valueHint(at: offset))
        case .memberValue:
            return unexpected("a value after ':'", at: offset, hint: valueHint(at: offset))
        }
    }

    /// `expected <expected>, found <what is at offset><hint>`; a NUL byte or invalid UTF-8 there
    /// is reported as such instead.
    func unexpected(_ expected: String, at offset: Int, hint: String = "") -> JSONSyntaxError {
        if offset < bytes.count {
            if bytes[offset] == 0 { return nulByte(at: offset) }
            if bytes[offset] >= 0x80, scalarLength(at: offset) == nil {
                return JSONSyntaxError("invalid UTF-8 byte \(hexByte(bytes[offset]))", at: offset)
            }
        }
        return JSONSyntaxError("expected \(expected), found \(description(at: offset))\(hint)", at: offset)
    }

    func nulByte(at offset: Int) -> JSONSyntaxError {
        JSONSyntaxError("NUL byte (JSON text cannot contain one; is this a UTF-16 or binary file?)", at: offset)
    }

    func unterminatedString(at quote: Int) -> JSONSyntaxError {
        JSONSyntaxError("unterminated string: no closing '\"' before the end of the file", at: quote)
    }

    func controlCharacterInString(at offset: Int) -> JSONSyntaxError {
        let byte = bytes[offset]
        if byte == 0 { return JSONSyntaxError("NUL byte in a string (write it as \\u0000)", at: offset) }
        let escape: String
        switch byte {
        case 0x08: escape = "\\b"
        case 0x09: escape = "\\t"
        case 0x0A: escape = "\\n"
        case 0x0C: escape = "\\f"
        case 0x0D: escape = "\\r"
        default: escape = "\\u00" + hexByte(byte).dropFirst(2).lowercased()
        }
        let name = byte == 0x0A || byte == 0x0D ? "line break" : "control character"
        return JSONSyntaxError("unescaped \(name) \(scalarName(UInt32(byte))) in a string (write it as \(escape))", at: offset)
    }

    func invalidEscape(at backslash: Int) -> JSONSyntaxError {
        let allowed = " (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"
        let letter = bytes[backslash + 1]
        if letter >= 0x80 {
            guard let scalar = scalar(at: backslash + 1) else {
                return JSONSyntaxError("invalid UTF-8 byte \(hexByte(letter))", at: backslash + 1)
            }
            return JSONSyntaxError("invalid escape '\\\(Character(scalar))'" + allowed, at: backslash)
        }
        if letter < 0x20 || letter == 0x7F {
            return JSONSyntaxError("invalid escape: '\\' followed by \(scalarName(UInt32(letter)))" + allowed, at: backslash)
        }
        return JSONSyntaxError("invalid escape '\\\(Character(Unicode.Scalar(letter)))'" + allowed, at: backslash)
    }

    /// How to show what is at `offset`: `the end of the file`, `'x'`, `'NaN'`, `U+000C`.
    func description(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if isWordByte(byte) {
            var end = offset
            while end < bytes.count, end - offset < 24, isWordByte(bytes[end]) { end += 1 }
            let more = end < bytes.count && isWordByte(bytes[end]) ? "…" : ""
            return "'" + String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self) + more + "'"
        }
        if byte == UInt8(ascii: "'") { return "a single quote" }
        if byte < 0x20 || byte == 0x7F { return "control character \(scalarName(UInt32(byte)))" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        guard let scalar = scalar(at: offset) else { return "invalid UTF-8 byte \(hexByte(byte))" }
        return "'\(Character(scalar))' (\(scalarName(scalar.value)))"
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// A hint after "expected a value, found …".
    func valueHint(at offset: Int) -> String {
        guard offset < bytes.count else { return "" }
        switch bytes[offset] {
        case UInt8(ascii: "'"): return " (strings need double quotes)"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (comments are not allowed in JSON)"
        case UInt8(ascii: "+"): return " (numbers cannot start with '+')"
        case UInt8(ascii: "."): return " (numbers need a digit before '.')"
        case UInt8(ascii: "N"), UInt8(ascii: "I"): return wordStarts(at: offset, with: ["NaN", "Infinity"]) ? " (JSON has no NaN or infinity)" : ""
        case UInt8(ascii: "T"), UInt8(ascii: "F"): return wordStarts(at: offset, with: ["True", "TRUE", "False", "FALSE"]) ? " (JSON literals are lowercase)" : ""
        default: return ""
        }
    }

    /// A hint after "expected a key in double quotes, found …".
    func keyHint(at offset: Int) -> String {
        guard offset < bytes.count else { return "" }
        switch bytes[offset] {
        case UInt8(ascii: "'"): return " (keys need double quotes, not single)"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (comments are not allowed in JSON)"
        default: return isWordByte(bytes[offset]) ? " (keys need double quotes)" : ""
        }
    }

    private func wordStarts(at offset: Int, with words: [String]) -> Bool {
        words.contains { word in
            word.utf8.count <= bytes.count - offset && word.utf8.enumerated().allSatisfy { bytes[offset + $0.offset] == $0.element }
        }
    }

    private func scalarName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

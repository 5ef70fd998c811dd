/// The rules Go's template parser applies to the constants the lexer passed loosely: numbers
/// (`parse.newNumber` in `text/template/parse/node.go`), character constants and quoted
/// strings (`strconv.UnquoteChar`, `strconv.Unquote`), at Go 1.19.
///
/// Numbers go through `strconv.ParseUint`/`ParseInt`/`ParseFloat` (base prefixes `0x`, `0o`,
/// `0b` and a leading `0` for octal, `_` only between digits, hex floats need a `p` exponent,
/// out-of-range floats are errors) and complex constants through `fmt.Sscan`. Each function
/// returns Go's message for a rejected constant, or nil.
enum GoTemplateLiterals {
    private enum Failure: Error { case syntax, range }

    /// `parse.newNumber` for a `.number` token: `illegal number syntax: "0x1.8"`, `integer overflow: "08"`.
    static func numberProblem(_ text: [UInt8]) -> String? {
        if text.last == UInt8(ascii: "i"), (try? parseFloat(text.dropLast())) != nil { return nil }
        if (try? parseUnsigned(text[...])) != nil || (try? parseSigned(text[...])) != nil { return nil }
        if (try? parseFloat(text[...])) != nil {
            if text.contains(where: { "eEpP.".utf8.contains($0) }) { return nil }
            return "integer overflow: \(quoted(text))"
        }
        return "illegal number syntax: \(quoted(text))"
    }

    /// `parse.newNumber` for a `.charConstant` token such as `'a'` or `'\n'`.
    static func characterProblem(_ text: [UInt8]) -> String? {
        var value: [UInt8] = []
        guard let end = unquoteCharacter(text, from: 1, quote: UInt8(ascii: "'"), into: &value) else { return "invalid syntax" }
        return end == text.count - 1 ? nil : "malformed character constant: \(String(decoding: text, as: UTF8.self))"
    }

    /// `strconv.Unquote` of a `"…"` or `` `…` `` token: its bytes, or nil for a bad escape
    /// (Go's `invalid syntax`).
    static func unquoted(_ text: [UInt8]) -> [UInt8]? {
        let body = text.dropFirst().dropLast()
        guard text.first == UInt8(ascii: "\"") else { return body.filter { $0 != 0x0D } }
        var value: [UInt8] = []
        var index = 1
        while index < text.count - 1 {
            guard let next = unquoteCharacter(text, from: index, quote: UInt8(ascii: "\""), into: &value) else { return nil }
            index = next
        }
        return value
    }

    /// `parse.newNumber` for a `.complex` token (`1+2i`), which Go hands to `fmt.Sscan`: the
    /// real part, a sign, the imaginary part and `i`, each part through `strconv.ParseFloat`.
    static func complexProblem(_ text: [UInt8]) -> String? {
        var scanner = FloatTokenScanner(text: text)
        let real = scanner.floatToken()
        let sign = scanner.index
        guard scanner.accept("+-") else { return "syntax error scanning complex number" }
        _ = scanner.floatToken()
        let imaginary = sign..<scanner.index
        guard scanner.accept("i") else { return "syntax error scanning complex number" }
        for part in [real, imaginary] {
            do {
                try parseFloat(text[part])
            } catch {
                let reason = error == .range ? "value out of range" : "invalid syntax"
                return "strconv.ParseFloat: parsing \(quoted(text[part])): \(reason)"
            }
        }
        return nil
    }

    private static func quoted(_ text: some Collection<UInt8>) -> String {
        GoText.quoted(Substring(decoding: Array(text), as: UTF8.self))
    }

    // MARK: strconv.ParseUint, ParseInt, ParseFloat (base 0, 64 bits)

    private static func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (hex && lower(byte) >= 0x61 && lower(byte) <= 0x66)
    }

    /// `strconv.ParseUint(text, 0, 64)`: the value, or why Go rejects it.
    @discardableResult
    private static func parseUnsigned(_ text: ArraySlice<UInt8>) throws(Failure) -> UInt64 {
        guard let first = text.first else { throw .syntax }
        var base: UInt64 = 10
        var digits = text
        if first == UInt8(ascii: "0") {
            let prefix = text.count >= 3 ? lower(text[text.startIndex + 1]) : 0
            let bases: [UInt8: UInt64] = [UInt8(ascii: "b"): 2, UInt8(ascii: "o"): 8, UInt8(ascii: "x"): 16]
            base = bases[prefix] ?? 8
            digits = text.dropFirst(bases[prefix] == nil ? 1 : 2)
        }
        var value: UInt64 = 0
        var underscores = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                underscores = true
                continue
            }
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - 0x30)
            case _ where lower(byte) >= 0x61 && lower(byte) <= 0x7A: digit = UInt64(lower(byte) - 0x61 + 10)
            default: throw .syntax
            }
            guard digit < base else { throw .syntax }
            let (product, overflow) = value.multipliedReportingOverflow(by: base)
            let (sum, carry) = product.addingReportingOverflow(digit)
            guard !overflow, !carry else { throw .range }
            value = sum
        }
        if underscores && !underscoresAreSeparators(text) { throw .syntax }
        return value
    }

    /// `strconv.ParseInt(text, 0, 64)`: an optional sign, then `ParseUint` within Int64's range.
    private static func parseSigned(_ text: ArraySlice<UInt8>) throws(Failure) {
        guard let first = text.first else { throw .syntax }
        let signed = first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
        let value = try parseUnsigned(signed ? text.dropFirst() : text)
        if value > UInt64(Int64.max) + (first == UInt8(ascii: "-") ? 1 : 0) { throw .range }
    }

    /// `strconv.ParseFloat(text, 64)`: Go's float syntax (`readFloat`), then the range check.
    private static func parseFloat(_ text: ArraySlice<UInt8>) throws(Failure) {
        var index = text.startIndex
        if index < text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
        var hex = false
        if index + 2 < text.endIndex, text[index] == UInt8(ascii: "0"), lower(text[index + 1]) == UInt8(ascii: "x") {
            hex = true
            index += 2
        }
        var sawDot = false, sawDigits = false, underscores = false
        mantissa: while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                underscores = true
            } else if byte == UInt8(ascii: ".") {
                if sawDot { break mantissa }
                sawDot = true
            } else if isDigit(byte, hex: hex) {
                sawDigits = true
            } else {
                break mantissa
            }
            index += 1
        }
        guard sawDigits else { throw .syntax }
        if index < text.endIndex, lower(text[index]) == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) {
            index += 1
            if index < text.endIndex, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            guard index < text.endIndex, isDigit(text[index], hex: false) else { throw .syntax }
            while index < text.endIndex, isDigit(text[index], hex: false) || text[index] == UInt8(ascii: "_") {
                underscores = underscores || text[index] == UInt8(ascii: "_")
                index += 1
            }
        } else if hex {
            throw .syntax
        }
        if underscores && !underscoresAreSeparators(text[..<index]) { throw .syntax }
        guard index == text.endIndex else { throw .syntax }
        let cleaned = String(decoding: text.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(cleaned), value.isFinite else { throw .range }
    }

    /// strconv's `underscoreOK`: each `_` sits between digits, or between a base prefix and a digit.
    private static func underscoresAreSeparators(_ text: ArraySlice<UInt8>) -> Bool {
        var body = text
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { body = body.dropFirst() }
        // What came last: a digit or base prefix ("0"), an underscore ("_"), or something else ("!").
        var saw = UInt8(ascii: "^")
        var hex = false
        if body.count >= 2, body.first == UInt8(ascii: "0"), "box".utf8.contains(lower(body[body.startIndex + 1])) {
            hex = lower(body[body.startIndex + 1]) == UInt8(ascii: "x")
            saw = UInt8(ascii: "0")
            body = body.dropFirst(2)
        }
        for byte in body {
            if isDigit(byte, hex: hex) {
                saw = UInt8(ascii: "0")
            } else if byte == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = byte
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
        }
        return saw != UInt8(ascii: "_")
    }

    // MARK: strconv.UnquoteChar

    /// The index after one character of a quoted literal starting at `index`, its bytes
    /// appended to `value`; nil when `strconv.UnquoteChar` rejects it (an unknown escape, too
    /// few hex or octal digits, an octal value above 255, a surrogate or out-of-range `\u`/`\U`,
    /// the other quote escaped).
    private static func unquoteCharacter(_ text: [UInt8], from index: Int, quote: UInt8, into value: inout [UInt8]) -> Int? {
        guard index < text.count, text[index] != quote else { return nil }
        guard text[index] == UInt8(ascii: "\\") else {
            var end = index + 1
            while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
            value += text[index..<end]
            return end
        }
        guard index + 1 < text.count else { return nil }
        let escape = text[index + 1]
        let rest = index + 2
        if let simple = simpleEscapes[escape] {
            value.append(simple)
            return rest
        }
        switch escape {
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
            guard rest + count <= text.count, text[rest..<(rest + count)].allSatisfy({ isDigit($0, hex: true) }),
                  let code = UInt32(String(decoding: text[rest..<(rest + count)], as: UTF8.self), radix: 16) else { return nil }
            if escape == UInt8(ascii: "x") {
                value.append(UInt8(code))
            } else {
                guard let scalar = Unicode.Scalar(code) else { return nil }
                value += Array(String(scalar).utf8)
            }
            return rest + count
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard rest + 2 <= text.count, text[rest..<(rest + 2)].allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
            let code = (Int(escape) - 0x30) * 64 + (Int(text[rest]) - 0x30) * 8 + Int(text[rest + 1]) - 0x30
            guard code <= 255 else { return nil }
            value.append(UInt8(code))
            return rest + 2
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard escape == quote else { return nil }
            value.append(escape)
            return rest
        default:
            return nil
        }
    }

    /// The one-letter escapes and the bytes they stand for.
    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "\\"): 0x5C,
    ]
}

/// `fmt`'s `floatToken`, which `Sscan` uses to split a complex constant: it takes `nan`,
/// `inf`, signs and digits greedily, even when what it took cannot end a number.
private struct FloatTokenScanner {
    let text: [UInt8]
    var index = 0

    mutating func accept(_ set: String) -> Bool {
        guard index < text.count, set.utf8.contains(text[index]) else { return false }
        index += 1
        return true
    }

    mutating func floatToken() -> Range<Int> {
        let start = index
        if accept("nN") && accept("aA") && accept("nN") { return start..<index }
        _ = accept("+-")
        if accept("iI") && accept("nN") && accept("fF") { return start..<index }
        var digits = "0123456789_"
        var exponent = "eEpP"
        if accept("0") && accept("xX") {
            digits = "0123456789aAbBcCdDeEfF_"
            exponent = "pP"
        }
        while accept(digits) {}
        if accept(".") {
            while accept(digits) {}
        }
        if accept(exponent) {
            _ = accept("+-")
            while accept("0123456789_") {}
        }
        return start..<index
    }
}

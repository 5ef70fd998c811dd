extension Parser {
    /// A number literal from a NUMBER or DURATION token, recording conversion errors.
    mutating func numberLiteral(_ token: LexToken) -> NumberLiteral {
        let bytes = text(token)
        if token.kind == .duration {
            switch NumberParsing.duration(bytes) {
            case .success(let seconds):
                return NumberLiteral(value: seconds, isDuration: true, range: token.range)
            case .failure(let error):
                addError(error.message, token.range)
                return NumberLiteral(value: 0, isDuration: true, range: token.range)
            }
        }
        if options.target == .v2_42, bytes.contains(UInt8(ascii: "_")) {
            requireV3("underscores in numbers", token.range)
        }
        switch NumberParsing.number(bytes) {
        case .success(let value):
            return NumberLiteral(value: value, range: token.range)
        case .failure(let error):
            addError("error parsing number: " + error.message, token.range)
            return NumberLiteral(value: 0, range: token.range)
        }
    }

    /// The value of a STRING token, as bytes (Prometheus' `strutil.Unquote`).
    mutating func unquote(_ token: LexToken) -> PromQLString {
        StringUnquoting.unquote(text(token))
    }
}

/// Number and duration conversion with Go's `strconv` and Prometheus' `model.ParseDuration` rules.
enum NumberParsing {
    struct Failure: Error {
        var message: String
    }

    /// `strconv.ParseInt(s, 0, 64)` falling back to `strconv.ParseFloat(s, 64)`, as Prometheus does.
    static func number<C: Collection>(_ text: C) -> Result<Double, Failure> where C.Element == UInt8 {
        if let integer = parseInteger(text) { return .success(Double(integer)) }
        return parseFloat(text)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Go's base-0 integer syntax (0x, 0o, 0b, leading-0 octal, underscores); nil if invalid or out of range.
    static func parseInteger<C: Collection>(_ bytes: C) -> Int64? where C.Element == UInt8 {
        var digits = bytes[...]
        var base: Int64 = 10
        if digits.count >= 2, digits.first == UInt8(ascii: "0") {
            let prefix = digits[digits.index(after: digits.startIndex)] | 0x20
            if prefix == UInt8(ascii: "x") {
                base = 16
                digits = digits.dropFirst(2)
            } else if prefix == UInt8(ascii: "o") {
                base = 8
                digits = digits.dropFirst(2)
            } else if prefix == UInt8(ascii: "b") {
                base = 2
                digits = digits.dropFirst(2)
            } else {
                base = 8
                digits = digits.dropFirst(1)
            }
        }
        var value: Int64 = 0
        var sawDigit = false
        for byte in digits {
            if byte == UInt8(ascii: "_") { continue }
            guard let digit = digitValue(byte), Int64(digit) < base else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
            sawDigit = true
        }
        return sawDigit || base == 8 ? value : nil
    }

    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// Go's `strconv.ParseFloat(s, 64)` for the spellings the lexer produces.
    static func parseFloat<C: Collection>(_ bytes: C) -> Result<Double, Failure> where C.Element == UInt8 {
        if let value = simpleDecimal(bytes) { return .success(value) }
        return parseFloatSlowly(Array(bytes))
    }

    /// Plain decimals (`0.99`, `12.5`) with at most 15 significant digits convert exactly.
    private static func simpleDecimal<C: Collection>(_ cleaned: C) -> Double? where C.Element == UInt8 {
        var mantissa: Int64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var sawDot = false
        var simple = !cleaned.isEmpty
        for byte in cleaned {
            if byte == UInt8(ascii: "_") { continue }
            if byte == UInt8(ascii: ".") {
                if sawDot { simple = false; break }
                sawDot = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                simple = false
                break
            }
            if mantissa == 0 && byte == UInt8(ascii: "0") && !sawDot { continue }
            digitCount += 1
            if digitCount > 15 {
                simple = false
                break
            }
            mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
            if sawDot { fractionDigits += 1 }
        }
        guard simple, fractionDigits < powersOfTen.count else { return nil }
        if mantissa == 0 { return 0 }
        return Double(mantissa) / powersOfTen[fractionDigits]
    }

    private static func parseFloatSlowly(_ bytes: [UInt8]) -> Result<Double, Failure> {
        let cleaned = bytes.filter { $0 != UInt8(ascii: "_") }
        let text = String(decoding: cleaned, as: UTF8.self)
        let lowered = text.lowercased()
        switch lowered {
        case "inf", "+inf", "infinity", "+infinity": return .success(.infinity)
        case "-inf", "-infinity": return .success(-.infinity)
        case "nan": return .success(.nan)
        default: break
        }
        let isHex = lowered.hasPrefix("0x")
        if isHex && !lowered.contains("p") {
            return .failure(Failure(message: "strconv.ParseFloat: parsing \(GoQuote.string(bytes)): invalid syntax"))
        }
        guard let value = Double(text), !lowered.contains("n"), !lowered.contains("i") else {
            return .failure(Failure(message: "strconv.ParseFloat: parsing \(GoQuote.string(bytes)): invalid syntax"))
        }
        if value.isInfinite {
            return .failure(Failure(message: "strconv.ParseFloat: parsing \(GoQuote.string(bytes)): value out of range"))
        }
        return .success(value)
    }

    /// Prometheus' `model.ParseDuration`, in seconds.
    static func duration(_ text: UnsafeBufferPointer<UInt8>.SubSequence) -> Result<Double, Failure> {
        let bytes = text
        var original: String { GoQuote.string(bytes) }
        if bytes.count == 1, bytes.first == UInt8(ascii: "0") { return .success(0) }
        if bytes.isEmpty { return .failure(Failure(message: "empty duration string")) }
        var total: UInt64 = 0
        var lastUnitPosition = 0
        var index = bytes.startIndex
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while index < bytes.endIndex {
            guard isDigit(bytes[index]) else {
                return .failure(Failure(message: "not a valid duration string: \(original)"))
            }
            var value: UInt64 = 0
            while index < bytes.endIndex, isDigit(bytes[index]) {
                let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                if o1 || o2 { return .failure(Failure(message: "not a valid duration string: \(original)")) }
                value = sum
                index += 1
            }
            let unitStart = index
            while index < bytes.endIndex, !isDigit(bytes[index]) { index += 1 }
            if unitStart == index { return .failure(Failure(message: "not a valid duration string: \(original)")) }
            let unit = bytes[unitStart..<index]
            let position: Int
            let multiplier: UInt64
            let first = unit[unit.startIndex]
            switch (unit.count, first) {
            case (1, UInt8(ascii: "y")): (position, multiplier) = (1, 365 * 24 * 3_600 * 1_000_000_000)
            case (1, UInt8(ascii: "w")): (position, multiplier) = (2, 7 * 24 * 3_600 * 1_000_000_000)
            case (1, UInt8(ascii: "d")): (position, multiplier) = (3, 24 * 3_600 * 1_000_000_000)
            case (1, UInt8(ascii: "h")): (position, multiplier) = (4, 3_600 * 1_000_000_000)
            case (1, UInt8(ascii: "m")): (position, multiplier) = (5, 60 * 1_000_000_000)
            case (1, UInt8(ascii: "s")): (position, multiplier) = (6, 1_000_000_000)
            case (2, UInt8(ascii: "m")) where unit[unit.index(after: unit.startIndex)] == UInt8(ascii: "s"):
                (position, multiplier) = (7, 1_000_000)
            default:
                return .failure(
                    Failure(message: "unknown unit \(GoQuote.string(unit)) in duration \(original)"))
            }
            if position <= lastUnitPosition {
                return .failure(Failure(message: "not a valid duration string: \(original)"))
            }
            lastUnitPosition = position
            if value > (UInt64(1) << 63) / multiplier { return .failure(Failure(message: "duration out of range")) }
            total &+= value &* multiplier
            if total > UInt64(Int64.max) { return .failure(Failure(message: "duration out of range")) }
        }
        return .success(Double(total) / 1e9)
    }
}

/// Prometheus' `strutil.Unquote` for PromQL string literals ("...", '...', `...`): Go's
/// `strconv.Unquote` with single quotes treated like double quotes.
///
/// The value is bytes: `\xNN` and octal `\NNN` escapes are single bytes (so `"\xff"` is the
/// byte 0xFF, not UTF-8), `\u` and `\U` escapes are UTF-8-encoded runes, and every other byte
/// of the literal is kept as written; backquoted strings are raw. The lexer has already
/// rejected malformed escapes, surrogates and runes beyond U+10FFFF.
enum StringUnquoting {
    static func unquote(_ text: UnsafeBufferPointer<UInt8>.SubSequence) -> PromQLString {
        guard text.count >= 2 else { return "" }
        let quote = text[text.startIndex]
        let fastBody = text[(text.startIndex + 1)..<(text.endIndex - 1)]
        if quote == UInt8(ascii: "`") || !fastBody.contains(UInt8(ascii: "\\")) {
            return PromQLString(bytes: fastBody)
        }
        let bytes = Array(text)
        let body = bytes[1..<(bytes.count - 1)]
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
        func appendScalar(_ value: UInt32) {
            // Go's `utf8.EncodeRune` writes U+FFFD for a surrogate or an out-of-range rune.
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            out.append(contentsOf: String(scalar).utf8)
        }
        while i < body.endIndex {
            let byte = body[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < body.endIndex else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = body[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = escape == UInt8(ascii: "x") ? 2 : (escape == UInt8(ascii: "u") ? 4 : 8)
                var value: UInt32 = 0
                var consumed = 0
                while consumed < count, i < body.endIndex, let digit = hexValue(body[i]) {
                    value = value &* 16 &+ digit
                    i += 1
                    consumed += 1
                }
                if escape == UInt8(ascii: "x") {
                    out.append(UInt8(truncatingIfNeeded: value))
                } else {
                    appendScalar(value)
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(escape - UInt8(ascii: "0"))
                var consumed = 1
                while consumed < 3, i < body.endIndex, body[i] >= UInt8(ascii: "0"), body[i] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(body[i] - UInt8(ascii: "0"))
                    i += 1
                    consumed += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
            default:
                out.append(escape)
            }
        }
        return PromQLString(bytes: out)
    }
}

/// Go `fmt` number formatting needed by error messages.
enum ErrorFormat {
    /// `fmt.Sprintf("%f", value)`: six decimals, `+Inf`, `-Inf`, `NaN`.
    static func fixed(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value < 0 || (value == 0 && value.sign == .minus)
        let magnitude = Swift.abs(value)
        var integerPart = Rounding.towardZero(magnitude)
        var micros = Rounding.halfAwayFromZero((magnitude - integerPart) * 1_000_000)
        if micros >= 1_000_000 {
            micros -= 1_000_000
            integerPart += 1
        }
        let fraction = String(Int(micros))
        let padded = String(repeating: "0", count: 6 - fraction.count) + fraction
        return (negative ? "-" : "") + integerDigits(integerPart) + "." + padded
    }

    /// The exact decimal digits of a non-negative integral double.
    static func integerDigits(_ value: Double) -> String {
        if value < 9.007199254740992e15 { return String(Int64(value)) }
        // Exact conversion: value = significand * 2^exponent with an integer significand.
        var digits: [UInt32] = [0]  // base 1e9, little endian
        let exponent = Int(value.exponent) - 52
        var significand = (value.significandBitPattern | (1 << 52))
        var bits: [UInt32] = []
        while significand > 0 {
            bits.append(UInt32(significand % 1_000_000_000))
            significand /= 1_000_000_000
        }
        digits = bits
        for _ in 0..<Swift.max(exponent, 0) {
            var carry: UInt64 = 0
            for index in digits.indices {
                let product = UInt64(digits[index]) * 2 + carry
                digits[index] = UInt32(product % 1_000_000_000)
                carry = product / 1_000_000_000
            }
            if carry > 0 { digits.append(UInt32(carry)) }
        }
        var text = String(digits.last ?? 0)
        for chunk in digits.dropLast().reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// Prometheus' `timestamp.FromFloatSeconds`: rounded milliseconds, saturated to Int64.
    static func millisecondsFromSeconds(_ seconds: Double) -> Int64 {
        let ms = Rounding.halfAwayFromZero(seconds * 1000)
        if ms.isNaN { return 0 }
        if ms >= 9.223372036854775807e18 { return Int64.max }
        if ms <= -9.223372036854775808e18 { return Int64.min }
        return Int64(ms)
    }
}

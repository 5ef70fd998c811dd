import PeriscopeDSL

/// Strings (RFC 8259 section 7) and UTF-8 validation (RFC 3629, section 4's syntax: no
/// overlong forms, no surrogates, nothing above U+10FFFF).
extension JSONParser {
    /// Reads the string whose opening quote is at `position` and moves past its closing quote.
    ///
    /// A string without escapes, the usual case, is validated once here and built straight from
    /// its bytes; one with escapes is decoded into `scratch` first.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = position
        var index = quote + 1
        while index < bytes.count {
            if index &+ 8 <= bytes.count {
                let special = JSONParser.specialBytes(in: word(at: index))
                if special == 0 {
                    index &+= 8
                    continue
                }
                index &+= special.trailingZeroBitCount &>> 3
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                lastRawString = (quote + 1)..<index
                position = index + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<index]), as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(quote: quote, firstEscape: index)
            } else if byte < 0x20 {
                throw controlCharacterInString(at: index)
            } else if byte >= 0x80 {
                index = try endOfScalar(at: index)
            } else {
                index += 1
            }
        }
        throw unterminatedString(at: quote)
    }

    private mutating func parseEscapedString(quote: Int, firstEscape: Int) throws(JSONSyntaxError) -> String {
        lastRawString = nil
        scratch.removeAll(keepingCapacity: true)
        var runStart = quote + 1
        var index = firstEscape
        while index < bytes.count {
            if index &+ 8 <= bytes.count {
                let special = JSONParser.specialBytes(in: word(at: index))
                if special == 0 {
                    index &+= 8
                    continue
                }
                index &+= special.trailingZeroBitCount &>> 3
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                appendRun(from: runStart, to: index)
                position = index + 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                appendRun(from: runStart, to: index)
                index = try appendEscape(at: index, quote: quote)
                runStart = index
            } else if byte < 0x20 {
                throw controlCharacterInString(at: index)
            } else if byte >= 0x80 {
                index = try endOfScalar(at: index)
            } else {
                index += 1
            }
        }
        throw unterminatedString(at: quote)
    }

    @inline(__always)
    private mutating func appendRun(from start: Int, to end: Int) {
        if start < end { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
    }

    /// Decodes the escape at `backslash` into `scratch`; returns the offset after it.
    private mutating func appendEscape(at backslash: Int, quote: Int) throws(JSONSyntaxError) -> Int {
        guard backslash + 1 < bytes.count else { throw unterminatedString(at: quote) }
        let letter = bytes[backslash + 1]
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): return try appendUnicodeEscape(at: backslash)
        default: throw invalidEscape(at: backslash)
        }
        return backslash + 2
    }

    /// Decodes `\uXXXX`, joining a UTF-16 surrogate pair written as two escapes; a surrogate
    /// without its pair becomes U+FFFD with a warning.
    private mutating func appendUnicodeEscape(at backslash: Int) throws(JSONSyntaxError) -> Int {
        let unit = try hexQuad(at: backslash)
        var next = backslash + 6
        var scalar = unit
        switch unit {
        case 0xD800...0xDBFF:
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") {
                let low = try hexQuad(at: next)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                } else {
                    scalar = replaceLoneSurrogate(at: backslash)
                }
            } else {
                scalar = replaceLoneSurrogate(at: backslash)
            }
        case 0xDC00...0xDFFF:
            scalar = replaceLoneSurrogate(at: backslash)
        default:
            break
        }
        appendUTF8(scalar)
        return next
    }

    private mutating func replaceLoneSurrogate(at backslash: Int) -> UInt32 {
        loneSurrogateCount += 1
        guard loneSurrogateCount <= JSONParser.listedWarningsPerKind else { return 0xFFFD }
        let escape = String(decoding: UnsafeBufferPointer(rebasing: bytes[backslash..<(backslash + 6)]), as: UTF8.self)
        let message = "lone surrogate escape '\(escape)' read as U+FFFD (a surrogate is only valid as half of a pair)"
        diagnostics.append(Diagnostic(.warning, message, at: .json(location(ofByteOffset: backslash, pointer: currentPointer())), id: .jsonLoneSurrogate))
        return 0xFFFD
    }

    /// The value of the four hex digits after `\u` at `backslash`.
    private func hexQuad(at backslash: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for offset in 2..<6 {
            let index = backslash + offset
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw JSONSyntaxError("invalid escape '\\u': expected four hexadecimal digits after it", at: backslash)
            }
            value = value << 4 | digit
        }
        return value
    }

    @inline(__always)
    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The high bit of each byte of `word` that needs a closer look inside a string: `"`, `\\`,
    /// a control character or a non-ASCII byte. Bits above the first flagged byte may be spurious
    /// (borrows propagate upwards), so only the lowest one is meaningful.
    @inline(__always)
    static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteFound = (quote &- ones) & ~quote
        let backslashFound = (backslash &- ones) & ~backslash
        let controlFound = (word &- ones &* 0x20) & ~word
        return (quoteFound | backslashFound | controlFound | word) & (ones &* 0x80)
    }

    /// A hash of the last string's UTF-8 bytes, a cheap prefilter for duplicate keys.
    func hashOfLastString() -> UInt64 {
        if let range = lastRawString {
            return JSONParser.hash(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        return scratch.withUnsafeBufferPointer { JSONParser.hash($0) }
    }

    /// Eight bytes at a time, multiplied and folded; nothing needs it to be strong.
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(buffer.count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        while index &+ 8 <= buffer.count {
            let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash &>> 29
            index &+= 8
        }
        var tail: UInt64 = 0
        while index < buffer.count {
            tail = tail &<< 8 | UInt64(buffer[index])
            index &+= 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ hash &>> 32
    }

    // MARK: UTF-8

    /// The offset just past the valid UTF-8 sequence of a non-ASCII scalar starting at `index`.
    @inline(__always)
    func endOfScalar(at index: Int) throws(JSONSyntaxError) -> Int {
        guard let length = scalarLength(at: index) else { throw JSONSyntaxError("invalid UTF-8 byte \(hexByte(bytes[index]))", at: index) }
        return index + length
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode table 3-7), or nil.
    func scalarLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The scalar of the well-formed UTF-8 sequence at `index`, or nil.
    func scalar(at index: Int) -> Unicode.Scalar? {
        guard let length = scalarLength(at: index) else { return nil }
        var value = UInt32(bytes[index])
        if length > 1 {
            value &= UInt32(0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        }
        return Unicode.Scalar(value)
    }
}

/// `0xE9` for a byte.
func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return "0x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
}

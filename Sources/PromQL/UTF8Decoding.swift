/// Go-compatible UTF-8 decoding: an invalid or truncated sequence decodes to U+FFFD with width 1.
enum UTF8Decoding {
    /// Decodes the rune at `index` (which must be in bounds) and returns it with its byte width.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (rune: Int32, width: Int) {
        let count = bytes.count
        let b0 = bytes[index]
        if b0 < 0x80 { return (Int32(b0), 1) }
        func continuation(_ offset: Int) -> UInt8? {
            let i = index + offset
            guard i < count else { return nil }
            let b = bytes[i]
            return b & 0xC0 == 0x80 ? b : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF {
            guard let b1 = continuation(1) else { return (0xFFFD, 1) }
            return (Int32(b0 & 0x1F) << 6 | Int32(b1 & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF {
            guard let b1 = continuation(1), let b2 = continuation(2) else { return (0xFFFD, 1) }
            if b0 == 0xE0 && b1 < 0xA0 { return (0xFFFD, 1) }
            if b0 == 0xED && b1 > 0x9F { return (0xFFFD, 1) }
            return (Int32(b0 & 0x0F) << 12 | Int32(b1 & 0x3F) << 6 | Int32(b2 & 0x3F), 3)
        }
        if b0 >= 0xF0 && b0 <= 0xF4 {
            guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else { return (0xFFFD, 1) }
            if b0 == 0xF0 && b1 < 0x90 { return (0xFFFD, 1) }
            if b0 == 0xF4 && b1 > 0x8F { return (0xFFFD, 1) }
            let rune = Int32(b0 & 0x07) << 18 | Int32(b1 & 0x3F) << 12 | Int32(b2 & 0x3F) << 6 | Int32(b3 & 0x3F)
            return (rune, 4)
        }
        return (0xFFFD, 1)
    }

    /// Go's reading of `bytes` as text: each byte that does not start a valid sequence becomes
    /// U+FFFD on its own (as `for range` and `encoding/json` do; Swift's decoder would replace a
    /// truncated sequence such as `E2 82` with one U+FFFD, Go with two).
    static func lossyString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        return array.withUnsafeBufferPointer { view in
            var out = ""
            var i = 0
            while i < view.count {
                let (rune, width) = decode(view, at: i)
                if rune == 0xFFFD && width == 1 {
                    out.unicodeScalars.append("\u{FFFD}")
                } else if let scalar = Unicode.Scalar(UInt32(rune)) {
                    out.unicodeScalars.append(scalar)
                }
                i += width
            }
            return out
        }
    }

    /// Whether `bytes` is valid UTF-8.
    static func isValid<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var array = Array(bytes)
        return array.withUnsafeMutableBufferPointer { buffer in
            let view = UnsafeBufferPointer(buffer)
            var i = 0
            while i < view.count {
                let (rune, width) = decode(view, at: i)
                if rune == 0xFFFD && width == 1 { return false }
                i += width
            }
            return true
        }
    }
}

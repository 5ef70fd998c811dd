import PeriscopeDSL

/// Finds the first byte of a text that is not UTF-8 or is NUL, and where it is.
enum UTF8Check {
    struct Problem {
        var offset: Int
        var message: String
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0 { return Problem(offset: index, message: "rule file contains a NUL byte (expected UTF-8 text)") }
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(byte & 0x07)
            default: return invalid(at: index)
            }
            guard index + length <= count else { return invalid(at: index) }
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else { return invalid(at: index) }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return invalid(at: index) }
            index += length
        }
        return nil
    }

    private static func invalid(at offset: Int) -> Problem {
        Problem(offset: offset, message: "rule file is not valid UTF-8 (expected UTF-8 text)")
    }

    /// The line and column (in Unicode scalars) of byte `offset`; the bytes before it are valid.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> FileLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return FileLocation(path: path, line: line, column: column)
    }
}

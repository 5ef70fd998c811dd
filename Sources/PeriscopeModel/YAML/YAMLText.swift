import PeriscopeDSL

/// A line-oriented YAML text buffer of UTF-8 bytes: the deterministic writer behind rule files,
/// PrometheusRule resources, Mimir namespace files and promtool test files.
///
/// Two-space indentation, no line folding, scalars plain when that reads back as the same
/// string (else double-quoted), multi-line strings as literal block scalars (`|-`).
public struct YAMLText: Sendable {
    /// The UTF-8 written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty buffer.
    public init() { bytes.reserveCapacity(1 << 16) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends raw text.
    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// One line: `indent` spaces, `content`, a newline.
    public mutating func line(_ indent: Int, _ content: String) {
        indentation(indent)
        append(content)
        bytes.append(0x0A)
    }

    /// `suffix` added to the last line (`groups:` becomes `groups: []`).
    public mutating func appendToLastLine(_ suffix: String) {
        if bytes.last == 0x0A { bytes.removeLast() }
        append(suffix)
        bytes.append(0x0A)
    }

    /// `count` spaces.
    public mutating func indentation(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// `key: value`, the key quoted when needed (a `- ` prefix is kept), the value plain,
    /// double-quoted or a block scalar indented two spaces deeper than the key.
    public mutating func keyValue(_ indent: Int, _ key: String, _ value: String, separator: String = ": ") {
        indentation(indent)
        var keyColumn = indent
        if key == "-" {
            bytes.append(UInt8(ascii: "-"))
        } else if key.hasPrefix("- ") {
            bytes.append(UInt8(ascii: "-"))
            bytes.append(UInt8(ascii: " "))
            scalar(String(key.dropFirst(2)))
            keyColumn += 2
        } else {
            scalar(key)
        }
        append(separator)
        if Self.contains(value, 0x0A), let block = Self.blockScalar(value, indent: keyColumn + 2) {
            append(block)
        } else {
            scalar(value)
            bytes.append(0x0A)
        }
    }

    /// A one-line scalar: plain when it is plainly safe, else whatever `YAMLQuoting` decides.
    public mutating func scalar(_ value: String) {
        var value = value
        let plain = value.withUTF8 { buffer -> Bool in
            guard Self.isPlainlySafe(buffer) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        guard !plain else { return }
        if !YAMLQuoting.needsQuotes(value) {
            append(value)
        } else if !value.withUTF8({ appendQuotedASCII($0) }) {
            append(YAMLQuoting.doubleQuoted(value))
        }
    }

    /// Printable ASCII in double quotes, escaping only `"` and `\`; false (nothing written) for other text.
    private mutating func appendQuotedASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !buffer.isEmpty, buffer.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        bytes.append(UInt8(ascii: "\""))
        for byte in buffer {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    /// A fast, conservative check: printable ASCII that starts with a letter, `_`, `/` or `(`,
    /// has no `: `, ` #` or trailing `:` or blank, and is no YAML 1.1 keyword. Anything else
    /// goes through `YAMLQuoting`, which gives the same answer more slowly or quotes.
    /// Whether `buffer` may be written as a plain scalar without further checks.
    public static func isPlainlySafe(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buffer.first, let last = buffer.last else { return false }
        let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
        guard isLetter || first == UInt8(ascii: "_") || first == UInt8(ascii: "/") || first == UInt8(ascii: "(") else { return false }
        guard last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        for byte in buffer {
            if byte < 0x20 || byte >= 0x7F { return false }
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return false }
            if byte == UInt8(ascii: " ") && previous == UInt8(ascii: ":") { return false }
            previous = byte
        }
        // Short words may be YAML 1.1 booleans or nulls (y, no, on, off, null, true, …).
        return buffer.count > 5 || !isKeywordIgnoringCase(buffer)
    }

    private static let keywords: [[UInt8]] = ["y", "n", "no", "on", "yes", "off", "null", "true", "false"].map { Array($0.utf8) }

    /// Whether `buffer`, lowercased, is a YAML 1.1 boolean or null word; conservative (it also
    /// says yes to mixed case such as `nULL`, which is then quoted, harmlessly).
    public static func isKeywordIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buffer.first, "nNtTfFyYoO".utf8.contains(first) else { return false }
        outer: for word in keywords where word.count == buffer.count {
            for (index, byte) in buffer.enumerated() where byte | 0x20 != word[index] { continue outer }
            return true
        }
        return false
    }

    /// Whether the UTF-8 of `text` contains `byte` (a specialised scan; `String.UTF8View.contains` is generic and slow).
    public static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// `key: value` for a duration: plain when it is a valid Prometheus duration with a unit
    /// (`5m`, `1h30m` read back as strings in YAML 1.1 and 1.2), else quoted like any string.
    public mutating func duration(_ indent: Int, _ key: String, _ value: String) {
        guard DurationSyntax.isValidPrometheusDuration(value), value != "0" else {
            keyValue(indent, key, value)
            return
        }
        indentation(indent)
        append(key)
        append(": ")
        append(value)
        bytes.append(0x0A)
    }

    /// `value` as a literal block scalar (header, newline, indented lines), or nil when it is
    /// one line or cannot be written as a block scalar that reads back identically.
    public static func blockScalar(_ value: String, indent: Int) -> String? {
        var value = value
        // ASCII text (PromQL, nearly always) is checked byte by byte; other text scalar by scalar.
        let ascii = value.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        var sawNewline = false
        if ascii {
            let refused = value.withUTF8 { bytes in
                bytes.contains { byte in
                    if byte == 0x0A { sawNewline = true }
                    return (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
                }
            }
            if refused { return nil }
        } else {
            for scalar in value.unicodeScalars {
                switch scalar.value {
                case 0x0A: sawNewline = true
                case 0x09: continue
                case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF: return nil
                default: continue
                }
            }
        }
        guard sawNewline else { return nil }
        // The first character (a grapheme: a blank followed by a combining mark is not a blank)
        // must not be a blank, or the block's indentation would be read differently.
        guard let firstCharacter = value.first, firstCharacter != "\n", firstCharacter != " ", firstCharacter != "\t" else { return nil }
        // Byte-wise from here: carriage returns and other controls are refused above, so "\n"
        // bytes are exactly the line breaks, and a line of only blank bytes is a line of blanks.
        return value.withUTF8 { bytes -> String? in
            var end = bytes.count
            var trailing = 0
            while end > 0, bytes[end - 1] == 0x0A {
                end -= 1
                trailing += 1
            }
            let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
            var out: [UInt8] = []
            out.reserveCapacity(end + 8 + (indent + 1) * 8)
            out += trailing == 0 ? Array("|-".utf8) : trailing == 1 ? [UInt8(ascii: "|")] : Array("|+".utf8)
            out.append(0x0A)
            var lineStart = 0
            while lineStart <= end {
                var lineEnd = lineStart
                var blanksOnly = true
                while lineEnd < end, bytes[lineEnd] != 0x0A {
                    if bytes[lineEnd] != space && bytes[lineEnd] != tab { blanksOnly = false }
                    lineEnd += 1
                }
                // A line of only blanks would not read back.
                if lineEnd > lineStart {
                    if blanksOnly { return nil }
                    out.append(contentsOf: repeatElement(space, count: indent))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                }
                out.append(0x0A)
                lineStart = lineEnd + 1
            }
            for _ in 0..<max(0, trailing - 1) { out.append(0x0A) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

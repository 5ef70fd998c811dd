/// The plain scalars that a YAML 1.1 loader (PyYAML, the Go yaml.v2 that older Kubernetes
/// tooling uses) reads as something other than a string, from the YAML 1.1 type repository:
/// https://yaml.org/type/ (bool, null, int, float, merge, value, timestamp).
///
/// Each function follows the repository's regular expression for the type; they are written out
/// by hand so that checking a scalar allocates nothing. Where the repository's expression is
/// broader than a given loader's (`.` and `1.2.3` match the float expression), the broader one
/// wins: quoting one string too many is harmless, reading a string as a number is not.
enum YAML11Resolution {
    /// Whether a plain scalar `text` resolves to a non-string under YAML 1.1.
    static func isNonString(_ text: String) -> Bool {
        if isBool(text) || isNull(text) || text == "<<" || text == "=" { return true }
        var text = text
        return text.withUTF8 { bytes in isInt(bytes) || isFloat(bytes) || isTimestamp(bytes) }
    }

    /// `y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`.
    static func isBool(_ text: String) -> Bool {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
             "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF":
            return true
        default:
            return false
        }
    }

    /// `~|null|Null|NULL|` (the empty scalar).
    static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    /// The index after an optional `[-+]`.
    private static func afterSign(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        return first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? 1 : 0
    }

    /// The index after a run of bytes from `start` that satisfy `allowed`.
    private static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ allowed: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count, allowed(bytes[index]) { index += 1 }
        return index
    }

    /// `(:[0-5]?[0-9])+` from `start`; the index after it, or nil when it does not match at least once.
    private static func sexagesimalTail(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var groups = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            let digits = run(bytes, from: index + 1, isDigit)
            let count = digits - index - 1
            guard count == 1 || (count == 2 && bytes[index + 1] <= UInt8(ascii: "5")) else { return groups > 0 ? index : nil }
            index = digits
            groups += 1
        }
        return groups > 0 ? index : nil
    }

    /// int: `[-+]?0b[0-1_]+`, `[-+]?0[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
    /// `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`.
    static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = afterSign(bytes)
        guard start < bytes.count, isDigit(bytes[start]) else { return false }
        if bytes[start] == UInt8(ascii: "0") {
            if start + 1 == bytes.count { return true }
            let marker = bytes[start + 1]
            if marker == UInt8(ascii: "b") {
                let end = run(bytes, from: start + 2) { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
                return end > start + 2 && end == bytes.count
            }
            if marker == UInt8(ascii: "x") {
                let end = run(bytes, from: start + 2) { isHexDigit($0) || $0 == UInt8(ascii: "_") }
                return end > start + 2 && end == bytes.count
            }
            let end = run(bytes, from: start + 1) { ($0 >= 0x30 && $0 <= 0x37) || $0 == UInt8(ascii: "_") }
            return end == bytes.count
        }
        let end = run(bytes, from: start + 1) { isDigit($0) || $0 == UInt8(ascii: "_") }
        if end == bytes.count { return true }
        return sexagesimalTail(bytes, from: end) == bytes.count
    }

    /// float: `[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = afterSign(bytes)
        guard start < bytes.count, isDigit(bytes[start]) || bytes[start] == UInt8(ascii: ".") else { return false }
        if bytes[start] == UInt8(ascii: "."), bytes.count - start == 4 {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            if [".inf", ".Inf", ".INF"].contains(word) { return true }
            if start == 0, [".nan", ".NaN", ".NAN"].contains(word) { return true }
        }
        var index = start
        if index < bytes.count, isDigit(bytes[index]) {
            index = run(bytes, from: index + 1) { isDigit($0) || $0 == UInt8(ascii: "_") }
            // Sexagesimal: `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`.
            if let afterGroups = sexagesimalTail(bytes, from: index), afterGroups < bytes.count, bytes[afterGroups] == UInt8(ascii: ".") {
                if run(bytes, from: afterGroups + 1, { isDigit($0) || $0 == UInt8(ascii: "_") }) == bytes.count { return true }
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return false }
        index = run(bytes, from: index + 1) { isDigit($0) || $0 == UInt8(ascii: ".") }
        if index == bytes.count { return true }
        // `[eE][-+][0-9]+`
        guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"), index + 2 < bytes.count,
              bytes[index + 1] == UInt8(ascii: "-") || bytes[index + 1] == UInt8(ascii: "+") else { return false }
        let end = run(bytes, from: index + 2, isDigit)
        return end > index + 2 && end == bytes.count
    }

    /// timestamp: `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]` (ymd), or
    /// `[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](\.[0-9]*)?(([ \t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?`.
    static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits(_ minimum: Int, _ maximum: Int) -> Bool {
            let end = run(bytes, from: index, isDigit)
            let count = end - index
            guard count >= minimum, count <= maximum else { return false }
            index = end
            return true
        }
        func byte(_ expected: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == expected else { return false }
            index += 1
            return true
        }
        guard digits(4, 4), byte(UInt8(ascii: "-")) else { return false }
        let monthStart = index
        guard digits(1, 2), byte(UInt8(ascii: "-")), digits(1, 2) else { return false }
        // The date-only form needs two-digit month and day.
        if index == bytes.count { return index - monthStart == 5 }
        if bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t") {
            index += 1
        } else {
            let end = run(bytes, from: index) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard end > index else { return false }
            index = end
        }
        guard digits(1, 2), byte(UInt8(ascii: ":")), digits(2, 2), byte(UInt8(ascii: ":")), digits(2, 2) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index = run(bytes, from: index + 1, isDigit)
        }
        if index == bytes.count { return true }
        index = run(bytes, from: index) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if byte(UInt8(ascii: "Z")) { return index == bytes.count }
        guard byte(UInt8(ascii: "-")) || byte(UInt8(ascii: "+")), digits(1, 2) else { return false }
        if index == bytes.count { return true }
        guard byte(UInt8(ascii: ":")), digits(2, 2) else { return false }
        return index == bytes.count
    }
}

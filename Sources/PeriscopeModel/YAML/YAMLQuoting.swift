/// Writes YAML scalars so that they read back as the same string, never as another type, in a
/// YAML 1.2 core-schema loader (`YAMLCoreSchema`) and in a YAML 1.1 loader (`YAML11Resolution`:
/// PyYAML, Go's yaml.v2), whichever reads the file.
public enum YAMLQuoting {
    /// `text` as a plain scalar when that reads back as the same string, else double-quoted.
    public static func string(_ text: String) -> String {
        needsQuotes(text) ? doubleQuoted(text) : text
    }

    /// `text` in double quotes with YAML escapes.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `text` must be quoted to stay a string.
    public static func needsQuotes(_ text: String) -> Bool {
        // Whatever a YAML 1.2 core-schema loader or a YAML 1.1 loader reads as a non-string
        // (`+.Inf`, `0x1F`, `1e3`, `0b101`, `1_000`, `190:20:30`, `2001-12-14`, `<<`) is quoted.
        if let lead = text.utf8.first, Self.mayResolve(lead),
           YAMLCoreSchema.resolve(YAMLScalar(text: text, isPlain: true, tag: "")) != .string(text) || YAML11Resolution.isNonString(text) {
            return true
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if looksNumeric(text) { return true }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value >= 0x80 && scalar.value < 0xA0 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF { return true }
            if scalar == "#" && (previous == " " || previous == "\t") { return true }
            if previous == ":" && (scalar == " " || scalar == "\t") { return true }
            previous = scalar
        }
        return previous == ":"
    }

    /// Whether a plain scalar starting with `byte` can resolve to a null, boolean, number,
    /// timestamp, merge or value key in YAML 1.1 or 1.2.
    private static func mayResolve(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "<"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    private static func looksNumeric(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard let first = body.first else { return false }
        if first == "." { return body.dropFirst().first?.isNumber ?? false }
        return first.isNumber
    }
}

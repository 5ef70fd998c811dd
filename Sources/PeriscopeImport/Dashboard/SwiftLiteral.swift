import PeriscopeDSL
import PeriscopeModel

/// Swift source text for literal values in generated code: strings (plain, raw or multi-line
/// raw, whichever reads best and keeps every character), numbers and `JSONValue` literals.
public enum SwiftLiteral {
    /// A string literal for `text` that the Swift compiler reads back as exactly `text`.
    ///
    /// - Plain `"…"` when nothing needs escaping.
    /// - Raw `#"…"#` when the text holds quotes or backslashes (PromQL matchers, regexes), with
    ///   as many `#` as needed so no `"#` or `\#` inside ends it or interpolates.
    /// - Multi-line raw `#"""` when the text spans lines; each line indented by `indent`.
    /// - Escaped `"…\u{…}"` when the text holds control characters other than newline (a
    ///   multi-line literal would normalise `\r\n`).
    public static func string(_ text: String, indent: String = "") -> String {
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
        if hasControl { return escaped(text) }
        let needsRaw = text.contains("\"") || text.contains("\\")
        if text.contains("\n") {
            // A multi-line literal drops the last newline before its closing delimiter, and lines
            // are kept byte for byte after the indentation.
            let pounds = String(repeating: "#", count: poundCount(text, multiline: true))
            var result = pounds + "\"\"\"\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                result += line.isEmpty ? "\n" : indent + line + "\n"
            }
            result += indent + "\"\"\"" + pounds
            return result
        }
        guard needsRaw else { return "\"" + text + "\"" }
        let pounds = String(repeating: "#", count: poundCount(text, multiline: false))
        return pounds + "\"" + text + "\"" + pounds
    }

    /// The fewest `#` (at least 1) such that neither `"` + pounds nor `\` + pounds occurs in `text`.
    static func poundCount(_ text: String, multiline: Bool) -> Int {
        var count = 1
        while true {
            let pounds = String(repeating: "#", count: count)
            if !text.contains("\"" + pounds) && !text.contains("\\" + pounds) { return count }
            count += 1
        }
    }

    /// A plain literal with escapes.
    static func escaped(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A `Double` as Swift reads it back exactly (`0.05`, `80`, `1e-05`).
    public static func double(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A `JSONValue` literal: `nil`, `true`, `3`, `0.5`, `"text"`, `[…]`, `["key": …]`, `[:]`; a
    /// number kept as text becomes `.number("…")`. Objects keep their member order.
    public static func json(_ value: JSONValue, indent: String = "") -> String {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return double(number)
        case .number(let text): return ".number(\(string(text)))"
        case .string(let text): return string(text, indent: indent + "    ")
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[" + elements.map { json($0, indent: indent) }.joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "[:]" }
            return "[" + members.map { string($0.key) + ": " + json($0.value, indent: indent) }.joined(separator: ", ") + "]"
        }
    }
}

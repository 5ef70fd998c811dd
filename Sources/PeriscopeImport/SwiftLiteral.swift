import Foundation

/// Swift source text for literal values in generated code.
public enum SwiftLiteral {
    /// A string literal that yields exactly `text`, written the way a person would:
    ///
    /// - `"up == 0"` when nothing needs escaping;
    /// - a raw string, `#"sum(rate(x{code=~"5.."}[5m]))"#`, when the text has quotes or
    ///   backslashes (PromQL matchers, Go templates), with as many `#` as the text needs;
    /// - a raw multi-line string when the text has line breaks, each line indented by
    ///   `indentation` (the closing delimiter's), so PromQL reads as it did in the rule file:
    ///   ```
    ///   #"""
    ///       sum by (job) (rate(x[5m]))
    ///         > 0.5
    ///       """#
    ///   ```
    ///   A trailing line break of the text is kept as an empty last line;
    /// - an escaped literal (`"a\r\nb"`) for text a raw literal cannot hold exactly (control
    ///   characters other than tab, carriage returns, lines of only spaces).
    public static func string(_ text: String, indentation: String = "") -> String {
        // One pass over the UTF-8 bytes (the text is searched for ASCII bytes and two
        // three-byte sequences only, so bytes decide exactly).
        var hasControl = false, hasLineBreak = false, hasQuoteOrBackslash = false
        var bytes = text
        bytes.withUTF8 { buffer in
            var before1: UInt8 = 0, before2: UInt8 = 0
            for byte in buffer {
                switch byte {
                case 0x0A: hasLineBreak = true
                case 0x09: break
                case 0x22, 0x5C: hasQuoteOrBackslash = true
                case 0x7F: hasControl = true
                // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
                case 0xA8, 0xA9: if before2 == 0xE2 && before1 == 0x80 { hasControl = true }
                default: if byte < 0x20 { hasControl = true }
                }
                before2 = before1
                before1 = byte
            }
        }
        if hasControl { return escaped(text) }
        if !hasLineBreak {
            if !hasQuoteOrBackslash { return "\"" + text + "\"" }
            let hashes = delimiter(for: text, multiLine: false)
            return hashes + "\"" + text + "\"" + hashes
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A line of only blanks loses them to indentation stripping: keep such text exact.
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }) { return escaped(text) }
        let hashes = delimiter(for: text, multiLine: true)
        var result = hashes + "\"\"\"\n"
        for line in lines {
            result += line.isEmpty ? "\n" : indentation + line + "\n"
        }
        // The last line break before the closing delimiter is not part of the string.
        result.removeLast()
        return result + "\n" + indentation + "\"\"\"" + hashes
    }

    /// The `#`s a raw literal needs: one more than the longest run of `#` right after a `\` or
    /// after a quote (`"` on one line, `"""` in a multi-line literal), so that no such sequence
    /// followed by the delimiter's `#`s occurs in the text.
    private static func delimiter(for text: String, multiLine: Bool) -> String {
        var longest = 0
        var bytes = text
        bytes.withUTF8 { buffer in
            var run = 0
            var counting = false
            var quotes = 0
            for byte in buffer {
                if byte == UInt8(ascii: "#") {
                    quotes = 0
                    if counting {
                        run += 1
                        longest = max(longest, run)
                    }
                } else {
                    quotes = byte == UInt8(ascii: "\"") ? quotes + 1 : 0
                    counting = byte == UInt8(ascii: "\\") || (multiLine ? quotes >= 3 : quotes >= 1)
                    run = 0
                }
            }
        }
        return longest == 0 ? "#" : String(repeating: "#", count: longest + 1)
    }

    /// An ordinary literal with escapes.
    public static func escaped(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A `[String: String]` literal with keys sorted, e.g. `["job": "api", "severity": "page"]`.
    /// Multi-line values are indented by `indentation`.
    public static func dictionary(_ pairs: [(String, String)], indentation: String = "") -> String {
        if pairs.isEmpty { return "[:]" }
        return "[" + pairs.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            .map { string($0.0) + ": " + string($0.1, indentation: indentation) }.joined(separator: ", ") + "]"
    }

    /// A `Double` literal: `2`, `0.5`, `1e-09`, `.infinity`, `-.infinity`, `.nan`.
    public static func double(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.infinity" : ".infinity" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Escaping for GitHub-flavoured markdown and the HTML it may contain.
enum MarkdownText {
    /// Text for a paragraph, list item or table cell: every ASCII punctuation character that
    /// markdown could read as syntax is backslash-escaped (CommonMark allows escaping any of
    /// them), `|` included so table cells stay cells, and line breaks become spaces.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", ".", "!", "|", "~", "&", "\"", "'", ":", "=", "$", "%", "^":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out.append("\u{FFFD}") } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A code span: backticks one longer than the longest run inside, and spaces when the text
    /// starts or ends with a backtick; line breaks become spaces.
    static func code(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : ($0.value < 0x20 || $0.value == 0x7F) ? "\u{FFFD}" : $0 }))
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") || flat.isEmpty ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A fenced code block with `info`, fenced by more backticks than any run in the text.
    static func block(_ lines: [String], info: String) -> String {
        let longest = lines.map { longestRun(of: "`", in: $0) }.max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = lines.map { line in String(String.UnicodeScalarView(line.unicodeScalars.map { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F ? "\u{FFFD}" : $0 })) }
        return ([fence + info] + body + [fence]).joined(separator: "\n")
    }

    /// Text inside HTML elements (the `<summary>` of a `<details>`), with `&`, `<`, `>`, `"` and `'` escaped.
    static func html(_ text: String) -> String { HTMLText.escape(text) }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for c in text {
            if c == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}

/// Escaping for HTML text and attribute values.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references; control characters (other than tab
    /// and newline) as U+FFFD, so hostile titles can neither open tags nor break attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out.append("\u{FFFD}") } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

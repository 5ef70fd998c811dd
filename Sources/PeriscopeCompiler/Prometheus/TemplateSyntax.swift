/// A syntax check of Go `text/template` text, as Prometheus expands it in alert labels and
/// annotations (`{{ $labels.job }}`, `{{ $value | humanizePercentage }}`).
///
/// It finds what makes Prometheus reject a rule file: an unclosed action, an unterminated
/// string, unbalanced parentheses, an empty action, and `if`/`range`/`with` without `end`.
public enum TemplateSyntax {
    /// Why `text` is not a valid Go template, or nil when it is.
    public static func problem(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        var open: [String] = []
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let start = index
            index += 2
            if index < bytes.count, bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.count, isSpace(bytes[index + 1]) { index += 1 }
            // A comment: {{/* … */}}
            var cursor = index
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            if cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "/"), bytes[cursor + 1] == UInt8(ascii: "*") {
                guard let close = find(Array("*/".utf8), in: bytes, from: cursor + 2) else { return "unclosed comment at byte \(start + 1)" }
                var after = close + 2
                while after < bytes.count, isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "-") { after += 1 }
                guard after + 1 < bytes.count, bytes[after] == UInt8(ascii: "}"), bytes[after + 1] == UInt8(ascii: "}") else {
                    return "comment ends before closing delimiter at byte \(start + 1)"
                }
                index = after + 2
                continue
            }
            var depth = 0
            var words: [String] = []
            var word: [UInt8] = []
            var closed = false
            func flush() {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word = [] }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                    if word == [UInt8(ascii: "-")] { word = [] }
                    flush()
                    index += 2
                    closed = true
                    break
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    flush()
                    var end = index + 1
                    while end < bytes.count, bytes[end] != byte, bytes[end] != UInt8(ascii: "\n") {
                        if bytes[end] == UInt8(ascii: "\\") { end += 1 }
                        end += 1
                    }
                    guard end < bytes.count, bytes[end] == byte else {
                        return "unterminated \(byte == UInt8(ascii: "\"") ? "quoted string" : "character constant") in action at byte \(start + 1)"
                    }
                    words.append("\"")
                    index = end + 1
                case UInt8(ascii: "`"):
                    flush()
                    guard let end = find([byte], in: bytes, from: index + 1) else { return "unterminated raw quoted string in action at byte \(start + 1)" }
                    words.append("\"")
                    index = end + 1
                case UInt8(ascii: "("):
                    flush()
                    depth += 1
                    words.append("(")
                    index += 1
                case UInt8(ascii: ")"):
                    flush()
                    depth -= 1
                    if depth < 0 { return "unexpected right paren in action at byte \(start + 1)" }
                    index += 1
                default:
                    if isSpace(byte) { flush() } else { word.append(byte) }
                    index += 1
                }
            }
            guard closed else { return "unclosed action: '{{' at byte \(start + 1) has no matching '}}'" }
            if depth > 0 { return "unclosed left paren in action at byte \(start + 1)" }
            guard let first = words.first else { return "missing value for command: empty action at byte \(start + 1)" }
            switch first {
            case "if", "range", "with", "define", "block":
                if words.count < 2 { return "missing value for \(first) at byte \(start + 1)" }
                open.append(first)
            case "end":
                if open.popLast() == nil { return "unexpected {{end}} at byte \(start + 1)" }
            case "else":
                if open.isEmpty { return "unexpected {{else}} at byte \(start + 1)" }
            default:
                break
            }
        }
        if let last = open.last { return "unexpected EOF: {{\(last)}} is not closed by {{end}}" }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}

/// Grafana's template variables inside PromQL (`$job`, `${job}`, `${job:regex}`, `[[job]]`,
/// `$__rate_interval`, `$__interval`, `$__range`): they are not PromQL, so before an expression
/// of a dashboard is parsed each is replaced by a placeholder of the same byte length that is
/// valid where it stands. Byte offsets in the parsed text are then offsets in the text as
/// written, so findings point at the right column.
///
/// The compiler's selector injection, lint and live checks all parse dashboard queries through
/// this. The placeholder depends on the context:
/// - next to name characters (`foo_$suffix`, `by ($group)`): `x` repeated, a name;
/// - after `[`, `:` or `offset`: a duration, `0…01m`;
/// - elsewhere: a number, `0…01`.
///
/// Variables inside quoted strings (`{job="$job"}`, `=~"$route"`) are left as written: they
/// are label values, and the expression parses with them.
///
/// ```swift
/// GrafanaVariables.placeholders(in: "rate(x{job=\"$job\"}[$__rate_interval])")
/// // "rate(x{job=\"$job\"}[000000000000001m])"
/// ```
public enum GrafanaVariables {
    /// `expr` with each Grafana variable outside quotes replaced by a same-length placeholder.
    public static func placeholders(in expr: String) -> String {
        var bytes = Array(expr.utf8)
        guard replace(in: &bytes) else { return expr }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether any byte of `range` (offsets into `text`) was a Grafana variable, comparing the
    /// text as written with the text the parser saw (``placeholders(in:)`` keeps lengths, and a
    /// placeholder never equals the variable it replaces, which starts with `$` or `[[`).
    public static func isSubstituted(_ range: Range<Int>, text: String, parsedText: String) -> Bool {
        if text == parsedText { return false }
        let written = text.utf8, parsed = parsedText.utf8
        guard written.count == parsed.count else { return true }
        var a = written.index(written.startIndex, offsetBy: max(range.lowerBound, 0), limitedBy: written.endIndex) ?? written.endIndex
        var b = parsed.index(parsed.startIndex, offsetBy: max(range.lowerBound, 0), limitedBy: parsed.endIndex) ?? parsed.endIndex
        var offset = range.lowerBound
        while offset < range.upperBound, a < written.endIndex {
            if written[a] != parsed[b] { return true }
            written.formIndex(after: &a)
            parsed.formIndex(after: &b)
            offset += 1
        }
        return false
    }

    /// Whether a variable stood where a label name is expected (`by ($group)`, `on ($key)`,
    /// `label_replace` destinations are strings and do not count): label flow cannot know the
    /// labels of such an expression.
    public static func hasNamePlaceholder(text: String, parsedText: String) -> Bool {
        if text == parsedText { return false }
        let contiguous = text.utf8.withContiguousStorageIfAvailable { written in
            parsedText.utf8.withContiguousStorageIfAvailable { parsed in
                zip(written, parsed).contains { $0 != $1 && $1 == UInt8(ascii: "x") }
            }
        }
        if let contiguous, let found = contiguous { return found }
        for (written, parsed) in zip(text.utf8, parsedText.utf8) where written != parsed && parsed == UInt8(ascii: "x") {
            return true
        }
        return false
    }

    /// Replaces the variables of `bytes` in place; false when there was none.
    static func replace(in bytes: inout [UInt8]) -> Bool {
        guard bytes.contains(UInt8(ascii: "$")) || bytes.contains(UInt8(ascii: "[")) else { return false }
        var changed = false
        var index = 0
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open != UInt8(ascii: "`") { index += 2; continue }
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
                index += 1
                continue
            }
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            var end = index
            if byte == UInt8(ascii: "$") {
                end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "{") {
                    while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                    end = Swift.min(end + 1, bytes.count)
                } else {
                    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                }
                if end == index + 1 { index += 1; continue }
            } else if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                var close = index + 2
                while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "]") && bytes[close + 1] == UInt8(ascii: "]")) { close += 1 }
                guard close + 1 < bytes.count else { index += 1; continue }
                end = close + 2
            } else {
                index += 1
                continue
            }
            let replacement = placeholder(length: end - index, context: context(before: index, after: end, in: bytes))
            bytes.replaceSubrange(index..<end, with: replacement)
            changed = true
            index = end
        }
        return changed
    }

    private enum Context { case duration, name, number }

    /// Whether `byte` may stand in a PromQL label or metric name (`[A-Za-z0-9_]`).
    public static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func context(before start: Int, after end: Int, in bytes: [UInt8]) -> Context {
        if start > 0, isNameByte(bytes[start - 1]) { return .name }
        if end < bytes.count, isNameByte(bytes[end]) { return .name }
        var cursor = start - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") || bytes[cursor] == UInt8(ascii: "\n") { cursor -= 1 }
        guard cursor >= 0 else { return .number }
        let previous = bytes[cursor]
        if previous == UInt8(ascii: "[") || previous == UInt8(ascii: ":") { return .duration }
        if cursor >= 5, Array(bytes[(cursor - 5)...cursor]) == Array("offset".utf8) { return .duration }
        // Inside a grouping or matching clause (`by (`, `on (`, `group_left (`, after a `,` in
        // one) a name is expected.
        if previous == UInt8(ascii: "(") || previous == UInt8(ascii: ",") {
            var word = cursor - 1
            if previous == UInt8(ascii: ",") {
                // Walk back to the clause's `(`; names, commas and blanks only.
                while word >= 0, isNameByte(bytes[word]) || bytes[word] == UInt8(ascii: ",") || bytes[word] == UInt8(ascii: " ") || bytes[word] == UInt8(ascii: "\n") || bytes[word] == UInt8(ascii: "\t") || bytes[word] == UInt8(ascii: "$") { word -= 1 }
                guard word >= 0, bytes[word] == UInt8(ascii: "(") else { return .number }
                word -= 1
            }
            while word >= 0, bytes[word] == UInt8(ascii: " ") || bytes[word] == UInt8(ascii: "\t") || bytes[word] == UInt8(ascii: "\n") { word -= 1 }
            var wordStart = word
            while wordStart >= 0, isNameByte(bytes[wordStart]) { wordStart -= 1 }
            let keyword = String(decoding: bytes[(wordStart + 1)..<(word + 1)], as: UTF8.self).lowercased()
            if groupingKeywords.contains(keyword) { return .name }
        }
        return .number
    }

    private static let groupingKeywords: Set<String> = ["by", "without", "on", "ignoring", "group_left", "group_right"]

    private static func placeholder(length: Int, context: Context) -> [UInt8] {
        switch context {
        case .name: return Array(repeating: UInt8(ascii: "x"), count: length)
        case .number: return Array(repeating: UInt8(ascii: "0"), count: length - 1) + [UInt8(ascii: "1")]
        case .duration: return Array(repeating: UInt8(ascii: "0"), count: Swift.max(length - 2, 0)) + Array("1m".utf8)
        }
    }
}

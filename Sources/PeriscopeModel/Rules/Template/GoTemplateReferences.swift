/// What a Prometheus alert template reads from the alert: the labels it names and whether it
/// uses the sample value. Found with Go's template lexer (``GoTemplate``'s), so text outside
/// actions, strings and comments never count.
///
/// Recognised forms, as Prometheus' template data provides them (`template.AlertTemplateData`:
/// `.Labels`, `.Value`, and the prelude's `$labels`, `$value`):
/// - labels: `$labels.x`, `.Labels.x`, `index $labels "x"`, `index .Labels "x"`;
/// - the value: `$value`, `.Value` (alone, or as an argument: `humanize $value`, `printf "%.2f" $value`).
///
/// ```swift
/// GoTemplate.references(in: #"{{ $labels.job }} is at {{ humanize $value }}"#).labels.map(\.name) // ["job"]
/// ```
public struct GoTemplateReferences: Sendable, Hashable {
    /// A label the template names.
    public struct Label: Sendable, Hashable {
        /// The label name (`job` in `$labels.job`).
        public var name: String
        /// The template line it is on (1-based, as Go counts).
        public var line: Int
    }

    /// The labels named, in text order (a name used twice is listed twice).
    public var labels: [Label] = []
    /// The line of the first use of the sample value (`$value`, `.Value`), or nil.
    public var valueLine: Int?
    /// Whether the template reads the label set in a way that names no label
    /// (`range $labels`, `{{ $labels }}`, `index $labels $name`), so any label may be used.
    public var readsAllLabels = false
    /// Whether the template could not be lexed (Go's lexer stopped at an error); what was read
    /// before the error is kept.
    public var isIncomplete = false
}

extension GoTemplate {
    /// The labels and value `text` reads, as an alert label or annotation template.
    public static func references(in text: String) -> GoTemplateReferences {
        var result = GoTemplateReferences()
        guard text.utf8.contains(UInt8(ascii: "{")) else { return result }
        var lexer = GoTemplateLexer(Array(text.utf8), functions: [])
        var tokens: [GoTemplateToken] = []
        while true {
            let token = lexer.nextToken()
            if token.kind == .error { result.isIncomplete = true; break }
            if token.kind == .eof { break }
            if token.kind == .space || token.kind == .text { continue }
            tokens.append(token)
        }
        func word(_ index: Int) -> String? {
            tokens.indices.contains(index) ? String(decoding: lexer.text(of: tokens[index]), as: UTF8.self) : nil
        }
        func isLabelSet(_ index: Int) -> Bool {
            guard tokens.indices.contains(index) else { return false }
            let token = tokens[index]
            return (token.kind == .variable && word(index) == "$labels") || (token.kind == .field && word(index) == ".Labels")
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let text = word(index) ?? ""
            if (token.kind == .variable && text == "$value") || (token.kind == .field && text == ".Value") {
                if result.valueLine == nil { result.valueLine = token.line }
            } else if isLabelSet(index) {
                let next = index + 1
                let previousIsIndex = index > 0 && tokens[index - 1].kind == .identifier && word(index - 1) == "index"
                if tokens.indices.contains(next), tokens[next].kind == .field, tokens[next].start == token.end, let field = word(next) {
                    result.labels.append(.init(name: String(field.dropFirst()), line: tokens[next].line))
                    index = next
                } else if previousIsIndex, tokens.indices.contains(next), tokens[next].kind == .string || tokens[next].kind == .rawString,
                          let quoted = word(next), let name = unquoted(quoted) {
                    result.labels.append(.init(name: name, line: tokens[next].line))
                    index = next
                } else if token.kind == .variable, tokens.indices.contains(next), tokens[next].kind == .declare || tokens[next].kind == .assign {
                    // `$labels := …` redeclares the variable: what it names afterwards is unknown.
                    result.readsAllLabels = true
                } else {
                    result.readsAllLabels = true
                }
            }
            index += 1
        }
        return result
    }

    /// The value of a Go string literal without escapes, or nil (escaped names are not label names).
    private static func unquoted(_ literal: String) -> String? {
        guard literal.count >= 2 else { return nil }
        let inner = literal.dropFirst().dropLast()
        if literal.hasPrefix("\""), inner.contains("\\") { return nil }
        return String(inner)
    }
}

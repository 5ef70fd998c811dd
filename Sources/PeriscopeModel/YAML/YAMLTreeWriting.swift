import PeriscopeDSL

extension YAMLText {
    /// `key: value` for a scalar read from a file: plain and verbatim when it was a plain scalar
    /// that YAML types as a number, boolean or null (so the data stays the same), else as a string.
    public mutating func keyValue(_ indent: Int, _ key: String, _ value: LocatedText) {
        if value.isPlainLiteral, Self.isWritablePlain(value.value) {
            self.key(indent, key)
            append(" " + (value.value.isEmpty ? "null" : value.value) + "\n")
        } else {
            keyValue(indent, key, value.value)
        }
    }

    /// `key:` (quoted when needed, a `- ` prefix kept) with no value and no newline yet.
    public mutating func key(_ indent: Int, _ key: String) {
        indentation(indent)
        if key.hasPrefix("- ") {
            append("- ")
            scalar(String(key.dropFirst(2)))
        } else {
            scalar(key)
        }
        append(":")
    }

    /// `key: tree` for a value kept losslessly (unknown keys): maps and lists in block style,
    /// empty ones as `{}` and `[]`, typed scalars verbatim, strings quoted when needed.
    public mutating func entry(_ indent: Int, _ key: String, _ tree: YAMLTree) {
        switch tree.content {
        case .scalar(let scalar):
            if let text = Self.verbatim(scalar) {
                self.key(indent, key)
                append(" " + text + "\n")
            } else {
                keyValue(indent, key, scalar.text)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                self.key(indent, key)
                append(" {}\n")
                return
            }
            self.key(indent, key)
            append("\n")
            let inner = indent + (key.hasPrefix("- ") ? 4 : 2)
            for entry in entries { self.entry(inner, entry.key, entry.value) }
        case .sequence(let items):
            self.key(indent, key)
            if items.isEmpty {
                append(" []\n")
                return
            }
            append("\n")
            let inner = indent + (key.hasPrefix("- ") ? 4 : 2)
            for item in items { self.item(inner, item) }
        }
    }

    /// One `- item` of a block sequence at `indent`.
    public mutating func item(_ indent: Int, _ tree: YAMLTree) {
        switch tree.content {
        case .scalar(let scalar):
            if let text = Self.verbatim(scalar) {
                line(indent, "- " + text)
            } else {
                keyValue(indent, "-", scalar.text, separator: " ")
            }
        case .mapping(let entries):
            guard let first = entries.first else {
                line(indent, "- {}")
                return
            }
            entry(indent, "- " + first.key, first.value)
            for entry in entries.dropFirst() { self.entry(indent + 2, entry.key, entry.value) }
        case .sequence(let items):
            guard !items.isEmpty else {
                line(indent, "- []")
                return
            }
            line(indent, "-")
            for item in items { self.item(indent + 2, item) }
        }
    }

    /// The text to write for a scalar that must not go through string quoting: a plain scalar
    /// YAML would type (`1`, `true`, `~`), or a tagged one (`!!int "1"`); nil for strings.
    static func verbatim(_ scalar: YAMLScalar) -> String? {
        if !scalar.tag.isEmpty && scalar.tag != "!" && scalar.tag != YAMLCoreSchema.stringTag {
            let prefix = "tag:yaml.org,2002:"
            let tag = scalar.tag.hasPrefix(prefix) ? "!!" + scalar.tag.dropFirst(prefix.count)
                : scalar.tag.hasPrefix("!") ? scalar.tag : "!<\(scalar.tag)>"
            return tag + " " + YAMLQuoting.doubleQuoted(scalar.text)
        }
        guard scalar.isPlain, scalar.tag.isEmpty else { return nil }
        if scalar.text.isEmpty { return "null" }
        guard isTypedPlain(scalar), isWritablePlain(scalar.text) else { return nil }
        return scalar.text
    }

    /// Whether a plain scalar is something other than a string to some YAML reader: a null,
    /// boolean or number in the 1.2 core schema, a YAML 1.1 boolean word (`yes`, `off`), or
    /// text made only of digits and number punctuation (`1_000`, `1:30`, `0b101`) that 1.1 reads
    /// as a number. Such scalars are written back plain and verbatim, never quoted.
    public static func isTypedPlain(_ scalar: YAMLScalar) -> Bool {
        guard scalar.isPlain, scalar.tag.isEmpty else { return false }
        // Every typed plain scalar starts with one of these; most text (names, PromQL) does not.
        guard let lead = scalar.text.utf8.first else { return true }
        switch lead {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "~"),
             UInt8(ascii: "<"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Words: null, true, false, yes, no, on, off, y, n; none is longer than five letters.
            guard scalar.text.utf8.count <= 5 else { return false }
        default:
            return false
        }
        if case .string = scalar.resolved {} else { return true }
        let text = scalar.text
        if oneOneWords.contains(text) { return true }
        guard let first = text.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { "+-._:0123456789abcdefABCDEFxXoO".unicodeScalars.contains($0) }
    }

    private static let oneOneWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "<<", "=",
    ]

    /// Whether `text`, read as a plain scalar, can be written back plain in block context.
    public static func isWritablePlain(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return true }
        if first == " " || last == " " || last == ":" { return false }
        for scalar in scalars where scalar.value < 0x20 || scalar.value == 0x7F { return false }
        if "?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == "-", scalars.count == 1 || scalars[1] == " " { return false }
        for index in 1..<scalars.count {
            if scalars[index] == "#" && scalars[index - 1] == " " { return false }
            if scalars[index] == " " && scalars[index - 1] == ":" { return false }
        }
        return true
    }
}

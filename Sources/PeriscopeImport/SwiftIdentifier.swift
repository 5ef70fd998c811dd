import Foundation

/// Safe Swift identifiers derived from free text: dashboard and row titles, rule group and alert
/// names, package names given with `--name`.
///
/// The text is split into words at every character that is not an ASCII letter or digit (so
/// `node-exporter full`, `node_exporter` and `Node Exporter 🚀` give the words `node`,
/// `exporter`, `full`), after folding accents (`Décès` → `Deces`); emoji and other symbols are
/// dropped. Words keep their inner capitals (`HighHTTPErrorRate` stays as written). The result:
///
/// - never starts with a digit: `5xx errors` → `_5xxErrors` (a leading `_` keeps the digits);
/// - is never a Swift keyword (`default`, `self`, `Type`, `init`, …): a trailing `_` is added,
///   `default_`, so it is valid in declarations and after a dot without backticks;
/// - is the fallback (`item`, `Item`) when the text has no letter or digit at all (`🚀`).
///
/// Duplicates are resolved by ``SwiftIdentifierScope``.
public enum SwiftIdentifier {
    /// `lowerCamelCase` for functions, properties and cases: `HTTP requests` → `httpRequests`.
    public static func lowerCamel(_ text: String, fallback: String = "item") -> String {
        let parts = words(text)
        guard let first = parts.first else { return fallback }
        let head = first.allSatisfy { $0.isUppercase || $0.isNumber } ? first.lowercased() : lowercasingFirst(first)
        return safe(head + parts.dropFirst().map(capitalizingFirst).joined())
    }

    /// `UpperCamelCase` for types and module names: `node-exporter full` → `NodeExporterFull`.
    public static func upperCamel(_ text: String, fallback: String = "Item") -> String {
        let parts = words(text)
        guard !parts.isEmpty else { return fallback }
        return safe(parts.map(capitalizingFirst).joined())
    }

    /// Lower-case words joined by `-`, for package names and file stems: `My Service!` → `my-service`;
    /// `fallback` when the text has no letter or digit.
    public static func kebab(_ text: String, fallback: String = "monitoring") -> String {
        let parts = words(text)
        return parts.isEmpty ? fallback : parts.map { $0.lowercased() }.joined(separator: "-")
    }

    /// Whether `text` is a valid identifier as this type writes them: ASCII letters, digits and
    /// `_`, not starting with a digit, not a keyword.
    public static func isSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !(first.properties.numericType != nil && first.isASCII) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            && !keywords.contains(text)
    }

    /// Swift's reserved words and the words with a meaning of their own in member position
    /// (`self`, `Type`, `init`, …), from The Swift Programming Language, "Lexical Structure".
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
        "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type", "Protocol", "some", "any", "async",
        "actor", "macro", "_",
    ]

    /// The words of `text`: runs of ASCII letters and digits after folding accents.
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var result: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func safe(_ identifier: String) -> String {
        var result = identifier
        if let first = result.first, first.isNumber { result = "_" + result }
        if keywords.contains(result) { result += "_" }
        return result
    }

    private static func capitalizingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    private static func lowercasingFirst(_ word: String) -> String {
        // `HTTPRequests` → `httpRequests`: lower the leading run of capitals except the last
        // one when a lower-case letter follows it.
        let characters = Array(word)
        var end = 0
        while end < characters.count, characters[end].isUppercase { end += 1 }
        if end == 0 { return word }
        if end > 1, end < characters.count, characters[end].isLowercase { end -= 1 }
        return String(characters[..<end]).lowercased() + String(characters[end...])
    }
}

/// Hands out identifiers that are unique within one scope (the members of one enum, the types of
/// one module, the file names of one folder): the second `requests` becomes `requests2`, the
/// third `requests3`, skipping any already taken.
public struct SwiftIdentifierScope: Sendable {
    private var taken: Set<String>
    private let caseInsensitive: Bool

    /// Creates a scope with `reserved` already taken. `caseInsensitive` compares ignoring case,
    /// for names that become file names (macOS file systems ignore case).
    public init(reserved: some Sequence<String> = [String](), caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        self.taken = Set(reserved.map { caseInsensitive ? $0.lowercased() : $0 })
    }

    /// `identifier` if it is free, else the first free `identifier2`, `identifier3`, …; marks the
    /// result taken.
    public mutating func unique(_ identifier: String) -> String {
        var candidate = identifier
        var number = 2
        while taken.contains(key(candidate)) {
            candidate = "\(identifier)\(number)"
            number += 1
        }
        taken.insert(key(candidate))
        return candidate
    }

    /// Whether `identifier` is already taken.
    public func contains(_ identifier: String) -> Bool { taken.contains(key(identifier)) }

    private func key(_ identifier: String) -> String { caseInsensitive ? identifier.lowercased() : identifier }
}

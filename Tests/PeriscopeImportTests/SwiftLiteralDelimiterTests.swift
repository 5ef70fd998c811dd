import Foundation
import Testing

@testable import PeriscopeImport

@Suite("Swift literal delimiters")
struct SwiftLiteralDelimiterTests {
    /// The literal as `SwiftLiteral.string` wrote it before it scanned bytes: a search for each
    /// forbidden sequence followed by one more `#` until none occurs.
    static func reference(_ text: String, indentation: String) -> String {
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }) {
            return SwiftLiteral.escaped(text)
        }
        func hashes(avoiding sequences: [String]) -> String {
            var hashes = "#"
            while sequences.contains(where: { text.contains($0 + hashes) }) { hashes += "#" }
            return hashes
        }
        if !text.contains("\n") {
            if !text.contains("\"") && !text.contains("\\") { return "\"" + text + "\"" }
            let delimiter = hashes(avoiding: ["\"", "\\"])
            return delimiter + "\"" + text + "\"" + delimiter
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }) { return SwiftLiteral.escaped(text) }
        let delimiter = hashes(avoiding: ["\"\"\"", "\\"])
        var result = delimiter + "\"\"\"\n"
        for line in lines { result += line.isEmpty ? "\n" : indentation + line + "\n" }
        result.removeLast()
        return result + "\n" + indentation + "\"\"\"" + delimiter
    }

    @Test("Every short text of quotes, backslashes, #, letters and line breaks gets the literal the sequence search gives")
    func exhaustive() {
        let alphabet: [Character] = ["\"", "\\", "#", "a", "\n"]
        var texts: [String] = [""]
        var all: [String] = [""]
        for _ in 1...6 {
            texts = texts.flatMap { text in alphabet.map { text + String($0) } }
            all += texts
        }
        var mismatches: [String] = []
        for text in all {
            let literal = SwiftLiteral.string(text, indentation: "  ")
            let expected = Self.reference(text, indentation: "  ")
            if literal != expected { mismatches.append("\(text.debugDescription): \(literal.debugDescription) != \(expected.debugDescription)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    @Test("Line and paragraph separators and DEL are escaped", arguments: ["a\u{2028}b", "a\u{2029}b", "a\u{7F}b", "\u{2028}"])
    func separators(text: String) {
        #expect(SwiftLiteral.string(text) == SwiftLiteral.escaped(text))
    }

    @Test("Other characters that share bytes with the separators are kept", arguments: ["\u{2027}", "\u{202A}", "é\u{A8}", "\u{00A8}\u{00A9}"])
    func nearSeparators(text: String) {
        #expect(SwiftLiteral.string(text) == "\"" + text + "\"")
    }
}

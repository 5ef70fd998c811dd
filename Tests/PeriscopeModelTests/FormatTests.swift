import Foundation
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// `fmt` on rule files and the YAML helpers it relies on.
struct FormatTests {
    @Test(arguments: [
        ("groups: []\n", [Int]()),
        ("# a comment\ngroups: []\n", [1]),
        ("groups:   # trailing\n  []\n", [1]),
        ("groups:\n- name: a\n  rules:\n  - record: x\n    expr: \"up # in a string\"\n", []),
        ("groups:\n- name: a\n  rules:\n  - record: x\n    expr: up#not-a-comment\n", []),
        ("groups:\n- name: a\n  rules:\n  - record: x\n    expr: |\n      up\n      # inside a block scalar\n", []),
        ("groups:\n- name: a\n  rules:\n  - record: x\n    expr: |\n      up\n# after the block\n", [7]),
        ("groups:\n- name: 'a # b'\n  rules: [] # c\n", [3]),
    ])
    func commentsAreFoundOutsideScalarsOnly(text: String, lines: [Int]) {
        #expect(YAMLComments.lines(in: text) == lines)
    }

    /// Every spelling the YAML 1.2 core schema reads as a non-string is quoted, and reads back as the string.
    @Test(arguments: ["+.Inf", "+.INF", "-.Inf", ".NaN", "0x1F", "0o17", "1e3", "-1.5", "+12", "~", "Null", "TRUE", "False", ".5", "1."])
    func coreSchemaNonStringsAreQuoted(text: String) {
        #expect(YAMLQuoting.needsQuotes(text))
        let written = "value: \(YAMLQuoting.string(text))\n"
        let read = YAMLReader(path: "q.yaml").read(written)
        #expect(read.root?.entries?.first?.value.scalar?.resolved == .string(text), "\(written)")
    }

    static let corpus = Repository.shared()?.appendingPathComponent("corpus/rules")

    @Test(.enabled(if: corpus != nil, "../shared/corpus not found; skipping the rule-file corpus"))
    func everyCorpusRuleFileFormatsToTheSameDataIdempotently() throws {
        let root = try #require(Self.corpus).path
        let files = (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { root + "/" + $0 }
        #expect(files.count == 40)
        for path in files {
            let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
            let output = ArtifactFormatter().format(bytes, path: path)
            #expect(output.kind == .ruleFile, "\(path)")
            let formatted = try #require(output.formatted, "\(path): \(output.diagnostics.map(\.description))")
            #expect(!output.diagnostics.contains { $0.severity == .error }, "\(path)")
            let again = ArtifactFormatter().format(formatted, path: path)
            #expect(again.formatted == formatted && !again.changed, "\(path): fmt is not idempotent")
        }
    }
}

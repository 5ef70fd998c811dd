import PeriscopeDSL
import PeriscopeModel
import Testing

/// Bad rule files: each gives a located error with its id, never a crash or a hang.
@Suite struct RuleBadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var id: DiagnosticID
        var fragment: String
        var sourceLine: Int

        init(_ text: String, _ line: Int, _ column: Int, _ id: DiagnosticID, _ fragment: String, sourceLine: Int = #line) {
            self.text = text
            self.line = line
            self.column = column
            self.id = id
            self.fragment = fragment
            self.sourceLine = sourceLine
        }

        var testDescription: String { "line \(sourceLine): \(fragment)" }
    }

    static let head = "groups:\n- name: a\n  rules:\n"

    static let cases: [Case] = [
        Case("groups: [\n", 2, 1, "yaml-syntax", "malformed YAML"),
        Case("groups:\n- name: a\n  rules:\n  - alert: A\n  expr: up\n   for: 1m\n", 6, 7, "yaml-syntax", "malformed YAML"),
        Case(head + "  - alert: A\n    expr: up\n    for: [1]\n", 6, 10, "rule-type-mismatch", "for of alert 'A': expected a duration such as 30s, 5m or 1h30m, got a list"),
        Case("groups:\n- name: a\n  rules: {}\n", 3, 10, "rule-type-mismatch", "rules of group 'a': expected a list of rules, got a map"),
        Case("groups: {a: 1}\n", 1, 9, "rule-type-mismatch", "groups: expected a list of rule groups, got a map"),
        Case("groups:\n- just a string\n", 2, 3, "rule-type-mismatch", "rule group: expected a map with name and rules"),
        Case(head + "  - alert: A\n    record: b\n    expr: up\n", 4, 5, "rule-kind-invalid", "has both alert and record"),
        Case(head + "  - expr: up\n", 4, 5, "rule-kind-invalid", "has neither alert nor record"),
        Case(head + "  - alert: A\n    labels: {}\n", 4, 5, "rule-expr-missing", "expr of alert 'A' is missing"),
        Case(head + "  - alert: A\n    expr: ''\n", 5, 11, "rule-expr-missing", "expr of alert 'A' is empty"),
        Case(head + "  - alert: A\n    expr: up\n    for: 5x\n", 6, 10, "rule-duration-invalid", "invalid for of alert 'A' '5x': unknown unit \"x\""),
        Case(head + "  - alert: A\n    expr: up\n    keep_firing_for: 1m5h\n", 6, 22, "rule-duration-invalid", "not a valid duration string"),
        Case("groups:\n- name: a\n  interval: 1.5m\n  rules: []\n", 3, 13, "rule-duration-invalid", "invalid interval of group 'a'"),
        Case("groups:\n- name: a\n  interval: 5\n  rules: []\n", 3, 13, "rule-duration-invalid", "invalid interval of group 'a' '5'"),
        Case("groups:\n- name: a\n  limit: many\n  rules: []\n", 3, 10, "rule-type-mismatch", "limit of group 'a': expected an integer"),
        Case("groups:\n- name: a\n  rules: []\n- name: a\n  rules: []\n", 4, 9, "rule-group-name-duplicate", "duplicate rule group name 'a' (first written at 2:9"),
        Case("groups:\n- name: ''\n  rules: []\n", 2, 9, "rule-group-name-empty", "rule group name is empty"),
        Case("groups:\n- rules: []\n", 2, 3, "rule-group-name-empty", "rule group name is empty"),
        Case(head + "  - record: bad-name\n    expr: up\n", 4, 13, "rule-name-invalid", "invalid metric name 'bad-name'"),
        Case(head + "  - record: a:b\n    expr: up\n    for: 5m\n", 6, 5, "rule-field-not-allowed", "has 'for'"),
        Case(head + "  - record: a:b\n    expr: up\n    annotations: {x: y}\n", 6, 5, "rule-field-not-allowed", "has 'annotations'"),
        Case(head + "  - alert: A\n    expr: up\n    labels: {bad-label: x}\n", 6, 14, "rule-label-name-invalid", "invalid label name 'bad-label'"),
        Case(head + "  - alert: A\n    expr: up\n    annotations:\n      1st: x\n", 7, 7, "rule-label-name-invalid", "invalid annotation name '1st'"),
        Case(head + "  - alert: A\n    expr: up\n    labels: {a: [x]}\n", 6, 17, "rule-type-mismatch", "label 'a' in labels of alert 'A': expected a string, got a list"),
        Case(head + "  - alert: A\n    exp: up\n", 5, 5, "rule-field-unknown", "field exp not found in type rulefmt.RuleNode"),
        Case("grops: []\n", 1, 1, "rule-field-unknown", "field grops not found in type rulefmt.RuleGroups"),
        Case("groups:\n- name: a\n  name: b\n  rules: []\n", 3, 3, "yaml-duplicate-key", "duplicate key 'name' (first written at 2:3)"),
        Case("- a\n- b\n", 1, 1, "rule-document-shape-unknown", "a rule file document must be a map"),
        Case("42\n", 1, 1, "rule-document-shape-unknown", "got a number (42)"),
        Case("apiVersion: apps/v1\nkind: Deployment\n", 2, 7, "rule-document-shape-unknown", "unsupported kind 'Deployment'"),
        Case("groups: []\n---\ngroups: [\n", 4, 1, "yaml-syntax", "malformed YAML"),
        Case("groups:\n- name: a\u{0}\n", 2, 10, "rule-file-unreadable", "NUL byte"),
        Case("groups:\n- name: é\u{1}\n", 2, 10, "yaml-syntax", "control characters are not allowed"),
        Case(String(repeating: "[", count: 10_000), 1, 1, "", "YAML"),
    ]

    @Test(arguments: cases)
    func badInputIsLocated(_ example: Case) {
        let result = readRules(example.text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        let matching = errors.filter { $0.message.contains(example.fragment) && (example.id.rawValue.isEmpty || $0.id == example.id) }
        let formatted = errors.map { $0.formatted() }.joined(separator: "\n")
        #expect(!matching.isEmpty, "expected an error containing \"\(example.fragment)\"; got:\n\(formatted)")
        guard let first = matching.first, !example.id.rawValue.isEmpty else { return }
        #expect(first.location?.line == example.line && first.location?.column == example.column, "\(formatted)")
        #expect(first.formatted().hasPrefix("rules.yaml:\(example.line):\(example.column): error: [\(example.id)] "), "\(formatted)")
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("groups:\n- name: ab".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let result = RuleFileReader(path: "bad.yaml").read(bytes)
        #expect(result.diagnostics.map { $0.formatted() } == ["bad.yaml:2:11: error: [rule-file-unreadable] rule file is not valid UTF-8 (expected UTF-8 text)"])
    }

    @Test func deepNestingIsReportedNotWalked() {
        let result = readRules("groups:\n" + String(repeating: "- ", count: 200) + "x\n")
        #expect(result.diagnostics.contains { $0.id == YAMLDiagnosticID.tooDeep && $0.location?.line == 2 })
        let flow = "groups: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let flowResult = readRules(flow)
        #expect(flowResult.hasErrors)
        #expect(flowResult.diagnostics.allSatisfy { $0.location?.line ?? 0 >= 1 })
    }

    @Test func aHugeFileIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: 100 << 20)
        let clock = ContinuousClock()
        var result: RuleFileReader.Result?
        let elapsed = clock.measure { result = RuleFileReader(path: "huge.yaml").read(bytes) }
        #expect(result?.diagnostics.map(\.id) == [RuleDiagnosticID.fileUnreadable])
        #expect(result?.diagnostics.first?.message.contains("104857600 bytes") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func billionLaughsIsCapped() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        var reader = RuleFileReader(path: "laughs.yaml")
        reader.limits.maximumNodes = 1_000_000
        let result = reader.read(text: text)
        #expect(result.diagnostics.contains { $0.id == YAMLDiagnosticID.tooLarge })
    }
}

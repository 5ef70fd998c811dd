import Foundation
import PeriscopeDSL
@testable import PeriscopeImport
import PeriscopeTestSupport
import Testing

/// Golden Swift for rule files and promtool test files (`__Goldens__/rules`; record with
/// RECORD_SNAPSHOTS=1), and the errors of bad input. The round trip (import → build → render)
/// is the dashboard importer's single corpus package build.
@Suite("Rule importer")
struct RuleImporterTests {
    static let goldens = Repository.root().appendingPathComponent("Tests/PeriscopeImportTests/__Goldens__/rules")
    static let inputs = goldens.appendingPathComponent("inputs")
    static let corpus = Repository.shared()?.appendingPathComponent("corpus/rules")
    static var corpusAvailable: Bool { corpus != nil }

    /// The generated files with the header a package gets, input paths relative to `base`.
    static func rendered(_ sources: [ImportedSource], relativeTo base: URL) -> [(name: String, text: String)] {
        sources.map { source in
            (source.fileName, (ImportedCatalogFile.header(for: source) + source.text).replacingOccurrences(of: base.path + "/", with: ""))
        }
    }

    @Test("Rule files in every shape and a promtool test file give the golden Swift")
    func fixtures() throws {
        let paths = ["checkout.yaml", "mimir.yaml", "operator.yaml", "checkout_test.yaml"].map { Self.inputs.appendingPathComponent($0).path }
        let output = try RuleImporter().importFiles(paths)
        #expect(output.sources.map(\.fileName) == ["CheckoutRules.swift", "MimirRules.swift", "OperatorRules.swift", "CheckoutTests.swift"])
        #expect(output.sources.last?.definitions == [ImportedDefinition(kind: .ruleTests, expression: "CheckoutTests.tests(env)")])
        for file in Self.rendered(output.sources, relativeTo: Self.inputs) {
            let problems = Golden.compare(file.text, with: Self.goldens.appendingPathComponent(file.name + ".golden"))
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }

    @Test("A tier the package's environments map stays a plain severity label")
    func mappedSeverity() throws {
        let output = try RuleImporter(mappedSeverityTiers: ["page"]).importFiles([Self.inputs.appendingPathComponent("checkout.yaml").path])
        let text = try #require(output.sources.first?.text)
        #expect(text.contains(#".label("severity", "page")"#))
        #expect(text.contains(#".severity("P1")"#))
        #expect(!text.contains(".severity(.page)"))
    }

    @Test(.enabled(if: corpusAvailable, "../shared/corpus not found; skipping the rule corpus goldens"),
          arguments: ["etcd/alerts.yaml", "kube-cockroachdb/rules.yaml", "jvm/alerts.yaml", "kafka/alerts.yaml"])
    func corpusGolden(file: String) throws {
        let corpus = try #require(Self.corpus)
        let output = try RuleImporter().importFiles([corpus.appendingPathComponent(file).path])
        let source = try #require(output.sources.first)
        let golden = Self.goldens.appendingPathComponent("corpus-" + file.replacingOccurrences(of: "/", with: "-") + ".swift.golden")
        let problems = Golden.compare(Self.rendered([source], relativeTo: corpus)[0].text, with: golden)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(.enabled(if: corpusAvailable, "../shared/corpus not found; skipping the rule corpus"))
    func wholeCorpus() throws {
        // Every rule file of the corpus imports; files of one name are told apart by folder.
        let corpus = try #require(Self.corpus)
        let output = try RuleImporter().importFiles([corpus.path])
        #expect(output.sources.count >= 20)
        #expect(Set(output.sources.map(\.fileName)).count == output.sources.count)
        #expect(output.sources.contains { $0.text.contains("static let namespace = \"etcd-alerts\"") })
        #expect(output.skipped.isEmpty)
        // kafka and promscale repeat alerts with the same labels and other expressions: promtool
        // lints them, render warns; no rule of the corpus is a copy that render would refuse.
        #expect(output.warnings.isEmpty, "\(output.warnings.map { $0.formatted() })")
    }

    @Test("Bad input is a located error and nothing is imported", arguments: [
        ("dashboard.yaml", "title: not rules\npanels: []\n", "import-not-rule-file", "dashboard.yaml:1:1"),
        ("broken.yaml", "groups:\n  - name: x\n    rules: [\n", "yaml-syntax", "broken.yaml:"),
        ("promql.yaml", "groups:\n  - name: x\n    rules:\n      - alert: A\n        expr: sum(rate(x[5m])\n", "rule-expr-invalid", "promql.yaml:5:15"),
        ("unknown.yaml", "groups:\n  - name: x\n    rules:\n      - alert: A\n        expr: up\n        bogus: 1\n", "rule-field-unknown", "unknown.yaml:6:9"),
        ("tests.yaml", "rule_files: [a.yaml, b.yaml]\ntests: []\n", "import-key-unsupported", "tests.yaml:1:13"),
        ("external.yaml", "rule_files: [a.yaml]\ntests:\n  - external_labels: {a: b}\n", "import-key-unsupported", "external.yaml:3:5"),
    ])
    func badInput(name: String, text: String, id: String, location: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try RuleImporter().importFiles([path])
            Issue.record("expected \(id)")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == DiagnosticID(rawValue: id), "\(diagnostic)")
            #expect(diagnostic.formatted().contains(folder.path + "/" + location), "\(diagnostic.formatted())")
        }
    }

    @Test("In a folder, YAML that is not a rule file is skipped")
    func skipsOtherYAML() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name: ci\non: push\n".utf8).write(to: folder.appendingPathComponent("workflow.yaml"))
        try Data("groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: up\n".utf8).write(to: folder.appendingPathComponent("r.yml"))
        let output = try RuleImporter().importFiles([folder.path])
        #expect(output.sources.map(\.fileName) == ["RRules.swift"])
        #expect(output.skipped.map { URL(fileURLWithPath: $0).lastPathComponent } == ["workflow.yaml"])
    }

    @Test("A copy of a rule (same name, labels and expression) is a warning at the copy; another expression is not")
    func duplicateRules() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dup.yaml")
        try Data("""
            groups:
              - name: g
                rules:
                  - alert: Down
                    expr: up{job="a"} == 0
                  - alert: Down
                    expr: up{job="b"} == 0
                  - alert: Down
                    expr: up{job="a"} == 0

            """.utf8).write(to: file)
        let output = try RuleImporter().importFiles([file.path])
        #expect(output.warnings.map { $0.formatted().replacingOccurrences(of: folder.path + "/", with: "") } == [
            "dup.yaml:8:9: warning: [import-rule-duplicate] alert 'Down' repeats an earlier rule of group 'g' with the same labels and expression; "
                + "promtool only lints this, but render refuses the copy (rule-name-duplicate): remove it, or give one of them a distinguishing label"
                + "\n    first declared at dup.yaml:4:9",
        ])
        #expect(output.sources.count == 1, "imported all the same: nothing is lost")
    }

    @Test("String literals", arguments: [
        ("up == 0", "", #""up == 0""#),
        (#"up{job="a"}"#, "", ##"#"up{job="a"}"#"##),
        (##"a "# b"##, "", ###"##"a "# b"##"###),
        ("a\n  b", "    ", "#\"\"\"\n    a\n      b\n    \"\"\"#"),
        ("a\n", "  ", "#\"\"\"\n  a\n\n  \"\"\"#"),
        ("a\r\nb", "", #""a\r\nb""#),
        ("a\n  \nb", "", #""a\n  \nb""#),
    ])
    func literals(text: String, indentation: String, literal: String) {
        #expect(SwiftLiteral.string(text, indentation: indentation) == literal)
    }
}

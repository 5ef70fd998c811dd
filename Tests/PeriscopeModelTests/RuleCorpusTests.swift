import Foundation
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Every rule file of `../shared/corpus/rules` (all accepted by promtool 2.42) reads without
/// error, writes back to the same YAML data in the same format, and writing is idempotent.
@Suite struct RuleCorpusTests {
    @Test(.enabled(if: RuleCorpus.isAvailable, "../shared/corpus not found; skipping the rule-file corpus"), arguments: RuleCorpus.files)
    func readsWritesBackAndIsIdempotent(_ entry: RuleCorpus.Entry) throws {
        let url = try #require(RuleCorpus.directory).appendingPathComponent(entry.path)
        #expect(entry.promtool.hasPrefix("pass"), "promtool 2.42 accepts every corpus file")
        let result = RuleFileReader(path: url.path).readFile()
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        let rules = result.file.groups.flatMap(\.rules)
        #expect(rules.count { $0.kind == .alert } == entry.alerts)
        #expect(rules.count { $0.kind == .record } == entry.records)

        let written = RuleFileWriter.text(result.file)
        let original = try String(contentsOf: url, encoding: .utf8)
        #expect(try YAMLData.documents(written) == YAMLData.documents(original), "\(written)")

        let again = readRules(written, path: entry.path)
        #expect(!again.hasErrors, "\(again.diagnostics.map(\.description))")
        #expect(RuleFileWriter.text(again.file) == written)
        #expect(withoutLocations(again.file) == withoutLocations(result.file))
        #expect(again.file.documents.map(\.shape) == result.file.documents.map(\.shape))
    }

    @Test(.enabled(if: RuleCorpus.isAvailable, "../shared/corpus not found; skipping the rule-file corpus"))
    func corpusHasTheDocumentedShapes() throws {
        #expect(RuleCorpus.files.count == 40)
        var shapes: [String: Int] = [:]
        for entry in RuleCorpus.files {
            let url = try #require(RuleCorpus.directory).appendingPathComponent(entry.path)
            let file = RuleFileReader(path: url.path).readFile().file
            let key = file.documents.map { $0.shape == .ruleGroups && $0.groups.isEmpty ? "groups: []" : $0.shape.rawValue }.joined(separator: ",")
            shapes[key, default: 0] += 1
        }
        // 11 files are `null`, 5 `{}`, 3 `groups: []` (the corpus README), 21 hold rules.
        #expect(shapes == ["null": 11, "emptyMap": 5, "groups: []": 3, "ruleGroups": 21])
    }

    /// Line and column of a sample of nodes of a real file (`rules/etcd/alerts.yaml`).
    @Test(.enabled(if: RuleCorpus.isAvailable, "../shared/corpus not found; skipping the rule-file corpus"))
    func locatesNodesOfARealFile() throws {
        let url = try #require(RuleCorpus.directory).appendingPathComponent("rules/etcd/alerts.yaml")
        let file = RuleFileReader(path: url.path).readFile().file
        let group = try #require(file.groups.first)
        #expect(group.location?.line == 2 && group.location?.column == 3)
        #expect(group.name.location?.line == 2 && group.name.location?.column == 9)
        let rule = try #require(group.rules.first)
        #expect(rule.name.value == "etcdMembersDown")
        #expect(rule.location?.line == 4 && rule.location?.column == 5)
        #expect(rule.name.location?.line == 4 && rule.name.location?.column == 12)
        #expect(rule.annotations.first?.nameLocation?.line == 6 && rule.annotations.first?.nameLocation?.column == 7)
        #expect(rule.expr.location?.line == 9 && rule.expr.location?.column == 11)
        #expect(rule.forDuration?.value == "20m" && rule.forDuration?.location?.line == 18)
        #expect(rule.labels.first?.value.location?.line == 20 && rule.labels.first?.value.location?.column == 17)
        #expect(rule.location?.path == url.path)
    }
}

import Foundation
import PeriscopeLint
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Every rule file and dashboard of `../shared/corpus` (public mixins and exporters' own files),
/// linted with the default configuration: nothing crashes, and the findings are kept as a golden
/// list, so any change in what lint reports on real files shows in review.
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter CorpusLintTests`.
@Suite struct CorpusLintTests {
    static let corpus = Repository.shared()?.appendingPathComponent("corpus")
    static let available = corpus.map { FileManager.default.fileExists(atPath: $0.path) } ?? false

    @Test(.enabled(if: available, "../shared/corpus not found; skipping the lint corpus golden"))
    func corpusFindingsMatchTheGolden() throws {
        let corpus = try #require(Self.corpus)
        let read = ArtifactFolderReader().read([corpus.appendingPathComponent("dashboards").path, corpus.appendingPathComponent("rules").path])
        #expect(!read.environments.isEmpty)
        let dashboards = read.environments.reduce(0) { $0 + $1.dashboards.count }
        let ruleFiles = read.environments.reduce(0) { $0 + $1.ruleFiles.count }
        #expect(dashboards > 10 && ruleFiles > 10, "\(dashboards) dashboards, \(ruleFiles) rule files")
        let report = LintEngine().lint(read.environments, options: LintOptions())
        var text = "# \(dashboards) dashboards, \(ruleFiles) rule files; reading: \(read.diagnostics.count) problems, \(read.skipped.count) skipped\n"
        text += read.diagnostics.map { $0.formatted() }.joined(separator: "\n")
        text += read.diagnostics.isEmpty ? "" : "\n"
        text += report.rendered(.text, relativeTo: nil)
        text = text.replacingOccurrences(of: corpus.path + "/", with: "")
        let golden = Repository.root().appendingPathComponent("Tests/PeriscopeLintTests/__Goldens__/corpus-findings.txt")
        let problems = Golden.compare(text, with: golden)
        #expect(problems.isEmpty, "\(problems)")
    }
}

import Foundation
import PeriscopeDiff
import PeriscopeTestSupport
import Testing

/// The scripted change set of Fixtures/change-set (two hand-made output folders, dev and prod):
/// a panel added, a query changed, a threshold changed, a panel moved and resized, an alert's
/// `for` changed, a rule removed, a dashboard moved to another folder, a change only in dev, and
/// volatile fields (`id`, `version`, `pluginVersion`, key order) that must not show.
@Suite struct DiffGoldenTests {
    @Test(arguments: ["text", "markdown", "json"])
    func changeSetMatchesTheGolden(format: String) throws {
        let (report, _, _) = try DiffFixtures.changeSetReport()
        let (text, file): (String, String) = switch format {
        case "text": (DiffTextRenderer(color: false).render(report), "change-set.txt")
        case "markdown": (DiffMarkdownRenderer(htmlLink: "https://github.com/acme/monitoring/actions/runs/1").render(report), "change-set.md")
        default: (DiffJSONRenderer().render(report), "change-set.json")
        }
        let problems = Golden.compare(text, with: DiffFixtures.goldens.appendingPathComponent(file))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func changeSetReportsEachScriptedChange() throws {
        let (report, _, _) = try DiffFixtures.changeSetReport()
        #expect(report.environments.map(\.name) == ["dev", "prod"])
        let prod = try #require(report.environments.last)
        let api = try #require(prod.dashboards.first { $0.uid == "api" })
        #expect(api.fields.isEmpty, "id, version and key order are ignored: \(api.fields)")
        let byName = Dictionary(uniqueKeysWithValues: api.panels.map { ($0.displayName, $0) })
        #expect(byName["HTTP › Saturation"]?.change == .added)
        #expect(byName["HTTP › Errors"]?.fields == [FieldChange(path: "fieldConfig.defaults.thresholds.steps[1].value", old: "80", new: "90")])
        let latency = try #require(byName["HTTP › Latency"])
        #expect(latency.isMoved && latency.oldGridPos == GridRect(x: 0, y: 9, w: 24, h: 8) && latency.newGridPos == GridRect(x: 12, y: 9, w: 12, h: 8))
        let requests = try #require(byName["HTTP › Requests"]?.targets.first?.expr?.lines)
        #expect(requests.filter { $0.operation != .context }.map(\.text) == ["  rate(http_requests_total{job=\"api\"}[5m])", "  rate(http_requests_total{job=\"api\"}[1m])"])
        #expect(byName["Details › Goroutines"] == nil, "the unchanged panel of a collapsed row is not reported")
        let db = try #require(prod.dashboards.first { $0.uid == "db" })
        #expect(db.folderMove?.old == "payments" && db.folderMove?.new == "platform" && db.panels.isEmpty)
        let alerts = try #require(prod.ruleGroups.first { $0.group == "api-alerts" })
        #expect(alerts.rules.map(\.displayName) == ["alert HighErrorRate{severity=\"critical\"}", "alert APIDown"])
        #expect(alerts.rules[0].fields == [FieldChange(path: "for", old: "5m", new: "10m")])
        #expect(alerts.rules[1].change == .removed)
        // Only dev's datasource changed.
        let devVariables = report.environments[0].dashboards.first { $0.uid == "api" }?.variables ?? []
        #expect(devVariables.map(\.name) == ["datasource"])
        #expect(api.variables.isEmpty)
        #expect(prod.files.isEmpty, "the provisioning file is unchanged")
    }

    @Test func sameInputGivesSameBytes() throws {
        let first = try DiffFixtures.changeSetReport(), second = try DiffFixtures.changeSetReport()
        #expect(first.report == second.report)
        #expect(DiffMarkdownRenderer().render(first.report) == DiffMarkdownRenderer().render(second.report))
        #expect(DiffJSONRenderer().render(first.report) == DiffJSONRenderer().render(second.report))
        #expect(DiffHTMLRenderer(old: first.old, new: first.new).render(first.report) == DiffHTMLRenderer(old: second.old, new: second.new).render(second.report))
    }

    @Test func identicalFoldersReportNoChanges() throws {
        let old = try DiffFixtures.tree(DiffFixtures.changeSet.appendingPathComponent("old"))
        let report = try Differ.compare(old: old, new: old)
        #expect(!report.hasChanges)
        #expect(DiffTextRenderer(color: false).render(report) == "no changes\n")
        #expect(DiffMarkdownRenderer().render(report).hasSuffix("No changes.\n"))
        #expect(DiffJSONRenderer().render(report).contains("\"changed\": false"))
    }
}

/// The README's sample PR comment is the golden comment, byte for byte.
@Suite struct DiffReadmeTests {
    @Test func readmeSampleCommentIsTheGolden() throws {
        let readme = try String(contentsOf: DiffFixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let golden = try String(contentsOf: DiffFixtures.goldens.appendingPathComponent("change-set.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- sample-comment:start -->\n````markdown\n"))
        let end = try #require(readme.range(of: "````\n<!-- sample-comment:end -->", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == golden, "README's sample comment differs from __Goldens__/change-set.md; copy it over")
    }
}

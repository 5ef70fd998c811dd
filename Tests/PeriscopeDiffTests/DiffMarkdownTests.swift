import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The pull-request comment parsed by GitHub's markdown parser (Debian's `cmark-gfm` with the
/// table extension, as GitHub renders comments): tables must become `<table>`, hostile titles
/// and queries must stay text, and the comment must stay under the limit.
@Suite(.enabled(if: ExternalTool.shouldRun(ExternalTool.isAvailable("cmark-gfm")), "cmark-gfm not found (make test-deps installs it); skipping the markdown parser tests"))
struct DiffMarkdownTests {
    private func html(_ markdown: String) throws -> String {
        let result = try ExternalTool.run(["cmark-gfm", "--extension", "table", "--extension", "strikethrough", "--extension", "autolink", "--unsafe"], input: markdown)
        #expect(result.status == 0)
        return result.output
    }

    @Test func goldenCommentRendersTablesAndDetails() throws {
        let (report, _, _) = try DiffFixtures.changeSetReport()
        let markdown = DiffMarkdownRenderer(htmlLink: "https://github.com/acme/monitoring/actions/runs/1").render(report)
        let page = try html(markdown)
        #expect(page.components(separatedBy: "<table>").count - 1 == 2, "one summary table per environment:\n\(page)")
        #expect(page.contains("<th align=\"right\">Added</th>") && page.contains("<td>Dashboards</td>"))
        #expect(page.components(separatedBy: "<details>").count - 1 == 5)
        #expect(page.contains("<pre><code class=\"language-diff\">"))
        #expect(page.contains("<a href=\"https://github.com/acme/monitoring/actions/runs/1\">HTML report</a>"))
    }

    @Test func hostileTitlesAndQueriesStayText() throws {
        let hostile = #"<script>alert(1)</script> | `x` **b** [l](javascript:x) </details>"#
        let escaped = hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let query = "sum(x) ``` </details> | <img src=x onerror=alert(1)>"
        let old = try DiffFixtures.dashboard(#"{"uid": "h|<b>", "title": "\#(escaped)", "panels": [{"type": "stat", "title": "\#(escaped)", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}]}"#)
        let new = try DiffFixtures.dashboard(#"{"uid": "h|<b>", "title": "\#(escaped)", "panels": [{"type": "stat", "title": "\#(escaped)", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "\#(query)"}], "description": "\#(escaped)"}]}"#)
        let report = try Differ.compare(old: DiffTree(environments: [DiffEnvironment(name: "prod|<i>", dashboards: [old])]),
                                        new: DiffTree(environments: [DiffEnvironment(name: "prod|<i>", dashboards: [new])]))
        let markdown = DiffMarkdownRenderer().render(report)
        let page = try html(markdown)
        for forbidden in ["<script", "<img", "href=\"javascript", "<strong>b</strong>", "<code>x</code>"] {
            #expect(!page.contains(forbidden), "'\(forbidden)' became markup:\n\(page)")
        }
        #expect(page.components(separatedBy: "<table>").count - 1 == 1)
        #expect(page.components(separatedBy: "</details>").count - 1 == 1, "a title cannot close the details early")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("+ sum(x) ``` &lt;/details&gt; | &lt;img src=x onerror=alert(1)&gt;"), "the query stays inside its code block")
        // The HTML report escapes the same input.
        let htmlReport = DiffHTMLRenderer(old: DiffTree(environments: [DiffEnvironment(name: "prod|<i>", dashboards: [old])]),
                                          new: DiffTree(environments: [DiffEnvironment(name: "prod|<i>", dashboards: [new])])).render(report)
        #expect(!htmlReport.contains("<script") && !htmlReport.contains("<img") && htmlReport.contains("&lt;script&gt;"))
    }

    @Test func longCommentIsTruncatedWithANoteAndStillParses() throws {
        // 120 dashboards with a changed query each: far more than 20,000 characters.
        func tree(_ expr: String) throws -> DiffTree {
            let files = try (0..<120).map { index in
                try DiffFixtures.dashboard(#"{"uid": "d\#(index)", "title": "Dashboard \#(index)", "panels": [{"type": "timeseries", "title": "P", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8}, "targets": [{"refId": "A", "expr": "\#(expr)(metric_\#(index)_total[5m])"}]}]}"#, path: "d\(index).json")
            }
            return DiffTree(environments: [DiffEnvironment(name: "prod", dashboards: files)])
        }
        let report = try Differ.compare(old: tree("rate"), new: tree("irate"))
        let full = DiffMarkdownRenderer().render(report)
        #expect(!full.contains("Truncated"))
        let limited = DiffMarkdownRenderer(limit: 20_000).render(report)
        #expect(limited.utf8.count <= 20_000)
        #expect(limited.contains("| Dashboards | 0 | 0 | 120 |"), "the counts stay complete")
        let included = limited.components(separatedBy: "<details>").count - 1
        #expect(included > 10 && included < 120)
        #expect(limited.contains("Details left out: prod: \(120 - included) dashboards."), "\(limited.suffix(400))")
        let page = try html(limited)
        #expect(page.contains("<table>") && page.components(separatedBy: "<details>").count == page.components(separatedBy: "</details>").count)
    }
}

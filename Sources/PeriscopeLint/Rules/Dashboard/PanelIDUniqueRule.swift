import PeriscopeDSL
import PeriscopeModel

/// `panel-id-unique`: panel and row ids are unique within a dashboard.
public struct PanelIDUniqueRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "panel-id-unique" }
    public var category: LintCategory { .dashboard }
    public var defaultSeverity: Diagnostic.Severity { .error }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "No two panels or rows of a dashboard share an id.",
            why: "Grafana addresses panels by id (viewPanel=, panel links, library panels, alert annotations); with duplicates, links open the wrong panel and Grafana reassigns ids on save, which changes the JSON.",
            bad: "two panels with \"id\": 3",
            good: "\"id\": 3 and \"id\": 4",
            fix: "Renumber one of them (the Swift DSL assigns ids itself).")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            var seen: [Int: (String, Location)] = [:]
            var items: [(id: Int, title: String, location: Location, panel: Int?)] = []
            for row in dashboard.dashboard.rows where !row.isLegacy { if let id = row.id { items.append((id, "row '\(row.title)'", row.location, nil)) } }
            let panels = dashboard.dashboard.panels
            for index in panels.indices { if let id = panels[index].id { items.append((id, "panel '\(panels[index].title)'", panels[index].location, index)) } }
            items.sort { a, b in
                let (pa, pb) = (a.location.line, b.location.line)
                return pa != pb ? pa < pb : a.id < b.id
            }
            for item in items {
                if let (title, location) = seen[item.id] {
                    findings.report("\(item.title) has id \(item.id), already used by \(title)", at: item.location,
                                    subject: dashboard.subject(panelAt: item.panel), related: [Diagnostic.Related("first used at", location)])
                } else {
                    seen[item.id] = (item.title, item.location)
                }
            }
        }
    }
}

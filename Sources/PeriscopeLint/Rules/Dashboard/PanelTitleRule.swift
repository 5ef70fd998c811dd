import PeriscopeDSL
import PeriscopeModel

/// `panel-title`: every panel has a title.
public struct PanelTitleRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "panel-title" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Every panel has a non-empty title (text panels excepted: their content is the title).",
            why: "The title is how a reader knows what a graph shows, and how diffs, lint findings and links name the panel. Untitled graphs in a shared dashboard are guessed at during incidents.",
            bad: "{\"type\": \"timeseries\", \"title\": \"\"}",
            good: "{\"type\": \"timeseries\", \"title\": \"Request rate\"}",
            fix: "Give the panel a title that says what it shows.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            for panel in dashboard.dashboard.panels where panel.type != "text" && panel.title.allSatisfy(\.isWhitespace) {
                findings.report("\(panel.type) panel has no title", at: panel.location, subject: dashboard.subject(panel))
            }
        }
    }
}

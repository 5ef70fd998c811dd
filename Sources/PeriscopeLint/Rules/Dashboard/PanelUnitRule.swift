import PeriscopeDSL
import PeriscopeModel

/// `panel-unit`: panels that show numbers have a unit.
public struct PanelUnitRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "panel-unit" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Panels that plot numbers (timeseries, graph, stat, gauge, bargauge, barchart, histogram, heatmap, piechart, singlestat, trend, xychart) set a unit.",
            why: "Without a unit Grafana shows 0.25 where 250 ms is meant and 1.2e9 where 1.2 GB is; readers guess and misread. Panel types that show no numbers are exempt: text, news, dashlist, alertlist, annolist, logs, traces, nodeGraph, flamegraph, table (its columns carry their own units), state-timeline and status-history (states), geomap, canvas and plugin panels.",
            bad: "{\"type\": \"timeseries\", \"fieldConfig\": {\"defaults\": {}}}",
            good: "{\"type\": \"timeseries\", \"fieldConfig\": {\"defaults\": {\"unit\": \"s\"}}}",
            fix: "Set fieldConfig.defaults.unit (.unit(.seconds) in Swift), 'none' or 'short' for plain counts. A unit set by an override for every field also counts.")
    }

    /// The panel types whose values are numbers on an axis or a dial.
    static let numeric: Set<String> = ["timeseries", "graph", "stat", "gauge", "bargauge", "barchart", "histogram", "heatmap", "piechart", "singlestat", "trend", "xychart"]

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for dashboard in input.dashboards {
            for panel in dashboard.dashboard.panels where Self.numeric.contains(panel.type) && !panel.targets.isEmpty {
                if let unit = panel.fieldConfig.unit, !unit.isEmpty { continue }
                if panel.json["yaxes"]?.arrayValue?.contains(where: { ($0["format"]?.stringValue ?? "short") != "short" }) == true { continue }
                if panel.json["format"]?.stringValue.map({ !$0.isEmpty }) == true { continue }
                if Self.overridesSetUnit(panel.json) { continue }
                findings.report("\(panel.type) panel '\(panel.title)' has no unit (set fieldConfig.defaults.unit, e.g. 's', 'bytes', 'percentunit', or 'short' for counts)",
                                at: panel.location, subject: dashboard.subject(panel))
            }
        }
    }

    static func overridesSetUnit(_ json: JSONValue) -> Bool {
        guard let overrides = json["fieldConfig"]?["overrides"]?.arrayValue, !overrides.isEmpty else { return false }
        return overrides.contains { override in
            override["properties"]?.arrayValue?.contains { $0["id"]?.stringValue == "unit" } == true
        }
    }
}

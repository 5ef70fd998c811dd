import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `legend-label-missing`: a panel target's `legendFormat` names a label (`{{route}}`) that the
/// target's expression cannot produce, by label flow (see ``TemplateLabelRule``).
///
/// Grafana's legend syntax is `{{label}}` with optional spaces (`{{ label }}`); `__auto` and
/// legends without `{{` are not templates. Expressions with a Grafana variable where a label
/// name stands (`by ($group)`) are not judged.
public struct LegendLabelRule: LintRule {
    public let id: DiagnosticID = "legend-label-missing"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Legend templates (`legendFormat`) name only labels the query's result carries.",
        why: """
            Grafana replaces `{{route}}` with the series' `route` label, and with nothing when the series has \
            none: after `sum by (job) (…)` every series of the panel gets the same empty legend and they \
            cannot be told apart. Label flow is exact where Prometheus is; when the labels cannot be known \
            (a plain selector) nothing is reported.
            """,
        bad: "expr: sum by (job) (rate(http_requests_total[$__rate_interval]))\nlegendFormat: \"{{route}}\"",
        good: "expr: sum by (route) (rate(http_requests_total[$__rate_interval]))\nlegendFormat: \"{{route}}\"",
        fix: "Keep the label in the aggregation, or change the legend to a label the result has."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            guard case .panelTarget(let d, let p, let t) = input.queries[index].origin, input.dashboards.indices.contains(d),
                  input.dashboards[d].dashboard.panels.indices.contains(p), input.dashboards[d].dashboard.panels[p].targets.indices.contains(t),
                  let legend = input.dashboards[d].dashboard.panels[p].targets[t].legendFormat, GoTemplate.containsAction(legend) else { continue }
            let query = input.queries[index]
            guard let expr = query.expression, query.hasExactLabelNames else { continue }
            let names = LegendLabelRule.labelNames(in: legend)
            guard !names.isEmpty else { continue }
            let labels = expr.resultLabels
            for name in names where labels.survival(of: PromQLString(name)) == .no {
                findings.report(
                    "legend '\(legend)' of panel '\(input.dashboards[d].dashboard.panels[p].title)' uses {{\(name)}}, which the query does not produce (its result carries \(describeLabels(labels.carriedLabels)))",
                    at: input.dashboards[d].dashboard.panels[p].targets[t].location,
                    subject: LintSubject(file: input.dashboards[d].path, name: input.dashboards[d].dashboard.uid))
            }
        }
    }

    /// The label names of Grafana's legend template, in order (`{{ a }} - {{b}}` → `a`, `b`),
    /// as Grafana's `renderLegendFormat` reads them: `{{` optional spaces, a name, optional spaces, `}}`.
    public static func labelNames(in legend: String) -> [String] {
        var names: [String] = []
        let bytes = Array(legend.utf8)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else { index += 1; continue }
            var cursor = index + 2
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            let start = cursor
            while cursor < bytes.count, GrafanaVariables.isNameByte(bytes[cursor]) { cursor += 1 }
            let end = cursor
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if end > start, cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "}"), bytes[cursor + 1] == UInt8(ascii: "}") {
                names.append(String(decoding: bytes[start..<end], as: UTF8.self))
                index = cursor + 2
            } else {
                index += 2
            }
        }
        return names
    }
}

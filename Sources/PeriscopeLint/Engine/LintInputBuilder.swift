import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Builds a rule's view of one environment (``LintInput``): its dashboards and rule files, and
/// every PromQL expression in them parsed once, at the environment's PromQL target.
///
/// Expressions are:
/// - each panel target with an `expr` whose datasource (the target's, else the panel's) is
///   Prometheus or unknown (a string, `null` or a variable): Loki, Elasticsearch and other
///   plugins' targets are skipped, their `expr` is not PromQL;
/// - the PromQL part of each Prometheus query variable (`label_values(selector, label)`,
///   `query_result(expr)`, a bare selector; ``Grafana/PrometheusVariableQuery``);
/// - each rule's `expr`.
///
/// Grafana's variables in dashboard expressions (`$job`, `${job}`, `[[job]]`, `$__rate_interval`…)
/// are replaced by same-length placeholders first (``GrafanaVariables``), so positions stay
/// those of the text as written. Parsing runs in parallel; the order is the documented one.
public enum LintInputBuilder {
    /// The input of `environment` with `options`.
    public static func input(_ environment: ArtifactEnvironment, options: LintOptions) -> LintInput {
        let dashboards = environment.dashboards.map { LintDashboard(path: $0.path, folder: $0.folder, dashboard: $0.dashboard) }
        let ruleFiles = environment.ruleFiles.map { LintRuleFile(path: $0.path, file: $0.file) }
        var pending: [Pending] = []
        for (dashboardIndex, dashboard) in dashboards.enumerated() {
            // Panels and targets are read in place by index: copies cost dozens of retains each.
            let panels = dashboard.dashboard.panels
            for panelIndex in panels.indices {
                for targetIndex in panels[panelIndex].targets.indices {
                    guard let expr = panels[panelIndex].targets[targetIndex].expr, !expr.isEmpty,
                          isPrometheus(panels[panelIndex].targets[targetIndex].datasource ?? panels[panelIndex].datasource) else { continue }
                    pending.append(Pending(origin: .panelTarget(dashboard: dashboardIndex, panel: panelIndex, target: targetIndex), text: expr,
                                           location: panels[panelIndex].targets[targetIndex].exprLocation ?? panels[panelIndex].targets[targetIndex].location,
                                           substitutes: true))
                }
            }
            for (variableIndex, variable) in dashboard.dashboard.variables.enumerated() where variable.type == "query" {
                guard isPrometheus(variable.datasource), let text = variable.query else { continue }
                let parts = Grafana.PrometheusVariableQuery(text)
                guard let range = parts.promQLRange else { continue }
                let bytes = Array(text.utf8)
                guard range.lowerBound >= 0, range.upperBound <= bytes.count else { continue }
                pending.append(Pending(origin: .variable(dashboard: dashboardIndex, variable: variableIndex),
                                       text: String(decoding: bytes[range], as: UTF8.self), location: variable.location, substitutes: true))
            }
        }
        for (fileIndex, file) in ruleFiles.enumerated() {
            for (groupIndex, group) in file.groups.enumerated() {
                for (ruleIndex, rule) in group.rules.enumerated() {
                    let location = rule.expr.location ?? rule.location ?? .file(FileLocation(path: file.path))
                    pending.append(Pending(origin: .rule(file: fileIndex, group: groupIndex, rule: ruleIndex),
                                           text: rule.expr.value, location: location, substitutes: false))
                }
            }
        }
        let parseOptions = ParseOptions(target: options.target)
        let queries = parallelMap(pending) { $0.parsed(parseOptions) }
        return LintInput(environment: environment.name, dashboards: dashboards, ruleFiles: ruleFiles, queries: queries, options: options)
    }

    /// Whether a datasource reference may be Prometheus: its type is `prometheus` or not written.
    static func isPrometheus(_ reference: Grafana.DatasourceRef?) -> Bool {
        guard let type = reference?.type else { return true }
        return type == "prometheus" || type.isEmpty
    }

    private struct Pending: Sendable {
        var origin: LintQuery.Origin
        var text: String
        var location: Location
        var substitutes: Bool

        func parsed(_ options: ParseOptions) -> LintQuery {
            let parsedText = substitutes ? GrafanaVariables.placeholders(in: text) : text
            do {
                let expression = try PromQL.parse(parsedText, options: options)
                return LintQuery(origin: origin, text: text, parsedText: parsedText, location: location, expression: expression, parseError: nil)
            } catch {
                return LintQuery(origin: origin, text: text, parsedText: parsedText, location: location, expression: nil, parseError: error)
            }
        }
    }

    /// `transform` over `elements` in chunks spread over the cores, results in order.
    static func parallelMap<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let chunks = RuleParallel.chunks(elements.count)
        guard chunks.count > 1 else { return elements.map(transform) }
        return RuleParallel.map(chunks) { range in elements[range].map(transform) }.flatMap { $0 }
    }
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Injects the environment's `prometheus.selectors` into generated PromQL.
///
/// The expression is parsed and edited at the positions the parser reports, so the user's
/// formatting is kept; a selector that already has the label keeps its own matcher.
/// Grafana variables (`$__rate_interval`, `${var}`, `$var`, `[[var]]`) are not PromQL, so
/// before parsing each is replaced by a placeholder of the same byte length that is valid where
/// it stands (a duration inside `[…]` or after `offset`, a name next to name characters, a
/// number elsewhere); the edits are then applied to the original text.
public enum SelectorInjection {
    /// The expression of a panel query for `environment`: unchanged when the environment has
    /// no selectors or the query opted out; reports an error when the expression does not parse.
    @Sendable
    public static func rewrite(_ query: PrometheusQuery, environment: Environment, diagnostics: DiagnosticCollector) -> String {
        guard query.injectsSelectors else { return query.expr }
        return injected(into: query.expr, environment: environment, diagnostics: diagnostics) { error in
            .error("invalid PromQL in query: \(error.description) (expected a valid expression to inject the environment's selectors into; opt out with .injectingSelectors(false))",
                   at: query.location, id: .queryExprInvalid)
        }
    }

    /// The query of a query variable whose datasource is Prometheus, with the environment's
    /// selectors in each part Grafana sends to Prometheus as PromQL, split by Grafana's own
    /// grammar (``Grafana/PrometheusVariableQuery``):
    ///
    /// - `label_values(selector, label)`: into the selector;
    /// - `label_values(label)` and `label_values({}, label)`: a selector of the environment's
    ///   matchers is added, `label_values({env="prod"}, label)`;
    /// - `query_result(expr)`: into the expression;
    /// - a bare series selector: into it;
    /// - `label_names(…)` and `metrics(regex)`: unchanged, they take a metric-name regex, not PromQL.
    ///
    /// Unchanged when the variable opted out (`.injectingSelectors(false)`) or the environment
    /// has no selectors; reports an error when the PromQL part does not parse.
    public static func rewrite(variableQuery query: String, of variable: Variable, environment: Environment, diagnostics: DiagnosticCollector) -> String {
        guard variable.injectsSelectors, !environment.prometheus.selectors.isEmpty else { return query }
        let parts = Grafana.PrometheusVariableQuery(query)
        let bytes = Array(query.utf8)
        func replacing(_ range: Range<Int>, with text: String) -> String {
            String(decoding: bytes[..<range.lowerBound], as: UTF8.self) + text + String(decoding: bytes[range.upperBound...], as: UTF8.self)
        }
        if parts.kind == .labelValues, parts.promQLRange == nil, let label = parts.label {
            // No selector, or Grafana's undefined `{}`: the environment's matchers become one.
            let matchers = environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value).description }
            let selector = "{" + matchers.joined(separator: ", ") + "}"
            return parts.argument.map { replacing($0, with: selector) } ?? replacing(label.lowerBound..<label.lowerBound, with: selector + ", ")
        }
        guard let range = parts.promQLRange else { return query }
        let part = String(decoding: bytes[range], as: UTF8.self)
        let rewritten = injected(into: part, environment: environment, diagnostics: diagnostics) { error in
            .error("invalid PromQL in the query of variable '\(variable.name)': \(error.description) (expected label_values(series selector, label), query_result(expression) or a series selector, as Grafana reads them, to inject the environment's selectors into; opt out with .injectingSelectors(false))",
                   at: variable.location, id: .variableQueryInvalid)
        }
        return rewritten == part ? query : replacing(range, with: rewritten)
    }

    /// The expr of a Prometheus annotation, with the environment's selectors injected as into
    /// panel queries; unchanged when the annotation opted out or the environment has none.
    public static func rewrite(_ annotation: Annotation, expr: String, environment: Environment, diagnostics: DiagnosticCollector) -> String {
        guard annotation.injectsSelectors else { return expr }
        return injected(into: expr, environment: environment, diagnostics: diagnostics) { error in
            .error("invalid PromQL in annotation '\(annotation.name)': \(error.description) (expected a valid expression to inject the environment's selectors into; opt out with .injectingSelectors(false))",
                   at: annotation.location, id: .annotationExprInvalid)
        }
    }

    /// `expr` with the environment's selectors in every vector selector, Grafana variables
    /// kept; reports `problem(error)` and returns `expr` when it does not parse.
    static func injected(
        into expr: String, environment: Environment, diagnostics: DiagnosticCollector, problem: (PromQLError) -> Diagnostic
    ) -> String {
        guard !environment.prometheus.selectors.isEmpty else { return expr }
        let matchers = environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value) }
        let options = ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3)
        do {
            let parsed = try PromQL.parse(GrafanaVariables.placeholders(in: expr), options: options)
            return PromQL.applying(PromQL.matcherInsertions(matchers, into: parsed), to: expr)
        } catch {
            diagnostics.emit(problem(error))
            return expr
        }
    }
}

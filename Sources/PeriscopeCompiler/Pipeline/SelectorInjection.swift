import PeriscopeDSL

/// Injects the environment's `prometheus.selectors` into generated PromQL.
public enum SelectorInjection {
    /// The expression of `query` for `environment`: unchanged when the environment has no
    /// selectors or the query opted out.
    @Sendable
    public static func rewrite(_ query: PrometheusQuery, environment: Environment, diagnostics: DiagnosticCollector) -> String {
        guard query.injectsSelectors, !environment.prometheus.selectors.isEmpty else { return query.expr }
        return query.expr
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel

/// The environment and lowering every snippet test renders with.
enum Snippet {
    /// Two logical datasources, `metrics` (Prometheus) and `logs` (Loki).
    static let environment = Environment(
        name: "test",
        grafana: GrafanaSettings(datasources: [
            "metrics": GrafanaDatasource(type: "prometheus", uid: "prom-test"),
            "logs": GrafanaDatasource(type: "loki", uid: "loki-test"),
        ]))

    /// A lowering reporting to `diagnostics`.
    static func lowering(_ diagnostics: DiagnosticCollector = DiagnosticCollector()) -> GrafanaLowering {
        GrafanaLowering(environment: environment, diagnostics: diagnostics)
    }

    /// The JSON text of `panel` as panel 1 at the top left, 12×8.
    static func json(_ panel: some PanelConvertible, diagnostics: DiagnosticCollector = DiagnosticCollector()) -> String {
        JSONWriter().string(lowering(diagnostics).panel(panel.panel, id: 1, gridPos: GridPos(x: 0, y: 0, w: 12, h: 8)))
    }

    /// The JSON text of `variable`.
    static func json(_ variable: some VariableConvertible, diagnostics: DiagnosticCollector = DiagnosticCollector()) -> String {
        JSONWriter().string(lowering(diagnostics).variable(variable.variable))
    }
}

import PeriscopeDSL

/// The stable ids of the problems the compiler reports about dashboards. Lint reuses them as
/// rule ids, so they never change once published.
extension DiagnosticID {
    /// A dashboard uid that cannot be a file name (empty, too long, `/`, `..`, other characters).
    public static let dashboardUIDInvalid: DiagnosticID = "dashboard-uid-invalid"
    /// Two dashboards of one environment with the same uid.
    public static let dashboardUIDDuplicate: DiagnosticID = "dashboard-uid-duplicate"
    /// A dashboard, row or panel with an empty title.
    public static let titleEmpty: DiagnosticID = "title-empty"
    /// A folder name that cannot be a directory name.
    public static let dashboardFolderInvalid: DiagnosticID = "dashboard-folder-invalid"
    /// A refresh interval Grafana does not accept.
    public static let dashboardRefreshInvalid: DiagnosticID = "dashboard-refresh-invalid"
    /// A time range bound that is not a Grafana time.
    public static let dashboardTimeInvalid: DiagnosticID = "dashboard-time-invalid"
    /// A template variable name that is not an identifier.
    public static let variableNameInvalid: DiagnosticID = "variable-name-invalid"
    /// Two template variables with the same name.
    public static let variableDuplicate: DiagnosticID = "variable-duplicate"
    /// An interval variable option that is not a duration.
    public static let variableIntervalInvalid: DiagnosticID = "variable-interval-invalid"
    /// A panel size or gridPos outside the 24-column grid.
    public static let panelGridPosInvalid: DiagnosticID = "panel-gridpos-invalid"
    /// A panel interval, timeFrom, timeShift or query interval that is not a duration.
    public static let panelDurationInvalid: DiagnosticID = "panel-duration-invalid"
    /// Threshold steps Grafana cannot use (a value on the base step, non-finite, not increasing).
    public static let panelThresholdsInvalid: DiagnosticID = "panel-thresholds-invalid"
    /// A reducer id Grafana does not know (`p0`, a typo), which Grafana would ignore silently.
    public static let panelReducerUnknown: DiagnosticID = "panel-reducer-unknown"
    /// A query with an empty expression.
    public static let queryExprEmpty: DiagnosticID = "query-expr-empty"
    /// Two queries of a panel with the same refId.
    public static let queryRefIdDuplicate: DiagnosticID = "query-refid-duplicate"
    /// A logical datasource name the environment does not define.
    public static let datasourceUndefined: DiagnosticID = "datasource-undefined"
    /// A query whose selectors cannot be injected (it does not parse as PromQL).
    public static let queryExprInvalid: DiagnosticID = "query-expr-invalid"
    /// A Prometheus query variable whose PromQL part cannot take the environment's selectors.
    public static let variableQueryInvalid: DiagnosticID = "variable-query-invalid"
    /// A Prometheus annotation expr that cannot take the environment's selectors.
    public static let annotationExprInvalid: DiagnosticID = "annotation-expr-invalid"
}

import PeriscopeDSL

/// The stable ids of the diagnostics of `MetricsInventoryReader` (a `metrics.yaml` file).
public enum InventoryDiagnosticID {
    /// The file cannot be read: missing, not a regular file, too large, not UTF-8, or with a NUL byte.
    public static let fileUnreadable: DiagnosticID = "inventory-file-unreadable"
    /// A key the format does not know (with a "did you mean" hint).
    public static let keyUnknown: DiagnosticID = "inventory-key-unknown"
    /// A value of the wrong YAML type (`labels: [a]`, `help: {}`), or the document is not a map.
    public static let typeMismatch: DiagnosticID = "inventory-type-mismatch"
    /// `type` is not one of Prometheus' metadata types.
    public static let metricTypeUnknown: DiagnosticID = "inventory-metric-type-unknown"
    /// A metric name that is not `[a-zA-Z_:][a-zA-Z0-9_:]*`, or a label name that is not `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static let nameInvalid: DiagnosticID = "inventory-name-invalid"
    /// A count (`series`, `values`, `max`) that is not a non-negative integer.
    public static let countInvalid: DiagnosticID = "inventory-count-invalid"
    /// A label without its budget `max`.
    public static let budgetMissing: DiagnosticID = "inventory-budget-missing"
    /// Two entries describe the same series: the same name twice (a YAML duplicate key is
    /// `yaml-duplicate-key`), or a sample name already covered by a family (`foo_bucket` next
    /// to histogram `foo`, `foo_total` next to counter `foo`).
    public static let metricDuplicate: DiagnosticID = "inventory-metric-duplicate"
}

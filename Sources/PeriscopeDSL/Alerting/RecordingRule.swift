/// A Prometheus recording rule; by convention named `level:metric:operations`.
///
/// ```swift
/// RecordingRule("job:http_requests:rate5m", expr: "sum by (job, env) (rate(http_requests_total[5m]))")
/// ```
///
/// Prometheus rejects `for` and annotations on recording rules; the modifiers exist so that a
/// rule converted from an alert reports a located error instead of silently losing them.
public struct RecordingRule: Sendable, LabelModifiable, EnvironmentOverlayable {
    /// The name of the series the rule records (`record:`).
    public var record: String
    /// The PromQL expression.
    public var expr: String
    /// Static labels, by name; written sorted by name.
    public var labels: [String: String]
    /// A `for` duration, which recording rules may not have (reported as an error).
    public var forDuration: PrometheusDuration?
    /// Annotations, which recording rules may not have (reported as an error).
    public var annotations: [String: String]
    /// Whether the rule is rendered.
    public var isEnabled: Bool
    /// Whether the environment's `prometheus.selectors` are injected into `expr`.
    public var injectsSelectors: Bool
    /// Where the rule was written.
    public var location: SourceLocation
    /// Where modifiers a finding can point at were applied: `for`, `label.<name>`, `annotation.<name>`.
    public var modifierLocations: [ModifierKey<RecordingRule>: SourceLocation]
    /// Lint checks switched off for this definition (``lintDisabled(_:reason:fileID:filePath:line:column:)``).
    public var lintSuppressions: [LintSuppression] = []
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<RecordingRule>]

    /// Creates a recording rule.
    public init(
        _ record: String, expr: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.record = record
        self.expr = expr
        self.labels = [:]
        self.annotations = [:]
        self.isEnabled = true
        self.injectsSelectors = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.modifierLocations = [:]
        self.overlays = []
    }



    /// Sets a `for` duration; an error, since recording rules cannot have one.
    public func `for`(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.`for`, fileID, filePath, line, column) { $0.forDuration = duration }
    }

    /// Adds an annotation; an error, since recording rules cannot have annotations.
    public func annotation(_ name: String, _ value: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.annotation(name), fileID, filePath, line, column) { $0.annotations[name] = value }
    }

    /// Renders the rule (true, the default) or drops it; use inside `.in(…)` for one environment.
    public func enabled(_ value: Bool) -> Self { with { $0.isEnabled = value } }

    /// Opts this rule in or out of selector injection (`prometheus.selectors`).
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.injectsSelectors = value } }
}

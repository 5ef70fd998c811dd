/// A Prometheus alerting rule.
///
/// ```swift
/// AlertRule("HighHTTPErrorRate", expr: """
///     sum by (job, env) (rate(http_requests_total{code=~"5.."}[5m]))
///       / sum by (job, env) (rate(http_requests_total[5m])) > 0.05
///     """)
///     .for("10m")
///     .severity(.page)
///     .summary("High 5xx ratio on {{ $labels.job }}")
///     .description("{{ $value | humanizePercentage }} of requests fail.")
///     .runbook("https://runbooks.example.com/HighHTTPErrorRate")
/// ```
///
/// The environment's `prometheus.ruleLabels` are added to every rule, its
/// `prometheus.selectors` are injected into every selector of `expr` (opt out with
/// `.injectingSelectors(false)`), and the severity tier becomes the `severity` label through
/// `alerting.severities`.
public struct AlertRule: Sendable, LabelModifiable, EnvironmentOverlayable {
    /// The alert name (`alert:`).
    public var name: String
    /// The PromQL expression.
    public var expr: String
    /// How long the condition must hold before the alert fires (`for:`), as written.
    public var forDuration: PrometheusDuration?
    /// How long the alert keeps firing after the condition clears (`keep_firing_for:`), as written.
    public var keepFiringFor: PrometheusDuration?
    /// Static labels, by name; written sorted by name.
    public var labels: [String: String]
    /// Annotations, by name; written sorted by name.
    public var annotations: [String: String]
    /// The severity tier, mapped to the `severity` label by the environment.
    public var severity: Severity?
    /// Whether the rule is rendered; `.in(.dev) { $0.enabled(false) }` drops it in one environment.
    public var isEnabled: Bool
    /// Whether the environment's `prometheus.selectors` are injected into `expr`.
    public var injectsSelectors: Bool
    /// Where the rule was written.
    public var location: SourceLocation
    /// Where modifiers a finding can point at were applied: `for`, `keep_firing_for`,
    /// `severity`, `label.<name>`, `annotation.<name>`.
    public var modifierLocations: [ModifierKey<AlertRule>: SourceLocation]
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<AlertRule>]
    /// Lint checks switched off for this definition (``lintDisabled(_:reason:fileID:filePath:line:column:)``).
    public var lintSuppressions: [LintSuppression] = []

    /// Creates an alerting rule.
    public init(
        _ name: String, expr: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.name = name
        self.expr = expr
        self.labels = [:]
        self.annotations = [:]
        self.isEnabled = true
        self.injectsSelectors = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.modifierLocations = [:]
        self.overlays = []
    }

    /// Sets how long the condition must hold before the alert fires, e.g. `"5m"`.
    public func `for`(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.`for`, fileID, filePath, line, column) { $0.forDuration = duration }
    }

    /// Sets how long the alert keeps firing after the condition clears, e.g. `"10m"`.
    public func keepFiringFor(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.keepFiringFor, fileID, filePath, line, column) { $0.keepFiringFor = duration }
    }

    /// Sets the severity tier, mapped to the `severity` label by `alerting.severities`.
    public func severity(_ tier: Severity, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.severity, fileID, filePath, line, column) { $0.severity = tier }
    }



    /// Adds an annotation; the value is a Go template (`{{ $labels.job }}`, `{{ $value }}`).
    public func annotation(_ name: String, _ value: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.annotation(name), fileID, filePath, line, column) { $0.annotations[name] = value }
    }

    /// Sets the `summary` annotation.
    public func summary(_ text: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        annotation("summary", text, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sets the `description` annotation.
    public func description(_ text: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        annotation("description", text, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sets the `runbook_url` annotation.
    ///
    /// ```swift
    /// .runbook("https://runbooks.example.com/GoroutineLeakDetected")
    /// .runbook(base: "https://runbooks.example.com")   // …/<alert name>
    /// ```
    public func runbook(_ url: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        annotation("runbook_url", url, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sets the `runbook_url` annotation to `<base>/<alert name>`.
    public func runbook(base: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return runbook(trimmed + "/" + name, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Renders the rule (true, the default) or drops it; use inside `.in(…)` for one environment.
    public func enabled(_ value: Bool) -> Self { with { $0.isEnabled = value } }

    /// Opts this rule in or out of selector injection (`prometheus.selectors`).
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.injectsSelectors = value } }
}

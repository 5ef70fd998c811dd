/// One rule of a group: an alert or a recording rule.
public enum Rule: Sendable {
    /// An alerting rule.
    case alert(AlertRule)
    /// A recording rule.
    case recording(RecordingRule)

    /// Where the rule was written.
    public var location: SourceLocation {
        switch self {
        case .alert(let rule): rule.location
        case .recording(let rule): rule.location
        }
    }
}

/// Collects the rules of a group.
@resultBuilder
public enum RuleBuilder: ListBuilder {
    public typealias Element = Rule
}

extension Rule: BuilderContent { public typealias Builder = RuleBuilder }

extension AlertRule: BuilderContent {
    public typealias Builder = RuleBuilder
    public var builderElements: [Rule] { [.alert(self)] }
}

extension RecordingRule: BuilderContent {
    public typealias Builder = RuleBuilder
    public var builderElements: [Rule] { [.recording(self)] }
}

/// A Prometheus rule group: rules evaluated together at one interval.
///
/// ```swift
/// RuleGroup("http", namespace: "example") {
///     RecordingRule("job:http_requests:rate5m", expr: "sum by (job, env) (rate(http_requests_total[5m]))")
///     AlertRule("HighHTTPErrorRate", expr: "job:http_errors:ratio_rate5m > 0.05").for("10m").severity(.page)
/// }
/// .interval("1m")
/// ```
///
/// Groups are written to `prometheus/rules/<namespace>.yaml`, in the order declared; the
/// namespace defaults to the group name. Keep big groups fast to type-check by declaring each
/// rule as its own property or function.
public struct RuleGroup: Sendable, LabelModifiable, EnvironmentOverlayable {
    /// The group name, unique within its namespace.
    public var name: String
    /// The rule file (and Mimir ruler namespace) the group belongs to.
    public var namespace: String
    /// The evaluation interval (`interval:`), as written; Prometheus' global one when nil.
    public var interval: PrometheusDuration?
    /// The most alerts or series a rule may produce (`limit:`); 0 means no limit.
    public var limit: Int?
    /// How far back in time rules are evaluated (`query_offset:`, Prometheus 3.x only).
    public var queryOffset: PrometheusDuration?
    /// Labels added to every rule of the group (`labels:`, Prometheus 3.x only).
    public var labels: [String: String]
    /// The rules, in order.
    public var rules: [Rule]
    /// Whether the group is rendered.
    public var isEnabled: Bool
    /// Where the group was written.
    public var location: SourceLocation
    /// Where modifiers a finding can point at were applied: `interval`, `limit`,
    /// `query_offset`, `label.<name>`.
    public var modifierLocations: [ModifierKey<RuleGroup>: SourceLocation]
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<RuleGroup>]

    /// Creates a group.
    public init(
        _ name: String, namespace: String? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @RuleBuilder rules: () -> [Rule]
    ) {
        self.name = name
        self.namespace = namespace ?? name
        self.labels = [:]
        self.rules = rules()
        self.isEnabled = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.modifierLocations = [:]
        self.overlays = []
    }

    /// Sets the evaluation interval, e.g. `"1m"`.
    public func interval(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.interval, fileID, filePath, line, column) { $0.interval = duration }
    }

    /// Limits the alerts or series each rule may produce.
    public func limit(_ value: Int, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.limit, fileID, filePath, line, column) { $0.limit = value }
    }

    /// Evaluates the group's rules this far in the past (Prometheus 3.x only).
    public func queryOffset(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.queryOffset, fileID, filePath, line, column) { $0.queryOffset = duration }
    }


    /// Moves the group to another namespace (rule file).
    public func namespace(_ name: String) -> Self { with { $0.namespace = name } }

    /// Renders the group (true, the default) or drops it; use inside `.in(…)` for one environment.
    public func enabled(_ value: Bool) -> Self { with { $0.isEnabled = value } }

    /// This group with its overlays and those of its rules applied for `environment`, and
    /// disabled rules dropped.
    public func resolvedWithRules(for environment: EnvironmentName) -> RuleGroup {
        // Most groups have nothing to resolve; copying every rule would cost more than the check.
        let plain = overlays.isEmpty && rules.allSatisfy { rule in
            switch rule {
            case .alert(let alert): alert.overlays.isEmpty && alert.isEnabled
            case .recording(let recording): recording.overlays.isEmpty && recording.isEnabled
            }
        }
        if plain { return self }
        var group = resolved(for: environment)
        group.rules = group.rules.compactMap { rule in
            switch rule {
            case .alert(let alert):
                let resolved = alert.resolved(for: environment)
                return resolved.isEnabled ? .alert(resolved) : nil
            case .recording(let recording):
                let resolved = recording.resolved(for: environment)
                return resolved.isEnabled ? .recording(resolved) : nil
            }
        }
        return group
    }
}

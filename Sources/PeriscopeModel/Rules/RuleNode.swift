import PeriscopeDSL

/// One alerting or recording rule (Prometheus' `rulefmt.RuleNode`).
///
/// Keys, in the order the writer emits them: `alert` or `record`, `expr`, `for`,
/// `keep_firing_for`, `labels`, `annotations`, then any other keys as they were read.
public struct RuleNode: Sendable, Hashable {
    /// Whether the rule is an alert or a recording rule.
    public enum Kind: String, Sendable, Hashable {
        /// `alert:`: an alerting rule.
        case alert
        /// `record:`: a recording rule.
        case record
    }

    /// The kind.
    public var kind: Kind
    /// The alert name or the recorded series name.
    public var name: LocatedText
    /// The PromQL expression, as written (multi-line text kept).
    public var expr: LocatedText
    /// `for:`, a Prometheus duration as written (alerts only).
    public var forDuration: LocatedText?
    /// `keep_firing_for:`, a Prometheus duration as written (alerts only, Prometheus 2.42+).
    public var keepFiringFor: LocatedText?
    /// `labels:`, in order.
    public var labels: [RuleLabel]
    /// `annotations:`, in order (alerts only).
    public var annotations: [RuleLabel]
    /// How an empty `labels` was written.
    public var labelsForm: MapKeyForm = .automatic
    /// How an empty `annotations` was written.
    public var annotationsForm: MapKeyForm = .automatic
    /// Keys the model does not know, kept as read so that writing loses nothing.
    public var extra: [YAMLEntry]
    /// Where the rule starts (its `- alert:` line, or the Swift declaration).
    public var location: Location?
    /// Lint checks switched off in Swift for the rule (`.lintDisabled`), carried by the compiler
    /// into `manifest.json`; never written to the rule file.
    public var lintSuppressions: [LintSuppression] = []

    /// Creates a rule.
    public init(kind: Kind, name: LocatedText, expr: LocatedText, forDuration: LocatedText? = nil, keepFiringFor: LocatedText? = nil,
                labels: [RuleLabel] = [], annotations: [RuleLabel] = [], extra: [YAMLEntry] = [], location: Location? = nil) {
        self.kind = kind
        self.name = name
        self.expr = expr
        self.forDuration = forDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
        self.extra = extra
        self.location = location
    }

    /// The value of label `name`, if set.
    public func label(_ name: String) -> String? { labels.first { $0.name == name }?.value.value }

    /// The value of annotation `name`, if set.
    public func annotation(_ name: String) -> String? { annotations.first { $0.name == name }?.value.value }
}

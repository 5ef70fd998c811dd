import PeriscopeDSL

/// A rule group (Prometheus' `rulefmt.RuleGroup`; Mimir adds `source_tenants` and friends).
///
/// Keys, in the order the writer emits them: `name`, `interval`, `query_offset`, `limit`,
/// `labels`, `rules`, then any other keys as they were read.
public struct RuleGroupNode: Sendable, Hashable {
    /// The group name, unique within a file.
    public var name: LocatedText
    /// `interval:`, a Prometheus duration as written.
    public var interval: LocatedText?
    /// `query_offset:`, a Prometheus duration as written (Prometheus 3.x).
    public var queryOffset: LocatedText?
    /// `limit:`, the most alerts or series a rule may produce (0: no limit).
    public var limit: Int?
    /// Where `limit` is written.
    public var limitLocation: Location?
    /// `labels:` added to every rule of the group (Prometheus 3.x), in order.
    public var labels: [RuleLabel]
    /// How an empty `labels` was written.
    public var labelsForm: MapKeyForm = .automatic
    /// The rules, in order.
    public var rules: [RuleNode]
    /// How `rules` was written.
    public var rulesForm: ListKeyForm = .list
    /// Keys the model does not type (Mimir's `source_tenants`, unknown keys), kept as read.
    public var extra: [YAMLEntry]
    /// Where the group starts (its `- name:` line, or the Swift declaration).
    public var location: Location?

    /// Creates a group.
    public init(name: LocatedText, interval: LocatedText? = nil, queryOffset: LocatedText? = nil, limit: Int? = nil,
                limitLocation: Location? = nil, labels: [RuleLabel] = [], rules: [RuleNode], extra: [YAMLEntry] = [],
                location: Location? = nil) {
        self.name = name
        self.interval = interval
        self.queryOffset = queryOffset
        self.limit = limit
        self.limitLocation = limitLocation
        self.labels = labels
        self.rules = rules
        self.extra = extra
        self.location = location
    }
}

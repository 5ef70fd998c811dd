import PeriscopeModel
import PeriscopeDSL

/// A rule ready to be written: labels and annotations final and sorted by name.
public struct LoweredRule: Sendable, Equatable {
    /// Whether it is an alert or a recording rule.
    public enum Kind: String, Sendable, Equatable {
        case alert, record
    }

    /// The kind.
    public var kind: Kind
    /// The alert name or the recorded series name.
    public var name: String
    /// The expression, selectors injected.
    public var expr: String
    /// `for:`, as written.
    public var forDuration: String?
    /// `keep_firing_for:`, as written.
    public var keepFiringFor: String?
    /// Labels sorted by name.
    public var labels: [LabelPair]
    /// Annotations sorted by name.
    public var annotations: [LabelPair]
    /// Where the rule was written.
    public var location: SourceLocation

    /// Creates a rule.
    public init(kind: Kind, name: String, expr: String, forDuration: String? = nil, keepFiringFor: String? = nil,
                labels: [LabelPair] = [], annotations: [LabelPair] = [], location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.expr = expr
        self.forDuration = forDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels
        self.annotations = annotations
        self.location = location
    }
}

/// A rule group ready to be written.
public struct LoweredRuleGroup: Sendable, Equatable {
    /// The group name.
    public var name: String
    /// `interval:`, as written.
    public var interval: String?
    /// `query_offset:`, as written (3.x targets only).
    public var queryOffset: String?
    /// `limit:`.
    public var limit: Int?
    /// Group labels sorted by name (3.x targets only).
    public var labels: [LabelPair]
    /// The rules, in order.
    public var rules: [LoweredRule]
    /// Where the group was written.
    public var location: SourceLocation

    /// Creates a group.
    public init(name: String, interval: String? = nil, queryOffset: String? = nil, limit: Int? = nil, labels: [LabelPair] = [],
                rules: [LoweredRule], location: SourceLocation) {
        self.name = name
        self.interval = interval
        self.queryOffset = queryOffset
        self.limit = limit
        self.labels = labels
        self.rules = rules
        self.location = location
    }
}

/// The groups of one namespace: one rule file.
public struct LoweredRuleNamespace: Sendable, Equatable {
    /// The namespace, also the file name stem.
    public var name: String
    /// The groups, in declaration order.
    public var groups: [LoweredRuleGroup]

    /// Creates a namespace.
    public init(name: String, groups: [LoweredRuleGroup]) {
        self.name = name
        self.groups = groups
    }

    /// Where its first group was written (the manifest's source of the file).
    public var location: SourceLocation? { groups.first?.location }
}

/// A promtool test file ready to be written.
public struct LoweredRuleTests: Sendable, Equatable {
    /// An input series of a test (`input_series`).
    public struct Series: Sendable, Equatable {
        /// The series, selectors added: `up{job="api", env="prod"}`.
        public var series: String
        /// The values in series notation.
        public var values: String
    }

    /// One firing alert expected (`exp_alerts` entry), labels and annotations sorted by name.
    public struct ExpectedAlert: Sendable, Equatable {
        /// `exp_labels`.
        public var labels: [LabelPair]
        /// `exp_annotations`.
        public var annotations: [LabelPair]
    }

    /// An alert expectation (`alert_rule_test` entry).
    public struct AlertCase: Sendable, Equatable {
        /// `eval_time`.
        public var evalTime: String
        /// `alertname`.
        public var alertname: String
        /// `exp_alerts`; empty means the alert must not fire.
        public var alerts: [ExpectedAlert]
    }

    /// One sample expected from an expression (`exp_samples` entry).
    public struct ExpectedSample: Sendable, Equatable {
        /// `labels`, as written.
        public var labels: String
        /// `value`, as PromQL number text.
        public var value: String
    }

    /// An expression expectation (`promql_expr_test` entry).
    public struct ExpressionCase: Sendable, Equatable {
        /// `expr`.
        public var expr: String
        /// `eval_time`.
        public var evalTime: String
        /// `exp_samples`; empty means an empty result.
        public var samples: [ExpectedSample]
    }

    /// One test case (`tests` entry).
    public struct Case: Sendable, Equatable {
        /// `name`.
        public var name: String
        /// `interval`.
        public var interval: String?
        /// `input_series`.
        public var series: [Series]
        /// `alert_rule_test`.
        public var alerts: [AlertCase]
        /// `promql_expr_test`.
        public var expressions: [ExpressionCase]
    }

    /// The namespace whose rule file is tested.
    public var namespace: String
    /// `evaluation_interval:`.
    public var evaluationInterval: String?
    /// The test cases.
    public var cases: [Case]
    /// Where the tests were declared.
    public var location: SourceLocation
}

import PeriscopeDSL

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

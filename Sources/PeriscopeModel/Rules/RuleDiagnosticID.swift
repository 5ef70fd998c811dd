import PeriscopeDSL

/// The stable ids of every rule-file diagnostic, from the reader and from the compiler.
///
/// They are printed as `path:line:col: error: [id] message` and will be the ids of the lint
/// rules that take them over. Once published an id never changes.
public enum RuleDiagnosticID {
    // MARK: Reading files

    /// The file cannot be read: missing, not a regular file, larger than the reader's limit,
    /// not UTF-8, or holding a NUL byte.
    public static let fileUnreadable: DiagnosticID = "rule-file-unreadable"
    /// A document is not a map, or is a Kubernetes kind other than PrometheusRule or List.
    public static let documentShapeUnknown: DiagnosticID = "rule-document-shape-unknown"
    /// A key Prometheus' rulefmt does not know (promtool: `field x not found in type rulefmt.RuleGroup`).
    public static let fieldUnknown: DiagnosticID = "rule-field-unknown"
    /// A value of the wrong YAML type (`rules: {}`, `for: [1]`, `limit: abc`).
    public static let typeMismatch: DiagnosticID = "rule-type-mismatch"

    // MARK: Groups

    /// A group without a name (rulefmt: "Groupname must not be empty").
    public static let groupNameEmpty: DiagnosticID = "rule-group-name-empty"
    /// Two groups of one file share a name (rulefmt: "groupname is repeated in the same file").
    public static let groupNameDuplicate: DiagnosticID = "rule-group-name-duplicate"
    /// `limit` is negative.
    public static let limitInvalid: DiagnosticID = "rule-limit-invalid"

    // MARK: Rules

    /// A rule with both `alert` and `record`, or neither.
    public static let kindInvalid: DiagnosticID = "rule-kind-invalid"
    /// An alert without a name.
    public static let nameEmpty: DiagnosticID = "rule-name-empty"
    /// A recording rule whose `record` is not a valid metric name.
    public static let nameInvalid: DiagnosticID = "rule-name-invalid"
    /// Two rules of a group with the same kind, name and labels (promtool's duplicate-rule lint).
    public static let nameDuplicate: DiagnosticID = "rule-name-duplicate"
    /// `expr` is missing or empty.
    public static let exprMissing: DiagnosticID = "rule-expr-missing"
    /// `expr` is not PromQL the target Prometheus accepts.
    public static let exprInvalid: DiagnosticID = "rule-expr-invalid"
    /// `for`, `keep_firing_for`, `interval` or `query_offset` is not a Prometheus duration.
    public static let durationInvalid: DiagnosticID = "rule-duration-invalid"
    /// A key a recording rule may not have (`for`, `keep_firing_for`, `annotations`).
    public static let fieldNotAllowed: DiagnosticID = "rule-field-not-allowed"
    /// A label or annotation name that is not `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static let labelNameInvalid: DiagnosticID = "rule-label-name-invalid"
    /// A label or annotation value of an alert that Go's `text/template` does not parse as
    /// promtool parses it for the target (`GoTemplate.alertTemplateProblem`).
    public static let templateInvalid: DiagnosticID = "rule-template-invalid"

    // MARK: Compiling the DSL

    /// A feature the environment's target Prometheus version does not have (`query_offset`, group labels).
    public static let targetUnsupported: DiagnosticID = "rule-target-unsupported"
    /// An alert's severity tier is not mapped by the environment, or is set twice.
    public static let severityInvalid: DiagnosticID = "rule-severity-invalid"
    /// A rule namespace that cannot be a file name or a Kubernetes object name.
    public static let namespaceInvalid: DiagnosticID = "rule-namespace-invalid"
    /// A promtool unit test that is inconsistent with the rules it tests.
    public static let testInvalid: DiagnosticID = "rule-test-invalid"
}

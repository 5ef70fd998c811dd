/// The promtool unit tests of one rule namespace, written to `prometheus/tests/<namespace>.yaml`.
///
/// ```swift
/// RuleTests(namespace: "example") {
///     AlertTest("goroutine leak fires") {
///         InputSeries(#"go_goroutines{job="api"}"#, values: "1000+20x120")
///         ExpectAlerts("GoroutineLeakDetected", at: "2h") {
///             ExpectedAlert(labels: ["job": "api"])
///         }
///     }
/// }
/// ```
///
/// The test file's `rule_files` points at `../rules/<namespace>.yaml`, so promtool finds the
/// rules from the tests folder. Input series get the environment's `prometheus.selectors` as
/// labels, so they match the injected expressions; expected alerts get the rule's static labels
/// (rule labels, `ruleLabels`, the mapped severity) and its annotations that contain no template.
public struct RuleTests: Sendable, Modifiable, EnvironmentOverlayable {
    /// The namespace whose rule file the tests load.
    public var namespace: String
    /// The default evaluation interval of the file (`evaluation_interval:`).
    public var evaluationInterval: PrometheusDuration?
    /// The test cases, in order.
    public var tests: [AlertTest]
    /// Where the tests were declared.
    public var location: SourceLocation
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<RuleTests>]

    /// Creates the tests of a namespace.
    public init(
        namespace: String, evaluationInterval: PrometheusDuration? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @AlertTestBuilder tests: () -> [AlertTest]
    ) {
        self.namespace = namespace
        self.evaluationInterval = evaluationInterval
        self.tests = tests()
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.overlays = []
    }
}

/// Collects the test cases of a `RuleTests`.
@resultBuilder
public enum AlertTestBuilder: ListBuilder {
    public typealias Element = AlertTest
}

extension AlertTest: BuilderContent { public typealias Builder = AlertTestBuilder }

/// One promtool test case: input series, then the alerts and expression results expected at
/// evaluation times.
///
/// ```swift
/// AlertTest("no leak when steady", interval: "1m") {
///     InputSeries(#"go_goroutines{job="api"}"#, values: "1500x120")
///     ExpectNoAlerts("GoroutineLeakDetected", at: "2h")
///     ExpectSamples(#"go_goroutines{job="api"}"#, at: "1h") {
///         ExpectedSample(#"go_goroutines{job="api"}"#, value: 1500)
///     }
/// }
/// ```
public struct AlertTest: Sendable, Modifiable {
    /// The test name promtool prints on failure.
    public var name: String
    /// The sample interval of the input series (`interval:`).
    public var interval: PrometheusDuration?
    /// The input series.
    public var series: [InputSeries]
    /// The alert expectations.
    public var alerts: [AlertExpectation]
    /// The expression expectations.
    public var expressions: [ExpressionExpectation]
    /// Whether the environment's selectors are added to the input series as labels.
    public var injectsSelectors: Bool
    /// Where the test was written.
    public var location: SourceLocation

    /// Creates a test case.
    public init(
        _ name: String, interval: PrometheusDuration? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @AlertTestContentBuilder content: () -> [AlertTestContent]
    ) {
        self.name = name
        self.interval = interval
        self.series = []
        self.alerts = []
        self.expressions = []
        self.injectsSelectors = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        for item in content() {
            switch item {
            case .series(let series): self.series.append(series)
            case .alerts(let expectation): self.alerts.append(expectation)
            case .expression(let expectation): self.expressions.append(expectation)
            }
        }
    }

    /// Adds (true, the default) or does not add the environment's selectors to the input series.
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.injectsSelectors = value } }
}

/// One item of a test case.
public enum AlertTestContent: Sendable {
    /// An input series.
    case series(InputSeries)
    /// An alert expectation.
    case alerts(AlertExpectation)
    /// An expression expectation.
    case expression(ExpressionExpectation)
}

/// Collects the content of a test case.
@resultBuilder
public enum AlertTestContentBuilder: ListBuilder {
    public typealias Element = AlertTestContent
}

extension AlertTestContent: BuilderContent { public typealias Builder = AlertTestContentBuilder }

extension InputSeries: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.series(self)] }
}

extension AlertExpectation: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.alerts(self)] }
}

extension ExpressionExpectation: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.expression(self)] }
}

extension ExpectAlerts: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.alerts(expectation)] }
}

extension ExpectNoAlerts: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.alerts(expectation)] }
}

extension ExpectSamples: BuilderContent {
    public typealias Builder = AlertTestContentBuilder
    public var builderElements: [AlertTestContent] { [.expression(expectation)] }
}

/// An input series in promtool's series notation.
///
/// ```swift
/// InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+10x60")
/// ```
public struct InputSeries: Sendable, Hashable {
    /// The series, `metric{label="value", …}`.
    public var series: String
    /// The values in series notation: `1+2x10`, `_`, `stale`, `1x5 2x5`.
    public var values: String
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an input series.
    public init(_ series: String, values: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.series = series
        self.values = values
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }
}

/// The alerts named `alertname` expected to be firing at `evalTime`; none means "does not fire".
public struct AlertExpectation: Sendable {
    /// The alert name.
    public var alertname: String
    /// The evaluation time, a duration from the start (`10m`).
    public var evalTime: PrometheusDuration
    /// The firing alerts expected; empty means the alert must not fire.
    public var alerts: [ExpectedAlert]
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an expectation; `ExpectAlerts` and `ExpectNoAlerts` read better in tests.
    public init(alertname: String, evalTime: PrometheusDuration, alerts: [ExpectedAlert], location: SourceLocation) {
        self.alertname = alertname
        self.evalTime = evalTime
        self.alerts = alerts
        self.location = location
    }
}

/// Collects expected alerts.
@resultBuilder
public enum ExpectedAlertBuilder: ListBuilder {
    public typealias Element = ExpectedAlert
}

extension ExpectedAlert: BuilderContent { public typealias Builder = ExpectedAlertBuilder }

/// Expects `alertname` to be firing at `evalTime` with exactly the alerts listed.
///
/// ```swift
/// ExpectAlerts("HighHTTPErrorRate", at: "30m") {
///     ExpectedAlert(labels: ["job": "api"], annotations: ["description": "10% of requests fail."])
/// }
/// ```
public struct ExpectAlerts: Sendable {
    /// The expectation.
    public var expectation: AlertExpectation

    /// Creates the expectation.
    public init(
        _ alertname: String, at evalTime: PrometheusDuration,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @ExpectedAlertBuilder _ alerts: () -> [ExpectedAlert]
    ) {
        expectation = AlertExpectation(alertname: alertname, evalTime: evalTime, alerts: alerts(),
                                       location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }
}

/// Expects `alertname` not to be firing at `evalTime`.
///
/// ```swift
/// ExpectNoAlerts("HighHTTPErrorRate", at: "30m")
/// ```
public struct ExpectNoAlerts: Sendable {
    /// The expectation (with no alerts).
    public var expectation: AlertExpectation

    /// Creates the expectation.
    public init(_ alertname: String, at evalTime: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        expectation = AlertExpectation(alertname: alertname, evalTime: evalTime, alerts: [],
                                       location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }
}

/// One firing alert expected: the labels of its series (the rule's static labels are added by
/// the compiler) and its templated annotations after expansion.
public struct ExpectedAlert: Sendable {
    /// Labels, beyond the rule's static ones.
    public var labels: [String: String]
    /// Annotations after template expansion; the rule's untemplated ones are added by the compiler.
    public var annotations: [String: String]
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an expected alert.
    public init(
        labels: [String: String] = [:], annotations: [String: String] = [:],
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.labels = labels
        self.annotations = annotations
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }
}

/// The samples a PromQL expression is expected to return at `evalTime` (`promql_expr_test`).
public struct ExpressionExpectation: Sendable {
    /// The expression, evaluated as written (selectors are not injected).
    public var expr: String
    /// The evaluation time.
    public var evalTime: PrometheusDuration
    /// The samples expected; empty means an empty result.
    public var samples: [ExpectedSample]
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an expectation; `ExpectSamples` reads better in tests.
    public init(expr: String, evalTime: PrometheusDuration, samples: [ExpectedSample], location: SourceLocation) {
        self.expr = expr
        self.evalTime = evalTime
        self.samples = samples
        self.location = location
    }
}

/// Collects expected samples.
@resultBuilder
public enum ExpectedSampleBuilder: ListBuilder {
    public typealias Element = ExpectedSample
}

extension ExpectedSample: BuilderContent { public typealias Builder = ExpectedSampleBuilder }

/// Expects `expr` to return exactly these samples at `evalTime`.
///
/// ```swift
/// ExpectSamples("job:http_requests:rate5m", at: "10m") {
///     ExpectedSample(#"job:http_requests:rate5m{job="api"}"#, value: 1)
/// }
/// ```
public struct ExpectSamples: Sendable {
    /// The expectation.
    public var expectation: ExpressionExpectation

    /// Creates the expectation.
    public init(
        _ expr: String, at evalTime: PrometheusDuration,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @ExpectedSampleBuilder _ samples: () -> [ExpectedSample]
    ) {
        expectation = ExpressionExpectation(expr: expr, evalTime: evalTime, samples: samples(),
                                            location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }
}

/// One sample expected from an expression.
public struct ExpectedSample: Sendable {
    /// The series, `metric{label="value"}` or `{label="value"}`.
    public var labels: String
    /// The value.
    public var value: Double
    /// Where it was written.
    public var location: SourceLocation

    /// Creates an expected sample.
    public init(_ labels: String, value: Double, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        self.labels = labels
        self.value = value
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }
}

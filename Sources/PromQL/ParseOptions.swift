/// The Prometheus version whose PromQL dialect the parser accepts.
public enum PromQLTarget: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Prometheus 2.42 (Debian's promtool): rejects syntax that is new in 3.x.
    case v2_42 = "2.42"
    /// Prometheus 3.x (the default).
    case v3 = "3"

    /// The target as users write it (`2.42`, `3`).
    public var displayName: String { rawValue }
}

/// Options controlling which PromQL features the parser accepts.
public struct ParseOptions: Sendable, Equatable, Hashable {
    /// The Prometheus version to parse like.
    public var target: PromQLTarget
    /// Accept experimental functions and aggregations (`limitk`, `info`, `sort_by_label`, ...).
    public var enableExperimentalFunctions: Bool
    /// Accept duration expressions (`foo[5m+1m]`, `offset step()`, `max_of(...)`).
    public var experimentalDurationExpr: Bool
    /// Accept the `anchored` and `smoothed` range-selector modifiers.
    public var extendedRangeSelectors: Bool
    /// Accept the `fill`, `fill_left` and `fill_right` binary-operator modifiers.
    public var binopFillModifiers: Bool
    /// The deepest nesting of parentheses, calls, aggregations, unary operators and `^` chains
    /// accepted; deeper input fails with an error instead of exhausting the stack.
    public var maxNestingDepth: Int
    /// The deepest expression tree accepted (long operator chains such as `a + b + c + ...` nest
    /// one level per operator); deeper trees fail with an error.
    public var maxTreeDepth: Int

    /// Creates options; every experimental feature is off by default, as in Prometheus.
    public init(
        target: PromQLTarget = .v3, enableExperimentalFunctions: Bool = false, experimentalDurationExpr: Bool = false,
        extendedRangeSelectors: Bool = false, binopFillModifiers: Bool = false, maxNestingDepth: Int = 256,
        maxTreeDepth: Int = 2048
    ) {
        self.target = target
        self.enableExperimentalFunctions = enableExperimentalFunctions
        self.experimentalDurationExpr = experimentalDurationExpr
        self.extendedRangeSelectors = extendedRangeSelectors
        self.binopFillModifiers = binopFillModifiers
        self.maxNestingDepth = maxNestingDepth
        self.maxTreeDepth = maxTreeDepth
    }

    /// The options Prometheus' `TestParseExpressions` uses (parse_cases.jsonl).
    public static let conformance = ParseOptions(
        enableExperimentalFunctions: true, experimentalDurationExpr: true, extendedRangeSelectors: true,
        binopFillModifiers: false
    )

    /// The options of `promqltest.TestParserOpts` (every experimental feature on).
    public static let allFeatures = ParseOptions(
        enableExperimentalFunctions: true, experimentalDurationExpr: true, extendedRangeSelectors: true,
        binopFillModifiers: true
    )
}

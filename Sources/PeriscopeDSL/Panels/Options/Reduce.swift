/// A reducer that turns a series into one value (Grafana's `ReducerID`, the ids of
/// `fieldReducers` in `@grafana/data`), used in `reduceOptions.calcs`, `legend.calcs` and a
/// table footer's `reducers`.
///
/// ```swift
/// .legend(.table, calcs: [.mean, .max, .percentile(95)])
/// ```
public struct ReducerCalculation: RawRepresentable, Sendable, Hashable, JSONRepresentable {
    /// Grafana's reducer id, e.g. `lastNotNull` or `p95`.
    public var rawValue: String

    /// A reducer by Grafana's id; ids Grafana does not know are reported when rendering.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The last value that is not null.
    public static let lastNotNull = ReducerCalculation(rawValue: "lastNotNull")
    /// The last value, null or not.
    public static let last = ReducerCalculation(rawValue: "last")
    /// The first value that is not null.
    public static let firstNotNull = ReducerCalculation(rawValue: "firstNotNull")
    /// The first value.
    public static let first = ReducerCalculation(rawValue: "first")
    /// The average.
    public static let mean = ReducerCalculation(rawValue: "mean")
    /// The median.
    public static let median = ReducerCalculation(rawValue: "median")
    /// The largest value.
    public static let max = ReducerCalculation(rawValue: "max")
    /// The smallest value.
    public static let min = ReducerCalculation(rawValue: "min")
    /// The sum.
    public static let sum = ReducerCalculation(rawValue: "sum")
    /// The number of values.
    public static let count = ReducerCalculation(rawValue: "count")
    /// The number of values, nulls included (`countAll`), e.g. a table footer's row count.
    public static let countAll = ReducerCalculation(rawValue: "countAll")
    /// Largest minus smallest value.
    public static let range = ReducerCalculation(rawValue: "range")
    /// The cumulative change, counting resets as increases.
    public static let delta = ReducerCalculation(rawValue: "delta")
    /// The smallest interval between timestamps.
    public static let step = ReducerCalculation(rawValue: "step")
    /// Last minus first value.
    public static let diff = ReducerCalculation(rawValue: "diff")
    /// Last minus first value, in percent of the first (`diffperc`).
    public static let diffPercent = ReducerCalculation(rawValue: "diffperc")
    /// The smallest positive value (`logmin`).
    public static let logMin = ReducerCalculation(rawValue: "logmin")
    /// Whether every value is zero.
    public static let allIsZero = ReducerCalculation(rawValue: "allIsZero")
    /// Whether every value is null.
    public static let allIsNull = ReducerCalculation(rawValue: "allIsNull")
    /// How often the value changes.
    public static let changeCount = ReducerCalculation(rawValue: "changeCount")
    /// The number of distinct values.
    public static let distinctCount = ReducerCalculation(rawValue: "distinctCount")
    /// The variance.
    public static let variance = ReducerCalculation(rawValue: "variance")
    /// The standard deviation (`stdDev`).
    public static let standardDeviation = ReducerCalculation(rawValue: "stdDev")
    /// Every value, as a list.
    public static let allValues = ReducerCalculation(rawValue: "allValues")
    /// Every distinct value, as a list.
    public static let uniqueValues = ReducerCalculation(rawValue: "uniqueValues")

    /// The `n`th percentile, `p1` to `p99` (Grafana's percentile reducers); another `n` is
    /// reported as an unknown reducer when rendering.
    public static func percentile(_ n: Int) -> ReducerCalculation { ReducerCalculation(rawValue: "p\(n)") }

    /// The reducer ids Grafana knows: the named ones and `p1` to `p99`.
    public static let grafanaIDs: Set<String> = Set([lastNotNull, last, firstNotNull, first, mean, median, max, min, sum, count, countAll, range, delta, step, diff, diffPercent, logMin, allIsZero, allIsNull, changeCount, distinctCount, variance, standardDeviation, allValues, uniqueValues].map(\.rawValue) + (1...99).map { "p\($0)" })
}

/// A panel that reduces each series to one value (`options.reduceOptions`): stat, gauge, bar gauge, pie chart.
public protocol ReduceConfigurable: PanelConvertible {}

extension ReduceConfigurable {
    /// Reduces each series with `calculation`, optionally only the fields matching `fields` (a name or `/regex/`).
    public func reduce(
        _ calculation: ReducerCalculation, fields: String? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.reduceOptions, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.options[path: "reduceOptions.calcs"] = [calculation].jsonValue
            $0.options[path: "reduceOptions.values"] = JSONValue?.none
            $0.options[path: "reduceOptions.limit"] = JSONValue?.none
            if let fields { $0.options[path: "reduceOptions.fields"] = .string(fields) }
        }
    }
    /// Shows every value instead of a calculation (`reduceOptions.values: true`), at most `limit` of them.
    public func allValues(limit: Int? = nil, fields: String? = nil) -> Self {
        with {
            $0.panel.options[path: "reduceOptions.calcs"] = [ReducerCalculation]().jsonValue
            $0.panel.options[path: "reduceOptions.values"] = true
            if let limit { $0.panel.options[path: "reduceOptions.limit"] = .int(limit) }
            if let fields { $0.panel.options[path: "reduceOptions.fields"] = .string(fields) }
        }
    }
}

/// A reducer that turns a series into one value (Grafana's `ReducerID`), used in `reduceOptions.calcs` and `legend.calcs`.
public enum ReducerCalculation: String, Sendable, Hashable, JSONRepresentable, CaseIterable {
    /// The last value that is not null.
    case lastNotNull
    /// The last value, null or not.
    case last
    /// The first value that is not null.
    case firstNotNull
    /// The first value.
    case first
    /// The average.
    case mean
    /// The median.
    case median
    /// The largest value.
    case max
    /// The smallest value.
    case min
    /// The sum.
    case sum
    /// The number of values.
    case count
    /// The number of values, nulls included (`countAll`), e.g. a table footer's row count.
    case countAll
    /// Largest minus smallest value.
    case range
    /// The cumulative change, counting resets as increases.
    case delta
    /// The smallest interval between timestamps.
    case step
    /// Last minus first value.
    case diff
    /// Last minus first value, in percent of the first (`diffperc`).
    case diffPercent = "diffperc"
    /// The smallest positive value (`logmin`).
    case logMin = "logmin"
    /// Whether every value is zero.
    case allIsZero
    /// Whether every value is null.
    case allIsNull
    /// How often the value changes.
    case changeCount
    /// The number of distinct values.
    case distinctCount
    /// The variance.
    case variance
    /// The standard deviation (`stdDev`).
    case standardDeviation = "stdDev"
    /// Every value, as a list.
    case allValues
    /// Every distinct value, as a list.
    case uniqueValues
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

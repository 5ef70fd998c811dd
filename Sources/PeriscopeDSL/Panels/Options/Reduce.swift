/// A reducer that turns a series into one value (Grafana's `ReducerID`), used in `reduceOptions.calcs` and `legend.calcs`.
public enum ReducerCalculation: String, Sendable, Hashable, JSONRepresentable, CaseIterable {
    case lastNotNull
    case last
    case firstNotNull
    case first
    case mean
    case median
    case max
    case min
    case sum
    case count
    case range
    case delta
    case step
    case diff
    case diffPercent = "diffperc"
    case logMin = "logmin"
    case allIsZero
    case allIsNull
    case changeCount
    case distinctCount
    case variance
    case standardDeviation = "stdDev"
    case allValues
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
        recordingOption("reduceOptions", SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
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

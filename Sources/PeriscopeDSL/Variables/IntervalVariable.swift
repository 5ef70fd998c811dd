/// A variable holding a time interval, used as `[$interval]` or as a panel's minimum step (`type: interval`).
///
/// ```swift
/// IntervalVariable("interval", values: ["1m", "5m", "1h"]).auto(count: 30, min: "10s")
/// ```
public struct IntervalVariable: VariableConvertible {
    /// The underlying variable model.
    public var variable: Variable

    /// Creates an interval variable offering `values`.
    public init(
        _ name: String, values: [String],
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        variable = Variable(kind: .interval, name: name, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        variable.options = values.map { VariableOption($0) }
    }

    /// Offers Grafana's `auto` option, dividing the time range into `count` steps no shorter than `min`.
    public func auto(_ enabled: Bool = true, count: Int? = nil, min: String? = nil) -> Self {
        with {
            $0.variable.auto = enabled
            if let count { $0.variable.autoCount = count }
            if let min { $0.variable.autoMin = min }
        }
    }
    /// Sets when `auto` is recomputed.
    public func refresh(_ refresh: VariableRefresh) -> Self { with { $0.variable.refresh = refresh } }
}

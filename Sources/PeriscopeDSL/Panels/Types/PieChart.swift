/// Pie or donut (`options.pieType`).
public enum PieChartType: String, Sendable, Hashable, JSONRepresentable {
    /// A full pie.
    case pie
    /// A ring.
    case donut
}

/// A label drawn on the slices (`options.displayLabels`).
public enum PieChartLabel: String, Sendable, Hashable, JSONRepresentable {
    /// The series name.
    case name
    /// The value.
    case value
    /// The share in percent.
    case percent
}

/// A value shown next to each legend entry (`options.legend.values`).
public enum PieChartLegendValue: String, Sendable, Hashable, JSONRepresentable {
    /// The value.
    case value
    /// The share in percent.
    case percent
}

/// A pie or donut chart, one slice per series (`piechart`).
///
/// ```swift
/// PieChart("Traffic by region") { PrometheusQuery("sum by (region) (rate(http_requests_total[5m]))").legendFormat("{{region}}") }
///     .pieType(.donut)
///     .reduce(.lastNotNull)
///     .legend(.table, placement: .right)
///     .legendValues(.percent)
/// ```
public struct PieChart: ReduceConfigurable, LegendConfigurable, TooltipConfigurable {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a pie chart panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .pieChart, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Draws a pie or a donut (`options.pieType`).
    public func pieType(_ type: PieChartType) -> Self { settingOption("pieType", type) }
    /// Draws these labels on the slices (`options.displayLabels`).
    public func displayLabels(_ labels: PieChartLabel...) -> Self { settingOption("displayLabels", labels) }
    /// Shows values or percentages in the legend (`options.legend.values`).
    public func legendValues(_ values: PieChartLegendValue...) -> Self { settingOption("legend.values", values) }
}

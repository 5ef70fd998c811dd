/// Names generated dashboard code must not take.
enum DashboardIdentifier {
    /// The public type names of the DSL that a generated enum must not shadow.
    static let dslTypeNames: Set<String> = [
        "Dashboard", "Row", "Panel", "TimeSeries", "Stat", "Gauge", "BarGauge", "BarChart", "Table", "Text", "Heatmap",
        "Histogram", "PieChart", "Logs", "StateTimeline", "StatusHistory", "AlertList", "PrometheusQuery", "LokiQuery",
        "Query", "Unit", "Color", "Environment", "Catalog", "Variable", "Annotation", "DashboardLink", "DataLink",
        "Thresholds", "Transformation", "Periscope", "RuleGroup", "AlertRule", "RecordingRule", "SLO", "Severity",
        "GridPos", "Repeat", "JSONValue", "FieldProperty", "FieldMatcher", "ValueMapping", "EnvironmentName",
        "QueryVariable", "CustomVariable", "DatasourceVariable", "IntervalVariable", "ConstantVariable",
        "TextboxVariable", "AdhocVariable", "DatasourceReference", "Monitoring", "String", "Int", "Double", "Bool",
        "Array", "Dictionary", "Set", "Optional", "Never", "Error",
    ]

    /// A type name for a dashboard titled `title`: ``SwiftIdentifier/upperCamel(_:fallback:)``,
    /// with `Dashboard` appended when that would shadow a type of the DSL (`Table` → `TableDashboard`).
    static func typeName(_ title: String) -> String {
        let name = SwiftIdentifier.upperCamel(title, fallback: "ImportedDashboard")
        return dslTypeNames.contains(name) ? name + "Dashboard" : name
    }
}

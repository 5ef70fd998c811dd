/// Grafana's panel type id (`type` in a panel's JSON): one of the typed panels, `row`, or a
/// plugin's id.
///
/// ```swift
/// Panel(type: "grafana-clock-panel", title: "Clock")
/// if panel.type == .text { … }
/// ```
public struct PanelType: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The id as Grafana writes it, e.g. `timeseries`.
    public var rawValue: String

    /// A panel type by id, for plugin panels Periscope has no type for.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A panel type from a literal id.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The id as Grafana writes it (`timeseries`).
    public var description: String { rawValue }

    /// `timeseries`: `TimeSeries`.
    public static let timeSeries = PanelType("timeseries")
    /// `stat`: `Stat`.
    public static let stat = PanelType("stat")
    /// `gauge`: `Gauge`.
    public static let gauge = PanelType("gauge")
    /// `bargauge`: `BarGauge`.
    public static let barGauge = PanelType("bargauge")
    /// `barchart`: `BarChart`.
    public static let barChart = PanelType("barchart")
    /// `table`: `Table`.
    public static let table = PanelType("table")
    /// `text`: `Text`.
    public static let text = PanelType("text")
    /// `heatmap`: `Heatmap`.
    public static let heatmap = PanelType("heatmap")
    /// `histogram`: `Histogram`.
    public static let histogram = PanelType("histogram")
    /// `piechart`: `PieChart`.
    public static let pieChart = PanelType("piechart")
    /// `logs`: `Logs`.
    public static let logs = PanelType("logs")
    /// `state-timeline`: `StateTimeline`.
    public static let stateTimeline = PanelType("state-timeline")
    /// `status-history`: `StatusHistory`.
    public static let statusHistory = PanelType("status-history")
    /// `alertlist`: `AlertList`.
    public static let alertList = PanelType("alertlist")
    /// `row`: a row header (`Row`), which is a panel in Grafana's JSON.
    public static let row = PanelType("row")
}

/// How a logs panel collapses repeated lines (`options.dedupStrategy`).
public enum LogsDedupStrategy: String, Sendable, Hashable, JSONRepresentable {
    /// No deduplication.
    case none
    /// Identical lines.
    case exact
    /// Lines differing only in numbers.
    case numbers
    /// Lines differing only in letters and numbers.
    case signature
}

/// The order of log lines (`options.sortOrder`); Grafana spells them capitalised.
public enum LogsSortOrder: String, Sendable, Hashable, JSONRepresentable {
    /// Newest first.
    case descending = "Descending"
    /// Oldest first.
    case ascending = "Ascending"
}

/// Log lines from Loki or another logs datasource (`logs`).
///
/// ```swift
/// Logs("Errors") { LokiQuery("{app=\"checkout\"} |= \"error\"") }
///     .showTime()
///     .wrapLogMessage()
///     .sortOrder(.descending)
/// ```
public struct Logs: PanelConvertible {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates a logs panel.
    public init(
        _ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        panel = Panel(type: .logs, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Shows the timestamp of each line (`options.showTime`).
    public func showTime(_ value: Bool = true) -> Self { settingOption("showTime", value) }
    /// Shows the labels that differ between lines (`options.showLabels`).
    public func showLabels(_ value: Bool = true) -> Self { settingOption("showLabels", value) }
    /// Shows the labels all lines share (`options.showCommonLabels`).
    public func showCommonLabels(_ value: Bool = true) -> Self { settingOption("showCommonLabels", value) }
    /// Wraps long lines (`options.wrapLogMessage`).
    public func wrapLogMessage(_ value: Bool = true) -> Self { settingOption("wrapLogMessage", value) }
    /// Pretty-prints JSON lines (`options.prettifyLogMessage`).
    public func prettifyLogMessage(_ value: Bool = true) -> Self { settingOption("prettifyLogMessage", value) }
    /// Lets a line expand to show its fields (`options.enableLogDetails`).
    public func enableLogDetails(_ value: Bool = true) -> Self { settingOption("enableLogDetails", value) }
    /// Collapses repeated lines (`options.dedupStrategy`).
    public func dedupStrategy(_ strategy: LogsDedupStrategy) -> Self { settingOption("dedupStrategy", strategy) }
    /// Orders lines newest or oldest first (`options.sortOrder`).
    public func sortOrder(_ order: LogsSortOrder) -> Self { settingOption("sortOrder", order) }
    /// Loads older lines when scrolling to the end (`options.enableInfiniteScrolling`).
    public func enableInfiniteScrolling(_ value: Bool = true) -> Self { settingOption("enableInfiniteScrolling", value) }
    /// Offers the "show context" button on each line (`showLogContextToggle`).
    public func showLogContextToggle(_ value: Bool = true) -> Self { settingOption("showLogContextToggle", value) }
    /// Colours parts of each line (levels, numbers, strings) with Grafana's scheme (`syntaxHighlighting`).
    public func syntaxHighlighting(_ value: Bool = true) -> Self { settingOption("syntaxHighlighting", value) }
    /// Sets the font size of the lines (`fontSize`).
    public func fontSize(_ size: LogsFontSize) -> Self { settingOption("fontSize", size) }
    /// Shows a line's details inline under it or in a sidebar (`detailsMode`).
    public func detailsMode(_ mode: LogsDetailsMode) -> Self { settingOption("detailsMode", mode) }
}

/// The font size of a logs panel (`fontSize`).
public enum LogsFontSize: String, Sendable, Hashable, JSONRepresentable {
    /// The theme's size (`default`).
    case `default`
    /// Smaller, for more lines (`small`).
    case small
}

/// Where a logs panel shows a line's details (`detailsMode`).
public enum LogsDetailsMode: String, Sendable, Hashable, JSONRepresentable {
    /// Under the line (`inline`).
    case inline
    /// In a sidebar (`sidebar`).
    case sidebar
}

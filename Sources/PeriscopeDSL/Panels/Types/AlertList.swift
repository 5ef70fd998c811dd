/// Whether the alert list shows a list or a count (`options.viewMode`).
public enum AlertListViewMode: String, Sendable, Hashable, JSONRepresentable {
    /// One line per alert.
    case list
    /// The number of alerts.
    case stat
}

/// The order of the alert list (`options.sortOrder`); Grafana stores a number.
public enum AlertListSortOrder: Int, Sendable, Hashable, JSONRepresentable {
    /// By name, A to Z.
    case alphabeticalAscending = 1
    /// By name, Z to A.
    case alphabeticalDescending = 2
    /// Firing first, then pending, then the rest.
    case importance = 3
    /// Oldest state change first.
    case timeAscending = 4
    /// Newest state change first.
    case timeDescending = 5

    /// The number Grafana stores.
    public var jsonValue: JSONValue { .int(rawValue) }
}

/// An alert state the list can show (`options.stateFilter`).
public enum AlertListState: String, Sendable, Hashable, CaseIterable {
    /// Firing.
    case firing
    /// Pending, waiting out the `for` duration.
    case pending
    /// Recovering, waiting out the `keep_firing_for` duration.
    case recovering
    /// Without data.
    case noData
    /// Normal.
    case normal
    /// Failing to evaluate.
    case error
}

/// Grafana-managed alerts and their states (`alertlist`); it has no queries.
///
/// ```swift
/// AlertList("Firing alerts")
///     .stateFilter([.firing, .pending])
///     .alertInstanceLabelFilter("{team=\"payments\"}")
///     .maxItems(20)
/// ```
public struct AlertList: PanelConvertible {
    /// The underlying panel model.
    public var panel: Panel

    /// Creates an alert list panel.
    public init(_ title: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) {
        panel = Panel(type: .alertList, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: [])
    }

    /// Shows a list or a count (`options.viewMode`).
    public func viewMode(_ mode: AlertListViewMode) -> Self { settingOption("viewMode", mode) }
    /// Groups instances by alert rule (`options.groupMode: default`).
    public func groupByRule() -> Self {
        with {
            $0.panel.options[path: "groupMode"] = "default"
            $0.panel.options[path: "groupBy"] = JSONValue?.none
        }
    }
    /// Groups instances by these labels (`options.groupMode: custom`, `options.groupBy`).
    public func groupBy(_ labels: [String]) -> Self {
        with {
            $0.panel.options[path: "groupMode"] = "custom"
            $0.panel.options[path: "groupBy"] = labels.jsonValue
        }
    }
    /// Lists at most this many alerts (`options.maxItems`).
    public func maxItems(_ count: Int) -> Self { settingOption("maxItems", count) }
    /// Orders the list (`options.sortOrder`).
    public func sortOrder(_ order: AlertListSortOrder) -> Self { settingOption("sortOrder", order) }
    /// Lists only the alerts of this dashboard (`options.dashboardAlerts`).
    public func dashboardAlerts(_ value: Bool = true) -> Self { settingOption("dashboardAlerts", value) }
    /// Lists only alerts whose rule name contains `text` (`options.alertName`).
    public func alertName(_ text: String) -> Self { settingOption("alertName", text) }
    /// Lists only instances matching a label selector such as `{team="payments"}` (`options.alertInstanceLabelFilter`).
    public func alertInstanceLabelFilter(
        _ selector: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        recordingOption(.alertInstanceLabelFilter, SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            $0.options[path: "alertInstanceLabelFilter"] = .string(selector)
        }
    }
    /// Lists only alerts in these states; writes every state of `options.stateFilter`, true or false.
    public func stateFilter(_ states: Set<AlertListState>) -> Self {
        with {
            for state in AlertListState.allCases {
                $0.panel.options[path: OptionPath(["stateFilter", state.rawValue])] = .bool(states.contains(state))
            }
        }
    }
    /// Lists only alerts of rules in this folder (`options.folder`).
    public func folder(uid: String, title: String) -> Self { settingOption("folder", ["title": .string(title), "uid": .string(uid)] as JSONValue) }
    /// Shows the alert instances under each rule (`options.showInstances`).
    public func showInstances(_ value: Bool = true) -> Self { settingOption("showInstances", value) }
    /// Lists only the rules of one rule source, by its datasource name (`datasource`; Grafana's
    /// own rules are `grafana`).
    public func ruleSource(_ datasourceName: String) -> Self { settingOption("datasource", datasourceName) }
    /// Counts rules that are not firing too, in the stat view (`showInactiveAlerts`).
    public func showInactiveAlerts(_ value: Bool = true) -> Self { settingOption("showInactiveAlerts", value) }
    /// Colours the stat view's number or background (`statColorMode`, Grafana's `BigValueColorMode`).
    public func statColorMode(_ mode: StatColorMode) -> Self { settingOption("statColorMode", mode) }
}

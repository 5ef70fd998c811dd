import PeriscopeModel
import PeriscopeDSL

/// Checks dashboards before lowering: the mistakes that would produce a broken or unsafe artifact.
///
/// Every problem is reported with the Swift line that caused it; the stage never stops early.
public struct DashboardValidation: Sendable {
    /// Where problems are reported.
    public var diagnostics: DiagnosticCollector

    /// Creates the stage.
    public init(diagnostics: DiagnosticCollector) { self.diagnostics = diagnostics }

    /// The characters a dashboard uid may contain; uids become file names.
    public static func uidProblem(_ uid: String) -> String? {
        if uid.isEmpty { return "is empty" }
        if uid.contains("/") || uid.contains("\\") { return "contains a path separator" }
        if uid.contains("..") { return "contains '..'" }
        if uid.utf8.count > 40 { return "is \(uid.utf8.count) characters long; Grafana allows at most 40" }
        let allowed = uid.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
        return allowed ? nil : "contains characters other than letters, digits, '-' and '_'"
    }

    /// Whether `name` can be used as one folder name in an output path.
    public static func folderProblem(_ name: String) -> String? {
        if name.trimmingWhitespace().isEmpty { return "is empty" }
        if name.contains("/") || name.contains("\\") { return "contains a path separator" }
        if name == "." || name == ".." || name.hasPrefix(".") { return "starts with '.'" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "contains control characters" }
        if name.utf8.count > 200 { return "is longer than 200 bytes" }
        return nil
    }

    /// Whether `text` is a Grafana relative or absolute time such as `now-6h`, `now/d` or `2024-01-01T00:00:00Z`.
    public static func isValidTime(_ text: String) -> Bool { GrafanaTime(text).isValid }

    /// Validates the dashboards of one environment (after overlays and environment defaults are applied).
    public func validate(_ dashboards: [ResolvedDashboard], environment: Environment) {
        validateIdentities(dashboards, environment: environment)
        for resolved in dashboards { validate(resolved, environment: environment) }
    }

    /// The checks that look across dashboards: safe and unique uids.
    public func validateIdentities(_ dashboards: [ResolvedDashboard], environment: Environment) {
        var seen: [String: SourceLocation] = [:]
        for resolved in dashboards {
            let dashboard = resolved.dashboard
            let uidLocation = dashboard.location
            if let problem = Self.uidProblem(resolved.uid) {
                diagnostics.emit(.error("dashboard uid '\(resolved.uid)' \(problem); uids become file names and must match [A-Za-z0-9_-]{1,40}", at: uidLocation, id: .dashboardUIDInvalid))
            } else if let first = seen[resolved.uid] {
                diagnostics.emit(.error(
                    "duplicate dashboard uid '\(resolved.uid)' in environment '\(environment.name)'; uids must be unique",
                    at: uidLocation, id: .dashboardUIDDuplicate, notes: ["first defined at \(first)"]))
            } else {
                seen[resolved.uid] = dashboard.location
            }
        }
    }

    /// The checks of one dashboard on its own; independent of the others, so they can run in parallel.
    public func validate(_ resolved: ResolvedDashboard, environment: Environment) {
        let dashboard = resolved.dashboard
        if dashboard.title.trimmingWhitespace().isEmpty {
            diagnostics.emit(.error("dashboard '\(resolved.uid)' has an empty title; expected a non-empty title", at: dashboard.location, id: .titleEmpty))
        }
        if let problem = Self.folderProblem(resolved.folder) {
            let location: Location = dashboard.folder != nil
                ? .source(dashboard.location(of: .folder))
                : environment.location(of: .grafanaFolder).map(Location.file) ?? .source(dashboard.location)
            diagnostics.emit(Diagnostic(.error, "folder '\(resolved.folder)' of dashboard '\(resolved.uid)' \(problem); folders become directory names", at: location, id: .dashboardFolderInvalid))
        }
        if let refresh = resolved.refresh, let problem = refresh.problem {
            let location: Location = dashboard.refresh != nil
                ? .source(dashboard.location(of: .refresh))
                : environment.location(of: .grafanaRefresh).map(Location.file) ?? .source(dashboard.location)
            diagnostics.emit(Diagnostic(.error, "invalid refresh interval '\(refresh)': \(problem); expected a duration such as 30s or 1m", at: location, id: .dashboardRefreshInvalid))
        }
        if let time = dashboard.time {
            let location = dashboard.location(of: .time)
            for (label, value) in [("from", time.from), ("to", time.to)] where !value.isValid {
                diagnostics.emit(.error("invalid time range \(label) '\(value)'; expected a time such as now, now-6h, now/d or an ISO-8601 date", at: location, id: .dashboardTimeInvalid))
            }
        }
        validateVariables(dashboard)
        for item in dashboard.items {
            switch item {
            case .panel(let panel): validatePanel(panel)
            case .row(let row):
                if row.title.trimmingWhitespace().isEmpty {
                    diagnostics.emit(.error("row has an empty title; expected a non-empty title", at: row.location, id: .titleEmpty))
                }
                if let y = row.y, y < 0 {
                    diagnostics.emit(.error("row '\(row.title)' has gridPos y=\(y); expected 0 or more grid units from the top", at: row.gridPosLocation ?? row.location, id: .panelGridPosInvalid))
                }
                row.panels.forEach(validatePanel)
            }
        }
    }

    private func validateVariables(_ dashboard: Dashboard) {
        var names: [String: SourceLocation] = [:]
        for variable in dashboard.variables {
            if !Self.isIdentifier(variable.name) {
                diagnostics.emit(.error("variable name '\(variable.name)' is not valid; expected letters, digits and '_' not starting with a digit", at: variable.location, id: .variableNameInvalid))
            }
            if let first = names[variable.name] {
                diagnostics.emit(.error("duplicate variable '\(variable.name)' in dashboard '\(dashboard.uid)'", at: variable.location, id: .variableDuplicate, notes: ["first defined at \(first)"]))
            } else {
                names[variable.name] = variable.location
            }
            if variable.kind == .interval {
                for option in variable.options where option.value != "auto" && !option.value.hasPrefix("$") && !PrometheusDuration(option.value).isValid {
                    diagnostics.emit(.error("interval variable '\(variable.name)' has an invalid duration '\(option.value)'; expected e.g. 1m or 1h", at: variable.location, id: .variableIntervalInvalid))
                }
            }
        }
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    private func validatePanel(_ panel: Panel) {
        if panel.title.trimmingWhitespace().isEmpty && panel.type != .text {
            diagnostics.emit(.error("\(panel.type) panel has an empty title; expected a non-empty title", at: panel.location, id: .titleEmpty))
        }
        if let width = panel.width, !(1...GridLayout.columns).contains(width) {
            diagnostics.emit(.error("panel '\(panel.title)' has width \(width); expected 1 to 24 grid columns", at: panel.location(of: .width), id: .panelGridPosInvalid))
        }
        if let height = panel.height, height < 1 {
            diagnostics.emit(.error("panel '\(panel.title)' has height \(height); expected at least 1", at: panel.location(of: .height), id: .panelGridPosInvalid))
        }
        if let pos = panel.gridPos, pos.x < 0 || pos.y < 0 || pos.w < 1 || pos.h < 1 || pos.x + pos.w > GridLayout.columns {
            diagnostics.emit(.error(
                "panel '\(panel.title)' has gridPos x=\(pos.x) y=\(pos.y) w=\(pos.w) h=\(pos.h) outside the 24-column grid",
                at: panel.location(of: .gridPos), id: .panelGridPosInvalid))
        }
        for (key, value) in [(ModifierKey<Panel>.interval, panel.interval), (.timeFrom, panel.timeFrom), (.timeShift, panel.timeShift)] {
            if let value, let problem = value.problem {
                diagnostics.emit(.error("panel '\(panel.title)' has an invalid \(key) '\(value)': \(problem)", at: panel.location(of: key), id: .panelDurationInvalid))
            }
        }
        if let thresholds = panel.fieldDefaults.thresholds {
            let location = thresholds.location ?? panel.location
            if let first = thresholds.steps.first, first.value != nil {
                diagnostics.emit(.error("panel '\(panel.title)': the first threshold step is the base step and has no value; start with .base(color)", at: location, id: .panelThresholdsInvalid))
            }
            let values = thresholds.steps.compactMap(\.value)
            if values.contains(where: { !$0.isFinite }) {
                diagnostics.emit(.error("panel '\(panel.title)': threshold values must be finite numbers", at: location, id: .panelThresholdsInvalid))
            } else if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
                diagnostics.emit(.error("panel '\(panel.title)': threshold steps must be in increasing order, got \(values.map { FieldConfigEncoding.number($0) })", at: location, id: .panelThresholdsInvalid))
            }
        }
        for query in panel.queries {
            switch query {
            case .prometheus(let prometheus):
                if prometheus.expr.trimmingWhitespace().isEmpty {
                    diagnostics.emit(.error("panel '\(panel.title)' has a Prometheus query with an empty expression", at: prometheus.location, id: .queryExprEmpty))
                }
                if let interval = prometheus.interval, let problem = interval.problem {
                    diagnostics.emit(.error("query interval '\(interval)' is invalid: \(problem)", at: prometheus.location, id: .panelDurationInvalid))
                }
            case .loki(let loki):
                if loki.expr.trimmingWhitespace().isEmpty {
                    diagnostics.emit(.error("panel '\(panel.title)' has a Loki query with an empty expression", at: loki.location, id: .queryExprEmpty))
                }
            }
        }
        validateReducers(panel)
        let refIds = panel.queries.compactMap(\.explicitRefId)
        if Set(refIds).count != refIds.count {
            diagnostics.emit(.error("panel '\(panel.title)' uses the same refId twice", at: panel.location, id: .queryRefIdDuplicate))
        }
    }

    /// Every reducer id a panel writes (`options.reduceOptions.calcs`, `options.legend.calcs`,
    /// `fieldConfig.defaults.custom.footer.reducers`) is one Grafana knows
    /// (``ReducerCalculation/grafanaIDs``): Grafana ignores an unknown id silently.
    private func validateReducers(_ panel: Panel) {
        let places: [(path: OptionPath, value: JSONValue?, location: SourceLocation)] = [
            ("reduceOptions.calcs", panel.options[path: "reduceOptions.calcs"], panel.location(of: .reduceOptions)),
            ("legend.calcs", panel.options[path: "legend.calcs"], panel.location),
            ("custom.footer.reducers", panel.fieldDefaults.custom[path: "footer.reducers"], panel.location),
        ]
        for place in places {
            guard case .array(let ids)? = place.value else { continue }
            for case .string(let id) in ids where !ReducerCalculation.grafanaIDs.contains(id) {
                diagnostics.emit(.error(
                    "panel '\(panel.title)' uses the unknown reducer '\(id)' in \(place.path) (expected one of Grafana's reducer ids, such as lastNotNull, mean, max, or p1 to p99 for percentiles)",
                    at: place.location, id: .panelReducerUnknown))
            }
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> Substring {
        // Most strings start and end with a visible ASCII character; skip the Unicode work for them.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self[...]
        }
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return slice
    }
}

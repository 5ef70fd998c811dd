import PeriscopeDSL
import PeriscopeModel

/// Brings a Grafana dashboard to the shape `periscope import` generates code from, and that the
/// import round trip compares: Grafana's own migrations of legacy shapes, and the documented
/// normalisations (README, "Importing existing dashboards and rules").
///
/// Applied to the imported file before generating code, and in the round-trip test to both the
/// original and the rendered dashboard, so what the comparison ignores is exactly this list:
///
/// - **Migrations** (as Grafana's backend migrations to schemaVersion 43 write them,
///   `../shared/corpus/grafana-migrations`): `rows[]` become row panels with `gridPos` (v16: a
///   span of 12 is 24 columns, a height in pixels `ceil(px / 38)` grid units); `graph`,
///   `graphite`, `singlestat`/`grafana-singlestat-panel` and `table-old` panels (and a `table`
///   with the old table's `styles`) become `timeseries`, `stat` and `table` with
///   `autoMigrateFrom` naming the old type, their legacy options kept for Grafana's panel
///   migration on load; `text2` becomes `text`; string datasources become references (`"$ds"` →
///   `{"uid": "$ds"}`, `"-- Mixed --"` → `{"type": "datasource", "uid": "-- Mixed --"}`).
/// - **Bookkeeping** Grafana rewrites on every save: the dashboard's `id`, `version`,
///   `iteration` and `schemaVersion`, panel `id`s, `pluginVersion`, the query editor's
///   `editorMode`, export wrappers (`__inputs`, `__requires`, `__elements`, `{dashboard, meta}`).
/// - **Runtime state of variables** Grafana recomputes on load: `options` of query, datasource,
///   custom and interval variables, `current` of datasource variables (the environment's
///   datasource), `definition` (the editor's copy of `query`), a Prometheus variable's query
///   object `{query, refId}` (its `query`); `current` is compared by `value` only, a
///   multi-value variable's single value as a one-element list.
/// - **Filled in as Grafana does on load**: a target's missing `refId` (the first free of A, B, …),
///   a panel's missing `gridPos` (`{x: 0, y: 0, w: 6, h: 3}`, Grafana's `PanelModel` default).
/// - **Defaults**: members equal to Grafana's default (`editable: true`, `graphTooltip: 0`,
///   empty `links`/`tags`/`mappings`/`overrides`/`options`, `hide: false`, `format:
///   "time_series"`, `reduceOptions.values: false`, `reduceOptions.fields: ""`, …; the list is
///   `Defaults` below), a target's datasource equal to its
///   panel's (targets inherit it), a datasource equal to `defaultDatasource` (what a dashboard
///   without one gets), a row header's `gridPos` other than `y` (rows are full width, one unit
///   high), a row's empty `repeat`, a panel's empty `title`, a dashboard link's empty `tags`.
public struct DashboardNormalizer: Sendable {
    /// The datasource a reference-less panel, target or variable resolves to, dropped where it
    /// is written explicitly (the round trip passes the environment's `metrics` datasource).
    public var defaultDatasource: JSONValue?
    /// Whether this normalises for a comparison (the round trip) rather than for generating code:
    /// also drops the `type` of references to datasource variables (Grafana takes it from the
    /// variable; the generated code always writes one) and a `range: false` next to
    /// `instant: true` (what `.instant()` writes).
    public var comparing: Bool

    /// Creates a normaliser.
    public init(defaultDatasource: JSONValue? = nil, comparing: Bool = false) {
        self.defaultDatasource = defaultDatasource
        self.comparing = comparing
    }

    /// A reference as normalised here: Grafana's object shape, and for a comparison without the
    /// `type` of a variable reference.
    func reference(_ value: JSONValue) -> JSONValue? {
        guard var reference = Self.datasourceReference(value) else { return nil }
        if comparing, reference["uid"]?.stringValue?.hasPrefix("$") == true { reference["type"] = nil }
        return reference
    }

    /// The dashboard object of a file: the file itself, or its `dashboard` member when the file is
    /// an API export (`{"dashboard": …, "meta": …}`).
    public static func dashboardObject(_ root: JSONValue) -> JSONValue {
        if case .object = root["dashboard"], root["meta"] != nil { return root["dashboard"] ?? root }
        return root
    }

    /// The normalised dashboard.
    public func normalize(_ root: JSONValue) -> JSONValue {
        var dashboard = Self.dashboardObject(root)
        for key in ["id", "version", "iteration", "schemaVersion", "__inputs", "__requires", "__elements"] { dashboard[key] = nil }
        if case .array(let rows)? = dashboard["rows"] {
            let existing = dashboard["panels"]?.arrayValue ?? []
            dashboard["panels"] = .array(existing + Self.migrateRows(rows))
            dashboard["rows"] = nil
        }
        if case .array(let panels)? = dashboard["panels"] {
            dashboard["panels"] = .array(panels.map { panel($0) })
        }
        if var templating = dashboard["templating"], case .array(let list)? = templating["list"] {
            templating["list"] = .array(list.map { variable($0) })
            dashboard["templating"] = templating
        }
        if var annotations = dashboard["annotations"], case .array(let list)? = annotations["list"] {
            annotations["list"] = .array(list.map { annotation($0) })
            dashboard["annotations"] = annotations
        }
        if case .array(let links)? = dashboard["links"] {
            dashboard["links"] = .array(links.map { link in
                var link = link
                if link["tags"] == .array([]) { link["tags"] = nil }
                return link
            })
        }
        Self.dropDefaults(&dashboard, Defaults.dashboard)
        if dashboard["templating"]?["list"] == .array([]) { dashboard["templating"] = nil }
        if dashboard["annotations"]?["list"] == .array([]) { dashboard["annotations"] = nil }
        if let picker = dashboard["timepicker"], picker.isEmptyObject { dashboard["timepicker"] = nil }
        return dashboard
    }

    // MARK: Panels

    /// Grafana's panel-type migrations: the old type and the type it becomes.
    public static let panelMigrations: [String: String] = [
        "graph": "timeseries", "graphite": "timeseries", "singlestat": "stat", "grafana-singlestat-panel": "stat", "table-old": "table",
    ]

    /// The `gridPos` Grafana's frontend gives a panel that has none (`PanelModel`'s defaults):
    /// `{x: 0, y: 0, w: 6, h: 3}`.
    static let defaultGridPos: JSONValue = ["h": 3, "w": 6, "x": 0, "y": 0]

    func panel(_ input: JSONValue, migrating: Bool = true) -> JSONValue {
        var panel = input
        panel["id"] = nil
        panel["pluginVersion"] = nil
        if migrating, case .string(let type)? = panel["type"], let migrated = Self.panelMigrations[type] {
            panel["type"] = .string(migrated)
            panel["autoMigrateFrom"] = .string(type)
        } else if migrating, panel["type"] == .string("table"), panel["styles"] != nil, panel["autoMigrateFrom"] == nil {
            // A table with the old table's `styles` is the old table (Grafana's v24 migration).
            panel["autoMigrateFrom"] = "table-old"
        } else if migrating, panel["type"] == .string("text2") {
            panel["type"] = "text"
        }
        if panel["type"] == .string("row") { return row(panel) }
        // Grafana gives a panel without gridPos its PanelModel default on load.
        if panel["gridPos"] == nil { panel["gridPos"] = Self.defaultGridPos }
        let datasource = panel["datasource"].flatMap(reference)
        panel["datasource"] = datasource
        if case .array(var targets)? = panel["targets"] {
            // Grafana gives a target without a refId the first free of A, B, … (PanelModel's
            // ensureQueryIds); the render writes every refId.
            var taken = Set(targets.compactMap { $0["refId"]?.stringValue })
            for index in targets.indices where targets[index]["refId"]?.stringValue == nil {
                guard case .object = targets[index] else { continue }
                var next = 0
                while taken.contains(PanelCodeGenerator.refIdName(next)) { next += 1 }
                targets[index]["refId"] = .string(PanelCodeGenerator.refIdName(next))
                taken.insert(PanelCodeGenerator.refIdName(next))
            }
            panel["targets"] = .array(targets.map { target($0, panelDatasource: datasource) })
        }
        if let datasource, datasource == defaultDatasource { panel["datasource"] = nil }
        if var fieldConfig = panel["fieldConfig"], case .object = fieldConfig {
            if var defaults = fieldConfig["defaults"] {
                Self.dropDefaults(&defaults, Defaults.fieldDefaults)
                if let custom = defaults["custom"], custom.isEmptyObject { defaults["custom"] = nil }
                // (Not a `? nil :` ternary: JSONValue takes `nil` as its own `.null`.)
                if defaults.isEmptyObject { fieldConfig["defaults"] = nil } else { fieldConfig["defaults"] = defaults }
            }
            if fieldConfig["overrides"] == .array([]) { fieldConfig["overrides"] = nil }
            if fieldConfig.isEmptyObject { panel["fieldConfig"] = nil } else { panel["fieldConfig"] = fieldConfig }
        }
        if var reduce = panel["options"]?["reduceOptions"], case .object = reduce {
            Self.dropDefaults(&reduce, Defaults.reduceOptions)
            panel["options"]?["reduceOptions"] = reduce
        }
        Self.dropDefaults(&panel, Defaults.panel)
        if let options = panel["options"], options.isEmptyObject { panel["options"] = nil }
        return panel
    }

    func row(_ input: JSONValue) -> JSONValue {
        var row: JSONValue = .object([])
        for key in ["collapsed", "repeat", "title", "type"] { row[key] = input[key] }
        if row["repeat"] == .null || row["repeat"] == .string("") { row["repeat"] = nil }
        if let y = input["gridPos"]?["y"] { row["gridPos"] = ["y": y] }
        // Grafana's backend migrates the panels a row holds when the row says whether it is
        // collapsed, and leaves them when it does not (its v27 case keeps such a `graph`, its v37
        // case migrates one under `collapsed: false`).
        let migrating = input["collapsed"]?.boolValue != nil
        if case .array(let children)? = input["panels"], !children.isEmpty {
            row["panels"] = .array(children.map { panel($0, migrating: migrating) })
        }
        if row["collapsed"] == .bool(false) { row["collapsed"] = nil }
        return row
    }

    func target(_ input: JSONValue, panelDatasource: JSONValue?) -> JSONValue {
        var target = input
        target["datasource"] = target["datasource"].flatMap(reference)
        if let own = target["datasource"], own == panelDatasource || own == defaultDatasource { target["datasource"] = nil }
        target["editorMode"] = nil
        Self.dropDefaults(&target, Defaults.target)
        if target["instant"] == .bool(false), target["range"] == nil || target["range"] == .bool(true) {
            target["instant"] = nil
            target["range"] = nil
        }
        if target["range"] == .bool(true), target["instant"] == nil { target["range"] = nil }
        if comparing, target["instant"] == .bool(true), target["range"] == .bool(false) { target["range"] = nil }
        return target
    }

    // MARK: Variables and annotations

    func variable(_ input: JSONValue) -> JSONValue {
        var variable = input
        let type = variable["type"]?.stringValue ?? ""
        variable["definition"] = nil
        if type == "query", case .object = variable["query"], let query = variable["query"]?["query"] {
            variable["query"] = query
        }
        if ["query", "datasource", "custom", "interval"].contains(type) { variable["options"] = nil }
        if type == "datasource" { variable["current"] = nil }
        if let value = variable["current"]?["value"] {
            // A multi-value variable's single value is a one-element list (as Grafana saves it).
            variable["current"] = ["value": variable["multi"] == .bool(true) && value.stringValue != nil ? .array([value]) : value]
        } else if variable["current"] != nil {
            variable["current"] = nil
        }
        if let datasource = variable["datasource"] {
            let normalised = reference(datasource)
            if normalised == defaultDatasource { variable["datasource"] = nil } else { variable["datasource"] = normalised }
        }
        Self.dropDefaults(&variable, Defaults.variable)
        if type == "custom" || type == "interval", let current = variable["current"]?["value"], current == Self.firstOption(of: variable) {
            variable["current"] = nil
        }
        return variable
    }

    /// The first value of a custom or interval variable's `query` (`auto` ones start on auto).
    static func firstOption(of variable: JSONValue) -> JSONValue? {
        if variable["type"] == .string("interval"), variable["auto"] == .bool(true) {
            return .string("$__auto_interval_" + (variable["name"]?.stringValue ?? ""))
        }
        guard let query = variable["query"]?.stringValue else { return nil }
        let first = CustomVariableQuery.options(query).first
        return first.map { .string($0.value) }
    }

    func annotation(_ input: JSONValue) -> JSONValue {
        var annotation = input
        if let datasource = annotation["datasource"] { annotation["datasource"] = reference(datasource) }
        return annotation
    }

    // MARK: Datasources

    /// A datasource as an object reference, as Grafana's v33/v36 migrations write it; nil for `null`.
    public static func datasourceReference(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .null: return nil
        case .string(let name):
            switch name {
            case "-- Mixed --": return ["type": "datasource", "uid": "-- Mixed --"]
            case "-- Dashboard --": return ["type": "datasource", "uid": "-- Dashboard --"]
            case "-- Grafana --", "grafana": return ["type": "grafana", "uid": "-- Grafana --"]
            default: return ["uid": .string(name)]
            }
        case .object(let members):
            return .object(members.filter { $0.key != "apiVersion" })
        default:
            return value
        }
    }

    // MARK: Legacy rows

    /// Grafana's v16 migration of `rows[]` into row panels and `gridPos` (the Go migration's
    /// output in `grafana-migrations/output/v16.grid_layout_upgrade.v43.json`): every row that
    /// is not a repeat iteration becomes a row panel; its panels flow left to right, `span` × 2
    /// columns wide, `ceil(height / 38)` units high (the row's height unless the panel has one);
    /// a collapsed row holds its panels, and the next row starts below the row's height either way.
    static func migrateRows(_ rows: [JSONValue]) -> [JSONValue] {
        var result: [JSONValue] = []
        var y = 0
        for row in rows where row["repeatIteration"] != .bool(true) {
            let rowHeight = units(row["height"]) ?? 8
            let collapsed = row["collapse"] == .bool(true)
            var header: JSONValue = ["type": "row", "title": row["title"] ?? .string(""), "collapsed": .bool(collapsed)]
            header["gridPos"] = ["h": .int(rowHeight), "w": 24, "x": 0, "y": .int(y)]
            if let repeatVariable = row["repeat"], repeatVariable != .null, repeatVariable != .string("") { header["repeat"] = repeatVariable }
            var x = 0
            var lineY = y + 1
            var lineHeight = 0
            var children: [JSONValue] = []
            for panel in row["panels"]?.arrayValue ?? [] {
                var panel = panel
                let span = panel["span"]?.doubleValue ?? 12
                let width = Swift.max(1, Swift.min(24, Int((span * 2).rounded())))
                let height = units(panel["height"]) ?? rowHeight
                if x + width > 24 {
                    lineY += lineHeight
                    x = 0
                    lineHeight = 0
                }
                panel["gridPos"] = ["h": .int(height), "w": .int(width), "x": .int(x), "y": .int(lineY)]
                panel["span"] = nil
                panel["height"] = nil
                x += width
                lineHeight = Swift.max(lineHeight, height)
                children.append(panel)
            }
            if collapsed {
                header["panels"] = .array(children)
                result.append(header)
                y += 1 + rowHeight
            } else {
                result.append(header)
                result += children
                y = lineY + lineHeight
                if children.isEmpty { y = y + rowHeight }
            }
        }
        return result
    }

    /// A legacy height (`250`, `"250px"`) in grid units.
    static func units(_ value: JSONValue?) -> Int? {
        guard let value else { return nil }
        let pixels: Double?
        switch value {
        case .int(let n): pixels = Double(n)
        case .double(let d): pixels = d
        case .string(let text): pixels = Double(text.replacing("px", with: ""))
        default: pixels = nil
        }
        return pixels.map { Int(($0 / 38).rounded(.up)) }
    }

    // MARK: Defaults

    /// Members equal to what Grafana assumes when they are absent (its dashboard schema's
    /// defaults, `DashboardModel`/`PanelModel` and the Prometheus query defaults).
    enum Defaults {
        static let dashboard: [String: [JSONValue]] = [
            "editable": [true], "graphTooltip": [0], "links": [[]], "tags": [[]], "timezone": [""], "description": [""],
            "hideControls": [false], "style": ["dark"], "fiscalYearStartMonth": [0], "weekStart": [""], "liveNow": [false],
            "refresh": ["", false], "gnetId": [nil], "preload": [false],
        ]
        static let panel: [String: [JSONValue]] = [
            "links": [[]], "transparent": [false], "description": [""], "transformations": [[]], "targets": [[]],
            "maxPerRow": [nil], "repeat": [nil, ""], "repeatDirection": [nil, "h"], "interval": [nil, ""], "timeFrom": [nil, ""],
            "timeShift": [nil, ""], "maxDataPoints": [nil], "datasource": [nil], "hideTimeOverride": [false], "title": [""],
        ]
        static let reduceOptions: [String: [JSONValue]] = ["values": [false], "fields": [""]]
        static let fieldDefaults: [String: [JSONValue]] = ["mappings": [[]], "links": [[]], "custom": [[:]]]
        static let target: [String: [JSONValue]] = [
            "hide": [false], "interval": [""], "legendFormat": [""], "format": ["time_series"], "exemplar": [false],
            "datasource": [nil], "intervalFactor": [1],
        ]
        static let variable: [String: [JSONValue]] = [
            "hide": [0], "skipUrlSync": [false], "regex": [""], "multi": [false], "includeAll": [false], "sort": [0],
            "allValue": [nil, ""], "label": [nil, ""], "description": [nil, ""], "error": [nil], "tags": [[]],
            "tagsQuery": ["", nil], "tagValuesQuery": ["", nil], "useTags": [false], "datasource": [nil],
            "auto": [false], "auto_count": [30], "auto_min": ["10s"], "current": [[:]],
        ]
    }

    static func dropDefaults(_ object: inout JSONValue, _ defaults: [String: [JSONValue]]) {
        guard case .object(let members) = object else { return }
        object = .object(members.filter { member in
            guard let values = defaults[member.key] else { return true }
            return !values.contains(member.value)
        })
    }
}

/// Grafana's custom-variable syntax (`a,b`, `text : value`, `\,` for a comma), read.
enum CustomVariableQuery {
    static func options(_ query: String) -> [(text: String, value: String)] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in query {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.compactMap { part in
            let trimmed = part.trimmingSpaces
            if trimmed.isEmpty { return nil }
            if let range = trimmed.range(of: " : ") {
                return (String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...]))
            }
            return (trimmed, trimmed)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

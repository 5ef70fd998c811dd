import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel

/// Turns one normalised Grafana panel into a DSL expression: the typed panel, its queries, typed
/// modifiers for what the DSL types, and escape hatches (`.option`, `.fieldOption`, `.setting`)
/// for the rest, so the panel renders back to the same JSON.
struct PanelCodeGenerator {
    /// Export inputs: `DS_…` name → plugin id.
    var inputs: [String: String]
    /// Datasource variables: name → plugin type.
    var variableTypes: [String: String]
    /// `--env`: what differs per environment, by the panel's place in generation order (the
    /// n-th call of ``panel(_:layout:naming:indent:)``; see ``EnvironmentOverlays``).
    var environments: [Int: PanelEnvironment] = [:]
    /// Whether a panel written since the last ``takeReadsEnvironment()`` reads `env` (a
    /// threshold step from `values:`), so its declaration must take the environment.
    var readsEnvironment = false
    var nextOrdinal = 0
    var current: PanelEnvironment?

    /// Whether the panels written since the last call read `env`; resets.
    mutating func takeReadsEnvironment() -> Bool {
        defer { readsEnvironment = false }
        return readsEnvironment
    }

    /// The title given to panels and rows that have none in Grafana (their JSON keeps `""`
    /// through `.setting("title", "")`; the DSL rejects an empty title as a likely mistake).
    static let untitled = "Untitled"

    /// A panel type with a typed DSL panel: its Swift type and the protocols it conforms to.
    struct TypedPanel {
        var swiftType: String
        var legend = false
        var tooltip = false
        var reduce = false
        var orientation = false
        var axis = false
        var lineFill = false
        var gradient = false
        var queries = true
    }

    static let typedPanels: [String: TypedPanel] = [
        "timeseries": TypedPanel(swiftType: "TimeSeries", legend: true, tooltip: true, axis: true, lineFill: true, gradient: true),
        "stat": TypedPanel(swiftType: "Stat", reduce: true, orientation: true),
        "gauge": TypedPanel(swiftType: "Gauge", reduce: true, orientation: true),
        "bargauge": TypedPanel(swiftType: "BarGauge", legend: true, reduce: true, orientation: true),
        "barchart": TypedPanel(swiftType: "BarChart", legend: true, tooltip: true, orientation: true, axis: true, lineFill: true, gradient: true),
        "table": TypedPanel(swiftType: "Table"),
        "heatmap": TypedPanel(swiftType: "Heatmap"),
        "histogram": TypedPanel(swiftType: "Histogram", legend: true, tooltip: true, axis: true, lineFill: true, gradient: true),
        "piechart": TypedPanel(swiftType: "PieChart", legend: true, tooltip: true, reduce: true),
        "logs": TypedPanel(swiftType: "Logs"),
        "state-timeline": TypedPanel(swiftType: "StateTimeline", legend: true, tooltip: true, lineFill: true),
        "status-history": TypedPanel(swiftType: "StatusHistory", legend: true, tooltip: true, lineFill: true),
    ]

    /// The expression of `panel` and its cursor-relative layout decision, indented by `indent`.
    mutating func panel(_ json: JSONValue, layout: LayoutDecision, naming: inout DatasourceNaming, indent: String) -> String {
        var c = JSONConsumer(json)
        current = environments[nextOrdinal]
        nextOrdinal += 1
        let type = c.take(["type"])?.stringValue ?? ""
        var title = c.take(["title"])?.stringValue ?? ""
        let typed = Self.typedPanels[type]
        var modifiers: [String] = []
        // The DSL wants a title; an untitled Grafana panel keeps its empty one through a setting.
        var untitled = false
        if title.isEmpty {
            title = Self.untitled
            untitled = true
        }

        // Datasource and queries.
        var panelDatasource: (swift: String, type: String?)?
        if let ref = c.peek(["datasource"]) {
            c.consume(["datasource"])
            panelDatasource = naming.reference(ref, inputs: inputs, variableTypes: variableTypes)
        }
        var queryLines: [String] = []
        var queriesTyped = false
        let isText = type == "text"
        if case .array(let targets)? = c.peek(["targets"]), typed?.queries ?? true, !isText {
            if let lines = queries(targets, panelDatasource: panelDatasource, naming: &naming, indent: indent + "    ") {
                queryLines = lines
                queriesTyped = true
                c.consume(["targets"])
            }
        }
        if json["datasource"] == nil, queriesTyped, !queryLines.isEmpty { naming.useDefault() }
        if let panelDatasource {
            let allPrometheus = queriesTyped && !queryLines.isEmpty && queryLines.allSatisfy { $0.hasPrefix(indent + "    PrometheusQuery(") }
            if !(panelDatasource.swift == ".named(\"metrics\")" && allPrometheus) {
                modifiers.append(".datasource(\(panelDatasource.swift))")
            }
        } else if !queriesTyped, json["targets"] != nil {
            // Targets kept as JSON: Grafana's default datasource, as the original.
        }

        // The constructor.
        var head: String
        if let typed {
            head = "\(typed.swiftType)(\(SwiftLiteral.string(title, indentation: indent)))"
        } else if isText, let mode = c.peek(["options", "mode"])?.stringValue, ["markdown", "html"].contains(mode),
                  let content = c.peek(["options", "content"])?.stringValue {
            c.consume(["options", "mode"])
            c.consume(["options", "content"])
            head = "Text(\(SwiftLiteral.string(title, indentation: indent)), \(mode): \(SwiftLiteral.string(content, indentation: indent + "    ")))"
        } else {
            head = "Panel(type: \(SwiftLiteral.string(type)), title: \(SwiftLiteral.string(title, indentation: indent)))"
        }

        // Common modifiers.
        if let text = c.take(["description"])?.stringValue { modifiers.append(".description(\(SwiftLiteral.string(text, indentation: indent)))") }
        fieldDefaults(&c, &modifiers, typed: typed, indent: indent)
        overrides(&c, &modifiers, indent: indent)
        if let typed { options(&c, &modifiers, typed: typed, panelType: type) }
        simple(&c, &modifiers)
        switch layout {
        case .flow(let width, let height):
            if let width, let height { modifiers.append(".size(width: \(width), height: \(height))") }
            else if let width { modifiers.append(".width(\(width))") }
            else if let height { modifiers.append(".height(\(height))") }
            c.consume(["gridPos"])
        case .explicit(let pos):
            modifiers.append(".gridPos(x: \(pos.x), y: \(pos.y), w: \(pos.w), h: \(pos.h))")
            c.consume(["gridPos"])
        case .keep:
            break
        }

        // Escape hatches for the rest.
        if untitled { modifiers.append(".setting(\"title\", \"\")") }
        for (path, value) in c.leftovers() {
            for (member, memberValue) in Self.expanded(path, value) {
                modifiers.append(Self.hatch(member, memberValue, indent: indent))
            }
        }
        modifiers += current?.modifiers(indent: indent) ?? []
        var text = indent + head
        if let old = json["autoMigrateFrom"]?.stringValue {
            text = indent + "// Grafana migrates this \(old) panel on load (autoMigrateFrom); its \(old) options are kept as settings.\n" + text
        }
        if !queryLines.isEmpty {
            text += " {\n" + queryLines.joined(separator: "\n") + "\n" + indent + "}"
        }
        for modifier in modifiers { text += "\n" + indent + modifier }
        return text
    }

    /// An untouched `options` or `fieldConfig` object as its members, so each gets the escape
    /// hatch for its place (`.option("zoom", 3)` rather than `.setting("options", ["zoom": 3])`).
    static func expanded(_ path: [String], _ value: JSONValue) -> [([String], JSONValue)] {
        let containers: Set<[String]> = [["options"], ["fieldConfig"], ["fieldConfig", "defaults"], ["fieldConfig", "defaults", "custom"]]
        guard containers.contains(path), case .object(let members) = value, !members.isEmpty,
              !members.contains(where: { $0.key.isEmpty || $0.key.contains(".") }),
              Set(members.map(\.key)).count == members.count else { return [(path, value)] }
        return members.flatMap { expanded(path + [$0.key], $0.value) }
    }

    /// The escape hatch that puts `value` back at `path` of the panel JSON.
    static func hatch(_ path: [String], _ value: JSONValue, indent: String) -> String {
        let literal = SwiftLiteral.json(value, indentation: indent)
        if path.count > 1, path[0] == "options" {
            return ".option(\(SwiftLiteral.string(path.dropFirst().joined(separator: "."))), \(literal))"
        }
        if path.count > 3, path[0] == "fieldConfig", path[1] == "defaults", path[2] == "custom" {
            return ".fieldOption(\(SwiftLiteral.string(path.dropFirst(3).joined(separator: "."))), \(literal))"
        }
        return ".setting(\(SwiftLiteral.string(path.joined(separator: "."))), \(literal))"
    }

    // MARK: Queries

    /// The query lines, or nil when a target is not a Prometheus or Loki query the DSL types
    /// (the targets are then kept as JSON).
    mutating func queries(_ targets: [JSONValue], panelDatasource: (swift: String, type: String?)?, naming: inout DatasourceNaming, indent: String) -> [String]? {
        var lines: [String] = []
        var refIds: [String?] = []
        var kinds: [String] = []
        var datasources: [(swift: String, type: String?)?] = []
        var probe = naming
        for target in targets {
            guard case .object = target, let expr = target["expr"], case .string = expr else { return nil }
            var ownDatasource: (swift: String, type: String?)?
            if let ref = target["datasource"] { ownDatasource = probe.reference(ref, inputs: inputs, variableTypes: variableTypes) }
            let type = ownDatasource?.type ?? panelDatasource?.type ?? "prometheus"
            guard type == "prometheus" || type == "loki" else { return nil }
            if type == "loki", ownDatasource == nil, panelDatasource == nil { return nil }
            kinds.append(type)
            datasources.append(ownDatasource)
            refIds.append(target["refId"]?.stringValue)
            if target["refId"] != nil, target["refId"]?.stringValue == nil { return nil }
        }
        naming = probe
        let explicit = Self.explicitRefIds(refIds)
        for (index, target) in targets.enumerated() {
            var c = JSONConsumer(target)
            let expr = c.take(["expr"])?.stringValue ?? ""
            c.consume(["datasource"])
            c.consume(["refId"])
            let isLoki = kinds[index] == "loki"
            var text = indent + (isLoki ? "LokiQuery" : "PrometheusQuery") + "(" + SwiftLiteral.string(expr, indentation: indent + "    ") + ")"
            var mods: [String] = []
            if let legend = c.take(["legendFormat"])?.stringValue { mods.append(".legendFormat(\(SwiftLiteral.string(legend)))") }
            let instant = c.peek(["instant"])?.boolValue
            let range = c.peek(["range"])?.boolValue
            if isLoki {
                if instant == true, c.peek(["queryType"]) == nil { /* Loki's instant flag is written as queryType */ }
                if let queryType = c.peek(["queryType"])?.stringValue, queryType == "instant" || queryType == "range" {
                    c.consume(["queryType"])
                    mods.append(queryType == "instant" ? ".instant()" : ".instant(false)")
                }
                if let maxLines = c.peek(["maxLines"])?.intValue, case .int = c.peek(["maxLines"])! {
                    c.consume(["maxLines"])
                    mods.append(".maxLines(\(maxLines))")
                }
            } else {
                if instant == true, range == nil || range == false {
                    c.consume(["instant"]); c.consume(["range"])
                    mods.append(".instant()")
                } else if range == true, instant == false {
                    c.consume(["instant"]); c.consume(["range"])
                    mods.append(".range()")
                }
                if let interval = c.peek(["interval"])?.stringValue, !interval.isEmpty {
                    c.consume(["interval"])
                    mods.append(".interval(\(SwiftLiteral.string(interval)))")
                }
                if let format = c.peek(["format"])?.stringValue, let name = Self.enumCase(PrometheusFormat.self, format) {
                    c.consume(["format"])
                    mods.append(".format(\(name))")
                }
                if c.peek(["exemplar"]) == .bool(true) { c.consume(["exemplar"]); mods.append(".exemplars()") }
            }
            if c.peek(["hide"]) == .bool(true) { c.consume(["hide"]); mods.append(".hidden()") }
            if explicit[index], let refId = refIds[index] { mods.append(".refId(\(SwiftLiteral.string(refId)))") }
            if let own = datasources[index] { mods.append(".datasource(\(own.swift))") }
            for (path, value) in c.leftovers() {
                mods.append(".setting(\(SwiftLiteral.string(path.joined(separator: "."))), \(SwiftLiteral.json(value, indentation: indent + "    ")))")
            }
            for mod in mods { text += "\n" + indent + "    " + mod }
            lines.append(text)
        }
        return lines
    }

    /// Which refIds must be written: the lowering assigns `A`, `B`, … to queries without one,
    /// skipping those taken, so a refId equal to what it would assign is left out.
    static func explicitRefIds(_ refIds: [String?]) -> [Bool] {
        var explicit = refIds.map { _ in false }
        while true {
            let taken = Set(refIds.indices.filter { explicit[$0] }.compactMap { refIds[$0] })
            var next = 0
            var changed = false
            for index in refIds.indices where !explicit[index] {
                var candidate: String
                repeat {
                    candidate = refIdName(next)
                    next += 1
                } while taken.contains(candidate)
                if refIds[index] != candidate {
                    // A query without a refId gets one in the render; one with another refId keeps it.
                    if refIds[index] != nil { explicit[index] = true; changed = true }
                }
            }
            if !changed { return explicit }
        }
    }

    /// `A`…`Z`, then `AA`, `AB`, …: the refIds the lowering assigns (`GrafanaLowering.refIds(for:)`).
    static func refIdName(_ index: Int) -> String {
        if index < 26 { return refIdLetters[index] }
        return refIdName(index / 26 - 1) + refIdLetters[index % 26]
    }

    private static let refIdLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map { String($0) }

    // MARK: Field config

    mutating func fieldDefaults(_ c: inout JSONConsumer, _ modifiers: inout [String], typed: TypedPanel?, indent: String) {
        let d = ["fieldConfig", "defaults"]
        if let unit = c.peek(d + ["unit"])?.stringValue {
            c.consume(d + ["unit"])
            modifiers.append(".unit(\(Self.unit(unit)))")
        }
        if case .int(let decimals)? = c.peek(d + ["decimals"]) { c.consume(d + ["decimals"]); modifiers.append(".decimals(\(decimals))") }
        for key in ["min", "max"] {
            if let value = c.peek(d + [key]), let number = value.doubleValue, FieldConfigEncoding.number(number) == value {
                c.consume(d + [key])
                modifiers.append(".\(key)(\(SwiftLiteral.double(number)))")
            }
        }
        for (key, modifier) in [("displayName", "displayName"), ("noValue", "noValue"), ("description", "fieldDescription")] {
            if let text = c.peek(d + [key])?.stringValue {
                c.consume(d + [key])
                modifiers.append(".\(modifier)(\(SwiftLiteral.string(text, indentation: indent)))")
            }
        }
        if let thresholds = c.peek(d + ["thresholds"]), let code = Self.thresholds(thresholds, stepValues: current?.stepValues ?? [:]) {
            if current?.stepValues.isEmpty == false { readsEnvironment = true }
            c.consume(d + ["thresholds"])
            modifiers.append(".thresholds(\(code))")
        }
        if let color = c.peek(d + ["color"]), let code = Self.colorMode(color) {
            c.consume(d + ["color", "mode"])
            if color["fixedColor"] != nil, code.hasPrefix(".fixed") || code.hasPrefix(".shades") { c.consume(d + ["color", "fixedColor"]) }
            modifiers.append(".colorScheme(\(code))")
        }
        if case .array(let links)? = c.peek(d + ["links"]), let code = links.map(Self.dataLink).allPresent {
            c.consume(d + ["links"])
            modifiers += code.map { ".dataLink(\($0))" }
        }
        guard let typed else { return }
        let custom = d + ["custom"]
        func enumOption<E: RawRepresentable>(_ key: String, _ type: E.Type, _ modifier: String) where E.RawValue == String {
            if let raw = c.peek(custom + [key])?.stringValue, let name = Self.enumCase(type, raw) {
                c.consume(custom + [key])
                modifiers.append(".\(modifier)(\(name))")
            }
        }
        func intOption(_ key: String, _ modifier: String) {
            if case .int(let value)? = c.peek(custom + [key]) { c.consume(custom + [key]); modifiers.append(".\(modifier)(\(value))") }
        }
        if typed.lineFill {
            intOption("lineWidth", "lineWidth")
            intOption("fillOpacity", "fillOpacity")
        }
        if typed.gradient { enumOption("gradientMode", GradientMode.self, "gradientMode") }
        if typed.axis {
            enumOption("axisPlacement", AxisPlacement.self, "axisPlacement")
            if let label = c.peek(custom + ["axisLabel"])?.stringValue { c.consume(custom + ["axisLabel"]); modifiers.append(".axisLabel(\(SwiftLiteral.string(label)))") }
        }
        if typed.swiftType == "TimeSeries" {
            enumOption("drawStyle", DrawStyle.self, "drawStyle")
            enumOption("lineInterpolation", LineInterpolation.self, "lineInterpolation")
            enumOption("showPoints", VisibilityMode.self, "showPoints")
            intOption("pointSize", "pointSize")
            if case .bool(let span)? = c.peek(custom + ["spanNulls"]) {
                c.consume(custom + ["spanNulls"])
                modifiers.append(span ? ".spanNulls()" : ".spanNulls(false)")
            }
            if let stacking = c.peek(custom + ["stacking"]), let mode = stacking["mode"]?.stringValue, let name = Self.enumCase(StackingMode.self, mode),
               let group = stacking["group"]?.stringValue, stacking.objectMembers?.count == 2 {
                c.consume(custom + ["stacking"])
                modifiers.append(group == "A" ? ".stacking(\(name))" : ".stacking(\(name), group: \(SwiftLiteral.string(group)))")
            }
            if let style = c.peek(custom + ["thresholdsStyle", "mode"])?.stringValue, let name = Self.enumCase(ThresholdsStyle.self, style) {
                c.consume(custom + ["thresholdsStyle", "mode"])
                modifiers.append(".thresholdsStyle(\(name))")
            }
        }
    }

    mutating func overrides(_ c: inout JSONConsumer, _ modifiers: inout [String], indent: String) {
        guard case .array(let overrides)? = c.peek(["fieldConfig", "overrides"]) else { return }
        var code: [String] = []
        for override in overrides {
            guard let matcherID = override["matcher"]?["id"]?.stringValue, let option = override["matcher"]?["options"]?.stringValue,
                  override["matcher"]?.objectMembers?.count == 2, override.objectMembers?.count == 2,
                  case .array(let properties)? = override["properties"] else { return }
            let matcher: String
            switch matcherID {
            case "byName": matcher = ".byName(\(SwiftLiteral.string(option)))"
            case "byRegexp": matcher = ".byRegex(\(SwiftLiteral.string(option)))"
            case "byFrameRefID": matcher = ".byQuery(\(SwiftLiteral.string(option)))"
            case "byType": matcher = ".byType(\(SwiftLiteral.string(option)))"
            default: return
            }
            var lines: [String] = []
            for property in properties {
                guard let id = property["id"]?.stringValue, let value = property["value"], property.objectMembers?.count == 2 else { return }
                lines.append(Self.fieldProperty(id, value, indent: indent + "    "))
            }
            code.append(".override(\(matcher)) {\n" + lines.map { indent + "    " + $0 }.joined(separator: "\n") + "\n" + indent + "}")
        }
        c.consume(["fieldConfig", "overrides"])
        modifiers += code
    }

    static func fieldProperty(_ id: String, _ value: JSONValue, indent: String) -> String {
        switch (id, value) {
        case ("unit", .string(let unit)): return "FieldProperty.unit(\(Self.unit(unit)))"
        case ("decimals", .int(let n)): return "FieldProperty.decimals(\(n))"
        case ("displayName", .string(let text)): return "FieldProperty.displayName(\(SwiftLiteral.string(text)))"
        case ("color", _):
            if let mode = colorMode(value) { return "FieldProperty.color(\(mode))" }
        case ("thresholds", _):
            if let code = thresholds(value) {
                return "FieldProperty.thresholds(Thresholds(\(code.contains("mode: .percentage") ? ".percentage" : ".absolute"), \(code.components(separatedBy: ", mode:")[0])))"
            }
        default:
            if id.hasPrefix("custom."), !id.dropFirst(7).isEmpty {
                return "FieldProperty.custom(\(SwiftLiteral.string(String(id.dropFirst(7)))), \(SwiftLiteral.json(value, indentation: indent)))"
            }
        }
        return "FieldProperty(\(SwiftLiteral.string(id)), \(SwiftLiteral.json(value, indentation: indent)))"
    }

    // MARK: Options

    mutating func options(_ c: inout JSONConsumer, _ modifiers: inout [String], typed: TypedPanel, panelType: String) {
        let o = ["options"]
        func enumOption<E: RawRepresentable>(_ key: String, _ type: E.Type, _ modifier: String) where E.RawValue == String {
            if let raw = c.peek(o + [key])?.stringValue, let name = Self.enumCase(type, raw) {
                c.consume(o + [key])
                modifiers.append(".\(modifier)(\(name))")
            }
        }
        func boolOption(_ key: String, _ modifier: String) {
            if case .bool(let value)? = c.peek(o + [key]) { c.consume(o + [key]); modifiers.append(value ? ".\(modifier)()" : ".\(modifier)(false)") }
        }
        if typed.legend, let legend = c.peek(o + ["legend"]) {
            let mode = legend["displayMode"]?.stringValue
            let show = legend["showLegend"]?.boolValue
            let placement = legend["placement"]?.stringValue
            if let mode, mode == "list" || mode == "table", let show, let placement, placement == "bottom" || placement == "right",
               case .array(let calcs)? = legend["calcs"], let calcNames = calcs.map(Self.reducer).allPresent {
                for key in ["displayMode", "showLegend", "placement", "calcs"] { c.consume(o + ["legend", key]) }
                var args: [String] = []
                let shown = show ? mode : "hidden"
                if show && mode == "list" && placement == "bottom" && calcNames.isEmpty {
                    args = []
                } else {
                    args.append("." + shown)
                    if placement != "bottom" { args.append("placement: .\(placement)") }
                    if !calcNames.isEmpty { args.append("calcs: [\(calcNames.joined(separator: ", "))]") }
                }
                modifiers.append(".legend(\(args.joined(separator: ", ")))")
                // A hidden legend that keeps its table mode: `.legend(.hidden)` writes `list`.
                if !show && mode != "list" { modifiers.append(".option(\"legend.displayMode\", \(SwiftLiteral.string(mode)))") }
            } else if show == false, mode == "list" {
                c.consume(o + ["legend", "displayMode"]); c.consume(o + ["legend", "showLegend"])
                modifiers.append(".hideLegend()")
            }
        }
        if typed.tooltip, let mode = c.peek(o + ["tooltip", "mode"])?.stringValue, let name = Self.enumCase(TooltipMode.self, mode) {
            c.consume(o + ["tooltip", "mode"])
            if let sort = c.peek(o + ["tooltip", "sort"])?.stringValue, let sortName = Self.enumCase(TooltipSortOrder.self, sort) {
                c.consume(o + ["tooltip", "sort"])
                modifiers.append(".tooltip(\(name), sort: \(sortName))")
            } else {
                modifiers.append(".tooltip(\(name))")
            }
        }
        if typed.reduce, case .array(let calcs)? = c.peek(o + ["reduceOptions", "calcs"]), calcs.count == 1, let calc = Self.reducer(calcs[0]),
           c.peek(o + ["reduceOptions", "values"]) != .bool(true) {
            c.consume(o + ["reduceOptions", "calcs"])
            if let fields = c.peek(o + ["reduceOptions", "fields"])?.stringValue {
                c.consume(o + ["reduceOptions", "fields"])
                modifiers.append(".reduce(\(calc), fields: \(SwiftLiteral.string(fields)))")
            } else {
                modifiers.append(".reduce(\(calc))")
            }
        }
        if typed.orientation { enumOption("orientation", VizOrientation.self, "orientation") }
        switch panelType {
        case "stat":
            enumOption("colorMode", StatColorMode.self, "colorMode")
            enumOption("graphMode", StatGraphMode.self, "graphMode")
            enumOption("textMode", StatTextMode.self, "textMode")
            enumOption("justifyMode", StatJustifyMode.self, "justifyMode")
            boolOption("wideLayout", "wideLayout")
        case "gauge":
            boolOption("showThresholdLabels", "showThresholdLabels")
            boolOption("showThresholdMarkers", "showThresholdMarkers")
            enumOption("sizing", GaugeSizing.self, "sizing")
        case "bargauge":
            enumOption("displayMode", BarGaugeDisplayMode.self, "displayMode")
            enumOption("valueMode", BarGaugeValueMode.self, "valueMode")
            enumOption("namePlacement", BarGaugeNamePlacement.self, "namePlacement")
            boolOption("showUnfilled", "showUnfilled")
            enumOption("sizing", GaugeSizing.self, "sizing")
        case "table":
            boolOption("showHeader", "showHeader")
            enumOption("cellHeight", TableCellHeight.self, "cellHeight")
        case "logs":
            for key in ["showTime", "showLabels", "showCommonLabels", "wrapLogMessage", "prettifyLogMessage", "enableLogDetails"] {
                boolOption(key, key)
            }
        default:
            break
        }
    }

    // MARK: Simple members

    mutating func simple(_ c: inout JSONConsumer, _ modifiers: inout [String]) {
        if let interval = c.peek(["interval"])?.stringValue { c.consume(["interval"]); modifiers.append(".interval(\(SwiftLiteral.string(interval)))") }
        if case .int(let points)? = c.peek(["maxDataPoints"]) { c.consume(["maxDataPoints"]); modifiers.append(".maxDataPoints(\(points))") }
        if let from = c.peek(["timeFrom"])?.stringValue { c.consume(["timeFrom"]); modifiers.append(".timeFrom(\(SwiftLiteral.string(from)))") }
        if let shift = c.peek(["timeShift"])?.stringValue { c.consume(["timeShift"]); modifiers.append(".timeShift(\(SwiftLiteral.string(shift)))") }
        if c.peek(["transparent"]) == .bool(true) { c.consume(["transparent"]); modifiers.append(".transparent()") }
        if let variable = c.peek(["repeat"])?.stringValue, !variable.isEmpty {
            c.consume(["repeat"])
            var args = [SwiftLiteral.string(variable)]
            let direction = c.peek(["repeatDirection"])?.stringValue
            if direction == "v" { c.consume(["repeatDirection"]); args.append("direction: .vertical") }
            else if direction == "h" { c.consume(["repeatDirection"]) }
            if case .int(let perRow)? = c.peek(["maxPerRow"]) { c.consume(["maxPerRow"]); args.append("maxPerRow: \(perRow)") }
            modifiers.append(".repeat(by: \(args.joined(separator: ", ")))")
        }
        if case .array(let links)? = c.peek(["links"]), let code = links.map(Self.dataLink).allPresent {
            c.consume(["links"])
            modifiers += code.map { ".link(\($0))" }
        }
        if case .array(let transformations)? = c.peek(["transformations"]), let code = transformations.map(Self.transformation).allPresent {
            c.consume(["transformations"])
            modifiers += code.map { ".transformation(\($0))" }
        }
    }

    // MARK: Values

    /// `.bytes` for a unit the DSL names, else the id as a string literal.
    static func unit(_ id: String) -> String {
        if let name = DSLConstants.units[id] { return "." + name }
        return SwiftLiteral.string(id)
    }

    /// `.red` for a colour the DSL names, else the string.
    static func color(_ text: String) -> String {
        if let name = DSLConstants.colors[text] { return "." + name }
        return SwiftLiteral.string(text)
    }

    /// The `FieldColorMode` of `{"mode": …, "fixedColor": …}` when the DSL writes exactly that.
    static func colorMode(_ value: JSONValue) -> String? {
        guard let mode = value["mode"]?.stringValue else { return nil }
        let fixed = value["fixedColor"]?.stringValue
        switch mode {
        case "thresholds": return ".thresholds"
        case "palette-classic": return ".paletteClassic"
        case "palette-classic-by-name": return ".paletteClassicByName"
        case "fixed": return fixed.map { ".fixed(\(color($0)))" }
        case "shades": return fixed.map { ".shades(\(color($0)))" }
        default:
            if mode.hasPrefix("continuous-") { return ".continuous(\(SwiftLiteral.string(mode)))" }
            return nil
        }
    }

    /// `[.base(.green), .step(80, .red)]` (and `, mode: .percentage`) for a thresholds object the
    /// DSL writes exactly.
    ///
    /// `stepValues` gives the Swift expression to write for a step's value, by step index
    /// (`env.values.double("apiErrorsRed")` for `--env` copies that differ there).
    static func thresholds(_ value: JSONValue, stepValues: [Int: String] = [:]) -> String? {
        guard let mode = value["mode"]?.stringValue, mode == "absolute" || mode == "percentage",
              case .array(let steps)? = value["steps"], value.objectMembers?.count == 2 else { return nil }
        var code: [String] = []
        for (index, step) in steps.enumerated() {
            guard let color = step["color"]?.stringValue, let stepValue = step["value"], step.objectMembers?.count == 2 else { return nil }
            switch stepValue {
            case .null: code.append(".base(\(Self.color(color)))")
            case .int, .double:
                guard let number = stepValue.doubleValue, FieldConfigEncoding.number(number) == stepValue else { return nil }
                code.append(".step(\(stepValues[index] ?? SwiftLiteral.double(number)), \(Self.color(color)))")
            default: return nil
            }
        }
        return "[" + code.joined(separator: ", ") + "]" + (mode == "percentage" ? ", mode: .percentage" : "")
    }

    /// `DataLink("title", url: "…")` for `{title, url, targetBlank?}`.
    static func dataLink(_ value: JSONValue) -> String? {
        guard let title = value["title"]?.stringValue, let url = value["url"]?.stringValue else { return nil }
        let count = value.objectMembers?.count ?? 0
        if let blank = value["targetBlank"]?.boolValue, count == 3 {
            return "DataLink(\(SwiftLiteral.string(title)), url: \(SwiftLiteral.string(url)), targetBlank: \(blank))"
        }
        guard count == 2 else { return nil }
        return "DataLink(\(SwiftLiteral.string(title)), url: \(SwiftLiteral.string(url)))"
    }

    /// `Transformation("id", options: …)` for `{id, options, disabled?}`.
    static func transformation(_ value: JSONValue) -> String? {
        guard let id = value["id"]?.stringValue, let options = value["options"] else { return nil }
        let count = value.objectMembers?.count ?? 0
        var args = [SwiftLiteral.string(id)]
        if !options.isEmptyObject { args.append("options: " + SwiftLiteral.json(options)) }
        if let disabled = value["disabled"]?.boolValue {
            guard count == 3 else { return nil }
            args.append("disabled: \(disabled)")
        } else if count != 2 {
            return nil
        }
        if args.count == 1, id == "merge" { return ".merge" }
        return "Transformation(\(args.joined(separator: ", ")))"
    }

    /// `.lastNotNull` for a reducer the DSL names.
    static func reducer(_ value: JSONValue) -> String? {
        guard let id = value.stringValue, ReducerCalculation.grafanaIDs.contains(id) else { return nil }
        if id.hasPrefix("p"), let n = Int(id.dropFirst()) { return ".percentile(\(n))" }
        // The DSL's names where they differ from Grafana's ids.
        let renamed = ["diffperc": "diffPercent", "logmin": "logMin", "stdDev": "standardDeviation"]
        return "." + (renamed[id] ?? id)
    }

    /// `.caseName` of a string-backed DSL enum, from Swift's own description of the case.
    static func enumCase<E: RawRepresentable>(_ type: E.Type, _ raw: String) -> String? where E.RawValue == String {
        guard let value = E(rawValue: raw) else { return nil }
        let name = String(describing: value)
        return SwiftIdentifier.keywords.contains(name) ? ".`\(name)`" : "." + name
    }
}

extension Array {
    /// The unwrapped elements when none is nil.
    func allPresentElements<T>() -> [T]? where Element == T? {
        var result: [T] = []
        for element in self {
            guard let element else { return nil }
            result.append(element)
        }
        return result
    }
}

extension Array where Element == String? {
    var allPresent: [String]? { allPresentElements() }
}

/// How a panel's `gridPos` is written.
enum LayoutDecision {
    /// The flow layout reproduces the position; a width and height other than the type's defaults.
    case flow(width: Int?, height: Int?)
    /// An explicit `.gridPos(x:y:w:h:)`.
    case explicit(GridPos)
    /// No `gridPos` in the input: left to the layout (and kept out of the comparison).
    case keep
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel

/// Turns one normalised dashboard (``DashboardNormalizer``) into a Swift file in the house
/// style: an `enum` named after the dashboard with `static func dashboard(_ env: Environment)`,
/// one `static var` per row (and per group of panels outside rows), typed panels and modifiers,
/// escape hatches only for what the DSL has no modifier for.
struct DashboardCodeGenerator {
    /// The enum's name.
    var typeName: String
    /// The input file, named in the header comment.
    var inputPath: String
    /// Export inputs (`__inputs`): name → plugin id.
    var inputs: [String: String]
    /// Modifiers appended to the dashboard, e.g. environment overlays (`.in("prod") { … }`).
    var extraModifiers: [String] = []
    /// `--env`: what differs per environment in each panel, by its place in generation order.
    var panelEnvironments: [Int: PanelEnvironment] = [:]
    /// The most panels one declaration lists (keeps each builder expression small to type-check).
    static let panelsPerDeclaration = 8

    /// One declaration of the generated enum.
    private struct Declaration {
        var name: String
        var text: String
    }

    func generate(_ dashboard: JSONValue, naming: inout DatasourceNaming) -> String {
        var c = JSONConsumer(dashboard)
        let title = c.take(["title"])?.stringValue ?? ""
        let uid = c.take(["uid"])?.stringValue ?? ""
        var variableTypes: [String: String] = [:]
        for variable in dashboard["templating"]?["list"]?.arrayValue ?? [] where variable["type"] == .string("datasource") {
            if let name = variable["name"]?.stringValue, let type = variable["query"]?.stringValue { variableTypes[name] = type }
        }
        var panels = PanelCodeGenerator(inputs: inputs, variableTypes: variableTypes)
        panels.environments = panelEnvironments
        var taken = SwiftIdentifierScope(reserved: ["dashboard"])
        var declarations: [Declaration] = []
        var items: [String] = []

        // Panels and rows.
        c.consume(["panels"])
        let groups = Self.groups(dashboard["panels"]?.arrayValue ?? [])
        var layout = FlowCursor()
        for group in groups {
            switch group {
            case .panels(let list):
                for chunk in Self.chunks(list) {
                    let name = taken.unique(SwiftIdentifier.lowerCamel(chunk.first?["title"]?.stringValue ?? "", fallback: "panels"))
                    let body = chunk.map { panel in panels.panel(panel, layout: layout.decide(panel), naming: &naming, indent: "        ") }
                    let reads = panels.takeReadsEnvironment()
                    declarations.append(Declaration(name: name, text: "    @PanelBuilder\n    static \(Self.declared(name, reads)) [Panel] {\n" + body.joined(separator: "\n\n") + "\n    }"))
                    items.append(Self.used(name, reads))
                }
            case .row(let row, let children):
                let rowTitle = row["title"]?.stringValue ?? ""
                let name = taken.unique(SwiftIdentifier.lowerCamel(rowTitle, fallback: "row"))
                let collapsed = row["collapsed"] == .bool(true)
                let explicitY = layout.startRow(y: row["gridPos"]?["y"]?.intValue)
                var rowLayout = layout.rowCursor()
                let chunks = Self.chunks(children)
                var rowBody: [String] = []
                var rowReads = false
                if chunks.count <= 1 {
                    rowBody = children.map { panel in panels.panel(panel, layout: rowLayout.decide(panel), naming: &naming, indent: "            ") }
                    rowReads = panels.takeReadsEnvironment()
                } else {
                    for (index, chunk) in chunks.enumerated() {
                        let part = taken.unique(name + "Panels" + String(index + 1))
                        let body = chunk.map { panel in panels.panel(panel, layout: rowLayout.decide(panel), naming: &naming, indent: "        ") }
                        let reads = panels.takeReadsEnvironment()
                        rowReads = rowReads || reads
                        declarations.append(Declaration(name: part, text: "    @PanelBuilder\n    static \(Self.declared(part, reads)) [Panel] {\n" + body.joined(separator: "\n\n") + "\n    }"))
                        rowBody.append("            " + Self.used(part, reads))
                    }
                }
                layout.endRow(collapsed: collapsed, inner: rowLayout)
                var head = "Row(\(SwiftLiteral.string(rowTitle.isEmpty ? PanelCodeGenerator.untitled : rowTitle, indentation: "        "))"
                if collapsed { head += ", collapsed: true" }
                head += ")"
                var rowText = "    static \(Self.declared(name, rowReads)) Row {\n        " + head + " {\n" + rowBody.joined(separator: chunks.count <= 1 ? "\n\n" : "\n") + "\n        }"
                if let explicitY { rowText += "\n        .gridPos(y: \(explicitY))" }
                if let variable = row["repeat"]?.stringValue, !variable.isEmpty { rowText += "\n        .repeat(by: \(SwiftLiteral.string(variable)))" }
                if rowTitle.isEmpty { rowText += "\n        .setting(\"title\", \"\")" }
                rowText += "\n    }"
                declarations.append(Declaration(name: name, text: rowText))
                items.append(Self.used(name, rowReads))
            }
        }

        // Dashboard modifiers.
        var modifiers: [String] = []
        if let text = c.take(["description"])?.stringValue { modifiers.append(".description(\(SwiftLiteral.string(text, indentation: "        ")))") }
        if case .array(let tags)? = c.peek(["tags"]), let names = tags.map({ $0.stringValue }).allPresent {
            c.consume(["tags"])
            modifiers.append(".tags(\(names.map { SwiftLiteral.string($0) }.joined(separator: ", ")))")
        }
        if let from = c.peek(["time", "from"])?.stringValue, let to = c.peek(["time", "to"])?.stringValue, c.peek(["time"])?.objectMembers?.count == 2 {
            c.consume(["time"])
            modifiers.append(to == "now" ? ".time(from: \(SwiftLiteral.string(from)))" : ".time(from: \(SwiftLiteral.string(from)), to: \(SwiftLiteral.string(to)))")
        }
        if let refresh = c.peek(["refresh"])?.stringValue, Self.isRefreshInterval(refresh) {
            c.consume(["refresh"])
            modifiers.append(".refresh(\(SwiftLiteral.string(refresh)))")
        }
        if let zone = c.take(["timezone"])?.stringValue { modifiers.append(".timezone(\(SwiftLiteral.string(zone)))") }
        if case .int(let tooltip)? = c.peek(["graphTooltip"]), let mode = GraphTooltip(rawValue: tooltip) {
            c.consume(["graphTooltip"])
            modifiers.append(".graphTooltip(.\(mode == .default ? "`default`" : String(describing: mode)))")
        }
        if c.peek(["editable"]) == .bool(false) { c.consume(["editable"]); modifiers.append(".editable(false)") }
        if case .array(let links)? = c.peek(["links"]), let code = links.map(Self.dashboardLink).allPresent, !code.isEmpty {
            c.consume(["links"])
            modifiers.append(".links(\n" + code.map { "            " + $0 }.joined(separator: ",\n") + "\n        )")
        }
        if case .array(let list)? = c.peek(["annotations", "list"]), c.peek(["annotations"])?.objectMembers?.count == 1,
           let code = list.map({ annotation($0, naming: &naming, variableTypes: variableTypes) }).allPresent {
            c.consume(["annotations"])
            modifiers.append(".annotations(\n" + code.map { "            " + $0 }.joined(separator: ",\n") + "\n        )")
        }
        if case .array(let list)? = c.peek(["templating", "list"]), c.peek(["templating"])?.objectMembers?.count == 1 {
            var code: [String] = []
            for variable in list {
                guard let text = self.variable(variable, naming: &naming, variableTypes: variableTypes) else { code = []; break }
                code.append(text)
            }
            if code.count == list.count {
                c.consume(["templating"])
                let name = taken.unique("variables")
                declarations.insert(Declaration(name: name, text: "    @VariableBuilder\n    static var \(name): [Variable] {\n" + code.joined(separator: "\n") + "\n    }"), at: 0)
                modifiers.append(".variables { \(name) }")
            }
        }
        for (path, value) in c.leftovers() {
            modifiers.append(".setting(\(SwiftLiteral.string(path.joined(separator: "."))), \(SwiftLiteral.json(value, indentation: "        ")))")
        }
        modifiers += extraModifiers

        var text = "import Periscope\n\n"
        text += "enum \(typeName) {\n"
        text += "    static func dashboard(_ env: Environment) -> Dashboard {\n"
        text += "        Dashboard(\(SwiftLiteral.string(title, indentation: "        ")), uid: \(SwiftLiteral.string(uid))) {\n"
        text += items.map { "            " + $0 + "\n" }.joined()
        text += "        }"
        for modifier in modifiers { text += "\n        " + modifier }
        text += "\n    }\n"
        for declaration in declarations { text += "\n" + declaration.text + "\n" }
        text += "}\n"
        return text
    }

    /// `var name:` or, for panels that read `env` (``PanelCodeGenerator/readsEnvironment``),
    /// `func name(_ env: Environment) ->`, ahead of the declaration's type.
    static func declared(_ name: String, _ readsEnvironment: Bool) -> String {
        readsEnvironment ? "func \(name)(_ env: Environment) ->" : "var \(name):"
    }

    /// How the dashboard (or a row) lists a declaration: `name` or `name(env)`.
    static func used(_ name: String, _ readsEnvironment: Bool) -> String {
        readsEnvironment ? name + "(env)" : name
    }

    static func commentSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
    }

    /// One number and one unit of s, m, h or d, as `RefreshInterval` takes.
    static func isRefreshInterval(_ text: String) -> Bool {
        guard let unit = text.last, "smhd".contains(unit) else { return false }
        let digits = text.dropLast()
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    // MARK: Grouping

    private enum Group {
        case panels([JSONValue])
        case row(JSONValue, children: [JSONValue])
    }

    /// Panels before the first row, then each row with the panels under it (an expanded row's
    /// panels follow it in `panels`; a collapsed row holds them).
    private static func groups(_ panels: [JSONValue]) -> [Group] {
        var result: [Group] = []
        var loose: [JSONValue] = []
        var currentRow: JSONValue?
        var children: [JSONValue] = []
        func flush() {
            if let row = currentRow { result.append(.row(row, children: children)) }
            else if !loose.isEmpty { result.append(.panels(loose)) }
            currentRow = nil
            children = []
            loose = []
        }
        for panel in panels {
            if panel["type"] == .string("row") {
                flush()
                currentRow = panel
                if panel["collapsed"] == .bool(true) { children = panel["panels"]?.arrayValue ?? [] }
            } else if currentRow != nil {
                children.append(panel)
            } else {
                loose.append(panel)
            }
        }
        flush()
        return result
    }

    private static func chunks(_ panels: [JSONValue]) -> [[JSONValue]] {
        guard panels.count > panelsPerDeclaration else { return panels.isEmpty ? [] : [panels] }
        return stride(from: 0, to: panels.count, by: panelsPerDeclaration).map { Array(panels[$0..<Swift.min($0 + panelsPerDeclaration, panels.count)]) }
    }

    // MARK: Links, annotations, variables

    static func dashboardLink(_ value: JSONValue) -> String? {
        var c = JSONConsumer(value)
        guard let title = c.take(["title"])?.stringValue, let type = c.take(["type"])?.stringValue else { return nil }
        var text: String
        switch type {
        case "link":
            guard let url = c.take(["url"])?.stringValue, let icon = c.take(["icon"])?.stringValue else { return nil }
            var args = [SwiftLiteral.string(title), "url: " + SwiftLiteral.string(url)]
            if let blank = c.take(["targetBlank"])?.boolValue { args.append("targetBlank: \(blank)") }
            if let tooltip = c.take(["tooltip"])?.stringValue { args.append("tooltip: " + SwiftLiteral.string(tooltip)) }
            if icon != "external link" { args.append("icon: " + SwiftLiteral.string(icon)) }
            if c.peek(["tags"]) == .array([]) { c.consume(["tags"]) }
            text = ".link(\(args.joined(separator: ", ")))"
        case "dashboards":
            guard case .array(let tags)? = c.take(["tags"]), let names = tags.map({ $0.stringValue }).allPresent,
                  let dropdown = c.take(["asDropdown"])?.boolValue, c.take(["icon"]) == .string("external link") else { return nil }
            var args = [SwiftLiteral.string(title), "tags: [" + names.map { SwiftLiteral.string($0) }.joined(separator: ", ") + "]"]
            if !dropdown { args.append("asDropdown: false") }
            text = ".dashboards(\(args.joined(separator: ", ")))"
        default:
            return nil
        }
        if let keep = c.take(["includeVars"])?.boolValue { text += keep ? ".keepingVariables()" : ".keepingVariables(false)" }
        if let time = c.take(["keepTime"])?.boolValue { text += time ? ".includingTime()" : ".includingTime(false)" }
        guard c.leftovers().isEmpty else { return nil }
        return text
    }

    func annotation(_ value: JSONValue, naming: inout DatasourceNaming, variableTypes: [String: String]) -> String? {
        var c = JSONConsumer(value)
        guard let name = c.take(["name"])?.stringValue else { return nil }
        if value["builtIn"] == .int(1) {
            for key in ["builtIn", "type"] { c.consume([key]) }
            guard c.take(["datasource"]).map({ $0["uid"] == .string("-- Grafana --") }) ?? false,
                  c.take(["enable"]) == .bool(true), c.take(["iconColor"]) == .string("rgba(0, 211, 255, 1)"),
                  let hide = c.take(["hide"])?.boolValue else { return nil }
            guard c.leftovers().isEmpty else { return nil }
            var args: [String] = []
            if name != "Annotations & Alerts" { args.append("name: " + SwiftLiteral.string(name)) }
            if !hide { args.append("hide: false") }
            return ".builtIn(\(args.joined(separator: ", ")))"
        }
        guard let ref = c.take(["datasource"]), let expr = (c.take(["target", "expr"]) ?? c.take(["expr"]))?.stringValue,
              let enable = c.take(["enable"])?.boolValue, let hide = c.take(["hide"])?.boolValue,
              let iconColor = c.take(["iconColor"])?.stringValue else { return nil }
        var probe = naming
        let datasource = probe.reference(ref, inputs: inputs, variableTypes: variableTypes)
        guard datasource.type == "prometheus" else { return nil }
        c.consume(["target", "refId"])
        var args = [SwiftLiteral.string(name), "expr: " + SwiftLiteral.string(expr)]
        if datasource.swift != ".named(\"metrics\")" { args.append("datasource: " + datasource.swift) }
        if iconColor != "blue" { args.append("iconColor: " + PanelCodeGenerator.color(iconColor)) }
        for key in ["titleFormat", "textFormat", "tagKeys"] {
            if let text = c.take([key])?.stringValue { args.append("\(key): " + SwiftLiteral.string(text)) }
        }
        if let step = (c.take(["target", "interval"]) ?? c.take(["step"]))?.stringValue { args.append("step: " + SwiftLiteral.string(step)) }
        if c.peek(["target"])?.isEmptyObject == false || (c.peek(["target"]).map { $0.objectMembers?.count ?? 0 } ?? 0) > 0 {
            if !c.leftovers(under: ["target"]).isEmpty { return nil }
        }
        c.consume(["target"])
        if c.peek(["useValueForTime"]) != nil { return nil }
        guard c.leftovers().isEmpty else { return nil }
        naming = probe
        var text = ".prometheus(\(args.joined(separator: ", ")))"
        if !enable { text += ".enabled(false)" }
        if hide { text += ".hidden()" }
        return text
    }

    /// A typed variable, or nil when the DSL cannot write this one (the list is then kept as JSON).
    func variable(_ value: JSONValue, naming: inout DatasourceNaming, variableTypes: [String: String]) -> String? {
        var c = JSONConsumer(value)
        guard var name = c.take(["name"])?.stringValue, let type = c.take(["type"])?.stringValue else { return nil }
        let indent = "        "
        // A nameless variable (which Grafana keeps but cannot reference) keeps its empty name
        // through a setting; the DSL wants a valid name.
        let nameless = name.isEmpty
        if nameless { name = "unnamed" }
        var head: String
        var mods: [String] = []
        var multiValue = false
        switch type {
        case "query":
            guard let query = c.take(["query"])?.stringValue else { return nil }
            head = "QueryVariable(\(SwiftLiteral.string(name)), query: \(SwiftLiteral.string(query, indentation: indent + "    ")))"
            if let ref = c.take(["datasource"]) {
                let datasource = naming.reference(ref, inputs: inputs, variableTypes: variableTypes)
                head.removeLast()
                head += ", datasource: \(datasource.swift))"
            } else {
                naming.useDefault()
            }
            if case .int(let refresh)? = c.peek(["refresh"]), let value = VariableRefresh(rawValue: refresh) {
                c.consume(["refresh"]); mods.append(".refresh(.\(value))")
            }
            if case .int(let sort)? = c.peek(["sort"]), let value = VariableSort(rawValue: sort) { c.consume(["sort"]); mods.append(".sort(.\(value))") }
            if let regex = c.take(["regex"])?.stringValue { mods.append(".regex(\(SwiftLiteral.string(regex)))") }
            multiValue = true
        case "custom":
            guard let query = c.take(["query"])?.stringValue else { return nil }
            let options = CustomVariableQuery.options(query)
            let plain = options.allSatisfy { $0.text == $0.value && !$0.value.contains(",") }
            guard plain, !options.isEmpty else { return nil }
            // The lowering writes `query` from the values; keep the original when it differs.
            let rebuilt = options.map(\.value).joined(separator: ",")
            head = "CustomVariable(\(SwiftLiteral.string(name)), values: [\(options.map { SwiftLiteral.string($0.value) }.joined(separator: ", "))])"
            if rebuilt != query { mods.append(".setting(\"query\", \(SwiftLiteral.string(query)))") }
            multiValue = true
        case "datasource":
            guard let plugin = c.take(["query"])?.stringValue else { return nil }
            head = "DatasourceVariable(\(SwiftLiteral.string(name)), pluginType: \(SwiftLiteral.string(plugin)))"
            if let regex = c.take(["regex"])?.stringValue { mods.append(".regex(\(SwiftLiteral.string(regex)))") }
            multiValue = true
        case "interval":
            guard let query = c.take(["query"])?.stringValue else { return nil }
            let values = query.split(separator: ",").map { $0.trimmingSpacesSubstring }
            head = "IntervalVariable(\(SwiftLiteral.string(name)), values: [\(values.map { SwiftLiteral.string($0) }.joined(separator: ", "))])"
            if values.joined(separator: ",") != query { mods.append(".setting(\"query\", \(SwiftLiteral.string(query)))") }
            if c.peek(["auto"]) == .bool(true) {
                c.consume(["auto"])
                var args: [String] = []
                if case .int(let count)? = c.peek(["auto_count"]) { c.consume(["auto_count"]); args.append("count: \(count)") }
                if let min = c.peek(["auto_min"])?.stringValue { c.consume(["auto_min"]); args.append("min: \(SwiftLiteral.string(min))") }
                mods.append(".auto(\(args.joined(separator: ", ")))")
            }
            if case .int(let refresh)? = c.peek(["refresh"]), let value = VariableRefresh(rawValue: refresh) {
                c.consume(["refresh"]); mods.append(".refresh(.\(value))")
            }
        case "constant":
            guard let query = c.take(["query"])?.stringValue else { return nil }
            head = "ConstantVariable(\(SwiftLiteral.string(name)), value: \(SwiftLiteral.string(query)))"
            // The lowering hides constants (hide: 2) unless told otherwise.
            if c.peek(["hide"]) == .int(2) { c.consume(["hide"]) }
            else if c.peek(["hide"]) == nil { mods.append(".hide(.nothing)") }
        case "textbox":
            let query = c.take(["query"])?.stringValue ?? ""
            head = "TextboxVariable(\(SwiftLiteral.string(name))" + (query.isEmpty ? ")" : ", defaultValue: \(SwiftLiteral.string(query)))")
            if query.isEmpty { mods.append(".setting(\"query\", \"\")") }
        default:
            return nil
        }
        if let label = c.take(["label"])?.stringValue { mods.append(".label(\(SwiftLiteral.string(label)))") }
        if let description = c.take(["description"])?.stringValue { mods.append(".description(\(SwiftLiteral.string(description)))") }
        if case .int(let hide)? = c.peek(["hide"]), let value = VariableHide(rawValue: hide) {
            c.consume(["hide"])
            mods.append(value == .variable ? ".hide()" : ".hide(.\(value))")
        }
        if multiValue {
            if let multi = c.peek(["multi"])?.boolValue { c.consume(["multi"]); mods.append(multi ? ".multi()" : ".multi(false)") }
            if let all = c.peek(["includeAll"])?.boolValue {
                c.consume(["includeAll"])
                if let allValue = c.peek(["allValue"])?.stringValue {
                    c.consume(["allValue"])
                    mods.append(".includeAll(\(all), allValue: \(SwiftLiteral.string(allValue)))")
                } else {
                    mods.append(all ? ".includeAll()" : ".includeAll(false)")
                }
            }
        }
        if type != "datasource", let current = c.peek(["current", "value"]) {
            if let one = current.stringValue {
                c.consume(["current"]); mods.append(".current(\(SwiftLiteral.string(one)))")
            } else if case .array(let values)? = Optional(current), let names = values.map({ $0.stringValue }).allPresent {
                c.consume(["current"])
                // One value of a multi-value variable is written as a list either way.
                if names.count == 1, multiValue, value["multi"] == .bool(true) { mods.append(".current(\(SwiftLiteral.string(names[0])))") }
                else { mods.append(".current(values: [\(names.map { SwiftLiteral.string($0) }.joined(separator: ", "))])") }
            }
        }
        if c.peek(["skipUrlSync"]) == .bool(true) { c.consume(["skipUrlSync"]); mods.append(".skipURLSync()") }
        if nameless { mods.append(".setting(\"name\", \"\")") }
        for (path, value) in c.leftovers() {
            mods.append(".setting(\(SwiftLiteral.string(path.joined(separator: "."))), \(SwiftLiteral.json(value, indentation: indent)))")
        }
        return indent + head + mods.map { "\n" + indent + "    " + $0 }.joined()
    }
}

extension Substring {
    var trimmingSpacesSubstring: String { String(self).trimmingSpaces }
}

/// Grafana's flow layout as the compiler applies it (`GridLayout.Cursor`), replayed panel by
/// panel to decide which positions it reproduces.
struct FlowCursor {
    var flow = GridLayout.Cursor()

    /// Whether the flow places `panel` where its `gridPos` says; updates the cursor either way.
    mutating func decide(_ panel: JSONValue) -> LayoutDecision {
        guard let pos = panel["gridPos"], let w = pos["w"]?.intValue, let h = pos["h"]?.intValue,
              let px = pos["x"]?.intValue, let py = pos["y"]?.intValue, pos.objectMembers?.count == 4 else { return .keep }
        let type = PanelType(panel["type"]?.stringValue ?? "")
        let defaults = PanelDefaults.size(of: type)
        if w >= 1, w <= GridLayout.columns, h >= 1 {
            var probe = flow
            let placed = probe.place(width: w, height: h)
            if placed.x == px, placed.y == py {
                flow = probe
                return .flow(width: w == defaults.width ? nil : w, height: h == defaults.height ? nil : h)
            }
        }
        let explicit = GridPos(x: px, y: py, w: w, h: h)
        flow.placed(at: explicit)
        return .explicit(explicit)
    }

    /// Starts a row header at the original's `y`: the `y` to keep explicit (`.gridPos(y:)`) when
    /// the flow would put the header elsewhere, else nil.
    mutating func startRow(y: Int?) -> Int? {
        flow.newLine()
        guard let y, y >= 0, y != flow.y else { return nil }
        flow.y = y
        return y
    }

    /// The cursor for the row's panels.
    func rowCursor() -> FlowCursor { FlowCursor(flow: GridLayout.Cursor(y: flow.y + 1)) }

    /// Continues after a row.
    mutating func endRow(collapsed: Bool, inner: FlowCursor) {
        if collapsed {
            flow = GridLayout.Cursor(y: flow.y + 1)
        } else {
            self = inner
            flow.newLine()
        }
    }
}

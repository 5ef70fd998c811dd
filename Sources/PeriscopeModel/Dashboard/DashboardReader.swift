import PeriscopeDSL

/// Builds a `Grafana.Dashboard` from a dashboard JSON value: one read from a file, or one the
/// compiler lowered from the DSL.
///
/// It accepts every shape Grafana loads: a bare dashboard object, the `{"dashboard": …,
/// "meta": …}` object of Grafana's HTTP API, exports with `__inputs`/`__requires`, legacy
/// `rows[]` layouts and string or `null` datasources. Values of the wrong JSON type where
/// Grafana expects a specific one (`panels` that is not an array, a `title` that is a number,
/// a `gridPos` without numbers…) are reported as errors with id `dashboard-field-type` at their
/// file, pointer and line:column, and the rest of the dashboard is still read, so one run reports
/// every problem. Keys that are not typed here are never reported: plugins and newer Grafana
/// versions add keys freely.
public struct DashboardReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The result of reading: the dashboard and the problems found, in document order.
    public struct Result: Sendable {
        /// The dashboard; when the value is not an object, an empty dashboard (and an error).
        public var dashboard: Grafana.Dashboard
        /// Errors and warnings.
        public var diagnostics: [Diagnostic]
        /// Whether an error was reported.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Id of the diagnostic for a value of the wrong JSON type.
    public static let fieldTypeID: DiagnosticID = "dashboard-field-type"
    /// Id of the diagnostic for a file whose top-level value is not a dashboard.
    public static let notADashboardID: DiagnosticID = "dashboard-not-a-dashboard"

    /// Reads the dashboard of a document read from a file; locations are the file's.
    public func read(_ document: JSONDocument) -> Result {
        build(document, sources: nil)
    }

    /// Builds the model of a dashboard the compiler lowered, with Swift source locations.
    ///
    /// - Parameters:
    ///   - json: the dashboard object;
    ///   - path: the artifact path it is written to (its nodes' pointers refer to that file);
    ///   - sources: the Swift locations of the definitions the nodes were lowered from.
    public func model(of json: JSONValue, path: String, sources: DashboardSourceMap) -> Result {
        build(JSONDocument(path: path, root: json), sources: sources)
    }

    private func build(_ document: JSONDocument, sources: DashboardSourceMap?) -> Result {
        var builder = Builder(sources: sources)
        var root = document.rootNode
        // Grafana's HTTP API wraps the dashboard: {"dashboard": {...}, "meta": {...}}.
        if root["panels"] == nil, root["rows"] == nil, let inner = root["dashboard"], case .object = inner.value {
            root = inner
        }
        guard case .object = root.value else {
            builder.diagnostics.append(Diagnostic(
                .error, "expected a Grafana dashboard (a JSON object with panels, title and uid), got \(root.value.kindDescription)",
                at: builder.locate(root), id: Self.notADashboardID))
            let empty = JSONDocument(path: document.path, root: .object([])).rootNode
            return Result(dashboard: builder.dashboard(empty), diagnostics: builder.diagnostics)
        }
        let dashboard = builder.dashboard(root)
        return Result(dashboard: dashboard, diagnostics: builder.diagnostics)
    }
}

/// The Swift locations of a lowered dashboard's definitions, in the order the model lists the
/// nodes (`Grafana.Dashboard.panels`, `rows`, …). A node without an entry takes the location of
/// the definition that contains it (a target its panel's, a panel the dashboard's).
public struct DashboardSourceMap: Sendable {
    /// The dashboard definition.
    public var dashboard: SourceLocation
    /// Each panel, in flattened order.
    public var panels: [SourceLocation] = []
    /// Each row, in order.
    public var rows: [SourceLocation] = []
    /// Each panel's queries, by flattened panel then target.
    public var targets: [[SourceLocation]] = []
    /// Each template variable.
    public var variables: [SourceLocation] = []
    /// Each annotation query.
    public var annotations: [SourceLocation] = []
    /// Each dashboard link.
    public var links: [SourceLocation] = []

    /// Creates a map with the dashboard's location.
    public init(dashboard: SourceLocation) { self.dashboard = dashboard }
}

/// Walks a dashboard's nodes, reading the typed views and collecting type errors.
///
/// Scalar members are read from the values directly; located nodes (with a pointer) are made
/// only for typed nodes and for errors, which keeps building the model of a compiled dashboard
/// cheap next to writing it.
private struct Builder {
    let sources: DashboardSourceMap?
    /// The Swift location of the definition being read (compiled dashboards only).
    var context: Location = .file(FileLocation(path: ""))
    var diagnostics: [Diagnostic] = []
    var panelIndex = 0
    var rowIndex = 0

    init(sources: DashboardSourceMap?) {
        self.sources = sources
        if let sources { context = .source(sources.dashboard) }
    }

    /// The location of a node: its place in the file, or the definition being read.
    func locate(_ node: JSONNode) -> Location { sources == nil ? .json(node.location) : context }

    /// Reads a typed node whose Swift location is `source` (when compiled), restoring the
    /// enclosing definition's location afterwards.
    mutating func within<T>(_ source: SourceLocation?, _ body: (inout Builder) -> T) -> T {
        let saved = context
        if let source { context = .source(source) }
        defer { context = saved }
        return body(&self)
    }

    // MARK: Typed accessors that report wrong types

    private mutating func wrongType(_ parent: JSONNode, _ key: String, expected: String) {
        guard let node = parent[key] else { return }
        wrongType(node, expected: expected)
    }

    private mutating func wrongType(_ node: JSONNode, expected: String) {
        let key = node.pointer.tokens.last.map { "'\($0)'" } ?? "value"
        diagnostics.append(Diagnostic(
            .error, "\(key) must be \(expected), got \(node.value.kindDescription)",
            at: locate(node), id: DashboardReader.fieldTypeID))
    }

    /// A string member; `null` and a missing key are nil.
    mutating func string(_ parent: JSONNode, _ key: String) -> String? {
        guard let value = parent.value[key] else { return nil }
        switch value {
        case .string(let text): return text
        case .null: return nil
        default:
            wrongType(parent, key, expected: "a string")
            return nil
        }
    }

    /// A string member where Grafana also accepts numbers and booleans (shown as text).
    func text(_ parent: JSONNode, _ key: String) -> String? {
        switch parent.value[key] {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)?: return String(number)
        case .number(let text)?: return text
        case .bool(let flag)?: return String(flag)
        default: return nil
        }
    }

    mutating func int(_ parent: JSONNode, _ key: String) -> Int? {
        guard let value = parent.value[key], !value.isNull else { return nil }
        if let number = value.intValue { return number }
        // Old dashboards sometimes hold numbers as strings ("refresh": "1", "hide": "0").
        if let text = value.stringValue, let number = Int(text) { return number }
        wrongType(parent, key, expected: "an integer")
        return nil
    }

    /// An integer level that old dashboards write as a boolean (a variable's `refresh: true`,
    /// which Grafana migrates to 1, and `false` to 0).
    mutating func level(_ parent: JSONNode, _ key: String) -> Int? {
        if case .bool(let flag)? = parent.value[key] { return flag ? 1 : 0 }
        return int(parent, key)
    }

    mutating func double(_ parent: JSONNode, _ key: String) -> Double? {
        guard let value = parent.value[key], !value.isNull else { return nil }
        if let number = value.doubleValue { return number }
        if let text = value.stringValue, let number = Double(text) { return number }
        wrongType(parent, key, expected: "a number")
        return nil
    }

    mutating func bool(_ parent: JSONNode, _ key: String) -> Bool? {
        switch parent.value[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        // Legacy dashboards write 0/1 for flags (builtIn, hide); Grafana reads them as truthy.
        case .int(let number)?: return number != 0
        default:
            wrongType(parent, key, expected: "a boolean")
            return nil
        }
    }

    /// The elements of an array member; a missing key or `null` is empty.
    mutating func array(_ parent: JSONNode, _ key: String) -> [JSONNode] {
        guard let node = parent[key] else { return [] }
        switch node.value {
        case .array: return node.elements
        case .null: return []
        default:
            wrongType(node, expected: "an array")
            return []
        }
    }

    /// An object member; a missing key or `null` is nil.
    mutating func object(_ parent: JSONNode, _ key: String) -> JSONNode? {
        guard let node = parent[key] else { return nil }
        switch node.value {
        case .object: return node
        case .null: return nil
        default:
            wrongType(node, expected: "an object")
            return nil
        }
    }

    mutating func strings(_ parent: JSONNode, _ key: String) -> [String] {
        guard let value = parent.value[key] else { return [] }
        if let elements = value.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) {
            return elements.compactMap(\.stringValue)
        }
        return array(parent, key).compactMap { element in
            if let text = element.value.stringValue { return text }
            wrongType(element, expected: "a string")
            return nil
        }
    }

    mutating func datasource(_ parent: JSONNode) -> Grafana.DatasourceRef? {
        guard let value = parent.value["datasource"] else { return nil }
        if let reference = Grafana.DatasourceRef(json: value) { return reference }
        wrongType(parent, "datasource", expected: "a datasource reference ({\"type\", \"uid\"}, a name or null)")
        return nil
    }

    /// Checks that an array element is an object before it is read as one.
    mutating func isObject(_ node: JSONNode, _ what: String) -> Bool {
        if case .object = node.value { return true }
        diagnostics.append(Diagnostic(
            .error, "\(what) must be an object, got \(node.value.kindDescription)",
            at: locate(node), id: DashboardReader.fieldTypeID))
        return false
    }

    // MARK: Dashboard

    mutating func dashboard(_ root: JSONNode) -> Grafana.Dashboard {
        var panels: [Grafana.Panel] = []
        var rows: [Grafana.Row] = []
        flatten(array(root, "panels"), rowPath: [], panels: &panels, rows: &rows)
        for node in array(root, "rows") where isObject(node, "a legacy row") {
            let title = string(node, "title") ?? ""
            rows.append(row(node, title: title, isLegacy: true))
            for panel in array(node, "panels") where isObject(panel, "a panel") {
                panels.append(self.panel(panel, rowPath: [title]))
            }
        }
        let templating = object(root, "templating")
        let annotationsNode = object(root, "annotations")
        var timeRange: (from: String, to: String)?
        if let time = object(root, "time"), let from = string(time, "from"), let to = string(time, "to") {
            timeRange = (from, to)
        }
        return Grafana.Dashboard(
            json: root.value, location: locate(root), pointer: root.pointer,
            uid: string(root, "uid"), title: string(root, "title"), description: string(root, "description"),
            tags: strings(root, "tags"), schemaVersion: int(root, "schemaVersion"),
            refresh: root["refresh"]?.value, timeRange: timeRange, timezone: string(root, "timezone"),
            panels: panels, rows: rows,
            variables: located(templating.map { array($0, "list") } ?? [], "a variable", sources?.variables) { $0.variable($1) },
            annotations: located(annotationsNode.map { array($0, "list") } ?? [], "an annotation", sources?.annotations) { $0.annotation($1) },
            links: located(array(root, "links"), "a link", sources?.links) { $0.link($1) },
            inputs: array(root, "__inputs").filter { isObject($0, "an input") }.map { input($0) })
    }

    /// The typed nodes of the object elements of an array, each read within its Swift location.
    mutating func located<T>(_ nodes: [JSONNode], _ what: String, _ sources: [SourceLocation]?, _ read: (inout Builder, JSONNode) -> T) -> [T] {
        var result: [T] = []
        for (position, node) in nodes.enumerated() where isObject(node, what) {
            result.append(within(sources?.element(position)) { read(&$0, node) })
        }
        return result
    }

    /// Panels and row headers of a `panels` array; panels after a row belong to it, and the
    /// nested `panels` of a (collapsed) row belong to it too.
    mutating func flatten(_ nodes: [JSONNode], rowPath: [String], panels: inout [Grafana.Panel], rows: inout [Grafana.Row]) {
        var currentRow: [String]?
        for node in nodes where isObject(node, "a panel") {
            if string(node, "type") == "row" {
                let title = string(node, "title") ?? ""
                rows.append(row(node, title: title, isLegacy: false))
                currentRow = rowPath + [title]
                flatten(array(node, "panels"), rowPath: rowPath + [title], panels: &panels, rows: &rows)
            } else {
                panels.append(panel(node, rowPath: currentRow ?? rowPath))
            }
        }
    }

    mutating func row(_ node: JSONNode, title: String, isLegacy: Bool) -> Grafana.Row {
        defer { rowIndex += 1 }
        return within(sources?.rows.element(rowIndex)) { builder in
            Grafana.Row(
                json: node.value, location: builder.locate(node), pointer: node.pointer, title: title,
                collapsed: builder.bool(node, isLegacy ? "collapse" : "collapsed") ?? false,
                id: isLegacy ? nil : builder.int(node, "id"), gridPos: isLegacy ? nil : builder.gridPos(node),
                repeatVariable: builder.string(node, "repeat"), isLegacy: isLegacy)
        }
    }

    /// `gridPos`; nil when missing or incomplete (legacy `rows[]` panels often carry `{}` and a
    /// `span`; Grafana's migration computes the position), an error when a member is not a number.
    mutating func gridPos(_ parent: JSONNode) -> Grafana.GridPos? {
        guard let node = object(parent, "gridPos") else { return nil }
        let x = int(node, "x"), y = int(node, "y"), w = int(node, "w"), h = int(node, "h")
        guard let w, let h else { return nil }
        return Grafana.GridPos(x: x ?? 0, y: y ?? 0, w: w, h: h, location: locate(node))
    }

    mutating func panel(_ node: JSONNode, rowPath: [String]) -> Grafana.Panel {
        let index = panelIndex
        panelIndex += 1
        return within(sources?.panels.element(index)) { builder in
            var libraryPanelUID: String?
            if let library = builder.object(node, "libraryPanel") { libraryPanelUID = builder.string(library, "uid") }
            let targets = builder.located(builder.array(node, "targets"), "a target", builder.sources?.targets.element(index)) { $0.target($1) }
            return Grafana.Panel(
                json: node.value, location: builder.locate(node), pointer: node.pointer, rowPath: rowPath,
                id: builder.int(node, "id"), type: builder.string(node, "type") ?? "", title: builder.string(node, "title") ?? "",
                description: builder.string(node, "description"), gridPos: builder.gridPos(node), datasource: builder.datasource(node),
                targets: targets, fieldConfig: builder.fieldConfig(node), options: node.value["options"],
                repeatVariable: builder.string(node, "repeat"), interval: builder.string(node, "interval"),
                links: builder.array(node, "links").filter { builder.isObject($0, "a link") }.map { builder.link($0) },
                libraryPanelUID: libraryPanelUID)
        }
    }

    mutating func target(_ node: JSONNode) -> Grafana.Target {
        let exprNode = sources == nil ? node["expr"] : nil
        return Grafana.Target(
            json: node.value, location: locate(node), pointer: node.pointer,
            refId: string(node, "refId"), expr: string(node, "expr"), exprLocation: sources == nil ? exprNode.map { locate($0) } : context,
            legendFormat: string(node, "legendFormat"), datasource: datasource(node),
            hide: bool(node, "hide"), instant: bool(node, "instant"), range: bool(node, "range"),
            interval: string(node, "interval"), format: string(node, "format"))
    }

    mutating func fieldConfig(_ panel: JSONNode) -> Grafana.FieldConfig {
        guard let node = object(panel, "fieldConfig") else {
            return Grafana.FieldConfig(
                json: .object([]), location: locate(panel), unit: nil, decimals: nil, min: nil, max: nil, displayName: nil,
                colorMode: nil, thresholds: nil, mappings: [], custom: nil, overrides: [])
        }
        let defaults = object(node, "defaults")
        var thresholds: Grafana.Thresholds?
        var colorMode: String?
        var mappings: [Grafana.ValueMapping] = []
        if let defaults {
            if let color = object(defaults, "color") { colorMode = string(color, "mode") }
            if let thresholdsNode = object(defaults, "thresholds") {
                let steps = array(thresholdsNode, "steps").filter { isObject($0, "a threshold step") }.map { step in
                    Grafana.ThresholdStep(color: string(step, "color"), value: double(step, "value"), location: locate(step))
                }
                thresholds = Grafana.Thresholds(mode: string(thresholdsNode, "mode"), steps: steps, location: locate(thresholdsNode))
            }
            mappings = array(defaults, "mappings").filter { isObject($0, "a value mapping") }.map { mapping in
                Grafana.ValueMapping(json: mapping.value, type: mappingType(mapping), location: locate(mapping))
            }
        }
        let overrides = array(node, "overrides").filter { isObject($0, "an override") }.map { override -> Grafana.Override in
            let matcher = object(override, "matcher")
            let properties = array(override, "properties").filter { isObject($0, "an override property") }.map { property in
                (id: string(property, "id") ?? "", value: property["value"]?.value ?? .null)
            }
            return Grafana.Override(
                json: override.value, matcherID: matcher.flatMap { string($0, "id") }, matcherOptions: matcher?["options"]?.value,
                properties: properties, location: locate(override))
        }
        return Grafana.FieldConfig(
            json: node.value, location: locate(node),
            unit: defaults.flatMap { string($0, "unit") }, decimals: defaults.flatMap { int($0, "decimals") },
            min: defaults.flatMap { double($0, "min") }, max: defaults.flatMap { double($0, "max") },
            displayName: defaults.flatMap { string($0, "displayName") }, colorMode: colorMode,
            thresholds: thresholds, mappings: mappings, custom: defaults?["custom"]?.value, overrides: overrides)
    }

    /// A mapping's `type`; legacy mappings (before Grafana 8) number it: 1 value, 2 range.
    mutating func mappingType(_ node: JSONNode) -> String? {
        switch node.value["type"] {
        case .int(1)?: return "value"
        case .int(2)?: return "range"
        default: return string(node, "type")
        }
    }

    mutating func variable(_ node: JSONNode) -> Grafana.Variable {
        var query: String?
        if let queryNode = node["query"] {
            switch queryNode.value {
            case .string(let text): query = text
            case .object: query = string(queryNode, "query")
            default: query = nil
            }
        }
        return Grafana.Variable(
            json: node.value, location: locate(node), pointer: node.pointer,
            name: string(node, "name") ?? "", type: string(node, "type"), label: string(node, "label"),
            query: query, definition: string(node, "definition"), datasource: datasource(node),
            multi: bool(node, "multi"), includeAll: bool(node, "includeAll"), regex: string(node, "regex"),
            refresh: level(node, "refresh"), hide: level(node, "hide"), current: node.value["current"])
    }

    mutating func annotation(_ node: JSONNode) -> Grafana.Annotation {
        let target = object(node, "target")
        return Grafana.Annotation(
            json: node.value, location: locate(node), pointer: node.pointer,
            name: string(node, "name"), datasource: datasource(node), enable: bool(node, "enable"), hide: bool(node, "hide"),
            iconColor: string(node, "iconColor"), isBuiltIn: bool(node, "builtIn") ?? false,
            expr: target.flatMap { string($0, "expr") } ?? string(node, "expr"),
            titleFormat: string(node, "titleFormat"), textFormat: string(node, "textFormat"))
    }

    mutating func link(_ node: JSONNode) -> Grafana.Link {
        Grafana.Link(
            json: node.value, location: locate(node), title: text(node, "title"), type: string(node, "type"),
            url: string(node, "url"), tags: strings(node, "tags"))
    }

    mutating func input(_ node: JSONNode) -> Grafana.Input {
        Grafana.Input(
            name: string(node, "name") ?? "", type: string(node, "type"), pluginId: string(node, "pluginId"),
            label: string(node, "label"), value: text(node, "value"), location: locate(node))
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    fileprivate func element(_ index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

import PeriscopeDSL

/// Lowers DSL values to Grafana's classic dashboard JSON model for one environment.
///
/// Datasource names are resolved through the environment; problems (such as a logical
/// datasource the environment does not define) are reported to the collector and lowering
/// goes on, so one run reports every problem.
public struct GrafanaLowering: Sendable {
    /// The environment being rendered.
    public var environment: Environment
    /// Where problems are reported.
    public var diagnostics: DiagnosticCollector
    /// Whether the environment's `prometheus.selectors` are injected into panel queries,
    /// Prometheus query variables and annotation exprs (``SelectorInjection``).
    public var injectsSelectors: Bool

    /// Creates a lowering for one environment.
    public init(environment: Environment, diagnostics: DiagnosticCollector, injectsSelectors: Bool = false) {
        self.environment = environment
        self.diagnostics = diagnostics
        self.injectsSelectors = injectsSelectors
    }

    // MARK: Datasources

    /// The `{type, uid}` object of a datasource reference, resolving logical names.
    public func datasource(_ reference: DatasourceReference, at location: SourceLocation) -> JSONValue {
        switch reference {
        case .named(let name):
            guard let resolved = environment.grafana.datasources[name] else {
                let defined = environment.grafana.datasources.keys.sorted()
                let where_ = environment.location(of: .grafanaDatasources).map { " (\($0))" } ?? ""
                let list = defined.isEmpty ? "it defines none" : "it defines: \(defined.joined(separator: ", "))"
                diagnostics.emit(.error(
                    "datasource '\(name)' is not defined in environment '\(environment.name)'; expected it under grafana.datasources\(where_), \(list)",
                    at: location, id: .datasourceUndefined, problem: "datasource-undefined/\(name)/\(environment.name)"))
                return .object([JSONMember("type", "prometheus"), JSONMember("uid", .string(name))])
            }
            return Self.datasourceObject(type: resolved.type, uid: resolved.uid)
        case .variable(let name, let type):
            // `$datasource` and `${datasource}` are kept as the user wrote them.
            return Self.datasourceObject(type: type, uid: name.hasPrefix("$") ? name : "${\(name)}")
        case .fixed(let fixed):
            return Self.datasourceObject(type: fixed.type, uid: fixed.uid)
        case .grafana:
            return Self.datasourceObject(type: "grafana", uid: "-- Grafana --")
        case .mixed:
            return Self.datasourceObject(type: "datasource", uid: "-- Mixed --")
        case .dashboard:
            return Self.datasourceObject(type: "datasource", uid: "-- Dashboard --")
        }
    }

    /// The plugin type of a datasource reference (`prometheus`, `loki`, …), when known.
    func datasourceType(_ reference: DatasourceReference) -> String? {
        switch reference {
        case .named(let name): environment.grafana.datasources[name]?.type
        case .variable(_, let type): type
        case .fixed(let fixed): fixed.type
        case .grafana, .mixed, .dashboard: nil
        }
    }

    static func datasourceObject(type: String, uid: String) -> JSONValue {
        .object([JSONMember("type", .string(type)), JSONMember("uid", .string(uid))])
    }

    /// The datasource a panel's queries use: the panel's, else the dashboard default, else by query kind.
    public func effectiveDatasource(of panel: Panel, dashboardDefault: DatasourceReference?) -> DatasourceReference? {
        if let own = panel.datasource { return own }
        if let fallback = dashboardDefault { return fallback }
        var kinds = Set<Int>()
        for query in panel.queries {
            switch query {
            case .prometheus(let q) where q.datasource == nil: kinds.insert(0)
            case .loki(let q) where q.datasource == nil: kinds.insert(1)
            default: kinds.insert(2)
            }
        }
        if kinds.count > 1 { return .mixed }
        switch kinds.first {
        case 0?: return .defaultMetrics
        case 1?: return .defaultLogs
        default: return nil
        }
    }

    // MARK: Panels

    /// The JSON of one (non-row) panel.
    ///
    /// A datasource problem is reported at the panel's `.datasource(_:)`, or at the dashboard's
    /// `.defaultDatasource(_:)` (`dashboardDatasourceLocation`) when the panel inherits it.
    public func panel(
        _ panel: Panel, id: Int, gridPos: GridPos,
        dashboardDatasource: DatasourceReference? = nil, dashboardDatasourceLocation: SourceLocation? = nil
    ) -> JSONValue {
        var members: [JSONMember] = []
        members.reserveCapacity(16)
        let panelDatasource = effectiveDatasource(of: panel, dashboardDefault: dashboardDatasource)
        var panelDatasourceJSON: JSONValue?
        if let panelDatasource {
            let inherited = panel.datasource == nil && dashboardDatasource != nil
            let location = inherited ? dashboardDatasourceLocation ?? panel.location : panel.location(of: .datasource)
            panelDatasourceJSON = datasource(panelDatasource, at: location)
            members.append(JSONMember("datasource", panelDatasourceJSON!))
        }
        if let description = panel.description { members.append(JSONMember("description", .string(description))) }
        members.append(JSONMember("fieldConfig", fieldConfig(panel)))
        members.append(JSONMember("gridPos", Self.gridPos(gridPos)))
        members.append(JSONMember("id", .int(id)))
        if let interval = panel.interval { members.append(JSONMember("interval", .string(interval.rawValue))) }
        if !panel.links.isEmpty { members.append(JSONMember("links", .array(panel.links.map(Self.link)))) }
        if let maxDataPoints = panel.maxDataPoints { members.append(JSONMember("maxDataPoints", .int(maxDataPoints))) }
        if let repeatOptions = panel.repeatOptions {
            if let maxPerRow = repeatOptions.maxPerRow { members.append(JSONMember("maxPerRow", .int(maxPerRow))) }
        }
        members.append(JSONMember("options", panel.options))
        if let repeatOptions = panel.repeatOptions {
            members.append(JSONMember("repeat", .string(repeatOptions.variable)))
            if let direction = repeatOptions.direction { members.append(JSONMember("repeatDirection", .string(direction.rawValue))) }
        }
        if !panel.queries.isEmpty {
            members.append(JSONMember("targets", .array(targets(panel.queries, panelDatasource: panelDatasource, resolved: panelDatasourceJSON))))
        }
        if let timeFrom = panel.timeFrom { members.append(JSONMember("timeFrom", .string(timeFrom.rawValue))) }
        if let timeShift = panel.timeShift { members.append(JSONMember("timeShift", .string(timeShift.rawValue))) }
        members.append(JSONMember("title", .string(panel.title)))
        if !panel.transformations.isEmpty {
            members.append(JSONMember("transformations", .array(panel.transformations.map(Self.transformation))))
        }
        if let transparent = panel.transparent { members.append(JSONMember("transparent", .bool(transparent))) }
        members.append(JSONMember("type", .string(panel.type.rawValue)))
        let object = JSONValue.object(members)
        return panel.extra.isEmptyObject ? object : object.merging(panel.extra)
    }

    /// The JSON of a row header; `panels` holds the nested panels of a collapsed row.
    public func row(_ row: Row, id: Int, gridPos: GridPos, panels: [JSONValue]) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("collapsed", .bool(row.collapsed)),
            JSONMember("gridPos", Self.gridPos(gridPos)),
            JSONMember("id", .int(id)),
            JSONMember("panels", .array(panels)),
        ]
        if let variable = row.repeatVariable { members.append(JSONMember("repeat", .string(variable))) }
        members.append(JSONMember("title", .string(row.title)))
        members.append(JSONMember("type", .string(PanelType.row.rawValue)))
        return row.extra.isEmptyObject ? .object(members) : JSONValue.object(members).merging(row.extra)
    }

    static func gridPos(_ pos: GridPos) -> JSONValue {
        .object([JSONMember("h", .int(pos.h)), JSONMember("w", .int(pos.w)), JSONMember("x", .int(pos.x)), JSONMember("y", .int(pos.y))])
    }

    static func link(_ link: DataLink) -> JSONValue {
        var members: [JSONMember] = []
        if let targetBlank = link.targetBlank { members.append(JSONMember("targetBlank", .bool(targetBlank))) }
        members.append(JSONMember("title", .string(link.title)))
        members.append(JSONMember("url", .string(link.url)))
        return .object(members)
    }

    static func transformation(_ transformation: Transformation) -> JSONValue {
        var members: [JSONMember] = []
        if let disabled = transformation.disabled { members.append(JSONMember("disabled", .bool(disabled))) }
        members.append(JSONMember("id", .string(transformation.id)))
        members.append(JSONMember("options", transformation.options))
        return .object(members)
    }

    // MARK: Field config

    /// `{"defaults": …, "overrides": […]}`.
    public func fieldConfig(_ panel: Panel) -> JSONValue {
        let defaults = panel.fieldDefaults
        var members: [JSONMember] = []
        if let color = defaults.color {
            var colorMembers: [JSONMember] = []
            if let fixed = color.fixedColor { colorMembers.append(JSONMember("fixedColor", .string(fixed.rawValue))) }
            colorMembers.append(JSONMember("mode", .string(color.mode)))
            members.append(JSONMember("color", .object(colorMembers)))
        }
        if !defaults.custom.isEmptyObject { members.append(JSONMember("custom", defaults.custom)) }
        if let decimals = defaults.decimals { members.append(JSONMember("decimals", .int(decimals))) }
        if let description = defaults.description { members.append(JSONMember("description", .string(description))) }
        if let displayName = defaults.displayName { members.append(JSONMember("displayName", .string(displayName))) }
        if !defaults.links.isEmpty { members.append(JSONMember("links", .array(defaults.links.map(Self.link)))) }
        if !defaults.mappings.isEmpty { members.append(JSONMember("mappings", FieldConfigEncoding.mappings(defaults.mappings))) }
        if let max = defaults.max { members.append(JSONMember("max", FieldConfigEncoding.number(max))) }
        if let min = defaults.min { members.append(JSONMember("min", FieldConfigEncoding.number(min))) }
        if let noValue = defaults.noValue { members.append(JSONMember("noValue", .string(noValue))) }
        if let thresholds = defaults.thresholds { members.append(JSONMember("thresholds", FieldConfigEncoding.thresholds(thresholds))) }
        if let unit = defaults.unit { members.append(JSONMember("unit", .string(unit.id))) }
        let overrides: [JSONValue] = panel.overrides.map { override in
            .object([
                JSONMember("matcher", .object([JSONMember("id", .string(override.matcher.id)), JSONMember("options", .string(override.matcher.option))])),
                JSONMember("properties", .array(override.properties.map { .object([JSONMember("id", .string($0.id)), JSONMember("value", $0.value)]) })),
            ])
        }
        return .object([JSONMember("defaults", .object(members)), JSONMember("overrides", .array(overrides))])
    }

    // MARK: Queries

    /// The refIds of `queries`: explicit ones kept, the others `A`, `B`, … skipping those taken.
    public static func refIds(for queries: [Query]) -> [String] {
        if queries.count <= 26, !queries.contains(where: { $0.explicitRefId != nil }) {
            return Array(letters[0..<queries.count])
        }
        let taken = Set(queries.compactMap(\.explicitRefId))
        var next = 0
        return queries.map { query in
            if let explicit = query.explicitRefId { return explicit }
            while true {
                let candidate = refIdName(next)
                next += 1
                if !taken.contains(candidate) { return candidate }
            }
        }
    }

    private static let letters: [String] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)

    /// `A`…`Z`, then `AA`, `AB`, … like Grafana.
    static func refIdName(_ index: Int) -> String {
        if index < 26 { return letters[index] }
        return refIdName(index / 26 - 1) + letters[index % 26]
    }

    /// The `targets` array. A query without a datasource of its own uses the panel's
    /// (`resolved`, when the panel already resolved it, so a problem with it is reported once, at
    /// the panel), or under a Mixed or no panel datasource the default for its kind.
    public func targets(_ queries: [Query], panelDatasource: DatasourceReference?, resolved: JSONValue? = nil) -> [JSONValue] {
        let ids = Self.refIds(for: queries)
        var inherited = resolved
        func datasourceMember(own: DatasourceReference?, kindDefault: DatasourceReference, at location: SourceLocation) -> JSONMember {
            if let own { return JSONMember("datasource", datasource(own, at: location)) }
            guard let panelDatasource, panelDatasource != .mixed else { return JSONMember("datasource", datasource(kindDefault, at: location)) }
            if inherited == nil { inherited = datasource(panelDatasource, at: location) }
            return JSONMember("datasource", inherited!)
        }
        return queries.enumerated().map { index, query in
            switch query {
            case .prometheus(let prometheus):
                var members: [JSONMember] = []
                members.reserveCapacity(10)
                members.append(datasourceMember(own: prometheus.datasource, kindDefault: .defaultMetrics, at: prometheus.location))
                if let exemplar = prometheus.exemplar { members.append(JSONMember("exemplar", .bool(exemplar))) }
                let expr = injectsSelectors ? SelectorInjection.rewrite(prometheus, environment: environment, diagnostics: diagnostics) : prometheus.expr
                members.append(JSONMember("expr", .string(expr)))
                if let format = prometheus.format { members.append(JSONMember("format", .string(format.rawValue))) }
                if let hide = prometheus.hide { members.append(JSONMember("hide", .bool(hide))) }
                if let instant = prometheus.instant { members.append(JSONMember("instant", .bool(instant))) }
                if let interval = prometheus.interval { members.append(JSONMember("interval", .string(interval.rawValue))) }
                if let legend = prometheus.legendFormat { members.append(JSONMember("legendFormat", .string(legend))) }
                if let range = prometheus.range { members.append(JSONMember("range", .bool(range))) }
                members.append(JSONMember("refId", .string(ids[index])))
                return prometheus.extra.isEmptyObject ? .object(members) : JSONValue.object(members).merging(prometheus.extra)
            case .loki(let loki):
                var members = [datasourceMember(own: loki.datasource, kindDefault: .defaultLogs, at: loki.location)]
                members.append(JSONMember("expr", .string(loki.expr)))
                if let hide = loki.hide { members.append(JSONMember("hide", .bool(hide))) }
                if let legend = loki.legendFormat { members.append(JSONMember("legendFormat", .string(legend))) }
                if let maxLines = loki.maxLines { members.append(JSONMember("maxLines", .int(maxLines))) }
                if let instant = loki.instant { members.append(JSONMember("queryType", .string(instant ? "instant" : "range"))) }
                members.append(JSONMember("refId", .string(ids[index])))
                return loki.extra.isEmptyObject ? .object(members) : JSONValue.object(members).merging(loki.extra)
            }
        }
    }
}

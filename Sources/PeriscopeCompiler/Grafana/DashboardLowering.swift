import PeriscopeDSL
import PeriscopeModel

extension GrafanaLowering {
    /// The artifact model of a resolved dashboard: its classic dashboard JSON with the Swift
    /// location of each node.
    public func dashboard(_ resolved: ResolvedDashboard) -> LoweredDashboard {
        let (json, placed) = dashboardJSON(resolved)
        let model = self.model(of: json, resolved, placed: placed)
        var lowered = LoweredDashboard(uid: resolved.uid, title: resolved.dashboard.title, folder: resolved.folder, model: model, location: resolved.dashboard.location)
        (lowered.nodeSources, lowered.suppressions) = NodeSources.dashboard(resolved.dashboard, placed: placed)
        return lowered
    }

    /// ``dashboardFile(_:)`` with the Swift definitions of the nodes and the suppressions, for `manifest.json`.
    func dashboardFileWithSources(_ resolved: ResolvedDashboard) -> (json: JSONValue, sources: [ArtifactNodeSource], suppressions: [OutputManifest.Suppression]) {
        let (json, placed) = dashboardJSON(resolved)
        if Self.hasSettings(resolved.dashboard) { _ = model(of: json, resolved, placed: placed) }
        let (sources, suppressions) = NodeSources.dashboard(resolved.dashboard, placed: placed)
        return (json, sources, suppressions)
    }

    /// The classic dashboard JSON of a resolved dashboard, for writing it without its model.
    ///
    /// Reports the same problems as `dashboard(_:)`: the typed values that only an escape hatch can
    /// get wrong are checked by building the model when the dashboard or a panel has `.setting`s.
    public func dashboardFile(_ resolved: ResolvedDashboard) -> JSONValue {
        let (json, placed) = dashboardJSON(resolved)
        if Self.hasSettings(resolved.dashboard) { _ = model(of: json, resolved, placed: placed) }
        return json
    }

    /// The model of lowered JSON, its problems reported: lowered values have the right types unless
    /// an escape hatch (`.setting`) put a value of the wrong type where Grafana expects another,
    /// which is the user's error.
    private func model(of json: JSONValue, _ resolved: ResolvedDashboard, placed: [PlacedItem]) -> Grafana.Dashboard {
        let path = "grafana/dashboards/\(resolved.folder)/\(resolved.uid).json"
        let result = DashboardReader().model(of: json, path: path, sources: Self.sourceMap(resolved.dashboard, placed: placed))
        diagnostics.emit(contentsOf: result.diagnostics)
        return result.dashboard
    }

    /// Whether the dashboard or one of its panels has `.setting`s: untyped JSON merged over the
    /// typed fields, the only way a lowered dashboard can hold a value of the wrong type.
    static func hasSettings(_ dashboard: Dashboard) -> Bool {
        if !dashboard.extra.isEmptyObject { return true }
        return dashboard.items.contains { item in
            switch item {
            case .panel(let panel): !panel.extra.isEmptyObject
            case .row(let row): row.panels.contains { !$0.extra.isEmptyObject }
            }
        }
    }

    /// The classic dashboard JSON of a resolved dashboard, and the placed items it was laid out from.
    ///
    /// Written fields: `annotations`, `description`, `editable`, `graphTooltip`, `links`,
    /// `panels`, `refresh`, `schemaVersion`, `tags`, `templating`, `time`, `timezone`, `title`
    /// and `uid`, only where the definition or environment sets them (`annotations`, `panels`,
    /// `templating`, `schemaVersion`, `title` and `uid` always), plus any escape-hatch settings.
    func dashboardJSON(_ resolved: ResolvedDashboard) -> (JSONValue, [PlacedItem]) {
        let dashboard = resolved.dashboard
        var members: [JSONMember] = []
        members.reserveCapacity(16)
        members.append(JSONMember("annotations", .object([JSONMember("list", .array(dashboard.annotations.map(annotation)))])))
        if let description = dashboard.description { members.append(JSONMember("description", .string(description))) }
        if let editable = dashboard.editable { members.append(JSONMember("editable", .bool(editable))) }
        if let tooltip = dashboard.graphTooltip { members.append(JSONMember("graphTooltip", .int(tooltip.rawValue))) }
        if !dashboard.links.isEmpty { members.append(JSONMember("links", .array(dashboard.links.map(dashboardLink)))) }
        let placed = GridLayout().place(dashboard.items)
        members.append(JSONMember("panels", .array(panels(placed, dashboardDatasource: dashboard.defaultDatasource,
                                                          dashboardDatasourceLocation: dashboard.location(of: .defaultDatasource)))))
        if let refresh = resolved.refresh { members.append(JSONMember("refresh", .string(refresh.rawValue))) }
        members.append(JSONMember("schemaVersion", .int(dashboard.schemaVersion)))
        if !dashboard.tags.isEmpty { members.append(JSONMember("tags", .array(dashboard.tags.map(JSONValue.string)))) }
        members.append(JSONMember("templating", .object([JSONMember("list", .array(dashboard.variables.map(variable)))])))
        if let time = dashboard.time {
            members.append(JSONMember("time", .object([JSONMember("from", .string(time.from.rawValue)), JSONMember("to", .string(time.to.rawValue))])))
        }
        if let timezone = dashboard.timezone { members.append(JSONMember("timezone", .string(timezone))) }
        members.append(JSONMember("title", .string(dashboard.title)))
        members.append(JSONMember("uid", .string(resolved.uid)))
        var json = JSONValue.object(members)
        if !dashboard.extra.isEmptyObject { json = json.merging(dashboard.extra) }
        return (json, placed)
    }

    /// The Swift locations of the lowered nodes, in the model's order: panels flattened with
    /// their rows' children after each row, as `panels(_:dashboardDatasource:)` writes them.
    static func sourceMap(_ dashboard: Dashboard, placed: [PlacedItem]) -> DashboardSourceMap {
        var map = DashboardSourceMap(dashboard: dashboard.location)
        func add(_ panel: Panel) {
            map.panels.append(panel.location)
            map.targets.append(panel.queries.map(\.location))
        }
        for item in placed {
            switch item.kind {
            case .panel(let panel): add(panel)
            case .row(let row, let children):
                map.rows.append(row.location)
                for child in children {
                    if case .panel(let panel) = child.kind { add(panel) }
                }
            }
        }
        map.variables = dashboard.variables.map(\.location)
        map.annotations = dashboard.annotations.map(\.location)
        return map
    }

    /// The `panels` array of placed items.
    ///
    /// `dashboardDatasourceLocation` is where the dashboard's default datasource was set, for
    /// problems with it in panels that inherit it.
    public func panels(_ placed: [PlacedItem], dashboardDatasource: DatasourceReference?, dashboardDatasourceLocation: SourceLocation? = nil) -> [JSONValue] {
        var result: [JSONValue] = []
        result.reserveCapacity(placed.count * 2)
        for item in placed {
            switch item.kind {
            case .panel(let panel):
                result.append(self.panel(panel, id: item.id, gridPos: item.gridPos, dashboardDatasource: dashboardDatasource,
                                          dashboardDatasourceLocation: dashboardDatasourceLocation))
            case .row(let row, let children):
                let lowered = children.map { child -> JSONValue in
                    guard case .panel(let panel) = child.kind else { return .null }
                    return self.panel(panel, id: child.id, gridPos: child.gridPos, dashboardDatasource: dashboardDatasource,
                                      dashboardDatasourceLocation: dashboardDatasourceLocation)
                }
                if row.collapsed {
                    result.append(self.row(row, id: item.id, gridPos: item.gridPos, panels: lowered))
                } else {
                    result.append(self.row(row, id: item.id, gridPos: item.gridPos, panels: []))
                    result.append(contentsOf: lowered)
                }
            }
        }
        return result
    }
}

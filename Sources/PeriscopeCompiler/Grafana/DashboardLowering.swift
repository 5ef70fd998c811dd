import PeriscopeDSL

extension GrafanaLowering {
    /// The classic dashboard JSON of a resolved dashboard.
    ///
    /// Written fields: `annotations`, `description`, `editable`, `graphTooltip`, `links`,
    /// `panels`, `refresh`, `schemaVersion`, `tags`, `templating`, `time`, `timezone`, `title`
    /// and `uid`, only where the definition or environment sets them (`annotations`, `panels`,
    /// `templating`, `schemaVersion`, `title` and `uid` always), plus any escape-hatch settings.
    public func dashboard(_ resolved: ResolvedDashboard) -> LoweredDashboard {
        let dashboard = resolved.dashboard
        var members: [JSONMember] = []
        members.reserveCapacity(16)
        members.append(JSONMember("annotations", .object([JSONMember("list", .array(dashboard.annotations.map(annotation)))])))
        if let description = dashboard.description { members.append(JSONMember("description", .string(description))) }
        if let editable = dashboard.editable { members.append(JSONMember("editable", .bool(editable))) }
        if let tooltip = dashboard.graphTooltip { members.append(JSONMember("graphTooltip", .int(tooltip.rawValue))) }
        if !dashboard.links.isEmpty { members.append(JSONMember("links", .array(dashboard.links.map(dashboardLink)))) }
        members.append(JSONMember("panels", .array(panels(GridLayout().place(dashboard.items), dashboardDatasource: dashboard.defaultDatasource,
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
        return LoweredDashboard(uid: resolved.uid, title: dashboard.title, folder: resolved.folder, json: json, location: dashboard.location)
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

import PeriscopeDSL
import PeriscopeModel

/// A dashboard with its environment overlays applied and its environment defaults filled in.
public struct ResolvedDashboard: Sendable {
    /// The dashboard after overlays (panel overlays included).
    public var dashboard: Dashboard
    /// The uid with the environment's `uidPrefix`.
    public var uid: String
    /// The folder: the dashboard's own, else `grafana.folder`, else `General`.
    public var folder: String
    /// The refresh: the dashboard's own, else `grafana.refresh`.
    public var refresh: RefreshInterval?

    /// Applies the overlays for `environment` and its defaults to `dashboard`.
    public init(_ dashboard: Dashboard, environment: Environment) {
        var resolved = dashboard.resolved(for: environment.name)
        let hasPanelOverlays = resolved.items.contains { item in
            switch item {
            case .panel(let panel): !panel.overlays.isEmpty
            case .row(let row): row.panels.contains { !$0.overlays.isEmpty }
            }
        }
        // Rebuilding the items copies every panel; only do it when some panel has overlays.
        if hasPanelOverlays {
            resolved.items = resolved.items.map { item -> DashboardItem in
                switch item {
                case .panel(let panel): return .panel(panel.resolved(for: environment.name))
                case .row(var row):
                    row.panels = row.panels.map { $0.resolved(for: environment.name) }
                    return .row(row)
                }
            }
        }
        self.dashboard = resolved
        self.uid = environment.grafana.uidPrefix + resolved.uid
        self.folder = resolved.folder ?? environment.grafana.folder ?? "General"
        self.refresh = resolved.refresh ?? environment.grafana.refresh
    }
}

/// A dashboard lowered to Grafana JSON, with what the output stage needs to file it.
public struct LoweredDashboard: Sendable, Equatable {
    /// The final uid.
    public var uid: String
    /// The title.
    public var title: String
    /// The folder.
    public var folder: String
    /// The artifact model of the dashboard, with the Swift location of each node.
    public var model: Grafana.Dashboard
    /// Where the dashboard was defined.
    public var location: SourceLocation
    /// The Swift definitions of the dashboard's nodes, by pointer (for `manifest.json`).
    public var nodeSources: [ArtifactNodeSource] = []
    /// The `.lintDisabled` suppressions of the dashboard and its panels, by pointer.
    public var suppressions: [OutputManifest.Suppression] = []

    /// The dashboard JSON (the model's).
    public var json: JSONValue { model.json }
}

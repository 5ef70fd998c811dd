/// How a legend lists series (`legend.displayMode`).
public enum LegendDisplayMode: String, Sendable, Hashable, JSONRepresentable {
    /// Series names in a row or column.
    case list
    /// A table with a column per calculation.
    case table
    /// No legend: written as `showLegend: false` with `displayMode: "list"`, the shape Grafana's
    /// schema-37 migration normalizes a hidden legend to (`DashboardMigrator.ts`); current
    /// Grafana keeps `"hidden"` only for plugin compatibility.
    case hidden
}

/// Where the legend sits (`legend.placement`).
public enum LegendPlacement: String, Sendable, Hashable, JSONRepresentable {
    /// Below the graph.
    case bottom
    /// Right of the graph.
    case right
}

/// A panel with Grafana's common legend options (`options.legend`).
public protocol LegendConfigurable: PanelConvertible {}

extension LegendConfigurable {
    /// Shows the legend as a list or table, with the given calculations per series (`legend.calcs`).
    ///
    /// Writes the whole legend object Grafana's schema requires: `showLegend`, `displayMode`, `placement`, `calcs`.
    public func legend(
        _ displayMode: LegendDisplayMode = .list, placement: LegendPlacement = .bottom, calcs: [ReducerCalculation] = []
    ) -> Self {
        with {
            $0.panel.options[path: "legend.showLegend"] = .bool(displayMode != .hidden)
            $0.panel.options[path: "legend.displayMode"] = (displayMode == .hidden ? .list : displayMode).jsonValue
            $0.panel.options[path: "legend.placement"] = placement.jsonValue
            $0.panel.options[path: "legend.calcs"] = calcs.jsonValue
        }
    }
    /// Hides the legend (`showLegend: false`, `displayMode: "list"`, as Grafana's schema-37
    /// migration in `DashboardMigrator.ts` writes a hidden legend).
    public func hideLegend() -> Self {
        with {
            $0.panel.options[path: "legend.showLegend"] = false
            $0.panel.options[path: "legend.displayMode"] = LegendDisplayMode.list.jsonValue
        }
    }
    /// Sorts a table legend by one of its calculation columns, e.g. `Max`.
    public func legendSort(by column: String, descending: Bool = true) -> Self {
        with {
            $0.panel.options[path: "legend.sortBy"] = .string(column)
            $0.panel.options[path: "legend.sortDesc"] = .bool(descending)
        }
    }
    /// Sets the width of a legend placed on the right, in pixels.
    public func legendWidth(_ pixels: Int) -> Self { settingOption("legend.width", pixels) }
}

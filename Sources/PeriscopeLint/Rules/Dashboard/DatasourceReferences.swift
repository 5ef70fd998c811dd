import PeriscopeDSL
import PeriscopeModel

/// The datasource references of a dashboard (panels, targets, variables, annotations), for the
/// datasource rules.
enum DatasourceReferences {
    struct Reference {
        /// What holds the reference, for messages.
        enum Owner {
            case panel
            /// A query of the panel, by refId.
            case target(refId: String?)
            case variable(String)
            case annotation(String?)
        }

        var reference: Grafana.DatasourceRef
        var location: Location
        var ownedBy: Owner
        /// The index of the panel in `Grafana.Dashboard.panels` (an index, not a copy: panels are large).
        var panel: Int?

        /// The owner for messages: `panel 'Title'`, `query A of panel 'Title'`, `variable 'name'`…
        func owner(in dashboard: Grafana.Dashboard) -> String {
            let title = panel.map { dashboard.panels[$0].title } ?? ""
            switch ownedBy {
            case .panel: return "panel '\(title)'"
            case .target(let refId): return "query \(refId ?? "") of panel '\(title)'"
            case .variable(let name): return "variable '\(name)'"
            case .annotation(let name): return "annotation '\(name ?? "")'"
            }
        }
    }

    static func all(in dashboard: Grafana.Dashboard) -> [Reference] {
        var found: [Reference] = []
        // Panels and targets are read in place by index: copies cost dozens of retains each.
        for index in dashboard.panels.indices {
            if let reference = dashboard.panels[index].datasource {
                found.append(Reference(reference: reference, location: dashboard.panels[index].location, ownedBy: .panel, panel: index))
            }
            for target in dashboard.panels[index].targets.indices {
                if let reference = dashboard.panels[index].targets[target].datasource {
                    found.append(Reference(reference: reference, location: dashboard.panels[index].targets[target].location,
                                           ownedBy: .target(refId: dashboard.panels[index].targets[target].refId), panel: index))
                }
            }
        }
        for variable in dashboard.variables {
            if let reference = variable.datasource { found.append(Reference(reference: reference, location: variable.location, ownedBy: .variable(variable.name), panel: nil)) }
        }
        for annotation in dashboard.annotations where !annotation.isBuiltIn {
            if let reference = annotation.datasource { found.append(Reference(reference: reference, location: annotation.location, ownedBy: .annotation(annotation.name), panel: nil)) }
        }
        return found
    }

    /// Grafana's special datasources, never "hard-coded".
    static func isSpecial(_ reference: Grafana.DatasourceRef) -> Bool {
        if reference.isDefault || reference.isMixed { return true }
        guard let identifier = reference.identifier else { return true }
        if ["-- Grafana --", "-- Dashboard --", "grafana", "-- Mixed --"].contains(identifier) { return true }
        return reference.type == "datasource" || reference.type == "grafana"
    }
}

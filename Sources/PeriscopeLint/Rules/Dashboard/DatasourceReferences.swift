import PeriscopeDSL
import PeriscopeModel

/// The datasource references of a dashboard (panels, targets, variables, annotations), for the
/// datasource rules.
enum DatasourceReferences {
    struct Reference {
        var reference: Grafana.DatasourceRef
        var location: Location
        var owner: String
        var panel: Grafana.Panel?
    }

    static func all(in dashboard: Grafana.Dashboard) -> [Reference] {
        var found: [Reference] = []
        for panel in dashboard.panels {
            if let reference = panel.datasource { found.append(Reference(reference: reference, location: panel.location, owner: "panel '\(panel.title)'", panel: panel)) }
            for target in panel.targets {
                if let reference = target.datasource {
                    found.append(Reference(reference: reference, location: target.location, owner: "query \(target.refId ?? "") of panel '\(panel.title)'", panel: panel))
                }
            }
        }
        for variable in dashboard.variables {
            if let reference = variable.datasource { found.append(Reference(reference: reference, location: variable.location, owner: "variable '\(variable.name)'", panel: nil)) }
        }
        for annotation in dashboard.annotations where !annotation.isBuiltIn {
            if let reference = annotation.datasource { found.append(Reference(reference: reference, location: annotation.location, owner: "annotation '\(annotation.name ?? "")'", panel: nil)) }
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

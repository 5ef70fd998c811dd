import PeriscopeDSL
import PeriscopeModel

/// The Swift definitions of a rendered artifact's nodes, by pointer, for `manifest.json`: what
/// lets `periscope lint build/` point at the Swift line instead of the generated file.
enum NodeSources {
    /// The nodes of a dashboard as `GrafanaLowering` writes it: the dashboard (``), each panel
    /// and row (`/panels/i`, the children of a collapsed row at `/panels/i/panels/k`), each
    /// query (`…/targets/t`), variable (`/templating/list/v`), annotation (`/annotations/list/a`)
    /// ; and the `.lintDisabled` suppressions of the dashboard and its panels.
    static func dashboard(_ dashboard: Dashboard, placed: [PlacedItem]) -> (sources: [ArtifactNodeSource], suppressions: [OutputManifest.Suppression]) {
        var collector = Collector(root: dashboard.location)
        collector.suppress(dashboard.lintSuppressions, at: .root)
        func add(_ panel: Panel, at pointer: JSONPointer, parent: SourceLocation) {
            collector.add(pointer, panel.location, parent: parent)
            collector.suppress(panel.lintSuppressions, at: pointer)
            let targets = pointer.appending("targets")
            for (index, query) in panel.queries.enumerated() {
                collector.add(targets.appending(index), query.location, parent: panel.location)
            }
        }
        let panels = JSONPointer(tokens: ["panels"])
        var index = 0
        for item in placed {
            switch item.kind {
            case .panel(let panel):
                add(panel, at: panels.appending(index), parent: dashboard.location)
                index += 1
            case .row(let row, let children):
                let rowPointer = panels.appending(index)
                collector.add(rowPointer, row.location, parent: dashboard.location)
                index += 1
                for (childIndex, child) in children.enumerated() {
                    guard case .panel(let panel) = child.kind else { continue }
                    if row.collapsed {
                        add(panel, at: rowPointer.appending("panels").appending(childIndex), parent: row.location)
                    } else {
                        add(panel, at: panels.appending(index), parent: dashboard.location)
                        index += 1
                    }
                }
            }
        }
        let variables = JSONPointer(tokens: ["templating", "list"])
        for (index, variable) in dashboard.variables.enumerated() { collector.add(variables.appending(index), variable.location, parent: dashboard.location) }
        let annotations = JSONPointer(tokens: ["annotations", "list"])
        for (index, annotation) in dashboard.annotations.enumerated() { collector.add(annotations.appending(index), annotation.location, parent: dashboard.location) }
        return (collector.sources, collector.suppressions)
    }

    /// The nodes of a plain rule file (`groups:`): each group (`/groups/g`) and rule
    /// (`/groups/g/rules/r`) defined in Swift, and the rules' `.lintDisabled` suppressions.
    static func ruleFile(_ file: RuleFile, root: SourceLocation?) -> (sources: [ArtifactNodeSource], suppressions: [OutputManifest.Suppression]) {
        var collector = Collector(root: root)
        let groups = JSONPointer(tokens: ["groups"])
        for (groupIndex, group) in file.groups.enumerated() {
            let groupPointer = groups.appending(groupIndex)
            let groupSource = swift(group.location)
            if let groupSource { collector.add(groupPointer, groupSource, parent: root) }
            let rules = groupPointer.appending("rules")
            for (ruleIndex, rule) in group.rules.enumerated() {
                let pointer = rules.appending(ruleIndex)
                if let source = swift(rule.location) { collector.add(pointer, source, parent: groupSource ?? root) }
                collector.suppress(rule.lintSuppressions, at: pointer)
            }
        }
        return (collector.sources, collector.suppressions)
    }

    private static func swift(_ location: Location?) -> SourceLocation? {
        if case .source(let source)? = location { return source }
        return nil
    }

    private struct Collector {
        let root: SourceLocation?
        var sources: [ArtifactNodeSource] = []
        var suppressions: [OutputManifest.Suppression] = []

        init(root: SourceLocation?) { self.root = root }

        /// Lists `pointer` unless its definition is its parent's (generated nodes share one call site).
        mutating func add(_ pointer: JSONPointer, _ source: SourceLocation, parent: SourceLocation?) {
            guard source != parent else { return }
            sources.append(ArtifactNodeSource(pointer: pointer, source: source))
        }

        mutating func suppress(_ list: [LintSuppression], at pointer: JSONPointer) {
            suppressions += list.map { OutputManifest.Suppression(pointer: pointer, rule: $0.rule, reason: $0.reason, source: $0.location) }
        }
    }
}

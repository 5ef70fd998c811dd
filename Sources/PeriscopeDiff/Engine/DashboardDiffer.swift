import PeriscopeDSL
import PeriscopeModel

/// Compares two versions of a dashboard.
///
/// Ignored as volatile or cosmetic (see README "diff"):
/// - `id` of the dashboard, its panels and rows: database ids that Grafana assigns on import and
///   that differ between instances of the same dashboard;
/// - `version`: incremented by Grafana on every save;
/// - `iteration`: a timestamp legacy Grafana writes on every save;
/// - `pluginVersion` of panels: the Grafana version that last saved the panel, rewritten by any
///   save under a newer Grafana without a change by the user;
/// - key order, whitespace and number spelling (`1` and `1.0`): the files are compared as JSON
///   data, not text.
enum DashboardDiffer {
    /// Dashboard keys compared on their own (panels, rows, variables, links, annotations) or ignored.
    static let dashboardKeysNotCompared: Set<String> = ["id", "version", "iteration", "panels", "rows", "templating", "links", "annotations"]
    /// Panel keys compared on their own (`gridPos` as a move, `targets` by refId, nested row panels) or ignored.
    static let panelKeysNotCompared: Set<String> = ["id", "pluginVersion", "gridPos", "targets", "panels"]
    /// Row keys not compared: ids, positions (which follow from the panels) and nested panels.
    static let rowKeysNotCompared: Set<String> = ["id", "gridPos", "panels"]

    static func compare(old: DashboardFile?, new: DashboardFile?, uid: String) -> DashboardDiff? {
        switch (old, new) {
        case (nil, nil):
            return nil
        case (let file?, nil), (nil, let file?):
            let isAdded = new != nil
            let dashboard = file.dashboard
            return DashboardDiff(
                uid: uid, title: dashboard.title ?? "", path: file.path, change: isAdded ? .added : .removed, folderMove: nil, fields: [],
                panels: dashboard.panels.enumerated().map { _, panel in wholePanel(panel, occurrence: 0, change: isAdded ? .added : .removed) },
                variables: [], links: [], annotations: [], panelCount: dashboard.panels.count)
        case (let old?, let new?):
            let a = old.dashboard, b = new.dashboard
            // Unchanged dashboards (most of a pull request's) are settled by one comparison. Volatile
            // fields make equal dashboards unequal here; those go through the full comparison below.
            if old.folder == new.folder, JSONFieldDiff.same(a.json, b.json) { return nil }
            var fields = JSONFieldDiff.changes(old: a.json, new: b.json, ignoring: dashboardKeysNotCompared)
            fields += rowChanges(old: a.rows, new: b.rows)
            let panels = panelChanges(old: a.panels, new: b.panels)
            let variables = namedChanges(old: a.variables.map { ($0.json["name"]?.stringValue ?? "", $0.json) },
                                         new: b.variables.map { ($0.json["name"]?.stringValue ?? "", $0.json) })
            let links = namedChanges(old: a.links.map { ($0.title ?? $0.url ?? "", $0.json) }, new: b.links.map { ($0.title ?? $0.url ?? "", $0.json) })
            let annotations = namedChanges(old: a.annotations.map { ($0.json["name"]?.stringValue ?? "", $0.json) },
                                           new: b.annotations.map { ($0.json["name"]?.stringValue ?? "", $0.json) })
            let folderMove = old.folder == new.folder ? nil : (old: old.folder, new: new.folder)
            if fields.isEmpty && panels.isEmpty && variables.isEmpty && links.isEmpty && annotations.isEmpty && folderMove == nil { return nil }
            return DashboardDiff(
                uid: uid, title: b.title ?? "", path: new.path, change: .changed, folderMove: folderMove, fields: fields, panels: panels,
                variables: variables, links: links, annotations: annotations, panelCount: b.panels.count)
        }
    }

    // MARK: Panels

    private static func identityKey(_ panel: Grafana.Panel) -> [String] { panel.identity }

    /// Panels matched by identity (row path + title, the n-th of equal identities with the n-th),
    /// then the rest by title alone (a panel moved to another row); in new-document order, removed ones last.
    static func panelChanges(old: [Grafana.Panel], new: [Grafana.Panel]) -> [PanelDiff] {
        let oldOccurrences = occurrences(old), newOccurrences = occurrences(new)
        var oldByKey: [OccurrenceKey: Int] = [:]
        for (index, key) in oldOccurrences.enumerated() { oldByKey[key] = index }
        var matchedOld = Set<Int>()
        var pairs: [(old: Int?, new: Int)] = []
        var unmatchedNew: [Int] = []
        for (index, key) in newOccurrences.enumerated() {
            if let oldIndex = oldByKey[key] {
                matchedOld.insert(oldIndex)
                pairs.append((oldIndex, index))
            } else {
                pairs.append((nil, index))
                unmatchedNew.append(index)
            }
        }
        // Second pass: an unmatched panel with the same title and type on both sides moved between rows.
        var unmatchedOld = (0..<old.count).filter { !matchedOld.contains($0) }
        for newIndex in unmatchedNew {
            guard let position = unmatchedOld.firstIndex(where: { old[$0].title == new[newIndex].title && old[$0].type == new[newIndex].type && !old[$0].title.isEmpty })
            else { continue }
            let oldIndex = unmatchedOld.remove(at: position)
            matchedOld.insert(oldIndex)
            if let slot = pairs.firstIndex(where: { $0.new == newIndex }) { pairs[slot].old = oldIndex }
        }
        var result: [PanelDiff] = []
        for pair in pairs {
            let panel = new[pair.new]
            guard let oldIndex = pair.old else {
                result.append(wholePanel(panel, occurrence: newOccurrences[pair.new].occurrence, change: .added))
                continue
            }
            if let diff = changedPanel(old: old[oldIndex], new: panel, occurrence: newOccurrences[pair.new].occurrence) { result.append(diff) }
        }
        for oldIndex in 0..<old.count where !matchedOld.contains(oldIndex) {
            result.append(wholePanel(old[oldIndex], occurrence: oldOccurrences[oldIndex].occurrence, change: .removed))
        }
        return result
    }

    private struct OccurrenceKey: Hashable {
        var identity: [String]
        var occurrence: Int
    }

    private static func occurrences(_ panels: [Grafana.Panel]) -> [OccurrenceKey] {
        var seen: [[String]: Int] = [:]
        return panels.map { panel in
            let identity = identityKey(panel)
            let count = seen[identity, default: 0]
            seen[identity] = count + 1
            return OccurrenceKey(identity: identity, occurrence: count)
        }
    }

    private static func rect(_ gridPos: Grafana.GridPos?) -> GridRect? {
        gridPos.map { GridRect(x: $0.x, y: $0.y, w: $0.w, h: $0.h) }
    }

    private static func wholePanel(_ panel: Grafana.Panel, occurrence: Int, change: ChangeKind) -> PanelDiff {
        let targets = panel.targets.enumerated().map { index, target in
            TargetDiff(refId: target.refId ?? "#\(index)", change: change,
                       expr: target.expr.map { ExpressionDiff(lines: LineDiff.lines(of: $0, as: change == .added ? .added : .removed)) }, fields: [])
        }
        return PanelDiff(identity: panel.identity, occurrence: occurrence, change: change, type: panel.type,
                         oldGridPos: change == .removed ? rect(panel.gridPos) : nil, newGridPos: change == .added ? rect(panel.gridPos) : nil,
                         fields: [], targets: targets)
    }

    private static func changedPanel(old: Grafana.Panel, new: Grafana.Panel, occurrence: Int) -> PanelDiff? {
        if old.rowPath == new.rowPath, old.json == new.json { return nil }
        var fields = JSONFieldDiff.changes(old: old.json, new: new.json, ignoring: panelKeysNotCompared)
        if old.rowPath != new.rowPath {
            fields.insert(FieldChange(path: "row", old: JSONFieldDiff.compact(.string(old.rowPath.joined(separator: " › "))),
                                      new: JSONFieldDiff.compact(.string(new.rowPath.joined(separator: " › ")))), at: 0)
        }
        let targets = targetChanges(old: old.targets, new: new.targets)
        let (oldRect, newRect) = (rect(old.gridPos), rect(new.gridPos))
        let moved = oldRect != newRect
        if fields.isEmpty && targets.isEmpty && !moved { return nil }
        return PanelDiff(identity: new.identity, occurrence: occurrence, change: .changed, type: new.type,
                         oldGridPos: moved ? oldRect : nil, newGridPos: moved ? newRect : nil, fields: fields, targets: targets)
    }

    /// Targets matched by `refId` (targets without one, or repeating one, by position).
    static func targetChanges(old: [Grafana.Target], new: [Grafana.Target]) -> [TargetDiff] {
        func keyed(_ targets: [Grafana.Target]) -> [(key: String, target: Grafana.Target)] {
            var seen = Set<String>()
            return targets.enumerated().map { index, target in
                if let refId = target.refId, !refId.isEmpty, seen.insert(refId).inserted { return (refId, target) }
                return ("#\(index)", target)
            }
        }
        let before = keyed(old), after = keyed(new)
        var oldByKey: [String: Grafana.Target] = [:]
        for entry in before { oldByKey[entry.key] = entry.target }
        let newKeys = Set(after.map(\.key))
        var result: [TargetDiff] = []
        for (key, target) in after {
            guard let previous = oldByKey[key] else {
                result.append(TargetDiff(refId: key, change: .added, expr: target.expr.map { ExpressionDiff(lines: LineDiff.lines(of: $0, as: .added)) }, fields: []))
                continue
            }
            if previous.json == target.json { continue }
            let fields = JSONFieldDiff.changes(old: previous.json, new: target.json, ignoring: ["expr", "refId"])
            var expr: ExpressionDiff?
            let (a, b) = (RuleDiffer.normalized(previous.expr ?? ""), RuleDiffer.normalized(target.expr ?? ""))
            if a != b { expr = ExpressionDiff(lines: LineDiff.lines(old: a, new: b)) }
            if fields.isEmpty && expr == nil { continue }
            result.append(TargetDiff(refId: key, change: .changed, expr: expr, fields: fields))
        }
        for (key, target) in before where !newKeys.contains(key) {
            result.append(TargetDiff(refId: key, change: .removed, expr: target.expr.map { ExpressionDiff(lines: LineDiff.lines(of: $0, as: .removed)) }, fields: []))
        }
        return result
    }

    // MARK: Rows, variables, links, annotations

    /// Row headers matched by title (in order among equal titles); changes as `rows["Title"].collapsed`.
    private static func rowChanges(old: [Grafana.Row], new: [Grafana.Row]) -> [FieldChange] {
        let changes = namedChanges(old: old.map { ($0.title, $0.json) }, new: new.map { ($0.title, $0.json) }, ignoring: rowKeysNotCompared)
        return changes.flatMap { change -> [FieldChange] in
            let prefix = "rows[" + JSONFieldDiff.compact(.string(change.name)) + "]"
            switch change.change {
            case .added: return [FieldChange(path: prefix, old: nil, new: "added")]
            case .removed: return [FieldChange(path: prefix, old: "removed", new: nil)]
            case .changed: return change.fields.map { FieldChange(path: prefix + "." + $0.path, old: $0.old, new: $0.new) }
            }
        }
    }

    /// Items matched by name (the n-th of equal names with the n-th); new order, removed ones last.
    static func namedChanges(old: [(String, JSONValue)], new: [(String, JSONValue)], ignoring: Set<String> = []) -> [NamedDiff] {
        func keyed(_ items: [(String, JSONValue)]) -> [(name: String, key: String, json: JSONValue)] {
            var seen: [String: Int] = [:]
            return items.map { name, json in
                let count = seen[name, default: 0]
                seen[name] = count + 1
                return (count == 0 ? name : "\(name) #\(count + 1)", "\(name)\u{1F}\(count)", json)
            }
        }
        let before = keyed(old), after = keyed(new)
        var oldByKey: [String: JSONValue] = [:]
        for item in before { oldByKey[item.key] = item.json }
        let newKeys = Set(after.map(\.key))
        var result: [NamedDiff] = []
        for item in after {
            guard let previous = oldByKey[item.key] else {
                result.append(NamedDiff(name: item.name, change: .added, fields: []))
                continue
            }
            let fields = JSONFieldDiff.changes(old: previous, new: item.json, ignoring: ignoring)
            if !fields.isEmpty { result.append(NamedDiff(name: item.name, change: .changed, fields: fields)) }
        }
        for item in before where !newKeys.contains(item.key) {
            result.append(NamedDiff(name: item.name, change: .removed, fields: []))
        }
        return result
    }
}

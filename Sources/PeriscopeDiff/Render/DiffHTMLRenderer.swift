/// Renders a `DiffReport` as one self-contained HTML page: for each added, removed or changed
/// dashboard, its old and new layouts side by side, panels coloured by what happened to them
/// (see `LayoutGeometry.Palette`: green added, red removed, yellow changed, purple moved or
/// resized, with the old place of a moved panel dashed on the new side), and the field and
/// query changes beside them; then the rule changes.
public struct DiffHTMLRenderer: Sendable {
    /// The old tree (for the old layouts).
    public var old: DiffTree
    /// The new tree.
    public var new: DiffTree

    /// Creates a renderer over the trees the report was made from.
    public init(old: DiffTree, new: DiffTree) {
        self.old = old
        self.new = new
    }

    /// The page.
    public func render(_ report: DiffReport) -> String {
        var body = "<header><h1>Periscope diff</h1><p>"
        body += report.hasChanges ? report.environments.map { "\(HTMLText.escape($0.displayName)): \(HTMLText.escape(DiffSummary($0).sentence.isEmpty ? "no changes" : DiffSummary($0).sentence))" }.joined(separator: " · ") : "no changes"
        body += "</p></header>\n<main class=\"flow\">\n"
        let palette = LayoutGeometry.Palette.self
        body += "<p class=\"legend\">"
        for (name, colours) in [("added", palette.added), ("removed", palette.removed), ("changed", palette.changed), ("moved or resized", palette.moved), ("unchanged", palette.unchanged)] {
            body += "<span style=\"background:\(colours.fill);border-color:\(colours.stroke)\">\(name)</span>"
        }
        body += "</p>\n"
        if !report.hasChanges { body += "<p>No changes.</p>\n" }
        var sectionCount = 0
        for environment in report.environments where environment.hasChanges {
            body += "<h2>Environment \(HTMLText.escape(environment.displayName))</h2>\n"
            let oldFiles = dashboards(in: old, environment: environment.name), newFiles = dashboards(in: new, environment: environment.name)
            for dashboard in environment.dashboards {
                sectionCount += 1
                body += section(dashboard, number: sectionCount, old: dashboard.change == .added ? nil : oldFiles[dashboard.uid], new: dashboard.change == .removed ? nil : newFiles[dashboard.uid])
            }
            for group in environment.ruleGroups { body += section(group) }
            if !environment.files.isEmpty {
                body += "<h3>Other files</h3>\n<ul>" + environment.files.map { "<li><code>\(HTMLText.escape($0.path))</code> \($0.change.rawValue)</li>" }.joined() + "</ul>\n"
            }
        }
        return HTMLPage.document(title: "Periscope diff", body: body + "</main>\n")
    }

    private func dashboards(in tree: DiffTree, environment: String) -> [String: DashboardFile] {
        var result: [String: DashboardFile] = [:]
        for file in tree.environments.first(where: { $0.name == environment })?.dashboards.sorted(by: { $0.path < $1.path }) ?? [] {
            let key = file.dashboard.uid.flatMap { $0.isEmpty ? nil : $0 } ?? file.path
            if result[key] == nil { result[key] = file }
        }
        return result
    }

    private struct PanelKey: Hashable {
        var identity: [String]
        var occurrence: Int
    }

    private func section(_ dashboard: DashboardDiff, number: Int, old: DashboardFile?, new: DashboardFile?) -> String {
        let palette = LayoutGeometry.Palette.self
        var byKey: [PanelKey: PanelDiff] = [:]
        for panel in dashboard.panels { byKey[PanelKey(identity: panel.identity, occurrence: panel.occurrence)] = panel }
        func style(_ panel: PanelDiff?, side: String) -> LayoutSVG.BoxStyle {
            guard let panel else { return .init(fill: palette.unchanged.fill, stroke: palette.unchanged.stroke, mark: nil) }
            switch panel.change {
            case .added: return .init(fill: palette.added.fill, stroke: palette.added.stroke, mark: "added")
            case .removed: return .init(fill: palette.removed.fill, stroke: palette.removed.stroke, mark: "removed")
            case .changed:
                if panel.fields.isEmpty && panel.targets.isEmpty { return .init(fill: palette.moved.fill, stroke: palette.moved.stroke, mark: "moved") }
                return .init(fill: palette.changed.fill, stroke: palette.changed.stroke, mark: panel.isMoved ? "moved, changed" : "changed")
            }
        }
        var out = "<section>\n<h3>\(symbol(dashboard.change)) \(HTMLText.escape(dashboard.title)) <code>\(HTMLText.escape(dashboard.uid))</code> — \(dashboard.change.rawValue)</h3>\n"
        out += "<p><code>\(HTMLText.escape(dashboard.path))</code></p>\n<div class=\"pair\">\n"
        let scale = "width:560px;height:auto;border:1px solid #d0d7de"
        if let old {
            let layout = DashboardLayout(old.dashboard)
            // Old boxes: removed ones red; others coloured as their counterpart on the new side.
            let svg = LayoutSVG(layout: layout, idPrefix: "d\(number)o", style: { index in
                let box = layout.boxes[index]
                let key = PanelKey(identity: box.identity, occurrence: box.occurrence)
                if let panel = byKey[key], panel.change == .removed || dashboard.change == .removed { return style(panel, side: "old") }
                if dashboard.change == .removed { return .init(fill: palette.removed.fill, stroke: palette.removed.stroke, mark: nil) }
                return style(byKey[key].flatMap { $0.change == .added ? nil : $0 }, side: "old")
            })
            out += "<div class=\"side\"><h4>Before</h4>" + svg.render(attributes: " style=\"\(scale)\"") + "</div>\n"
        }
        if let new {
            let layout = DashboardLayout(new.dashboard)
            let ghosts = dashboard.panels.compactMap { $0.isMoved ? $0.oldGridPos : nil }
            let svg = LayoutSVG(layout: layout, idPrefix: "d\(number)n", style: { index in
                let box = layout.boxes[index]
                if dashboard.change == .added { return .init(fill: palette.added.fill, stroke: palette.added.stroke, mark: nil) }
                return style(byKey[PanelKey(identity: box.identity, occurrence: box.occurrence)], side: "new")
            }, ghosts: ghosts)
            out += "<div class=\"side\"><h4>After</h4>" + svg.render(attributes: " style=\"\(scale)\"") + "</div>\n"
        }
        out += "<div class=\"changes\">\n" + changeList(dashboard) + "</div>\n</div>\n</section>\n"
        return out
    }

    private func changeList(_ dashboard: DashboardDiff) -> String {
        var items: [String] = []
        if let move = dashboard.folderMove {
            items.append("moved to folder <code>\(HTMLText.escape(move.new))</code> (was <code>\(HTMLText.escape(move.old))</code>)")
        }
        items += dashboard.fields.map(field)
        if dashboard.change != .changed {
            items.append("\(dashboard.panelCount) panel\(dashboard.panelCount == 1 ? "" : "s")")
        } else {
            for panel in dashboard.panels {
                var item = "\(symbol(panel.change)) panel <b>\(HTMLText.escape(panel.displayName))</b> (\(HTMLText.escape(panel.type))) \(panel.change.rawValue)"
                var inner: [String] = []
                if let old = panel.oldGridPos, let new = panel.newGridPos, panel.change == .changed { inner.append("moved <code>\(old)</code> → <code>\(new)</code>") }
                inner += panel.fields.map(field)
                for target in panel.targets {
                    var text = "target <code>\(HTMLText.escape(target.refId))</code> \(target.change.rawValue)"
                    if !target.fields.isEmpty { text += ": " + target.fields.map(field).joined(separator: "; ") }
                    if let expr = target.expr { text += lines(expr) }
                    inner.append(text)
                }
                if !inner.isEmpty { item += "<ul>" + inner.map { "<li>\($0)</li>" }.joined() + "</ul>" }
                items.append(item)
            }
        }
        for (noun, named) in [("variable", dashboard.variables), ("link", dashboard.links), ("annotation", dashboard.annotations)] {
            for item in named {
                var text = "\(symbol(item.change)) \(noun) <code>\(HTMLText.escape(item.name))</code> \(item.change.rawValue)"
                if !item.fields.isEmpty { text += ": " + item.fields.map(field).joined(separator: "; ") }
                items.append(text)
            }
        }
        return "<ul>" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }

    private func section(_ group: RuleGroupDiff) -> String {
        var out = "<section>\n<h3>\(symbol(group.change)) rule group <b>\(HTMLText.escape(group.group))</b> in <code>\(HTMLText.escape(group.file))</code> — \(group.change.rawValue)</h3>\n<ul>"
        for change in group.fields { out += "<li>\(field(change))</li>" }
        for rule in group.rules {
            out += "<li>\(symbol(rule.change)) <code>\(HTMLText.escape(rule.displayName))</code> \(rule.change.rawValue)"
            if let from = rule.movedFrom { out += " (moved from <code>\(HTMLText.escape(from))</code>)" }
            if !rule.fields.isEmpty { out += "<ul>" + rule.fields.map { "<li>\(field($0))</li>" }.joined() + "</ul>" }
            if let expr = rule.expr { out += lines(expr) }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func field(_ change: FieldChange) -> String {
        "<code>\(HTMLText.escape(change.path))</code>: <code>\(HTMLText.escape(change.old ?? "(none)"))</code> → <code>\(HTMLText.escape(change.new ?? "(none)"))</code>"
    }

    private func lines(_ expr: ExpressionDiff) -> String {
        "<pre class=\"diff\">" + expr.lines.map { line in
            let text = HTMLText.escape(line.operation.rawValue + " " + line.text)
            switch line.operation {
            case .added: return "<span class=\"add\">\(text)</span>"
            case .removed: return "<span class=\"del\">\(text)</span>"
            case .context: return text
            }
        }.joined(separator: "\n") + "</pre>"
    }

    private func symbol(_ change: ChangeKind) -> String {
        switch change {
        case .added: "+"
        case .removed: "−"
        case .changed: "~"
        }
    }
}

/// Renders a `DiffReport` as a pull-request comment in GitHub-flavoured markdown.
///
/// The comment starts with the marker `<!-- periscope-diff -->` (a workflow finds its earlier
/// comment by it and updates it), then per environment a summary table and one collapsible
/// `<details>` per dashboard and rule group. Titles, names and values are escaped: markdown
/// syntax is backslash-escaped, HTML in `<summary>` is escaped, values and queries are in code
/// spans and fenced blocks whose fences are longer than any backtick run inside.
///
/// GitHub refuses comments longer than 65,536 characters. When the whole comment would be
/// longer than `limit`, the summary tables are kept, details are written in order while they
/// fit, and a closing note says how many dashboards and rule groups of which environments were
/// left out, pointing to the HTML report when `htmlLink` is given.
public struct DiffMarkdownRenderer: Sendable {
    /// GitHub's limit for an issue or pull-request comment body, in characters.
    public static let gitHubCommentLimit = 65_536
    /// The comment's first line, for workflows that update their previous comment.
    public static let marker = "<!-- periscope-diff -->"

    /// The most characters the comment may have (counted as UTF-8 bytes, which is never fewer
    /// than GitHub's count).
    public var limit: Int
    /// The URL of the HTML report (the CI artifact), linked from the comment when set.
    public var htmlLink: String?
    /// Field values longer than this are cut, with `…`, so one large JSON value cannot fill the comment.
    public var maximumValueLength: Int

    /// Creates a renderer.
    public init(limit: Int = DiffMarkdownRenderer.gitHubCommentLimit, htmlLink: String? = nil, maximumValueLength: Int = 300) {
        self.limit = limit
        self.htmlLink = htmlLink
        self.maximumValueLength = maximumValueLength
    }

    /// The comment, ending in a newline.
    public func render(_ report: DiffReport) -> String {
        var head = Self.marker + "\n## Periscope diff\n\n"
        if let htmlLink, !htmlLink.isEmpty {
            head += "Layouts side by side: [HTML report](<" + htmlLink.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
                .replacingOccurrences(of: "\n", with: "") + ">)\n\n"
        }
        guard report.hasChanges else { return head + "No changes.\n" }

        // The tables of every environment always fit; details are added while they do.
        var sections: [(environment: String, tableIndex: Int, kind: String, text: String)] = []
        var tables: [String] = []
        for environment in report.environments {
            tables.append(table(environment))
            for dashboard in environment.dashboards { sections.append((environment.displayName, tables.count - 1, "dashboard", details(dashboard))) }
            for group in environment.ruleGroups { sections.append((environment.displayName, tables.count - 1, "rule group", details(group))) }
            if !environment.files.isEmpty { sections.append((environment.displayName, tables.count - 1, "file list", files(environment))) }
        }
        let noteReserve = 1_024 + 64 * report.environments.count
        var used = head.utf8.count + tables.reduce(0) { $0 + $1.utf8.count } + noteReserve
        var included = Array(repeating: [String](), count: tables.count)
        var omitted: [String: [String: Int]] = [:]
        var full = false
        for section in sections {
            if !full, used + section.text.utf8.count <= limit {
                included[section.tableIndex].append(section.text)
                used += section.text.utf8.count
            } else {
                full = true
                omitted[section.environment, default: [:]][section.kind, default: 0] += 1
            }
        }
        var out = head
        for (index, table) in tables.enumerated() {
            out += table
            for text in included[index] { out += text }
        }
        if !omitted.isEmpty { out += note(omitted, environments: report.environments.map(\.displayName)) }
        return out
    }

    private func table(_ environment: EnvironmentDiff) -> String {
        var out = "### " + MarkdownText.inline(environment.displayName)
        switch environment.change {
        case .added: out += " (new environment)"
        case .removed: out += " (removed environment)"
        case .changed: break
        }
        out += "\n\n"
        guard environment.hasChanges else { return out + "No changes.\n\n" }
        let summary = DiffSummary(environment)
        out += "| | Added | Removed | Changed |\n|---|---:|---:|---:|\n"
        for (name, counts) in [("Dashboards", summary.dashboards), ("Panels", summary.panels), ("Rules", summary.rules), ("Files", summary.files)] {
            out += "| \(name) | \(counts.added) | \(counts.removed) | \(counts.changed) |\n"
        }
        return out + "\n"
    }

    private func summaryLine(_ change: ChangeKind, _ what: String) -> String {
        let word = change == .added ? "added" : change == .removed ? "removed" : "changed"
        return "<details>\n<summary>\(symbol(change)) \(what) — \(word)</summary>\n\n"
    }

    private func details(_ dashboard: DashboardDiff) -> String {
        var out = summaryLine(dashboard.change, "Dashboard <b>\(MarkdownText.html(dashboard.title))</b> <code>\(MarkdownText.html(dashboard.uid))</code>")
        out += "File " + MarkdownText.code(dashboard.path) + "\n\n"
        if dashboard.change != .changed {
            out += "\(dashboard.panelCount) panel\(dashboard.panelCount == 1 ? "" : "s")" + (dashboard.panels.isEmpty ? ".\n\n" : ":\n\n")
            for panel in dashboard.panels {
                out += "- " + MarkdownText.inline(panel.displayName) + " (" + MarkdownText.inline(panel.type) + ")"
                if let rect = panel.newGridPos ?? panel.oldGridPos { out += " at " + MarkdownText.code(rect.description) }
                out += "\n"
            }
            return out + (dashboard.panels.isEmpty ? "" : "\n") + "</details>\n\n"
        }
        var bullets: [String] = []
        if let move = dashboard.folderMove {
            bullets.append("Moved to folder " + MarkdownText.code(move.new) + " (was " + MarkdownText.code(move.old) + ")")
        }
        bullets += dashboard.fields.map(fieldText)
        for (noun, items) in [("Variable", dashboard.variables), ("Link", dashboard.links), ("Annotation", dashboard.annotations)] {
            for item in items {
                var line = "\(noun) " + MarkdownText.code(item.name) + " \(item.change.rawValue)"
                if !item.fields.isEmpty { line += ": " + item.fields.map(fieldText).joined(separator: "; ") }
                bullets.append(line)
            }
        }
        if !bullets.isEmpty { out += bullets.map { "- " + $0 }.joined(separator: "\n") + "\n\n" }
        for panel in dashboard.panels { out += self.panel(panel) }
        return out + "</details>\n\n"
    }

    private func panel(_ panel: PanelDiff) -> String {
        var out = "\(symbol(panel.change)) Panel **" + MarkdownText.inline(panel.displayName) + "** (" + MarkdownText.inline(panel.type) + ") \(panel.change.rawValue)"
        switch panel.change {
        case .added, .removed:
            if let rect = panel.newGridPos ?? panel.oldGridPos { out += " at " + MarkdownText.code(rect.description) }
            return out + "\n\n"
        case .changed:
            out += "\n\n"
        }
        var bullets: [String] = []
        if let old = panel.oldGridPos, let new = panel.newGridPos {
            bullets.append("Moved " + MarkdownText.code(old.description) + " → " + MarkdownText.code(new.description))
        } else if panel.oldGridPos != nil || panel.newGridPos != nil {
            bullets.append(MarkdownText.code("gridPos") + ": " + MarkdownText.code(panel.oldGridPos?.description ?? "(none)") + " → "
                           + MarkdownText.code(panel.newGridPos?.description ?? "(none)"))
        }
        bullets += panel.fields.map(fieldText)
        for target in panel.targets where target.expr == nil {
            bullets.append("Target " + MarkdownText.code(target.refId) + " \(target.change.rawValue)" + (target.fields.isEmpty ? "" : ": " + target.fields.map(fieldText).joined(separator: "; ")))
        }
        if !bullets.isEmpty { out += bullets.map { "- " + $0 }.joined(separator: "\n") + "\n\n" }
        for target in panel.targets {
            guard let expr = target.expr else { continue }
            out += "Target " + MarkdownText.code(target.refId) + " \(target.change.rawValue)"
            out += target.fields.isEmpty ? ":\n\n" : " (" + target.fields.map(fieldText).joined(separator: "; ") + "):\n\n"
            out += block(expr) + "\n\n"
        }
        return out
    }

    private func details(_ group: RuleGroupDiff) -> String {
        var out = summaryLine(group.change, "Rule group <b>\(MarkdownText.html(group.group))</b> in <code>\(MarkdownText.html(group.file))</code>")
        if !group.fields.isEmpty { out += group.fields.map { "- " + fieldText($0) }.joined(separator: "\n") + "\n\n" }
        for rule in group.rules {
            out += "\(symbol(rule.change)) " + MarkdownText.code(rule.displayName) + " \(rule.change.rawValue)"
            if let from = rule.movedFrom { out += " (moved from " + MarkdownText.code(from) + ")" }
            out += "\n\n"
            if !rule.fields.isEmpty { out += rule.fields.map { "- " + fieldText($0) }.joined(separator: "\n") + "\n\n" }
            if let expr = rule.expr, rule.change == .changed || rule.change == .added { out += block(expr) + "\n\n" }
        }
        return out + "</details>\n\n"
    }

    private func files(_ environment: EnvironmentDiff) -> String {
        var out = summaryLine(.changed, "Other files")
        out += environment.files.map { "- " + MarkdownText.code($0.path) + " " + $0.change.rawValue }.joined(separator: "\n") + "\n\n"
        return out + "</details>\n\n"
    }

    private func note(_ omitted: [String: [String: Int]], environments: [String]) -> String {
        var parts: [String] = []
        for environment in environments {
            guard let kinds = omitted[environment] else { continue }
            let list = ["dashboard", "rule group", "file list"].compactMap { kind -> String? in
                guard let count = kinds[kind] else { return nil }
                return "\(count) \(kind)\(count == 1 ? "" : "s")"
            }
            parts.append(MarkdownText.inline(environment) + ": " + list.joined(separator: ", "))
        }
        var out = "> [!NOTE]\n> Truncated to stay under GitHub's 65,536-character comment limit. Details left out: " + parts.joined(separator: "; ") + ".\n"
        out += htmlLink == nil
            ? "> The counts above are complete; run `periscope diff OLD NEW` for the full report.\n"
            : "> The counts above are complete; the HTML report linked above has everything.\n"
        return out
    }

    private func fieldText(_ field: FieldChange) -> String {
        MarkdownText.code(field.path) + ": " + value(field.old) + " → " + value(field.new)
    }

    private func value(_ text: String?) -> String {
        guard let text else { return "*(none)*" }
        guard text.count > maximumValueLength else { return MarkdownText.code(text) }
        return MarkdownText.code(String(text.prefix(maximumValueLength)) + "…")
    }

    private func block(_ expr: ExpressionDiff) -> String {
        MarkdownText.block(expr.lines.map { $0.operation.rawValue + " " + $0.text }, info: "diff")
    }

    private func symbol(_ change: ChangeKind) -> String {
        switch change {
        case .added: "➕"
        case .removed: "➖"
        case .changed: "✏️"
        }
    }
}

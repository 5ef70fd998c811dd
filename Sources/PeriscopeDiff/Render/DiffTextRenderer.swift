/// Renders a `DiffReport` as plain text for a terminal or a log.
///
/// One block per environment; each item starts with `+` (added), `-` (removed) or `~` (changed),
/// field changes read `path: old → new`, and queries are shown as line diffs. With `color`,
/// ANSI colours mark added (green), removed (red) and changed (yellow) lines.
public struct DiffTextRenderer: Sendable {
    /// Whether to use ANSI colours.
    public var color: Bool

    /// Creates a renderer.
    public init(color: Bool) { self.color = color }

    /// The text, ending in a newline: `no changes` when nothing changed.
    public func render(_ report: DiffReport) -> String {
        guard report.hasChanges else { return "no changes\n" }
        var out = Output(color: color)
        for environment in report.environments {
            let summary = DiffSummary(environment)
            switch environment.change {
            case .added: out.line(0, .added, "+ environment \(environment.displayName) (new)" + suffix(summary))
            case .removed: out.line(0, .removed, "- environment \(environment.displayName) (removed)" + suffix(summary))
            case .changed:
                guard environment.hasChanges else {
                    out.line(0, .plain, "environment \(environment.displayName): no changes")
                    continue
                }
                out.line(0, .bold, "environment \(environment.displayName)" + suffix(summary))
            }
            for dashboard in environment.dashboards { render(dashboard, into: &out) }
            for group in environment.ruleGroups { render(group, into: &out) }
            for file in environment.files { out.line(1, Style(file.change), "\(marker(file.change)) file \(file.path)") }
        }
        return out.text
    }

    private func suffix(_ summary: DiffSummary) -> String {
        let sentence = summary.sentence
        return sentence.isEmpty ? "" : ": " + sentence
    }

    private func render(_ dashboard: DashboardDiff, into out: inout Output) {
        var head = "\(marker(dashboard.change)) dashboard \(dashboard.uid) \(quoted(dashboard.title)) (\(dashboard.path))"
        if dashboard.change != .changed { head += ", \(dashboard.panelCount) panel\(dashboard.panelCount == 1 ? "" : "s")" }
        out.line(1, Style(dashboard.change), head)
        guard dashboard.change == .changed else { return }
        if let move = dashboard.folderMove { out.line(2, .changed, "moved to folder \(quoted(move.new)) (was \(quoted(move.old)))") }
        for field in dashboard.fields { out.line(2, .plain, fieldText(field)) }
        for panel in dashboard.panels { render(panel, into: &out) }
        for (noun, items) in [("variable", dashboard.variables), ("link", dashboard.links), ("annotation", dashboard.annotations)] {
            for item in items {
                out.line(2, Style(item.change), "\(marker(item.change)) \(noun) \(quoted(item.name))")
                for field in item.fields { out.line(3, .plain, fieldText(field)) }
            }
        }
    }

    private func render(_ panel: PanelDiff, into out: inout Output) {
        switch panel.change {
        case .added, .removed:
            let place = (panel.newGridPos ?? panel.oldGridPos).map { " at \($0)" } ?? ""
            out.line(2, Style(panel.change), "\(marker(panel.change)) panel \(panel.displayName) (\(panel.type))\(place)")
        case .changed:
            out.line(2, .changed, "~ panel \(panel.displayName) (\(panel.type))")
            if panel.isMoved, let old = panel.oldGridPos, let new = panel.newGridPos {
                out.line(3, .plain, "\(old.w != new.w || old.h != new.h ? (old.x != new.x || old.y != new.y ? "moved and resized" : "resized") : "moved") \(old) → \(new)")
            } else if let new = panel.newGridPos, panel.oldGridPos == nil {
                out.line(3, .plain, "gridPos: (none) → \(new)")
            } else if let old = panel.oldGridPos, panel.newGridPos == nil {
                out.line(3, .plain, "gridPos: \(old) → (none)")
            }
            for field in panel.fields { out.line(3, .plain, fieldText(field)) }
            for target in panel.targets {
                out.line(3, Style(target.change), "\(marker(target.change)) target \(target.refId)")
                for field in target.fields { out.line(4, .plain, fieldText(field)) }
                if let expr = target.expr { lines(expr, indent: 4, into: &out) }
            }
        }
    }

    private func render(_ group: RuleGroupDiff, into out: inout Output) {
        out.line(1, Style(group.change), "\(marker(group.change)) rule group \(group.file) › \(group.group)")
        for field in group.fields { out.line(2, .plain, fieldText(field)) }
        for rule in group.rules {
            var head = "\(marker(rule.change)) \(rule.displayName)"
            if let from = rule.movedFrom { head += " (moved from \(from))" }
            out.line(2, Style(rule.change), head)
            if rule.change == .changed {
                for field in rule.fields { out.line(3, .plain, fieldText(field)) }
                if let expr = rule.expr { lines(expr, indent: 3, into: &out) }
            }
        }
    }

    private func lines(_ expr: ExpressionDiff, indent: Int, into out: inout Output) {
        for line in expr.lines {
            let style: Style = line.operation == .added ? .added : line.operation == .removed ? .removed : .plain
            out.line(indent, style, line.operation.rawValue + " " + line.text)
        }
    }

    private func fieldText(_ field: FieldChange) -> String {
        "\(field.path): \(field.old ?? "(none)") → \(field.new ?? "(none)")"
    }

    private func quoted(_ text: String) -> String { "\"" + text + "\"" }

    private func marker(_ change: ChangeKind) -> String {
        switch change {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        }
    }

    private enum Style {
        case plain, bold, added, removed, changed

        init(_ change: ChangeKind) {
            switch change {
            case .added: self = .added
            case .removed: self = .removed
            case .changed: self = .changed
            }
        }

        var code: String? {
            switch self {
            case .plain: nil
            case .bold: "\u{1B}[1m"
            case .added: "\u{1B}[32m"
            case .removed: "\u{1B}[31m"
            case .changed: "\u{1B}[33m"
            }
        }
    }

    private struct Output {
        var color: Bool
        var text = ""

        mutating func line(_ indent: Int, _ style: Style, _ content: String) {
            text += String(repeating: "  ", count: indent)
            // Control characters in titles or queries would move the cursor or recolour the terminal.
            let safe = String(String.UnicodeScalarView(content.unicodeScalars.map { ($0.value < 0x20 && $0.value != 0x09) || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
            if color, let code = style.code { text += code + safe + "\u{1B}[0m" } else { text += safe }
            text += "\n"
        }
    }
}

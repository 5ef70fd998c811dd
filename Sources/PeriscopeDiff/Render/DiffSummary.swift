/// Counts of what changed in an environment, for the summary lines and tables.
public struct DiffSummary: Sendable, Equatable {
    /// Added, removed and changed counts of one kind of item.
    public struct Counts: Sendable, Equatable {
        /// Items only on the new side.
        public var added = 0
        /// Items only on the old side.
        public var removed = 0
        /// Items on both sides with differences (for panels: moves included).
        public var changed = 0
        /// Whether all three are zero.
        public var isEmpty: Bool { added == 0 && removed == 0 && changed == 0 }

        mutating func count(_ change: ChangeKind) {
            switch change {
            case .added: added += 1
            case .removed: removed += 1
            case .changed: changed += 1
            }
        }
    }

    /// Dashboards.
    public var dashboards = Counts()
    /// Panels of dashboards on both sides.
    public var panels = Counts()
    /// Alerting and recording rules.
    public var rules = Counts()
    /// Other files.
    public var files = Counts()

    /// The counts of `environment`.
    public init(_ environment: EnvironmentDiff) {
        for dashboard in environment.dashboards {
            dashboards.count(dashboard.change)
            if dashboard.change == .changed { for panel in dashboard.panels { panels.count(panel.change) } }
        }
        for group in environment.ruleGroups { for rule in group.rules { rules.count(rule.change) } }
        for file in environment.files { files.count(file.change) }
    }

    /// `2 dashboards changed, 1 added; 3 rules changed` (empty when nothing changed).
    public var sentence: String {
        var parts: [String] = []
        for (counts, noun) in [(dashboards, "dashboard"), (panels, "panel"), (rules, "rule"), (files, "file")] where !counts.isEmpty {
            var pieces: [String] = []
            if counts.added > 0 { pieces.append("\(counts.added) added") }
            if counts.removed > 0 { pieces.append("\(counts.removed) removed") }
            if counts.changed > 0 { pieces.append("\(counts.changed) changed") }
            let total = counts.added + counts.removed + counts.changed
            parts.append("\(noun)\(total == 1 ? "" : "s"): " + pieces.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }
}

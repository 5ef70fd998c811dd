import PeriscopeModel

/// The result of comparing two trees: what changed, per environment, in a fixed order.
///
/// Everything is sorted (environments by name, dashboards by uid, panels by their position in
/// the new dashboard, rules by group and name) so that the same inputs give the same report
/// and every renderer gives the same bytes.
public struct DiffReport: Sendable, Equatable {
    /// The environments present on either side, sorted by name.
    public var environments: [EnvironmentDiff]

    /// Creates a report.
    public init(environments: [EnvironmentDiff]) { self.environments = environments }

    /// Whether anything changed (what `--exit-code` reports as status 1).
    public var hasChanges: Bool { environments.contains { $0.hasChanges } }
}

/// How an item differs between the two sides.
public enum ChangeKind: String, Sendable, Equatable, Comparable {
    /// Only on the new side.
    case added
    /// Only on the old side.
    case removed
    /// On both sides, with differences.
    case changed

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
        switch self {
        case .added: 0
        case .removed: 1
        case .changed: 2
        }
    }
}

/// The differences of one environment.
public struct EnvironmentDiff: Sendable, Equatable {
    /// The environment name; `""` for plain folders of files.
    public var name: String
    /// `added` or `removed` when the environment is on one side only, else `changed` (possibly with nothing in it).
    public var change: ChangeKind
    /// Dashboards added, removed or changed, by uid.
    public var dashboards: [DashboardDiff]
    /// Rule groups with changes, by file and group name.
    public var ruleGroups: [RuleGroupDiff]
    /// Other files added, removed or changed (provisioning, promtool tests).
    public var files: [FileDiff]

    /// Whether anything in the environment changed.
    public var hasChanges: Bool { change != .changed || !dashboards.isEmpty || !ruleGroups.isEmpty || !files.isEmpty }

    /// The name shown to people: the environment, or `files` for a plain folder.
    public var displayName: String { name.isEmpty ? "files" : name }
}

/// A change of a value at a path inside a JSON object or a rule: `steps[1].value: 80 → 90`.
public struct FieldChange: Sendable, Equatable {
    /// The path: dotted keys and `[index]` for array elements, e.g. `fieldConfig.defaults.unit`.
    public var path: String
    /// The old value as compact JSON (or the rule field's text); nil when the field is new.
    public var old: String?
    /// The new value; nil when the field was removed.
    public var new: String?

    /// Creates a change.
    public init(path: String, old: String?, new: String?) {
        self.path = path
        self.old = old
        self.new = new
    }
}

/// One line of a line diff.
public struct DiffLine: Sendable, Equatable {
    /// What happened to the line.
    public enum Operation: String, Sendable, Equatable {
        /// In both versions.
        case context = " "
        /// Only in the old version.
        case removed = "-"
        /// Only in the new version.
        case added = "+"
    }

    /// What happened to the line.
    public var operation: Operation
    /// The line, without its newline.
    public var text: String

    /// Creates a line.
    public init(_ operation: Operation, _ text: String) {
        self.operation = operation
        self.text = text
    }
}

/// A query (a panel target or a rule expression) whose text changed, as a line diff.
public struct ExpressionDiff: Sendable, Equatable {
    /// The lines of both versions, merged: unchanged lines once, removed before added.
    public var lines: [DiffLine]
}

/// A dashboard added, removed or changed.
public struct DashboardDiff: Sendable, Equatable {
    /// The uid (or, for a dashboard without one, its path).
    public var uid: String
    /// The title on the new side (the old side for removed dashboards).
    public var title: String
    /// The file on the new side (the old side for removed dashboards).
    public var path: String
    /// What happened.
    public var change: ChangeKind
    /// Old and new folder when it moved to another folder.
    public var folderMove: (old: String, new: String)?
    /// Dashboard-level fields (title, tags, time, refresh, …) that changed.
    public var fields: [FieldChange]
    /// Panels added, removed, moved or changed.
    public var panels: [PanelDiff]
    /// Variables (`templating.list`) by name.
    public var variables: [NamedDiff]
    /// Dashboard links by title.
    public var links: [NamedDiff]
    /// Annotations (`annotations.list`) by name.
    public var annotations: [NamedDiff]
    /// The panel counts of each side, for summaries of added and removed dashboards.
    public var panelCount: Int

    public static func == (lhs: DashboardDiff, rhs: DashboardDiff) -> Bool {
        lhs.uid == rhs.uid && lhs.title == rhs.title && lhs.path == rhs.path && lhs.change == rhs.change
            && lhs.folderMove?.old == rhs.folderMove?.old && lhs.folderMove?.new == rhs.folderMove?.new && lhs.fields == rhs.fields
            && lhs.panels == rhs.panels && lhs.variables == rhs.variables && lhs.links == rhs.links && lhs.annotations == rhs.annotations
            && lhs.panelCount == rhs.panelCount
    }
}

/// A panel added, removed, moved or changed.
public struct PanelDiff: Sendable, Equatable {
    /// The row path and title; the identity panels are matched by.
    public var identity: [String]
    /// Which panel of that identity it is (0 for the first; duplicates are matched in order).
    public var occurrence: Int
    /// What happened.
    public var change: ChangeKind
    /// The panel type on the new side (old side for removed panels).
    public var type: String
    /// The old `gridPos`, when the panel was removed or its position changed.
    public var oldGridPos: GridRect?
    /// The new `gridPos`, when the panel was added or its position changed.
    public var newGridPos: GridRect?
    /// Other fields that changed (targets and `gridPos` are reported separately).
    public var fields: [FieldChange]
    /// Targets added, removed or changed, by `refId`.
    public var targets: [TargetDiff]

    /// Whether the position or size changed (a move, for a panel on both sides).
    public var isMoved: Bool { change == .changed && oldGridPos != nil && newGridPos != nil && oldGridPos != newGridPos }

    /// `Row › Title` (with `#2` for the second panel of the same identity).
    public var displayName: String {
        let name = identity.map { $0.isEmpty ? "(untitled)" : $0 }.joined(separator: " › ")
        return occurrence > 0 ? "\(name) #\(occurrence + 1)" : name
    }
}

/// A `gridPos` rectangle in grid units.
public struct GridRect: Sendable, Equatable, CustomStringConvertible {
    /// Column, width, row and height, as in Grafana's `gridPos`.
    public var x: Int, y: Int, w: Int, h: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, w: Int, h: Int) {
        self.x = x
        self.y = y
        self.w = w
        self.h = h
    }

    /// `x=0 y=0 w=12 h=8`.
    public var description: String { "x=\(x) y=\(y) w=\(w) h=\(h)" }
}

/// A target added, removed or changed.
public struct TargetDiff: Sendable, Equatable {
    /// The `refId`, or `#index` for targets without one.
    public var refId: String
    /// What happened.
    public var change: ChangeKind
    /// The expression's line diff when `expr` changed (for added or removed targets, every line).
    public var expr: ExpressionDiff?
    /// Other target fields that changed (`legendFormat`, `interval`, …).
    public var fields: [FieldChange]
}

/// A variable, link or annotation added, removed or changed, matched by name.
public struct NamedDiff: Sendable, Equatable {
    /// The name (variables, annotations) or title (links).
    public var name: String
    /// What happened.
    public var change: ChangeKind
    /// The fields that changed (for changed items).
    public var fields: [FieldChange]
}

/// A rule group with changes.
public struct RuleGroupDiff: Sendable, Equatable {
    /// The rule file (new side; old side for removed groups).
    public var file: String
    /// The group name.
    public var group: String
    /// `added` and `removed` for whole groups; `changed` otherwise.
    public var change: ChangeKind
    /// Group fields (`interval`, `query_offset`, `limit`, group labels) that changed.
    public var fields: [FieldChange]
    /// The rules added, removed, moved in or changed.
    public var rules: [RuleDiff]
}

/// A rule added, removed, moved or changed.
public struct RuleDiff: Sendable, Equatable {
    /// `alert` or `record`.
    public var kind: String
    /// The alert or record name.
    public var name: String
    /// The labels that identify it among rules of the same name (e.g. `severity="critical"`), new side.
    public var labels: [String: String]
    /// What happened.
    public var change: ChangeKind
    /// Where it came from when it moved from another group: `file › group`.
    public var movedFrom: String?
    /// `for`, `keep_firing_for`, `labels.<name>`, `annotations.<name>` and other fields that changed.
    public var fields: [FieldChange]
    /// The expression's line diff when it changed.
    public var expr: ExpressionDiff?

    /// `alert HighErrorRate{severity="page"}`.
    public var displayName: String {
        let selector = labels.isEmpty ? "" : "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
        return "\(kind) \(name)\(selector)"
    }
}

/// A file that is not a dashboard or rule file, added, removed or changed.
public struct FileDiff: Sendable, Equatable {
    /// The path relative to the environment folder.
    public var path: String
    /// What happened.
    public var change: ChangeKind
}

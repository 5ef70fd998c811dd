/// A panel's position in Grafana's 24-column grid.
public struct GridPos: Sendable, Hashable {
    /// Column, 0–23.
    public var x: Int
    /// Row, in grid units from the top.
    public var y: Int
    /// Width in columns, 1–24.
    public var w: Int
    /// Height in grid units (one unit is 30 px).
    public var h: Int

    /// Creates a position.
    public init(x: Int, y: Int, w: Int, h: Int) {
        self.x = x
        self.y = y
        self.w = w
        self.h = h
    }
}

/// Repeats a panel or row once per value of a multi-value variable.
public struct Repeat: Sendable, Hashable {
    /// The direction repeated panels flow in.
    public enum Direction: String, Sendable, Hashable {
        /// `repeatDirection: "h"`: side by side, wrapping after ``Repeat/maxPerRow`` panels.
        case horizontal = "h"
        /// `repeatDirection: "v"`: stacked, each copy below the previous one.
        case vertical = "v"
    }

    /// The variable name, without `$`.
    public var variable: String
    /// The direction (panels only).
    public var direction: Direction?
    /// The most panels per row for horizontal repeats.
    public var maxPerRow: Int?

    /// Creates a repeat.
    public init(variable: String, direction: Direction? = nil, maxPerRow: Int? = nil) {
        self.variable = variable
        self.direction = direction
        self.maxPerRow = maxPerRow
    }
}

/// A data transformation applied to a panel's query results.
public struct Transformation: Sendable, Hashable {
    /// Grafana's transformation id, e.g. `organize`, `reduce`, `merge`.
    public var id: String
    /// The transformation options.
    public var options: JSONValue
    /// Whether the transformation is disabled.
    public var disabled: Bool?

    /// Creates any transformation by id (the escape hatch).
    public init(_ id: String, options: JSONValue = .object([]), disabled: Bool? = nil) {
        self.id = id
        self.options = options
        self.disabled = disabled
    }

    /// Joins all query results into one table (`merge`).
    public static let merge = Transformation("merge")
    /// Turns series into rows (`seriesToRows`).
    public static let seriesToRows = Transformation("seriesToRows")
    /// Reduces each series to the given calculations (`reduce`), e.g. `["lastNotNull", "max"]`.
    public static func reduce(_ calculations: [String]) -> Transformation {
        Transformation("reduce", options: ["reducers": .array(calculations.map(JSONValue.string))])
    }
    /// Renames, reorders and hides fields (`organize`).
    public static func organize(renameByName: [String: String] = [:], excludeByName: [String] = [], indexByName: [String: Int] = [:]) -> Transformation {
        var options: JSONValue = .object([])
        options["excludeByName"] = .object(excludeByName.sorted().map { JSONMember($0, true) })
        options["indexByName"] = .object(indexByName.sorted { $0.key < $1.key }.map { JSONMember($0.key, .int($0.value)) })
        options["renameByName"] = .object(renameByName.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })
        return Transformation("organize", options: options)
    }
    /// Keeps only the results of the given queries (`filterByRefId`).
    ///
    /// Grafana reads `include` as a regex it anchors as `^…$` (the `byRefId` matcher), so several
    /// refIds are written as one group, `(A|B)`, which matches exactly A or B; a bare `A|B` would
    /// become `^A|B$` and match any refId starting with A or ending with B. Regex characters in a
    /// refId are escaped.
    public static func filterByQuery(_ refIds: [String]) -> Transformation {
        let escaped = refIds.map { id in
            String(id.flatMap { #"\^$.|?*+()[]{}/"#.contains($0) ? ["\\", $0] : [$0] })
        }
        let include = escaped.count == 1 ? escaped[0] : "(" + escaped.joined(separator: "|") + ")"
        return Transformation("filterByRefId", options: ["include": .string(include)])
    }
    /// Adds a field computed by a binary operation (`calculateField`).
    public static func calculateField(alias: String, left: String, operator op: String, right: String) -> Transformation {
        Transformation("calculateField", options: [
            "alias": .string(alias), "mode": "binary",
            "binary": ["left": .string(left), "operator": .string(op), "right": .string(right)],
        ])
    }
    /// Groups rows and aggregates (`groupBy`): `fields` maps field name to `groupby` or `aggregate`.
    public static func groupBy(_ fields: [String: JSONValue]) -> Transformation {
        Transformation("groupBy", options: ["fields": .object(fields.sorted { $0.key < $1.key }.map { JSONMember($0.key, $0.value) })])
    }
    /// Joins results on a field (`joinByField`).
    public static func joinByField(_ field: String, mode: String = "outer") -> Transformation {
        Transformation("joinByField", options: ["byField": .string(field), "mode": .string(mode)])
    }
    /// Sorts rows by a field (`sortBy`).
    public static func sortBy(_ field: String, descending: Bool = false) -> Transformation {
        Transformation("sortBy", options: ["sort": .array([["desc": .bool(descending), "field": .string(field)]])])
    }
    /// Converts labels to fields (`labelsToFields`).
    public static func labelsToFields(mode: String = "columns") -> Transformation {
        Transformation("labelsToFields", options: ["mode": .string(mode)])
    }
}

/// A Grafana panel: the common model every typed panel (`TimeSeries`, `Stat`, …) wraps.
///
/// Use a typed panel for its typed options; use `Panel(type:title:)` directly for plugin
/// panels Periscope has no type for.
public struct Panel: Sendable, ModifierLocating {
    /// Grafana's panel type id, e.g. `.timeSeries` or a plugin's id.
    public var type: PanelType
    /// The title.
    public var title: String
    /// The description shown in the panel's info tooltip.
    public var description: String?
    /// The datasource of the panel's queries; inherited from the dashboard when nil.
    public var datasource: DatasourceReference?
    /// The queries, in order; refIds are assigned `A`, `B`, … unless set.
    public var queries: [Query]
    /// `fieldConfig.defaults`.
    public var fieldDefaults: FieldDefaults
    /// `fieldConfig.overrides`.
    public var overrides: [FieldOverride]
    /// Panel-type options (`options`), set by typed modifiers or by path.
    public var options: JSONValue
    /// Transformations, in order.
    public var transformations: [Transformation]
    /// Panel links.
    public var links: [DataLink]
    /// Repeat by variable.
    public var repeatOptions: Repeat?
    /// Width in grid columns; nil uses the panel type's default.
    public var width: Int?
    /// Height in grid units; nil uses the panel type's default.
    public var height: Int?
    /// An explicit position; panels without one flow into the grid.
    public var gridPos: GridPos?
    /// Whether the panel background is transparent.
    public var transparent: Bool?
    /// The minimum query interval (`interval`).
    public var interval: GrafanaDuration?
    /// The most data points per series (`maxDataPoints`).
    public var maxDataPoints: Int?
    /// A relative time override (`timeFrom`), e.g. `24h`.
    public var timeFrom: GrafanaDuration?
    /// A time shift (`timeShift`), e.g. `1d`.
    public var timeShift: GrafanaDuration?
    /// Any other top-level panel fields, set by path (the escape hatch).
    public var extra: JSONValue
    /// Where the panel was written.
    public var location: SourceLocation
    /// Where each modifier a finding can point at was applied, keyed by what it set (`unit`, `thresholds`, …).
    public var modifierLocations: [ModifierKey<Panel>: SourceLocation]
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<Panel>]
    /// Lint checks switched off for this definition (``lintDisabled(_:reason:fileID:filePath:line:column:)``).
    public var lintSuppressions: [LintSuppression] = []

    /// Creates a panel of any type.
    public init(
        type: PanelType, title: String,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
        @QueryBuilder queries: () -> [Query] = { [] }
    ) {
        self.init(type: type, title: title, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column), queries: queries())
    }

    /// Creates a panel at a known location; typed panels call this.
    public init(type: PanelType, title: String, location: SourceLocation, queries: [Query]) {
        self.type = type
        self.title = title
        self.queries = queries
        self.fieldDefaults = FieldDefaults()
        self.overrides = []
        self.options = .object([])
        self.transformations = []
        self.links = []
        self.extra = .object([])
        self.location = location
        self.modifierLocations = [:]
        self.overlays = []
    }
}

extension Panel {
    /// This panel with the overlays for `environment` applied, in the order written.
    public func resolved(for environment: EnvironmentName) -> Panel {
        var result = self
        result.overlays = []
        for overlay in overlays where overlay.environments.contains(environment) {
            result = overlay.transform(result)
            result.overlays = []
        }
        return result
    }
}

/// What a modifier sets on a `Root` definition: the key its location is recorded under and
/// looked up by.
///
/// Every recording modifier and every check that reports at a modifier's line use the same
/// constant (`.height` records `.height(…)` and the height check reads `.height`), and the
/// `Root` parameter keeps a panel's keys off a dashboard or a rule. Keys are made only here,
/// so a check cannot name a key no modifier records.
///
/// ```swift
/// diagnostics.emit(.error("bad height", at: panel.location(of: .height)))
/// ```
public struct ModifierKey<Root>: Sendable, Hashable, CustomStringConvertible {
    /// The key's name: the field the modifier sets (`height`, `for`, `label.team`).
    public let name: String

    init(_ name: String) { self.name = name }

    /// The key's name (``name``).
    public var description: String { name }
}

// MARK: Panels

extension ModifierKey where Root == Panel {
    /// `.datasource(_:)`.
    public static var datasource: Self { Self("datasource") }
    /// `.unit(_:)`.
    public static var unit: Self { Self("unit") }
    /// `.thresholds(_:mode:)`.
    public static var thresholds: Self { Self("thresholds") }
    /// `.interval(_:)`.
    public static var interval: Self { Self("interval") }
    /// `.timeFrom(_:)`.
    public static var timeFrom: Self { Self("timeFrom") }
    /// `.timeShift(_:)`.
    public static var timeShift: Self { Self("timeShift") }
    /// `.width(_:)` and the width of `.size(width:height:)`.
    public static var width: Self { Self("width") }
    /// `.height(_:)` and the height of `.size(width:height:)`.
    public static var height: Self { Self("height") }
    /// `.gridPos(x:y:w:h:)`.
    public static var gridPos: Self { Self("gridPos") }
    /// `.stacking(_:)` of time series, bar charts and histograms.
    public static var stacking: Self { Self("stacking") }
    /// `.scaleDistribution(_:)`.
    public static var scaleDistribution: Self { Self("scaleDistribution") }
    /// `.reduce(_:fields:values:limit:)` (`options.reduceOptions`).
    public static var reduceOptions: Self { Self("reduceOptions") }
    /// `.alertInstanceLabelFilter(_:)` of alert lists.
    public static var alertInstanceLabelFilter: Self { Self("alertInstanceLabelFilter") }
}

// MARK: Dashboards

extension ModifierKey where Root == Dashboard {
    /// `.folder(_:)`.
    public static var folder: Self { Self("folder") }
    /// `.time(from:to:)`.
    public static var time: Self { Self("time") }
    /// `.refresh(_:)`.
    public static var refresh: Self { Self("refresh") }
    /// `.defaultDatasource(_:)`.
    public static var defaultDatasource: Self { Self("defaultDatasource") }
}

// MARK: Rules

extension ModifierKey where Root == AlertRule {
    /// `.for(_:)`.
    public static var `for`: Self { Self("for") }
    /// `.keepFiringFor(_:)`.
    public static var keepFiringFor: Self { Self("keep_firing_for") }
    /// `.severity(_:)`.
    public static var severity: Self { Self("severity") }
    /// `.annotation(name, _:)` (and `.summary`, `.description`, `.runbook`) for the annotation `name`.
    public static func annotation(_ name: String) -> Self { Self("annotation.\(name)") }
}

extension ModifierKey where Root == RecordingRule {
    /// `.for(_:)`, which recording rules may not have.
    public static var `for`: Self { Self("for") }
    /// `.annotation(name, _:)` for the annotation `name`, which recording rules may not have.
    public static func annotation(_ name: String) -> Self { Self("annotation.\(name)") }
}

extension ModifierKey where Root == RuleGroup {
    /// `.interval(_:)`.
    public static var interval: Self { Self("interval") }
    /// `.limit(_:)`.
    public static var limit: Self { Self("limit") }
    /// `.queryOffset(_:)`.
    public static var queryOffset: Self { Self("query_offset") }
}

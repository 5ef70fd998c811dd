/// One alerting tier of an SLO: a route for its burn-rate alerts (page, ticket, email, a
/// daily digest …), with its own window pairs, alert name, labels and annotations.
///
/// Every alert of a tier carries the label `sloth_severity` set to the tier's `id`, as Sloth's
/// `page` and `ticket` alerts do; a `severity` tier adds the environment's `severity` label
/// through `alerting.severities`, like `AlertRule.severity(_:)`.
///
/// ```swift
/// SLOAlertTier("email", windows: [BurnRateWindow(long: "1d", short: "2h", factor: 3)])
///     .label("channel", "email")
/// ```
public struct SLOAlertTier: Sendable, Modifiable {
    /// The tier's name: the `sloth_severity` label and the `(page)` in the title annotation.
    public var id: String
    /// The alert name; the SLO's `alertName` when nil.
    public var alertName: String?
    /// The severity tier mapped to the `severity` label by the environment, if any.
    public var severity: Severity?
    /// Labels of the tier's alerts; they override the SLO's alert labels.
    public var labels: [String: String]
    /// Annotations of the tier's alerts; they override the SLO's alert annotations and Sloth's
    /// `title` and `summary`.
    public var annotations: [String: String]
    /// The window pairs, fastest first.
    public var windows: [BurnRateWindow]
    /// Whether the SLO's minimum request rate applies (true for `page`).
    public var requiresMinimumRequestRate: Bool
    /// Whether the tier's alerts are rendered.
    public var isEnabled: Bool
    /// Where the tier was written (the SLO's location for the default tiers).
    public var location: SourceLocation

    /// Creates a tier.
    public init(
        _ id: String, windows: [BurnRateWindow], requiresMinimumRequestRate: Bool = false,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.id = id
        self.windows = windows
        self.labels = [:]
        self.annotations = [:]
        self.requiresMinimumRequestRate = requiresMinimumRequestRate
        self.isEnabled = true
        self.location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Sloth's page tier: the workbook's fast pairs, 14.4× (1h/5m) and 6× (6h/30m) for 30 days.
    public static func page(at location: SourceLocation) -> SLOAlertTier {
        SLOAlertTier(id: "page", windows: BurnRateWindow.workbookPage, requiresMinimumRequestRate: true, location: location)
    }

    /// Sloth's ticket tier: the workbook's slow pairs, 3× (1d/2h) and 1× (3d/6h) for 30 days.
    public static func ticket(at location: SourceLocation) -> SLOAlertTier {
        SLOAlertTier(id: "ticket", windows: BurnRateWindow.workbookTicket, location: location)
    }

    private init(id: String, windows: [BurnRateWindow], requiresMinimumRequestRate: Bool = false, location: SourceLocation) {
        self.init(id, windows: windows, requiresMinimumRequestRate: requiresMinimumRequestRate)
        self.location = location
    }

    /// Sets the alert name of this tier.
    public func alertName(_ name: String) -> Self { with { $0.alertName = name } }
    /// Sets the severity tier mapped to the `severity` label by `alerting.severities`.
    public func severity(_ tier: Severity) -> Self { with { $0.severity = tier } }
    /// Adds a label to the tier's alerts.
    public func label(_ name: String, _ value: String) -> Self { with { $0.labels[name] = value } }
    /// Adds labels to the tier's alerts.
    public func labels(_ labels: [String: String]) -> Self { with { $0.labels.merge(labels) { $1 } } }
    /// Adds an annotation to the tier's alerts.
    public func annotation(_ name: String, _ value: String) -> Self { with { $0.annotations[name] = value } }
    /// Replaces the window pairs.
    public func windows(_ windows: [BurnRateWindow]) -> Self { with { $0.windows = windows } }
    /// Whether the SLO's minimum request rate holds this tier back on quiet traffic.
    public func requiringMinimumRequestRate(_ value: Bool) -> Self { with { $0.requiresMinimumRequestRate = value } }
    /// Renders the tier's alerts (true, the default) or drops them.
    public func enabled(_ value: Bool) -> Self { with { $0.isEnabled = value } }
}

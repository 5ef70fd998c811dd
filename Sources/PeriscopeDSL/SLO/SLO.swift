/// A service level objective: the share of good events a service promises over a period,
/// with the burn-rate alerts and recording rules that watch it.
///
/// ```swift
/// SLO(service: "checkout", name: "requests-availability", objective: 99.9,
///     sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#, selector: #"job="checkout""#))
///     .description("Checkout requests that do not fail.")
///     .alertName("CheckoutHighErrorRate")
///     .page { $0.severity(.page).label("routing_key", "checkout") }
///     .ticket { $0.severity(.ticket) }
///     .in(.dev) { $0.objective(99) }
/// ```
///
/// Before the rules are compiled, an SLO expands into three ordinary rule groups with Sloth's
/// names and labels (so Sloth's Grafana dashboards work on them): `sloth-slo-sli-recordings-<id>`
/// (`slo:sli_error:ratio_rate<window>` for every alerting window and the period),
/// `sloth-slo-meta-recordings-<id>` (objective, error budget, period, burn rates, remaining
/// budget, `sloth_slo_info`) and `sloth-slo-alerts-<id>` (one alert per tier). The id is
/// `<service>-<name>`. The groups go to the rule file `slos` unless `.namespace(_:)` says
/// otherwise; the environment's overlays, selectors, rule labels and checks apply to them
/// like to any rule. Each service with SLOs also gets an SLO dashboard (`slo-<service>`; see
/// `.dashboard(_:)`), generated before the dashboards are resolved.
public struct SLO: Sendable, LabelModifiable, EnvironmentOverlayable {
    /// The service (`sloth_service`); letters, digits, `.`, `_` and `-`.
    public var service: String
    /// The SLO's name within the service (`sloth_slo`); letters, digits, `.`, `_` and `-`.
    public var name: String
    /// The objective in percent, in (0, 100] (`99.9`).
    public var objective: Double
    /// The period the objective holds over, any Prometheus duration (`30d`, the default; `28d`).
    public var period: PrometheusDuration
    /// What the SLO promises, for people.
    public var description: String?
    /// Labels on every recording rule of the SLO.
    public var labels: [String: String]
    /// What is measured.
    public var sli: SLI
    /// The alert name of every tier that has none of its own (Sloth's `alerting.name`).
    public var alertName: String?
    /// Labels of every alert; each tier's own override them (Sloth's `alerting.labels`).
    public var alertLabels: [String: String]
    /// Annotations of every alert; each tier's own override them (Sloth's `alerting.annotations`).
    public var alertAnnotations: [String: String]
    /// The alerting tiers, page and ticket by default.
    public var tiers: [SLOAlertTier]
    /// Whether any alert is rendered.
    public var isAlertingEnabled: Bool
    /// How the alerts are shaped.
    public var alertShape: SLOAlertShape
    /// Labels the SLI keeps, so that each of their values has its own budget and alerts.
    public var groupingLabels: [String]
    /// Requests per second (over the long window) below which tiers that require it do not fire.
    public var minimumRequestRate: Double?
    /// The rule file the SLO's groups are written to.
    public var namespace: String
    /// Whether the SLO is rendered at all.
    public var isEnabled: Bool
    /// Whether the SLO has a row on its service's SLO dashboard (true by default).
    public var isDashboardEnabled: Bool
    /// `.tier(id) { … }` calls that named a tier the SLO does not have, reported when it is expanded.
    public var unknownTierChanges: [String: SourceLocation]
    /// Where the SLO was written.
    public var location: SourceLocation
    /// Where modifiers a finding can point at were applied.
    public var modifierLocations: [ModifierKey<SLO>: SourceLocation]
    /// Per-environment overlays.
    public var overlays: [EnvironmentOverlay<SLO>]

    /// The SLO's id, `<service>-<name>` (`sloth_id`).
    public var id: String { "\(service)-\(name)" }

    /// Creates an SLO with a 30-day period and Sloth's page and ticket tiers.
    public init(
        service: String, name: String, objective: Double, sli: SLI,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.service = service
        self.name = name
        self.objective = objective
        self.period = "30d"
        self.labels = [:]
        self.sli = sli
        self.alertLabels = [:]
        self.alertAnnotations = [:]
        self.tiers = [.page(at: location), .ticket(at: location)]
        self.isAlertingEnabled = true
        self.alertShape = .sloth
        self.groupingLabels = []
        self.namespace = "slos"
        self.isEnabled = true
        self.isDashboardEnabled = true
        self.unknownTierChanges = [:]
        self.location = location
        self.modifierLocations = [:]
        self.overlays = []
    }

    /// Sets the objective in percent (`99.9`).
    public func objective(_ percent: Double, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.objective, fileID, filePath, line, column) { $0.objective = percent }
    }

    /// Sets the period (`"28d"`); the burn-rate factors of budget-percent pairs follow it.
    public func period(_ duration: PrometheusDuration, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.period, fileID, filePath, line, column) { $0.period = duration }
    }

    /// Sets the description.
    public func description(_ text: String) -> Self { with { $0.description = text } }



    /// Sets the alert name of every tier without its own.
    public func alertName(_ name: String) -> Self { with { $0.alertName = name } }

    /// Adds a label to every alert.
    public func alertLabel(_ name: String, _ value: String) -> Self { with { $0.alertLabels[name] = value } }

    /// Adds an annotation to every alert.
    public func alertAnnotation(_ name: String, _ value: String) -> Self { with { $0.alertAnnotations[name] = value } }

    /// Changes the tier `id` (`"page"`, `"ticket"` or one added with `.tier(_:)`); a tier that
    /// does not exist is reported when the SLO is expanded.
    public func tier(_ id: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
                     _ change: (SLOAlertTier) -> SLOAlertTier) -> Self {
        guard let index = tiers.firstIndex(where: { $0.id == id }) else {
            return with { $0.unknownTierChanges[id] = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column) }
        }
        return with { $0.tiers[index] = change($0.tiers[index]) }
    }

    /// Changes the page tier.
    public func page(fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
                     _ change: (SLOAlertTier) -> SLOAlertTier) -> Self {
        tier("page", fileID: fileID, filePath: filePath, line: line, column: column, change)
    }

    /// Changes the ticket tier.
    public func ticket(fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column,
                       _ change: (SLOAlertTier) -> SLOAlertTier) -> Self {
        tier("ticket", fileID: fileID, filePath: filePath, line: line, column: column, change)
    }

    /// Adds a tier after the existing ones, or replaces the tier with the same id.
    public func tier(_ tier: SLOAlertTier) -> Self {
        with {
            if let index = $0.tiers.firstIndex(where: { $0.id == tier.id }) { $0.tiers[index] = tier } else { $0.tiers.append(tier) }
        }
    }

    /// Replaces every tier.
    public func tiers(_ tiers: [SLOAlertTier]) -> Self { with { $0.tiers = tiers } }

    /// Uses a Sloth `AlertWindows` catalog's pairs for the page and ticket tiers.
    public func alertWindows(_ windows: SLOAlertWindows) -> Self {
        with {
            for index in $0.tiers.indices {
                if $0.tiers[index].id == "page" { $0.tiers[index].windows = windows.page }
                if $0.tiers[index].id == "ticket" { $0.tiers[index].windows = windows.ticket }
            }
        }
    }

    /// Renders the alerts (true, the default) or only the recording rules.
    public func alertingEnabled(_ value: Bool) -> Self { with { $0.isAlertingEnabled = value } }

    /// Shapes the alerts: `.sloth` (the default) or `.perWindow`.
    public func alertShape(_ shape: SLOAlertShape) -> Self { with { $0.alertShape = shape } }

    /// Keeps `labels` through every rule, so that each of their values (each route) has its
    /// own error budget and alerts. The SLI's queries must keep them (`sum by (route)`); the
    /// typed SLIs (`counter`, `latency`) add them for you.
    public func grouped(by labels: [String], fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.grouping, fileID, filePath, line, column) { $0.groupingLabels = labels }
    }

    /// Holds back the tiers that require it (the page tier) while fewer than `requestsPerSecond`
    /// requests arrive over their long window, so that one failed request on a quiet night
    /// does not page. Needs an SLI with a total (events or latency).
    public func minimumRequestRate(_ requestsPerSecond: Double, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        recording(.minimumRequestRate, fileID, filePath, line, column) { $0.minimumRequestRate = requestsPerSecond }
    }

    /// Moves the SLO's rule groups to another rule file.
    public func namespace(_ name: String) -> Self { with { $0.namespace = name } }

    /// Renders the SLO (true, the default) or drops it; use inside `.in(…)` for one environment.
    public func enabled(_ value: Bool) -> Self { with { $0.isEnabled = value } }

    /// Gives the SLO a row on its service's SLO dashboard (true, the default) or leaves it
    /// off; a service whose SLOs are all off gets no dashboard.
    ///
    /// ```swift
    /// SLO(service: "batch", name: "runs", objective: 99, sli: …).dashboard(false)
    /// ```
    public func dashboard(_ value: Bool) -> Self { with { $0.isDashboardEnabled = value } }
}

extension ModifierKey where Root == SLO {
    /// `.objective(_:)`.
    public static var objective: Self { Self("objective") }
    /// `.period(_:)`.
    public static var period: Self { Self("period") }
    /// `.grouped(by:)`.
    public static var grouping: Self { Self("grouping") }
    /// `.minimumRequestRate(_:)`.
    public static var minimumRequestRate: Self { Self("minimumRequestRate") }
}

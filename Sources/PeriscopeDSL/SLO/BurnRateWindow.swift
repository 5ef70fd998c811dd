/// One window pair of multiwindow, multi-burn-rate alerting (the SRE workbook, chapter 5
/// "Alerting on SLOs", recommendation 6): the alert fires while the error ratio over both the
/// long and the short window is above `factor × error budget`. The long window says the
/// budget is really burning; the short one stops the alert soon after the burning stops.
///
/// ```swift
/// BurnRateWindow(long: "1h", short: "5m", budgetPercent: 2)   // 14.4× for a 30d period
/// BurnRateWindow(long: "1d", short: "2h", factor: 3)
/// ```
public struct BurnRateWindow: Sendable, Hashable {
    /// How fast the error budget may burn before the pair fires.
    public enum Threshold: Sendable, Hashable {
        /// The percentage of the period's error budget that burning for the long window
        /// consumes (Sloth's `errorBudgetPercent`): the factor is `percent × period hours /
        /// 100 / long-window hours`, so it follows the SLO's period (2% over 1h is 14.4× for
        /// 30 days, 13.44× for 28 days).
        case budgetPercent(Double)
        /// A fixed burn-rate factor, whatever the period.
        case factor(Double)
    }

    /// The long window (`1h`).
    public var long: PrometheusDuration
    /// The short window (`5m`), usually a twelfth of the long one.
    public var short: PrometheusDuration
    /// How fast the budget may burn.
    public var threshold: Threshold
    /// The `for` of the pair's alert in the `.perWindow` shape; half the short window when nil.
    public var forDuration: PrometheusDuration?

    /// A pair whose factor follows the period: `budgetPercent` of the error budget burnt in the long window.
    public init(long: PrometheusDuration, short: PrometheusDuration, budgetPercent: Double, for forDuration: PrometheusDuration? = nil) {
        self.long = long
        self.short = short
        self.threshold = .budgetPercent(budgetPercent)
        self.forDuration = forDuration
    }

    /// A pair with a fixed burn-rate factor.
    public init(long: PrometheusDuration, short: PrometheusDuration, factor: Double, for forDuration: PrometheusDuration? = nil) {
        self.long = long
        self.short = short
        self.threshold = .factor(factor)
        self.forDuration = forDuration
    }

    /// The SRE workbook's page pairs, as Sloth's `google-30d`/`google-28d` catalogs write
    /// them: 2% of the budget in 1h (5m short window) and 5% in 6h (30m): 14.4× and 6× for 30 days.
    public static let workbookPage: [BurnRateWindow] = [
        BurnRateWindow(long: "1h", short: "5m", budgetPercent: 2),
        BurnRateWindow(long: "6h", short: "30m", budgetPercent: 5),
    ]

    /// The SRE workbook's ticket pairs, as Sloth writes them: 10% of the budget in 1d (2h short
    /// window) and 10% in 3d (6h): 3× and 1× for 30 days.
    public static let workbookTicket: [BurnRateWindow] = [
        BurnRateWindow(long: "1d", short: "2h", budgetPercent: 10),
        BurnRateWindow(long: "3d", short: "6h", budgetPercent: 10),
    ]
}

/// How the alerts of a tier are shaped.
public enum SLOAlertShape: Sendable, Hashable {
    /// One alert per tier that ORs its window pairs, without `for` (Sloth's output).
    case sloth
    /// One alert per window pair, with a `for` and `long`/`short` labels (Pyrra's output).
    case perWindow
}

/// Sloth's `AlertWindows` catalog (`sloth.slok.dev/v1`): the page and ticket window pairs of
/// one SLO period, as `--slo-period-windows-path` loads them.
public struct SLOAlertWindows: Sendable, Hashable {
    /// The SLO period the catalog is for (`sloPeriod`).
    public var period: PrometheusDuration
    /// The page pairs: quick, then slow.
    public var page: [BurnRateWindow]
    /// The ticket pairs: quick, then slow.
    public var ticket: [BurnRateWindow]

    /// Creates a catalog.
    public init(period: PrometheusDuration, page: [BurnRateWindow], ticket: [BurnRateWindow]) {
        self.period = period
        self.page = page
        self.ticket = ticket
    }
}

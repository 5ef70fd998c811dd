import PeriscopeDSL

/// Burn-rate arithmetic as Sloth does it (`internal/alert/window.go`), float operation for float
/// operation, so that factors print the same (28 days: 13.44, 5.6, 2.8000000000000003,
/// 0.9333333333333333).
enum BurnRate {
    /// Go's `time.Duration.Hours()` of a duration in milliseconds.
    static func hours(milliseconds: Int64) -> Double {
        let hour: Int64 = 3_600_000
        return Double(milliseconds / hour) + Double((milliseconds % hour) * 1_000_000) / (60 * 60 * 1e9)
    }

    /// Sloth's `getBurnRateFactor`: the speed that burns `percent` of the period's error budget
    /// in the long window (`percent × period hours / 100 / long-window hours`).
    static func factor(budgetPercent percent: Double, periodMilliseconds: Int64, longMilliseconds: Int64) -> Double {
        let hoursRequired = percent * hours(milliseconds: periodMilliseconds) / 100
        return hoursRequired / hours(milliseconds: longMilliseconds)
    }

    /// The factor of a pair for a period.
    static func factor(_ threshold: BurnRateWindow.Threshold, periodMilliseconds: Int64, longMilliseconds: Int64) -> Double {
        switch threshold {
        case .factor(let factor): factor
        case .budgetPercent(let percent): factor(budgetPercent: percent, periodMilliseconds: periodMilliseconds, longMilliseconds: longMilliseconds)
        }
    }
}

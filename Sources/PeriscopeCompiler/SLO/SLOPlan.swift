import PeriscopeDSL
import PromQL

/// One SLO checked and measured: its windows in milliseconds, its filter and labels; builds
/// the rules of `SLOExpansion`.
struct SLOPlan {
    /// A window pair with its durations and factor worked out.
    struct Pair {
        var short: Int64
        var long: Int64
        var factor: Double
        var forDuration: PrometheusDuration?
    }

    /// A tier with its pairs worked out.
    struct Tier {
        var tier: SLOAlertTier
        var pairs: [Pair]
    }

    let slo: SLO
    let period: Int64
    let tiers: [Tier]
    /// Every alerting window, ascending and unique.
    let windows: [Int64]
    /// The window `slo:current_burn_rate:ratio` and the optimised period rule read: the
    /// first tier's first short window (Sloth's page-quick short window).
    let currentWindow: Int64
    /// The SLI's error ratio with `{{.window}}`.
    let errorRatio: String
    /// All events per second with `{{.window}}`, for the minimum request rate.
    let total: String?
    /// `{sloth_id="…", sloth_service="…", sloth_slo="…"}`.
    let filter: String
    /// `sloth_id`, `sloth_service`, `sloth_slo`, the SLO's labels and the extra labels.
    let labels: [String: String]

    static let windowLabel = "sloth_window"

    /// Checks `slo`; nil, with every problem reported, when it cannot be expanded.
    init?(_ slo: SLO, expansion: SLOExpansion) {
        var failed = false
        func report(_ message: String, _ id: DiagnosticID, at location: SourceLocation) {
            expansion.error(message, id, at: location)
            failed = true
        }
        for (value, what) in [(slo.service, "service"), (slo.name, "SLO name")] {
            if let problem = SLOChecks.nameProblem(value, what) { report(problem, SLODiagnosticID.nameInvalid, at: slo.location) }
        }
        if let problem = SLOChecks.objectiveProblem(slo.objective) { report(problem, SLODiagnosticID.objectiveInvalid, at: slo.location(of: .objective)) }
        var period: Int64 = 0
        switch SLOChecks.periodMilliseconds(slo.period) {
        case .success(let milliseconds): period = milliseconds
        case .failure(let problem): report(problem.message, SLODiagnosticID.periodInvalid, at: slo.location(of: .period))
        }
        let options = expansion.parseOptions
        for (what, template) in SLOQuery.templates(of: slo.sli, grouping: slo.groupingLabels) {
            if let problem = SLOChecks.queryProblem(template, "SLI \(what)", options: options) {
                report(problem, SLODiagnosticID.sliInvalid, at: slo.location)
            } else if !slo.groupingLabels.isEmpty, let parsed = try? PromQL.parse(SLOQuery.render(template, window: "1m"), options: options) {
                for label in slo.groupingLabels where parsed.resultLabels.survival(of: PromQLString(label)) == .no {
                    report("SLI \(what) drops the label '\(label)' the SLO is grouped by (expected it kept, e.g. sum by (\(label)) (…))",
                           SLODiagnosticID.groupingDropped, at: slo.location(of: .grouping))
                }
            }
        }
        if case .errorEvents(let errors, let total) = slo.sli.kind, errors == total {
            report("SLI error and total queries are the same (expected the error query to select only the bad events)", SLODiagnosticID.sliInvalid, at: slo.location)
        }
        for (id, location) in slo.unknownTierChanges.sorted(by: { $0.key < $1.key }) {
            let known = slo.tiers.map(\.id).joined(separator: ", ")
            report("SLO '\(slo.id)' has no alerting tier '\(id)' (expected one of: \(known); add it with .tier(SLOAlertTier(…)))", SLODiagnosticID.alertingInvalid, at: location)
        }
        let total = SLOQuery.total(of: slo.sli, grouping: slo.groupingLabels)
        if let rate = slo.minimumRequestRate {
            let location = slo.location(of: .minimumRequestRate)
            if total == nil { report("a minimum request rate needs an SLI with a total query (expected an events or latency SLI, not raw)", SLODiagnosticID.alertingInvalid, at: location) }
            if !(rate.isFinite && rate >= 0) { report("minimum request rate \(rate) is not a rate (expected requests per second, at least 0)", SLODiagnosticID.alertingInvalid, at: location) }
        }
        var tiers: [Tier] = []
        var seenTiers: Set<String> = []
        for tier in slo.tiers {
            if !seenTiers.insert(tier.id).inserted {
                report("SLO '\(slo.id)' has two alerting tiers named '\(tier.id)' (expected unique tier names)", SLODiagnosticID.alertingInvalid, at: tier.location)
            }
            var pairs: [Pair] = []
            for window in tier.windows {
                guard let pair = Self.pair(window, tier: tier, period: period, expansion: expansion) else {
                    failed = true
                    continue
                }
                pairs.append(pair)
            }
            tiers.append(Tier(tier: tier, pairs: pairs))
        }
        if failed { return nil }
        self.slo = slo
        self.period = period
        self.tiers = tiers
        let alertWindows = Set(tiers.flatMap { $0.pairs.flatMap { [$0.short, $0.long] } })
        self.windows = alertWindows.sorted()
        self.currentWindow = tiers.first?.pairs.first?.short ?? windows.first ?? period
        self.errorRatio = SLOQuery.errorRatio(of: slo.sli, grouping: slo.groupingLabels)
        self.total = total
        let idLabels = ["sloth_id": slo.id, "sloth_service": slo.service, "sloth_slo": slo.name]
        self.filter = Self.filter(idLabels)
        self.labels = idLabels.merging(slo.labels) { $1 }.merging(expansion.options.extraLabels) { $1 }
        warn(expansion)
    }

    private static func pair(_ window: BurnRateWindow, tier: SLOAlertTier, period: Int64, expansion: SLOExpansion) -> Pair? {
        let owner = "window pair \(window.long)/\(window.short) of tier '\(tier.id)'"
        var problems: [String] = []
        for (value, what) in [(window.long, "long window"), (window.short, "short window")] {
            if let problem = value.problem { problems.append("\(what) '\(value)' of the \(owner) is not a duration: \(problem)") }
            else if value.milliseconds == 0 { problems.append("\(what) of the \(owner) is zero (expected a positive duration)") }
        }
        if let forDuration = window.forDuration, let problem = forDuration.problem {
            problems.append("for '\(forDuration)' of the \(owner) is not a duration: \(problem)")
        }
        let long = window.long.milliseconds ?? 0, short = window.short.milliseconds ?? 0
        if problems.isEmpty, short >= long {
            problems.append("short window of the \(owner) is not shorter than the long window (expected e.g. 1h/5m)")
        }
        let factor = period > 0 && long > 0 ? BurnRate.factor(window.threshold, periodMilliseconds: period, longMilliseconds: long) : 1
        if !(factor.isFinite && factor > 0) {
            problems.append("burn-rate threshold of the \(owner) is not positive (expected a factor or budget percentage above 0)")
        }
        for problem in problems { expansion.error(problem, SLODiagnosticID.alertingInvalid, at: tier.location) }
        return problems.isEmpty ? Pair(short: short, long: long, factor: factor, forDuration: window.forDuration) : nil
    }

    /// Prometheus' text of a duration in milliseconds (`5m`, `1d`, `4w`).
    static func text(_ milliseconds: Int64) -> String { PromDuration(milliseconds: milliseconds).prometheusText }

    /// Prometheus' `LabelSet.String()`: sorted, Go-quoted, `, `-separated.
    static func filter(_ labels: [String: String]) -> String {
        "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\(PromQL.goQuoted($0.value))" }.joined(separator: ", ") + "}"
    }

    static func sliMetric(_ milliseconds: Int64) -> String { "slo:sli_error:ratio_rate\(text(milliseconds))" }
}

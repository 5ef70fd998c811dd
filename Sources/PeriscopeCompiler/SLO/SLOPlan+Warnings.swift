import PeriscopeDSL
import PromQL

/// The checks beyond Sloth's: each a warning, since the rules still generate.
extension SLOPlan {
    /// Labels whose values differ between clusters, replicas or targets: an SLI that keeps one
    /// sees its series come and go, and the period rule averages over series that churn.
    static let churningLabels = ["cluster", "region", "zone", "datacenter", "instance", "pod", "node", "container", "replica",
                                 "prometheus", "prometheus_replica"]

    func warn(_ expansion: SLOExpansion) {
        warnNeverFiring(expansion)
        warnShortWindows(expansion)
        warnLabelChurn(expansion)
        warnUnknownInputs(expansion)
    }

    private func warning(_ message: String, _ id: DiagnosticID, at location: SourceLocation, _ expansion: SLOExpansion) {
        expansion.diagnostics.emit(Diagnostic(.warning, message, at: .source(location), id: id))
    }

    /// A pair whose threshold, factor × budget, is 100% errors or more.
    private func warnNeverFiring(_ expansion: SLOExpansion) {
        for tier in tiers where tier.tier.isEnabled && slo.isAlertingEnabled {
            for pair in tier.pairs where pair.factor * (100 - slo.objective) / 100 >= 1 {
                warning("the \(tier.tier.id) alert of SLO '\(slo.id)' can never fire over \(Self.text(pair.long))/\(Self.text(pair.short)): \(PromQL.goGeneralText(pair.factor))× the error budget is 100% errors or more (expected a lower factor or a higher objective)",
                        SLODiagnosticID.alertNeverFires, at: tier.tier.location, expansion)
            }
        }
    }

    /// Windows shorter than two scrapes, and `.perWindow` `for`s of zero.
    private func warnShortWindows(_ expansion: SLOExpansion) {
        let scrape = expansion.environment.prometheus.scrapeInterval
        var reported: Set<Int64> = []
        for tier in tiers where tier.tier.isEnabled && slo.isAlertingEnabled {
            for pair in tier.pairs {
                if let scrape, let interval = scrape.milliseconds, interval > 0 {
                    for window in [pair.short, pair.long] where window < 2 * interval && reported.insert(window).inserted {
                        warning("the \(Self.text(window)) window of SLO '\(slo.id)' holds fewer than two scrapes at the \(scrape) scrape interval: rate() over it is empty, so its error ratio rounds to nothing and the \(tier.tier.id) pair never fires (expected windows of at least twice the scrape interval, better four times)",
                                SLODiagnosticID.windowRoundsToZero, at: tier.tier.location, expansion)
                    }
                }
                if slo.alertShape == .perWindow, (pair.forDuration?.milliseconds ?? pair.short / 2) == 0 {
                    warning("the for of the \(tier.tier.id) pair \(Self.text(pair.long))/\(Self.text(pair.short)) of SLO '\(slo.id)' rounds to zero (expected a short window of at least 2ms, or an explicit for)",
                            SLODiagnosticID.windowRoundsToZero, at: tier.tier.location, expansion)
                }
            }
        }
    }

    /// Labels the error ratio keeps that change per environment or cluster and are not grouped by.
    private func warnLabelChurn(_ expansion: SLOExpansion) {
        guard let parsed = try? PromQL.parse(SLOQuery.render(errorRatio, window: "5m"), options: expansion.parseOptions) else { return }
        let result = parsed.resultLabels
        let candidates = expansion.environment.prometheus.selectors.map(\.name) + Self.churningLabels
        var seen: Set<String> = []
        let kept = candidates.filter { label in
            seen.insert(label).inserted && !slo.groupingLabels.contains(label) && result.survival(of: PromQLString(label)) != .no
        }
        guard !kept.isEmpty else { return }
        let certain = kept.filter { result.survival(of: PromQLString($0)) == .yes }
        let how = certain.isEmpty
            ? "keeps every label of its input (nothing aggregates them away), such as \(kept.prefix(3).map { "'\($0)'" }.joined(separator: ", ")),"
            : "keeps the labels \(certain.map { "'\($0)'" }.joined(separator: ", ")),"
        warning("the SLI of SLO '\(slo.id)' \(how) whose values change per environment or cluster: their series churn and the \(Self.text(period)) average breaks (expected the SLI aggregated without them, e.g. sum(rate(…)), or .grouped(by:) naming them)",
                SLODiagnosticID.labelChurn, at: slo.location, expansion)
    }

    /// Recorded metrics (names with `:`) the SLI reads that no recording rule of the catalog defines.
    private func warnUnknownInputs(_ expansion: SLOExpansion) {
        guard let recorded = expansion.recordedMetrics else { return }
        var reported: Set<String> = []
        for (what, template) in SLOQuery.templates(of: slo.sli, grouping: slo.groupingLabels) {
            guard let parsed = try? PromQL.parse(SLOQuery.render(template, window: "5m"), options: expansion.parseOptions) else { continue }
            for selector in parsed.selectors {
                guard let name = selector.metricName?.string, name.contains(":"), !name.hasPrefix("slo:"),
                      !recorded.contains(name), reported.insert(name).inserted else { continue }
                warning("SLI \(what) of SLO '\(slo.id)' reads '\(name)', which no recording rule of the catalog defines in environment '\(expansion.environment.name)' (expected a RecordingRule(\"\(name)\", …) in the catalog, or the raw metric)",
                        SLODiagnosticID.inputUnknown, at: slo.location, expansion)
            }
        }
    }
}

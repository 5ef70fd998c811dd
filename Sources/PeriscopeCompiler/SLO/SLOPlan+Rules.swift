import PeriscopeDSL
import PromQL

extension SLOPlan {
    private var location: SourceLocation { slo.location }

    /// A group of the SLO's namespace, written at the SLO's location.
    func group(_ name: String, rules: [Rule]) -> RuleGroup {
        let at = slo.location
        return RuleGroup(name, namespace: slo.namespace, fileID: at.fileID, filePath: at.filePath, line: UInt(at.line), column: UInt(at.column)) { rules }
    }

    private func recording(_ record: String, _ expr: String, labels: [String: String]) -> Rule {
        var rule = RecordingRule(record, expr: expr, fileID: location.fileID, filePath: location.filePath, line: UInt(location.line), column: UInt(location.column))
        rule.labels = labels
        return .recording(rule)
    }

    /// `slo:sli_error:ratio_rate<w>` for each window, then for the period.
    func sliRecordings() -> [Rule] {
        var rules: [Rule] = []
        for window in windows {
            rules.append(recording(Self.sliMetric(window), SLOQuery.render(errorRatio, window: Self.text(window)),
                                   labels: labels.merging([Self.windowLabel: Self.text(window)]) { $1 }))
        }
        guard !windows.contains(period) else { return rules }
        let periodText = Self.text(period)
        let expr: String
        if windows.isEmpty {
            expr = SLOQuery.render(errorRatio, window: periodText)
        } else {
            let source = Self.sliMetric(currentWindow) + filter
            expr = "sum_over_time(\(source)[\(periodText)])\n/ ignoring (\(Self.windowLabel))\ncount_over_time(\(source)[\(periodText)])\n"
        }
        rules.append(recording(Self.sliMetric(period), expr, labels: labels.merging([Self.windowLabel: periodText]) { $1 }))
        return rules
    }

    /// The objective, budget, period, burn rates, remaining budget and `sloth_slo_info`.
    func metadataRecordings(info: SLOInfoLabels) -> [Rule] {
        let ratio = PromQL.goGeneralText(slo.objective / 100)
        func burnRate(_ metric: String) -> String {
            "\(metric)\(filter)\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio\(filter)\n"
        }
        let infoLabels = labels.merging([
            "sloth_version": info.version, "sloth_mode": info.mode, "sloth_spec": info.spec,
            "sloth_objective": PromQL.goFixedText(slo.objective),
        ]) { $1 }
        return [
            recording("slo:objective:ratio", "vector(\(ratio))", labels: labels),
            recording("slo:error_budget:ratio", "vector(1-\(ratio))", labels: labels),
            recording("slo:time_period:days", "vector(\(PromQL.goGeneralText(BurnRate.hours(milliseconds: period) / 24)))", labels: labels),
            recording("slo:current_burn_rate:ratio", burnRate(Self.sliMetric(currentWindow)), labels: labels),
            recording("slo:period_burn_rate:ratio", burnRate(Self.sliMetric(period)), labels: labels),
            recording("slo:period_error_budget_remaining:ratio", "1 - slo:period_burn_rate:ratio\(filter)", labels: labels),
            recording("sloth_slo_info", "vector(1)", labels: infoLabels),
        ]
    }

    /// The alerts of every enabled tier, in tier order.
    func alerts() -> [Rule] {
        let budget = PromQL.goGeneralText((100 - slo.objective) / 100)
        var rules: [Rule] = []
        for entry in tiers where entry.tier.isEnabled && !entry.pairs.isEmpty {
            let tier = entry.tier
            let minimum = tier.requiresMinimumRequestRate ? slo.minimumRequestRate : nil
            let clauses = entry.pairs.map { clause($0, budget: budget, minimumRate: minimum) }
            switch slo.alertShape {
            case .sloth:
                rules.append(.alert(alert(tier, expr: clauses.joined(separator: "\nor\n") + "\n")))
            case .perWindow:
                for (pair, clause) in zip(entry.pairs, clauses) {
                    var rule = alert(tier, expr: clause + "\n")
                    rule.forDuration = pair.forDuration ?? PrometheusDuration(Self.text(pair.short / 2))
                    rule.labels["long"] = Self.text(pair.long)
                    rule.labels["short"] = Self.text(pair.short)
                    rules.append(.alert(rule))
                }
            }
        }
        return rules
    }

    /// One window pair: both windows above `factor × budget`, with the `sloth_window` label dropped.
    private func clause(_ pair: Pair, budget: String, minimumRate: Double?) -> String {
        let threshold = "(\(PromQL.goGeneralText(pair.factor)) * \(budget))"
        var text = "(\n"
        text += "    max(\(Self.sliMetric(pair.short))\(filter) > \(threshold)) without (\(Self.windowLabel))\n"
        text += "    and\n"
        text += "    max(\(Self.sliMetric(pair.long))\(filter) > \(threshold)) without (\(Self.windowLabel))\n"
        if let minimumRate, let total {
            let totalLong = SLOQuery.render(total, window: Self.text(pair.long))
            text += "    and on(\(slo.groupingLabels.joined(separator: ", ")))\n"
            text += "    (\(totalLong)) >= \(PromQL.goGeneralText(minimumRate))\n"
        }
        return text + ")"
    }

    private func alert(_ tier: SLOAlertTier, expr: String) -> AlertRule {
        let at = tier.location
        let name = tier.alertName ?? slo.alertName ?? Self.defaultAlertName(slo)
        var rule = AlertRule(name, expr: expr, fileID: at.fileID, filePath: at.filePath, line: UInt(at.line), column: UInt(at.column))
        rule.labels = ["sloth_severity": tier.id].merging(slo.alertLabels) { $1 }.merging(tier.labels) { $1 }
        rule.annotations = [
            "title": "(\(tier.id)) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.",
            "summary": "{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.",
        ].merging(slo.alertAnnotations) { $1 }.merging(tier.annotations) { $1 }
        rule.severity = tier.severity
        return rule
    }

    /// `CheckoutRequestsAvailabilityBurnRate` for `checkout`/`requests-availability`: the id
    /// in CamelCase, for SLOs that name no alert.
    static func defaultAlertName(_ slo: SLO) -> String {
        let words = slo.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "BurnRate"
    }
}

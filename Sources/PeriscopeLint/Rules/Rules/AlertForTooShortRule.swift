import PeriscopeDSL
import PeriscopeModel

/// `alert-for-too-short`: an alert's `for` spans at least two evaluations of its group.
public struct AlertForTooShortRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "alert-for-too-short" }
    public var category: LintCategory { .semantics }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "A non-zero 'for' is at least twice the group's evaluation interval (its 'interval', else evaluationInterval, default 1m).",
            why: "Prometheus checks 'for' only at evaluations: with for: 1m and a 1m interval the alert fires at the second evaluation that sees it, whatever happened in between, so a 'for' shorter than two intervals does not filter out blips and reads as a promise it does not keep.",
            bad: "interval: 1m\n- alert: HighErrorRate\n  for: 30s",
            good: "interval: 1m\n- alert: HighErrorRate\n  for: 5m",
            fix: "Raise 'for' to at least two intervals, or drop it (for: 0) when the alert should fire at once.")
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites where site.rule.kind == .alert {
            guard let text = site.rule.forDuration?.value, let seconds = LintDurations.seconds(text), seconds > 0 else { continue }
            let interval = site.group.interval.flatMap { LintDurations.seconds($0.value) } ?? input.options.evaluationIntervalSeconds
            guard interval > 0, seconds < 2 * interval else { continue }
            findings.report("alert '\(site.rule.name.value)' has for: \(text), shorter than two evaluation intervals (\(Self.format(interval)) each); use at least \(Self.format(2 * interval)) or drop it",
                            at: site.rule.forDuration?.location ?? site.location, subject: site.subject)
        }
    }

    static func format(_ seconds: Double) -> String {
        if seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        if seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Stage 3 of `RuleCompiler` for one group: its own checks, then the model's `RuleGroupNode`
/// with Swift source locations.
///
/// Labels and annotations are sorted by name; the environment's `ruleLabels` and the mapped
/// severity are added; the environment's selectors are injected into every expression that
/// does not opt out.
struct RuleLowering: Sendable {
    let environment: Environment
    let diagnostics: DiagnosticCollector
    let selectors: [LabelMatcher]

    private var parseOptions: ParseOptions { ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3) }
    private var targetName: String { environment.prometheus.target.rawValue }

    private func error(_ message: String, _ id: DiagnosticID, at location: SourceLocation, notes: [String] = [], related: [Diagnostic.Related] = []) {
        diagnostics.emit(.error(message, at: location, id: id, notes: notes, related: related))
    }

    private func checkDuration(_ value: PrometheusDuration?, _ what: String, at location: SourceLocation) {
        guard let value, let problem = value.problem else { return }
        error("invalid \(what) '\(value)': \(problem) (expected a Prometheus duration such as 30s, 5m or 1h30m)", RuleDiagnosticID.durationInvalid, at: location)
    }

    private func text(_ value: PrometheusDuration?, at location: SourceLocation) -> LocatedText? {
        value.map { LocatedText($0.rawValue, at: .source(location)) }
    }

    func lower(_ group: RuleGroup) -> RuleGroupNode {
        checkDuration(group.interval, "interval of group '\(group.name)'", at: group.location(of: .interval))
        if let limit = group.limit, limit < 0 {
            error("limit of group '\(group.name)' is \(limit) (expected 0 for no limit or a positive number)", RuleDiagnosticID.limitInvalid, at: group.location(of: .limit))
        }
        if let offset = group.queryOffset {
            if environment.prometheus.target == .v2_42 {
                error("query_offset of group '\(group.name)' needs Prometheus 3.x, but environment '\(environment.name)' targets \(targetName) (prometheus.target); remove it for this environment or target \"3\"",
                      RuleDiagnosticID.targetUnsupported, at: group.location(of: .queryOffset))
            } else {
                checkDuration(offset, "query_offset of group '\(group.name)'", at: group.location(of: .queryOffset))
            }
        }
        var groupLabels: [RuleLabel] = []
        if !group.labels.isEmpty {
            let first = group.labels.keys.sorted()[0]
            if environment.prometheus.target == .v2_42 {
                error("labels of group '\(group.name)' need Prometheus 3.x, but environment '\(environment.name)' targets \(targetName) (prometheus.target); put the labels on the rules or target \"3\"",
                      RuleDiagnosticID.targetUnsupported, at: group.location(of: .label(first)))
            }
            // Prometheus expands group labels in the group's alerts (promtool does not check them).
            let firstAlert = group.rules.lazy.compactMap { rule -> String? in
                if case .alert(let alert) = rule { return alert.name }
                return nil
            }.first
            groupLabels = checkedPairs(group.labels, kind: "label", owner: "group '\(group.name)'", templatesOf: firstAlert.map { .groupAlert($0) }) {
                group.location(of: .label($0))
            }
        }
        var rules: [RuleNode] = []
        rules.reserveCapacity(group.rules.count)
        // Prometheus loads rules that repeat a name and labels in a group (promtool's
        // `duplicate-rules` lint warns). The same expression again is a copy: an error. Another
        // expression is how some mixins split one alert by selector (kafka's JvmMemoryFillingUp,
        // promscale's PromscaleQueryHighErrorRate): a warning, as promtool gives.
        var seen: [RuleIdentity: [(expr: String, location: SourceLocation)]] = [:]
        seen.reserveCapacity(group.rules.count)
        for rule in group.rules {
            let lowered: RuleNode
            let location: SourceLocation
            let errorsBefore = diagnostics.errorCount
            switch rule {
            case .alert(let alert):
                lowered = lower(alert)
                location = alert.location
            case .recording(let recording):
                lowered = lower(recording)
                location = recording.location
            }
            rules.append(lowered)
            // A rule with errors of its own is not compared: its labels may be incomplete, and
            // a false duplicate would be a cascade of the same mistake.
            guard diagnostics.errorCount == errorsBefore else { continue }
            let key = RuleIdentity(kind: lowered.kind, name: lowered.name.value, labels: lowered.labels.map { [$0.name, $0.value.value] })
            let what = lowered.kind == .alert ? "alert" : "recording rule"
            let earlier = seen[key, default: []]
            if let copy = earlier.first(where: { $0.expr == lowered.expr.value }) {
                error("duplicate \(what) '\(lowered.name.value)' with the same labels and expression in group '\(group.name)' (expected each \(what) to differ in its labels or expression; promtool reports these as duplicate rules)",
                      RuleDiagnosticID.nameDuplicate, at: location, related: [.init("first declared at", .source(copy.location))])
            } else if let first = earlier.first {
                diagnostics.emit(.init(.warning,
                    "\(what) '\(lowered.name.value)' repeats with the same labels in group '\(group.name)' (Prometheus evaluates both; where both produce a series with the same labels, "
                        + (lowered.kind == .alert ? "their ALERTS series collide" : "they write the same series") + "; promtool lints these as duplicate rules)",
                    at: .source(location), id: RuleDiagnosticID.nameDuplicate,
                    notes: ["a label telling them apart (such as the selector each one covers) makes them distinct rules"],
                    related: [.init("first declared at", .source(first.location))]))
            }
            seen[key, default: []].append((lowered.expr.value, location))
        }
        return RuleGroupNode(name: LocatedText(group.name, at: .source(group.location)),
                             interval: text(group.interval, at: group.location(of: .interval)),
                             queryOffset: text(group.queryOffset, at: group.location(of: .queryOffset)),
                             limit: group.limit, limitLocation: group.limit.map { _ in .source(group.location(of: .limit)) },
                             labels: groupLabels, rules: rules, location: .source(group.location))
    }

    /// Whose templates a set of labels or annotations holds, for Go's template checks.
    private enum TemplateOwner {
        /// The alert's own labels and annotations, which promtool checks.
        case alert(String)
        /// Group labels, which Prometheus expands in the group's alerts (the first one named).
        case groupAlert(String)
    }

    /// Labels or annotations sorted by name, with names checked, and values checked as Go
    /// templates where Prometheus expands them (`templatesOf`; recording rules expand none).
    private func checkedPairs(_ pairs: [String: String], kind: String, owner: String, templatesOf templateOwner: TemplateOwner?,
                              location: (String) -> SourceLocation) -> [RuleLabel] {
        var result: [RuleLabel] = []
        result.reserveCapacity(pairs.count)
        for (name, value) in pairs {
            let here = location(name)
            if !RuleNames.isValidLabelName(name) || (kind == "label" && name == "__name__") {
                error("invalid \(kind) name '\(name)' on \(owner) (expected a label name matching [a-zA-Z_][a-zA-Z0-9_]*)", RuleDiagnosticID.labelNameInvalid, at: here)
            }
            if let templateOwner {
                checkTemplate(value, of: "\(kind) '\(name)' of \(owner)", templateOwner, at: here)
            }
            result.append(RuleLabel(name, value, at: .source(here)))
        }
        result.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return result
    }

    /// Reports a value Go's `text/template` does not parse as Prometheus parses it for the target.
    private func checkTemplate(_ value: String, of what: String, _ templateOwner: TemplateOwner, at location: SourceLocation) {
        let (alert, consequence) = switch templateOwner {
        case .alert(let name): (name, "promtool check rules rejects it")
        case .groupAlert(let name): (name, "Prometheus fails to expand it in the group's alerts")
        }
        guard let problem = GoTemplate.alertTemplateProblem(in: value, alert: alert, target: environment.prometheus.target) else { return }
        let place = value.utf8.contains(0x0A) ? " (line \(problem.line) of the template)" : ""
        if problem.exceedsNestingLimit {
            error("\(what) is too deeply nested to check as a template for Prometheus \(targetName)\(place) (expected parentheses and {{if}}, {{range}}, {{with}} and {{block}} nested at most \(GoTemplate.maximumNesting) deep; Go accepts deeper templates, but Periscope does not check them)",
                  RuleDiagnosticID.templateInvalid, at: location)
            return
        }
        error("\(what) is not a valid template for Prometheus \(targetName): \(problem.message)\(place) (expected Go template syntax such as {{ $labels.job }}; \(consequence))",
              RuleDiagnosticID.templateInvalid, at: location, notes: ["Go's text/template reports: \(problem)"])
    }

    /// The expression with the environment's selectors injected; reports empty and unparsable expressions.
    private func expression(_ expr: String, injects: Bool, owner: String, at location: SourceLocation) -> String {
        if expr.allSatisfy({ $0.isWhitespace }) {
            error("expr of \(owner) is empty (expected a PromQL expression)", RuleDiagnosticID.exprMissing, at: location)
            return expr
        }
        do {
            let parsed = try PromQL.parse(expr, options: parseOptions)
            guard injects, !selectors.isEmpty else { return expr }
            return PromQL.applying(PromQL.matcherInsertions(selectors, into: parsed), to: expr)
        } catch {
            let lines = expr.split(separator: "\n", omittingEmptySubsequences: false)
            var notes: [String] = []
            if error.line >= 1, error.line <= lines.count {
                notes = [String(lines[error.line - 1]), String(repeating: " ", count: max(0, error.column - 1)) + "^"]
            }
            self.error("invalid PromQL in \(owner) for Prometheus \(targetName): \(error.description) (expected an expression Prometheus \(targetName) accepts)",
                       RuleDiagnosticID.exprInvalid, at: location, notes: notes)
            return expr
        }
    }

    /// The rule's own labels, plus the environment's `ruleLabels` it does not set, plus `extra`; sorted.
    private func finalLabels(_ own: [RuleLabel], extra: RuleLabel? = nil, at location: SourceLocation) -> [RuleLabel] {
        let ruleLabels = environment.prometheus.ruleLabels
        if ruleLabels.isEmpty && extra == nil { return own }
        var merged = own
        for label in ruleLabels where !own.contains(where: { $0.name == label.name }) {
            merged.append(RuleLabel(label.name, label.value, at: .source(location)))
        }
        if let extra {
            if let index = merged.firstIndex(where: { $0.name == extra.name }) { merged[index] = extra } else { merged.append(extra) }
        }
        merged.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return merged
    }

    private func lower(_ alert: AlertRule) -> RuleNode {
        let owner = "alert '\(alert.name)'"
        if alert.name.allSatisfy(\.isWhitespace) {
            error("alert name is empty (expected a name such as HighErrorRate)", RuleDiagnosticID.nameEmpty, at: alert.location)
        }
        let expr = expression(alert.expr, injects: alert.injectsSelectors, owner: owner, at: alert.location)
        checkDuration(alert.forDuration, "for of \(owner)", at: alert.location(of: .for))
        checkDuration(alert.keepFiringFor, "keep_firing_for of \(owner)", at: alert.location(of: .keepFiringFor))
        let labels = checkedPairs(alert.labels, kind: "label", owner: owner, templatesOf: .alert(alert.name)) { alert.location(of: .label($0)) }
        let annotations = checkedPairs(alert.annotations, kind: "annotation", owner: owner, templatesOf: .alert(alert.name)) { alert.location(of: .annotation($0)) }
        var severityLabel: RuleLabel?
        if let tier = alert.severity {
            // The environment's mapping, else the tier's own name (identity).
            let value = environment.alerting.severities[tier.rawValue] ?? tier.rawValue
            severityLabel = RuleLabel("severity", value, at: .source(alert.location(of: .severity)))
            if alert.labels["severity"] != nil {
                error("\(owner) sets both a severity tier and a 'severity' label (expected one of them; the tier becomes the label, mapped through alerting.severities when the environment maps it)",
                      RuleDiagnosticID.severityInvalid, at: alert.location(of: .label("severity")))
            }
        }
        var node = RuleNode(kind: .alert, name: LocatedText(alert.name, at: .source(alert.location)), expr: LocatedText(expr, at: .source(alert.location)),
                            forDuration: text(alert.forDuration, at: alert.location(of: .for)),
                            keepFiringFor: text(alert.keepFiringFor, at: alert.location(of: .keepFiringFor)),
                            labels: finalLabels(labels, extra: severityLabel, at: alert.location), annotations: annotations,
                            location: .source(alert.location))
        node.lintSuppressions = alert.lintSuppressions
        return node
    }

    private func lower(_ recording: RecordingRule) -> RuleNode {
        let owner = "recording rule '\(recording.record)'"
        if !RuleNames.isValidMetricName(recording.record) {
            error("invalid metric name '\(recording.record)' for a recording rule (expected [a-zA-Z_:][a-zA-Z0-9_:]*, by convention level:metric:operations)",
                  RuleDiagnosticID.nameInvalid, at: recording.location)
        }
        let expr = expression(recording.expr, injects: recording.injectsSelectors, owner: owner, at: recording.location)
        if recording.forDuration != nil {
            error("\(owner) has a 'for' duration (expected none: only alerting rules wait before firing)", RuleDiagnosticID.fieldNotAllowed, at: recording.location(of: .for))
        }
        if let name = recording.annotations.keys.sorted().first {
            error("\(owner) has annotations (expected none: only alerting rules carry annotations)", RuleDiagnosticID.fieldNotAllowed, at: recording.location(of: .annotation(name)))
        }
        let labels = checkedPairs(recording.labels, kind: "label", owner: owner, templatesOf: nil) { recording.location(of: .label($0)) }
        var node = RuleNode(kind: .record, name: LocatedText(recording.record, at: .source(recording.location)), expr: LocatedText(expr, at: .source(recording.location)),
                            labels: finalLabels(labels, at: recording.location), location: .source(recording.location))
        node.lintSuppressions = recording.lintSuppressions
        return node
    }
}

/// What makes two rules of a group the same rule for promtool: kind, name and final labels.
private struct RuleIdentity: Hashable {
    var kind: RuleNode.Kind
    var name: String
    var labels: [[String]]
}

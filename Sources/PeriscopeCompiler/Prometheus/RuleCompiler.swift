import PeriscopeModel
import PeriscopeDSL
import PromQL

/// Compiles a catalog's rule groups and rule tests for one environment.
///
/// Stages, like the dashboard pipeline: resolve (overlays, disabled groups and rules dropped),
/// validate and lower (`RuleGroup` → `LoweredRuleNamespace`: selectors injected, `ruleLabels`
/// and the mapped severity added, target-level checks), then render (`RuleYAML`). Every problem
/// is reported to the collector at the Swift line it comes from, and the run goes on so that
/// one render reports them all.
public struct RuleCompiler: Sendable {
    /// The environment rendered.
    public var environment: Environment
    /// Where problems go.
    public var diagnostics: DiagnosticCollector

    /// Creates a rule compiler.
    public init(environment: Environment, diagnostics: DiagnosticCollector) {
        self.environment = environment
        self.diagnostics = diagnostics
    }

    /// Every rule artifact of `catalog`: rule files, test files and the optional outputs.
    public func artifacts(for catalog: Catalog) -> [Artifact] {
        guard !catalog.ruleGroups.isEmpty || !catalog.ruleTests.isEmpty else { return [] }
        let namespaces = lower(catalog.ruleGroups)
        let tests = lowerTests(catalog.ruleTests, namespaces: namespaces)
        return render(namespaces, tests: tests, outputs: catalog.ruleOutputs)
    }

    // MARK: Rules

    private var parseOptions: ParseOptions { ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3) }
    private var targetName: String { environment.prometheus.target.rawValue }

    private func error(_ message: String, at location: SourceLocation, notes: [String] = []) {
        diagnostics.emit(.error(message, at: location, notes: notes))
    }

    /// Resolves, validates and lowers the groups, one namespace per rule file in first-declared order.
    ///
    /// Groups are lowered in parallel chunks, each reporting to its own collector; problems are
    /// then reported in declaration order, so diagnostics do not depend on scheduling.
    public func lower(_ groups: [RuleGroup]) -> [LoweredRuleNamespace] {
        var enabled: [RuleGroup] = []
        enabled.reserveCapacity(groups.count)
        var groupLocations: [String: [String: SourceLocation]] = [:]
        for declared in groups {
            let group = declared.resolvedWithRules(for: environment.name)
            guard group.isEnabled else { continue }
            if !RuleNames.isSafeFileStem(group.namespace) {
                error("rule namespace '\(group.namespace)' of group '\(group.name)' cannot be a file name (expected letters, digits, '.', '_' or '-', starting with a letter or digit)", at: group.location)
            }
            if group.name.allSatisfy(\.isWhitespace) {
                error("rule group name is empty (expected a name unique within namespace '\(group.namespace)')", at: group.location)
            } else if let first = groupLocations[group.namespace]?[group.name] {
                error("duplicate rule group name '\(group.name)' in namespace '\(group.namespace)' (expected group names to be unique within a rule file)",
                      at: group.location, notes: ["first declared at \(first)"])
            } else {
                groupLocations[group.namespace, default: [:]][group.name] = group.location
            }
            enabled.append(group)
        }
        let selectors = environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value) }
        let chunks = RuleParallel.chunks(enabled.count)
        let frozen = enabled
        let results = RuleParallel.map(chunks) { range -> ([LoweredRuleGroup], [Diagnostic]) in
            let local = DiagnosticCollector()
            let compiler = RuleCompiler(environment: environment, diagnostics: local)
            return (frozen[range].map { compiler.lower($0, selectors: selectors) }, local.diagnostics)
        }
        var namespaces: [LoweredRuleNamespace] = []
        var namespaceIndex: [String: Int] = [:]
        var position = 0
        for (lowered, problems) in results {
            diagnostics.emit(contentsOf: problems)
            for group in lowered {
                let namespace = enabled[position].namespace
                position += 1
                if let index = namespaceIndex[namespace] {
                    namespaces[index].groups.append(group)
                } else {
                    namespaceIndex[namespace] = namespaces.count
                    namespaces.append(LoweredRuleNamespace(name: namespace, groups: [group]))
                }
            }
        }
        return namespaces
    }

    private func checkDuration(_ value: String?, _ what: String, at location: SourceLocation) {
        guard let value, let problem = DurationSyntax.problem(in: value) else { return }
        error("invalid \(what) '\(value)': \(problem) (expected a Prometheus duration such as 30s, 5m or 1h30m)", at: location)
    }

    private func lower(_ group: RuleGroup, selectors: [LabelMatcher]) -> LoweredRuleGroup {
        checkDuration(group.interval, "interval of group '\(group.name)'", at: group.location(of: "interval"))
        if let limit = group.limit, limit < 0 {
            error("limit of group '\(group.name)' is \(limit) (expected 0 for no limit or a positive number)", at: group.location(of: "limit"))
        }
        if let offset = group.queryOffset {
            if environment.prometheus.target == .v2_42 {
                error("query_offset of group '\(group.name)' needs Prometheus 3.x, but environment '\(environment.name)' targets \(targetName) (prometheus.target); remove it for this environment or target \"3\"",
                      at: group.location(of: "query_offset"))
            } else {
                checkDuration(offset, "query_offset of group '\(group.name)'", at: group.location(of: "query_offset"))
            }
        }
        var groupLabels: [LabelPair] = []
        if !group.labels.isEmpty {
            let first = group.labels.keys.sorted()[0]
            if environment.prometheus.target == .v2_42 {
                error("labels of group '\(group.name)' need Prometheus 3.x, but environment '\(environment.name)' targets \(targetName) (prometheus.target); put the labels on the rules or target \"3\"",
                      at: group.location(of: "label.\(first)"))
            }
            groupLabels = checkedPairs(group.labels, kind: "label", owner: "group '\(group.name)'") { group.location(of: "label.\($0)") }
        }
        var rules: [LoweredRule] = []
        rules.reserveCapacity(group.rules.count)
        var seen: [RuleIdentity: SourceLocation] = [:]
        seen.reserveCapacity(group.rules.count)
        for rule in group.rules {
            let lowered: LoweredRule
            switch rule {
            case .alert(let alert): lowered = lower(alert, selectors: selectors)
            case .recording(let recording): lowered = lower(recording, selectors: selectors)
            }
            let key = RuleIdentity(kind: lowered.kind, name: lowered.name, labels: lowered.labels)
            if let first = seen[key] {
                let what = lowered.kind == .alert ? "alert" : "recording rule"
                error("duplicate \(what) '\(lowered.name)' with the same labels in group '\(group.name)' (expected each \(what) name to differ in its labels; promtool reports these as duplicate rules)",
                      at: lowered.location, notes: ["first declared at \(first)"])
            } else {
                seen[key] = lowered.location
            }
            rules.append(lowered)
        }
        return LoweredRuleGroup(name: group.name, interval: group.interval, queryOffset: group.queryOffset, limit: group.limit,
                                labels: groupLabels, rules: rules, location: group.location)
    }

    /// Labels or annotations sorted by name, with names and templates checked.
    private func checkedPairs(_ pairs: [String: String], kind: String, owner: String, location: (String) -> SourceLocation) -> [LabelPair] {
        var result: [LabelPair] = []
        result.reserveCapacity(pairs.count)
        for (name, value) in pairs {
            if !RuleNames.isValidLabelName(name) || (kind == "label" && name == "__name__") {
                error("invalid \(kind) name '\(name)' on \(owner) (expected a label name matching [a-zA-Z_][a-zA-Z0-9_]*)", at: location(name))
            }
            if YAMLText.contains(value, UInt8(ascii: "{")), let problem = TemplateSyntax.problem(in: value) {
                error("\(kind) '\(name)' of \(owner) is not a valid template: \(problem) (expected Go template syntax such as {{ $labels.job }})", at: location(name))
            }
            result.append(LabelPair(name, value))
        }
        result.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return result
    }

    /// The expression with the environment's selectors injected; reports empty and unparsable expressions.
    private func expression(_ expr: String, injects: Bool, owner: String, selectors: [LabelMatcher], at location: SourceLocation) -> String {
        if expr.allSatisfy({ $0.isWhitespace }) {
            error("expr of \(owner) is empty (expected a PromQL expression)", at: location)
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
                       at: location, notes: notes)
            return expr
        }
    }

    /// The rule's own labels, plus the environment's `ruleLabels` it does not set, plus `extra`; sorted.
    private func finalLabels(_ own: [LabelPair], extra: LabelPair? = nil) -> [LabelPair] {
        let ruleLabels = environment.prometheus.ruleLabels
        if ruleLabels.isEmpty && extra == nil { return own }
        var merged = own
        for label in ruleLabels where !own.contains(where: { $0.name == label.name }) { merged.append(label) }
        if let extra {
            if let index = merged.firstIndex(where: { $0.name == extra.name }) { merged[index] = extra } else { merged.append(extra) }
        }
        merged.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return merged
    }

    private func lower(_ alert: AlertRule, selectors: [LabelMatcher]) -> LoweredRule {
        let owner = "alert '\(alert.name)'"
        if alert.name.allSatisfy(\.isWhitespace) {
            error("alert name is empty (expected a name such as HighErrorRate)", at: alert.location)
        }
        let expr = expression(alert.expr, injects: alert.injectsSelectors, owner: owner, selectors: selectors, at: alert.location)
        checkDuration(alert.forDuration, "for of \(owner)", at: alert.location(of: "for"))
        checkDuration(alert.keepFiringFor, "keep_firing_for of \(owner)", at: alert.location(of: "keep_firing_for"))
        let labels = checkedPairs(alert.labels, kind: "label", owner: owner) { alert.location(of: "label.\($0)") }
        let annotations = checkedPairs(alert.annotations, kind: "annotation", owner: owner) { alert.location(of: "annotation.\($0)") }
        var severityLabel: LabelPair?
        if let tier = alert.severity {
            if let value = environment.alerting.severities[tier.rawValue] {
                severityLabel = LabelPair("severity", value)
                if alert.labels["severity"] != nil {
                    error("\(owner) sets both a severity tier and a 'severity' label (expected one of them; the tier maps to the label through alerting.severities)",
                          at: alert.location(of: "label.severity"))
                }
            } else {
                let known = environment.alerting.severities.keys.sorted()
                let defined = known.isEmpty ? "it defines none" : "defined: \(known.joined(separator: ", "))"
                let file = environment.location(of: "alerting.severities").map { " in \($0)" } ?? ""
                error("severity '\(tier)' of \(owner) is not mapped by environment '\(environment.name)' (expected a key under alerting.severities\(file); \(defined))",
                      at: alert.location(of: "severity"))
            }
        }
        return LoweredRule(kind: .alert, name: alert.name, expr: expr, forDuration: alert.forDuration, keepFiringFor: alert.keepFiringFor,
                           labels: finalLabels(labels, extra: severityLabel), annotations: annotations, location: alert.location)
    }

    private func lower(_ recording: RecordingRule, selectors: [LabelMatcher]) -> LoweredRule {
        let owner = "recording rule '\(recording.record)'"
        if !RuleNames.isValidMetricName(recording.record) {
            error("invalid metric name '\(recording.record)' for a recording rule (expected [a-zA-Z_:][a-zA-Z0-9_:]*, by convention level:metric:operations)", at: recording.location)
        }
        let expr = expression(recording.expr, injects: recording.injectsSelectors, owner: owner, selectors: selectors, at: recording.location)
        if recording.forDuration != nil {
            error("\(owner) has a 'for' duration (expected none: only alerting rules wait before firing)", at: recording.location(of: "for"))
        }
        if let name = recording.annotations.keys.sorted().first {
            error("\(owner) has annotations (expected none: only alerting rules carry annotations)", at: recording.location(of: "annotation.\(name)"))
        }
        let labels = checkedPairs(recording.labels, kind: "label", owner: owner) { recording.location(of: "label.\($0)") }
        return LoweredRule(kind: .record, name: recording.record, expr: expr, labels: finalLabels(labels), location: recording.location)
    }

    // MARK: Output

    /// Renders rule files, test files and the optional outputs, sorted by path by the caller.
    public func render(_ namespaces: [LoweredRuleNamespace], tests: [LoweredRuleTests], outputs: RuleOutputs) -> [Artifact] {
        var artifacts: [Artifact] = []
        for namespace in namespaces {
            artifacts.append(Artifact(path: "prometheus/rules/\(namespace.name).yaml", kind: .prometheusRules,
                                      bytes: RuleYAML.ruleFileBytes(namespace), source: namespace.location))
            if outputs.contains(.kubernetes) {
                if RuleNames.isKubernetesName(namespace.name) {
                    let labels = [LabelPair("app.kubernetes.io/managed-by", "periscope")]
                    artifacts.append(Artifact(path: "kubernetes/\(namespace.name).yaml", kind: .kubernetesPrometheusRule,
                                              bytes: Array(RuleYAML.prometheusRule(namespace, labels: labels).utf8), source: namespace.location))
                } else if let location = namespace.location {
                    error("rule namespace '\(namespace.name)' cannot name a PrometheusRule (expected a lowercase DNS-1123 name: a-z, 0-9, '-' and '.')", at: location)
                }
            }
            if outputs.contains(.mimir) {
                artifacts.append(Artifact(path: "mimir/rules/\(namespace.name).yaml", kind: .mimirRules,
                                          bytes: Array(RuleYAML.mimirFile(namespace).utf8), source: namespace.location))
            }
        }
        for file in tests {
            artifacts.append(Artifact(path: "prometheus/tests/\(file.namespace).yaml", kind: .prometheusTests,
                                      bytes: Array(RuleYAML.testFile(file, ruleFile: "../rules/\(file.namespace).yaml").utf8), source: file.location))
        }
        return artifacts
    }
}

/// What makes two rules of a group the same rule for promtool: kind, name and final labels.
private struct RuleIdentity: Hashable {
    var kind: LoweredRule.Kind
    var name: String
    var labels: [LabelPair]
}

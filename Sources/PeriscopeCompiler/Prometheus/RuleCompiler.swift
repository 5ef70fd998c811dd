import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Compiles a catalog's rule groups and rule tests for one environment.
///
/// Stages, like the dashboard pipeline, each a typed function from one representation to the next:
/// 0. expand: `[SLO]` → `[RuleGroup]` (`SLOExpansion`: overlays applied, Sloth's recording rules and alerts);
/// 1. resolve: `[RuleGroup]` → `ResolvedRules` (overlays applied, disabled groups and rules dropped);
/// 2. check: checks across groups (namespaces usable as file names, unique group names);
/// 3. lower: `ResolvedRules` → `[RuleFile]` (the artifact model, `.source` locations): each group's
///    own checks, selectors injected, `ruleLabels` and the mapped severity added; groups in parallel;
/// 4. render: `[RuleFile]` → `[Artifact]` through `RuleFileWriter` (rule files, PrometheusRule
///    resources, Mimir namespace files) plus promtool test files.
///
/// Every problem is reported to the collector at the Swift line it comes from, with a
/// `RuleDiagnosticID`, and the run goes on so that one render reports them all. Diagnostics come
/// in declaration order whatever the scheduling.
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

    /// Every rule artifact of `catalog`: rule files, test files and the optional outputs
    /// (`render(model(for:))`).
    public func artifacts(for catalog: Catalog) -> [Artifact] {
        render(model(for: catalog))
    }

    /// Stages 1 to 3 for a catalog: its rule files as the artifact model, and its promtool tests.
    ///
    /// The catalog's SLOs are expanded into rule groups first (`SLOExpansion`), after its own
    /// groups, so that every later stage treats them as ordinary rules.
    public func model(for catalog: Catalog) -> RulesModel {
        guard !catalog.ruleGroups.isEmpty || !catalog.ruleTests.isEmpty || !catalog.slos.isEmpty else {
            return RulesModel(files: [], tests: [], outputs: catalog.ruleOutputs)
        }
        let sloGroups = catalog.slos.isEmpty ? [] : SLOExpansion(environment: environment, diagnostics: diagnostics, recordedMetrics: recordedMetrics(catalog))
            .ruleGroups(for: catalog.slos)
        let resolved = resolve(catalog.ruleGroups + sloGroups)
        check(resolved)
        let files = lower(resolved)
        let tests = lowerTests(catalog.ruleTests, namespaces: files)
        return RulesModel(files: files, tests: tests, outputs: catalog.ruleOutputs)
    }

    /// Stage 4 for a catalog's rules: rule files, test files and the optional outputs.
    public func render(_ model: RulesModel) -> [Artifact] {
        guard !model.files.isEmpty || !model.tests.isEmpty else { return [] }
        return render(model.files, tests: model.tests, outputs: model.outputs)
    }

    /// The metrics the catalog's recording rules record in this environment.
    private func recordedMetrics(_ catalog: Catalog) -> Set<String> {
        var names: Set<String> = []
        for group in catalog.ruleGroups {
            let resolved = group.resolvedWithRules(for: environment.name)
            guard resolved.isEnabled else { continue }
            for case .recording(let rule) in resolved.rules { names.insert(rule.record) }
        }
        return names
    }

    /// Stages 1 to 3: the rule files of `groups`, one per namespace in first-declared order.
    public func lower(_ groups: [RuleGroup]) -> [RuleFile] {
        let resolved = resolve(groups)
        check(resolved)
        return lower(resolved)
    }

    func error(_ message: String, _ id: DiagnosticID, at location: SourceLocation, notes: [String] = [], related: [Diagnostic.Related] = []) {
        diagnostics.emit(.error(message, at: location, id: id, notes: notes, related: related))
    }
}

/// The rules of one environment as the artifact model: what `RuleCompiler.model(for:)` lowers
/// and `RuleCompiler.render(_:)` writes.
public struct RulesModel: Sendable, Equatable {
    /// One rule file per namespace, in first-declared order, with Swift source locations.
    public var files: [RuleFile]
    /// The promtool unit tests, one file per tested namespace.
    public var tests: [LoweredRuleTests]
    /// Which optional layouts are written besides the plain rule files.
    public var outputs: RuleOutputs

    /// Creates a rules model.
    public init(files: [RuleFile], tests: [LoweredRuleTests], outputs: RuleOutputs) {
        self.files = files
        self.tests = tests
        self.outputs = outputs
    }
}

/// The enabled rule groups of one environment, overlays applied, in declaration order.
public struct ResolvedRules: Sendable {
    /// The groups; each names its namespace (its rule file).
    public var groups: [RuleGroup]
}

extension RuleCompiler {
    /// Stage 1: overlays applied; disabled groups and rules dropped.
    public func resolve(_ groups: [RuleGroup]) -> ResolvedRules {
        var enabled: [RuleGroup] = []
        enabled.reserveCapacity(groups.count)
        for declared in groups {
            let group = declared.resolvedWithRules(for: environment.name)
            if group.isEnabled { enabled.append(group) }
        }
        return ResolvedRules(groups: enabled)
    }

    /// Stage 2: namespaces that cannot be file names, empty and duplicate group names.
    public func check(_ resolved: ResolvedRules) {
        var groupLocations: [String: [String: SourceLocation]] = [:]
        for group in resolved.groups {
            if !RuleNames.isSafeFileStem(group.namespace) {
                error("rule namespace '\(group.namespace)' of group '\(group.name)' cannot be a file name (expected letters, digits, '.', '_' or '-', starting with a letter or digit)",
                      RuleDiagnosticID.namespaceInvalid, at: group.location)
            }
            if group.name.allSatisfy(\.isWhitespace) {
                error("rule group name is empty (expected a name unique within namespace '\(group.namespace)')", RuleDiagnosticID.groupNameEmpty, at: group.location)
            } else if let first = groupLocations[group.namespace]?[group.name] {
                error("duplicate rule group name '\(group.name)' in namespace '\(group.namespace)' (expected group names to be unique within a rule file)",
                      RuleDiagnosticID.groupNameDuplicate, at: group.location, related: [.init("first declared at", .source(first))])
            } else {
                groupLocations[group.namespace, default: [:]][group.name] = group.location
            }
        }
    }

    /// Stage 3: the rule files. Groups are lowered in parallel chunks, each reporting to its own
    /// collector; problems are then reported in declaration order.
    public func lower(_ resolved: ResolvedRules) -> [RuleFile] {
        let enabled = resolved.groups
        let selectors = environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value) }
        let results = RuleParallel.map(RuleParallel.chunks(enabled.count)) { range -> ([RuleGroupNode], [Diagnostic]) in
            let local = DiagnosticCollector()
            let lowering = RuleLowering(environment: environment, diagnostics: local, selectors: selectors)
            return (enabled[range].map { lowering.lower($0) }, local.diagnostics)
        }
        var files: [RuleFile] = []
        var fileIndex: [String: Int] = [:]
        var position = 0
        for (lowered, problems) in results {
            diagnostics.emit(contentsOf: problems)
            for group in lowered {
                let namespace = enabled[position].namespace
                position += 1
                if let index = fileIndex[namespace] {
                    files[index].documents[0].groups.append(group)
                } else {
                    fileIndex[namespace] = files.count
                    files.append(RuleFile(name: namespace, groups: [group]))
                }
            }
        }
        return files
    }

    /// Stage 4: rule files, test files and the optional outputs, sorted by path by the caller.
    public func render(_ files: [RuleFile], tests: [LoweredRuleTests], outputs: RuleOutputs) -> [Artifact] {
        var artifacts: [Artifact] = []
        for file in files {
            let source = file.location.flatMap { location -> SourceLocation? in
                if case .source(let source) = location { return source }
                return nil
            }
            var rules = Artifact(path: "prometheus/rules/\(file.name).yaml", kind: .prometheusRules, bytes: RuleFileWriter.bytes(file), source: source)
            (rules.nodeSources, rules.suppressions) = NodeSources.ruleFile(file, root: source)
            artifacts.append(rules)
            if outputs.contains(.kubernetes) {
                if RuleNames.isKubernetesName(file.name) {
                    let labels = [RuleLabel("app.kubernetes.io/managed-by", "periscope")]
                    let resource = RuleFile(name: file.name, documents: [.prometheusRule(file.name, labels: labels, groups: file.groups)])
                    artifacts.append(Artifact(path: "kubernetes/\(file.name).yaml", kind: .kubernetesPrometheusRule,
                                              bytes: RuleFileWriter.bytes(resource), source: source))
                } else if let source {
                    error("rule namespace '\(file.name)' cannot name a PrometheusRule (expected a lowercase DNS-1123 name: a-z, 0-9, '-' and '.')",
                          RuleDiagnosticID.namespaceInvalid, at: source)
                }
            }
            if outputs.contains(.mimir) {
                let namespace = RuleFile(name: file.name, documents: [.mimirNamespace(file.name, groups: file.groups)])
                artifacts.append(Artifact(path: "mimir/rules/\(file.name).yaml", kind: .mimirRules,
                                          bytes: RuleFileWriter.bytes(namespace), source: source))
            }
        }
        for file in tests {
            artifacts.append(Artifact(path: "prometheus/tests/\(file.namespace).yaml", kind: .prometheusTests,
                                      bytes: Array(RuleYAML.testFile(file, ruleFile: "../rules/\(file.namespace).yaml").utf8), source: file.location))
        }
        return artifacts
    }
}

import PeriscopeDSL
import PeriscopeModel

/// Runs the rules over environments and turns their findings into a report: configuration
/// (severities, disabled rules, exceptions), inline suppressions (YAML comments in rule files,
/// `.lintDisabled` in Swift through `manifest.json`), Swift locations for rendered output, the
/// baseline, and a deterministic order.
public struct LintEngine: Sendable {
    /// The rules to run (the registry's, by default).
    public var rules: [any LintRule]
    /// The configuration.
    public var configuration: LintConfiguration
    /// Options given on the command line, which win over the manifest's (`--target`…); nil members are not given.
    public var targetOverride: Bool = false
    /// The directory Swift paths are resolved against (`Sources/<fileID>` when that file exists there).
    public var workingDirectory: String?

    /// Creates an engine.
    public init(rules: [any LintRule] = LintRegistry.rules, configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Id of the finding for an inline suppression without a reason.
    public static let suppressionReasonID: DiagnosticID = "lint-suppression-reason"
    /// Id of the finding for an inline suppression naming a rule that does not exist.
    public static let suppressionRuleID: DiagnosticID = "lint-suppression-unknown-rule"

    /// Lints every environment with `options` (the `.periscope.yaml` settings are applied here).
    public func lint(_ environments: [ArtifactEnvironment], options: LintOptions) -> LintReport {
        // Environments are linted side by side (their rules run in parallel too), so that the
        // cores stay busy at the end of each; entries are merged in the environments' order.
        let entries = RuleParallel.map(environments) { lint($0, options: options) }.flatMap { $0 }
        return LintReport(entries: LintReport.merged(entries))
    }

    /// The options of one environment: the manifest's target, scrape interval and severities
    /// unless the configuration sets them.
    public func options(for environment: ArtifactEnvironment, base: LintOptions) -> LintOptions {
        var options = base
        if let manifest = environment.manifest {
            if let text = manifest.prometheusTarget, let target = PromQLTargetName(text) { options.target = target }
            if let text = manifest.scrapeInterval, let seconds = LintDurations.seconds(text) { options.scrapeIntervalSeconds = seconds }
            for value in manifest.severities.values.sorted() where !options.allowedSeverities.contains(value) { options.allowedSeverities.append(value) }
            if !manifest.datasourceList.isEmpty { options.environmentDatasourceUIDs = manifest.datasourceList.map(\.uid) }
            if let paging = manifest.severities["page"], !options.pagingSeverities.contains(paging) { options.pagingSeverities.append(paging) }
        }
        return configuration.applied(to: options)
    }

    func lint(_ environment: ArtifactEnvironment, options base: LintOptions) -> [LintReport.Entry] {
        let options = self.options(for: environment, base: base)
        let input = LintInputBuilder.input(environment, options: options)
        let active: [(rule: any LintRule, severity: Diagnostic.Severity)] = rules.compactMap { rule in
            configuration.severity(of: rule).map { (rule, $0) }
        }
        let found = RuleParallel.map(active.indices.map { $0 }) { index -> [LintFinding] in
            let (rule, severity) = active[index]
            var findings = LintFindings(rule: rule.id, severity: severity)
            rule.check(input, into: &findings)
            return findings.findings
        }
        let nodes = NodeResolver(environment: environment, knownRules: Set(LintRegistry.ids))
        var entries: [LintReport.Entry] = []
        for finding in found.joined() {
            if let entry = entry(for: finding, environment: environment, nodes: nodes) { entries.append(entry) }
        }
        for finding in nodes.suppressionFindings {
            guard let severity = configuration.disabled.contains(finding.rule.rawValue) ? nil : (configuration.severities[finding.rule.rawValue] ?? finding.severity) else { continue }
            var adjusted = finding
            adjusted.severity = severity
            if let entry = entry(for: adjusted, environment: environment, nodes: nodes, suppressible: false) { entries.append(entry) }
        }
        return entries
    }

    /// Findings made outside the rules, such as the live checks of `lint --prometheus`, about
    /// the artifacts of `environment`, as report entries: the same steps as the rules' findings
    /// (`off` and severity overrides from `.periscope.yaml` by the finding's id, exceptions,
    /// inline suppressions, the Swift line of rendered output through `manifest.json`).
    public func entries(for findings: [LintFinding], in environment: ArtifactEnvironment) -> [LintReport.Entry] {
        let nodes = NodeResolver(environment: environment, knownRules: Set(LintRegistry.ids))
        return findings.compactMap { finding in
            let id = finding.rule.rawValue
            guard !configuration.disabled.contains(id) else { return nil }
            var adjusted = finding
            adjusted.severity = configuration.severities[id] ?? finding.severity
            return entry(for: adjusted, environment: environment, nodes: nodes)
        }
    }

    private func entry(for finding: LintFinding, environment: ArtifactEnvironment, nodes: NodeResolver, suppressible: Bool = true) -> LintReport.Entry? {
        let node = nodes.node(of: finding.location)
        if suppressible, nodes.isSuppressed(rule: finding.rule.rawValue, node: node) { return nil }
        var subject = finding.subject
        subject.file = environment.relativePath(subject.file)
        let scopedPath = LintReport.displayPath(finding.subject.file)
        for exception in configuration.exceptions {
            if exception.covers(rule: finding.rule.rawValue, subject: LintSubject(file: scopedPath, group: subject.group, name: subject.name)) { return nil }
            if exception.covers(rule: finding.rule.rawValue, subject: subject) { return nil }
        }
        var location = finding.location
        if let source = nodes.sourceLocation(of: node) { location = .source(resolved(source)) }
        let related = finding.related.map { related -> Diagnostic.Related in
            if let source = nodes.sourceLocation(of: nodes.node(of: related.location)) { return Diagnostic.Related(related.what, .source(resolved(source))) }
            return related
        }
        return LintReport.Entry(rule: finding.rule, severity: finding.severity, message: finding.message, location: location, subject: subject,
                                notes: finding.notes, related: related, environments: environment.name.map { [$0] } ?? [])
    }

    /// A manifest location with `filePath` set to `Sources/<fileID>` when that file exists from
    /// the working directory, else to the fileID (what the compiler's diagnostics print).
    func resolved(_ source: SourceLocation) -> SourceLocation {
        var source = source
        let candidate = "Sources/" + source.fileID
        let path = workingDirectory.map { ArtifactSearch.joined($0, candidate) } ?? candidate
        if FileBytes.exists(path) { source.filePath = candidate }
        return source
    }
}

/// The PromQL target of a manifest's `prometheus.target` text.
func PromQLTargetName(_ text: String) -> PromQLTarget? { PromQLTarget(rawValue: text) }

import PromQL

extension FileBytes {
    /// Whether a file exists at `path`.
    static func exists(_ path: String) -> Bool {
        if case .failure(let failure) = FileBytes.read(path, limit: 0), failure.kind == .unreadable { return false }
        return true
    }
}

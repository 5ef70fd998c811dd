import ArgumentParser
import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeLint
import PeriscopeLive
import PeriscopeModel
import PromQL

/// `lint`: checks dashboards and rule files (rendered output or foreign files).
struct LintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lint",
            abstract: "Check dashboards and rule files: naming, cardinality, PromQL semantics, dashboard structure.",
            discussion: """
                PATH is a rendered output folder (build/, or build/<env>/ with manifest.json: \
                findings point at the Swift line through the manifest), or any folder or file of \
                Grafana dashboards (.json) and Prometheus rule files (.yaml, .yml; PrometheusRule \
                resources and Mimir namespaces included): findings point at the file with a YAML \
                line or JSON pointer. Without PATH, the catalog is rendered in memory for every \
                environment (--env, --environments) and that is linted.

                Output: --format text (path:line:col: severity: [rule-id] message), json, or github \
                (workflow annotations). Exit status 1 when there are errors, or warnings with \
                --strict; 0 otherwise.

                Configuration: .periscope.yaml in the current directory (or --config FILE) switches \
                rules off, overrides severities, sets the high-cardinality labels, budgets, allowed \
                and paging severities, and lists exceptions (rule plus file, group or name, with a \
                reason). In rule files '# periscope-lint disable rule-id: reason' on or above a rule \
                suppresses a finding; in Swift, .lintDisabled("rule-id", reason: "…").

                --baseline OLD lints OLD too (an earlier output folder, or the same files at the \
                base branch) and reports only findings that are new, matched by rule, file, group, \
                name and message (not line numbers).

                Examples:
                  \(CatalogContext.program) lint                                  # render every environment in memory, lint it
                  \(CatalogContext.program) lint build --format github --strict   # CI on rendered output
                  \(CatalogContext.program) lint rules/ dashboards/               # foreign files
                  \(CatalogContext.program) lint build --baseline base-build      # only what the change introduced
                  \(CatalogContext.program) lint --list-rules
                  \(CatalogContext.program) lint --explain metric-base-units
                """
        )
    }

    @Argument(help: ArgumentHelp("Output folders, dashboard and rule files, or folders to search.", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: text, json or github.", valueName: "format"))
    var format: String = "text"

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Report only findings not present in this earlier output folder or file set.", valueName: "old"))
    var baseline: String?

    @Option(help: ArgumentHelp("The lint configuration (default: .periscope.yaml in the current directory, if present).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("A metrics inventory (metrics.yaml) for metric types and series estimates.", valueName: "file"))
    var inventory: String?

    @Option(help: ArgumentHelp("Print the documentation of a rule.", valueName: "rule-id"))
    var explain: String?

    @Flag(help: "List every rule: id, category, default severity and summary.")
    var listRules = false

    @Option(help: ArgumentHelp("Also measure real series counts on this Prometheus server (live mode).", valueName: "url"))
    var prometheus: String?

    @Option(help: ArgumentHelp("Seconds each call to the Prometheus server may take (live mode).", valueName: "seconds"))
    var timeout: Double = PrometheusClient.defaultTimeout

    @Option(help: ArgumentHelp("The environment variable holding a bearer token for --prometheus (default: PROMETHEUS_BEARER_TOKEN, when set); the token is never printed.", valueName: "name"))
    var bearerTokenEnv: String?

    @OptionGroup var environments: EnvironmentOptions

    func run() throws {
        if listRules {
            Terminal.out(LintFrontend.ruleList())
            return
        }
        if let explain {
            guard let text = LintFrontend.explanation(of: explain) else {
                Terminal.error("error: unknown lint rule '\(explain)'\(KeySuggestion.hint(for: explain, among: LintRegistry.ids)) (\(CatalogContext.program) lint --list-rules lists them)")
                throw ExitCode(1)
            }
            Terminal.out(text)
            return
        }
        guard let format = LintReport.Format(rawValue: format) else {
            throw ValidationError("unknown format '\(format)' (expected text, json or github)")
        }
        let cwd = Terminal.currentDirectory
        // Configuration.
        var configuration = LintConfiguration()
        let configPath = config ?? (FileManager.default.fileExists(atPath: LintConfiguration.fileName) ? LintConfiguration.fileName : nil)
        var problems: [Diagnostic] = []
        if let configPath {
            let read = LintConfiguration.read(path: configPath, ruleIDs: LintRegistry.ids)
            configuration = read.configuration
            problems += read.diagnostics
        }
        var options = LintOptions()
        if let inventoryPath = inventory ?? configuration.inventoryPath {
            let read = MetricsInventoryReader(path: inventoryPath).readFile()
            problems += read.diagnostics
            options.inventory = read.inventory
        }
        if problems.contains(where: { $0.severity == .error }) {
            Terminal.report(problems)
            throw ExitCode(1)
        }
        var engine = LintEngine(configuration: configuration)
        engine.workingDirectory = cwd
        // Inputs.
        let read = paths.isEmpty ? try renderedInMemory() : ArtifactFolderReader().read(paths)
        problems += read.diagnostics
        var report = engine.lint(read.environments, options: options)
        if let baseline {
            let old = ArtifactFolderReader().read([baseline])
            if old.environments.isEmpty && old.hasErrors {
                Terminal.report(old.diagnostics)
                throw ExitCode(1)
            }
            report = report.subtracting(engine.lint(old.environments, options: options))
        }
        if let prometheus {
            report = report.adding(try live(prometheus, environments: read.environments, engine: engine, options: options))
        }
        for diagnostic in problems { Terminal.error(diagnostic.formatted(relativeTo: cwd)) }
        FileHandle.standardOutput.write(Data(report.rendered(format, relativeTo: cwd).utf8))
        let readErrors = problems.contains { $0.severity == .error }
        if readErrors || report.count(.error) > 0 || (strict && report.count(.warning) > 0) { throw ExitCode(1) }
    }

    /// The live checks (PeriscopeLive) of every query and rule against a Prometheus server: series
    /// over budget, metrics that do not exist, labels with too many values. Their findings are
    /// report entries like the rules' (the Swift line of rendered output, `.periscope.yaml`
    /// severities, exceptions, suppressions). An unreachable server is one located error; the
    /// command then exits 1.
    private func live(_ address: String, environments: [ArtifactEnvironment], engine: LintEngine, options: LintOptions) throws -> [LintReport.Entry] {
        let client: PrometheusClient
        do {
            client = try PrometheusClient(address: address, timeout: timeout, bearerTokenVariable: bearerTokenEnv)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(1)
        }
        var queries: [LiveQuery] = []
        // The environment and subject of each query's location: a finding is located at its query.
        var owners: [Location: (environment: Int, subject: LintSubject)] = [:]
        for (environmentIndex, environment) in environments.enumerated() {
            let input = LintInputBuilder.input(environment, options: engine.options(for: environment, base: options))
            for query in input.queries {
                if owners[query.location] == nil { owners[query.location] = (environmentIndex, input.subject(of: query)) }
                switch query.origin {
                case .panelTarget, .variable:
                    queries.append(LiveQuery(expression: query.text, location: query.location, kind: .dashboardQuery))
                case .rule(let file, let group, let rule):
                    let node = input.ruleFiles[file].file.groups[group].rules[rule]
                    let kind: LiveQuery.Kind = node.kind == .record ? .recordingRule(record: node.name.value) : .alertingRule(alert: node.name.value)
                    queries.append(LiveQuery(expression: query.text, parsed: query.expression, location: query.location, kind: kind))
                }
            }
        }
        let effective = engine.configuration.applied(to: options)
        let budgets = LiveBudgets(seriesPerSelector: effective.seriesBudgetPerQuery, seriesPerRecordingRule: effective.seriesBudgetPerRecordingRule,
                                  valuesPerLabel: effective.valuesPerLabel, seriesPerMetric: effective.seriesBudgetPerMetric,
                                  valuesByLabel: effective.valueBudgetPerLabel)
        let checker = LiveChecker(client: client, budgets: budgets, parseOptions: ParseOptions(target: effective.target))
        let measured = queries
        let outcome = Blocking.run { () async -> Result<[Diagnostic], PrometheusClientError> in
            do throws(PrometheusClientError) { return .success(try await checker.check(measured)) } catch { return .failure(error) }
        }
        let diagnostics: [Diagnostic]
        switch outcome ?? .failure(PrometheusClientError(.unreachable, url: PrometheusClient.shownAddress(address), detail: "the request task ended without an answer")) {
        case .success(let found): diagnostics = found
        case .failure(let error):
            Terminal.error("error: [\(LiveDiagnosticID.serverUnreachable)] \(error)")
            throw ExitCode(1)
        }
        var findings = Array(repeating: [LintFinding](), count: environments.count)
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, let id = diagnostic.id, let owner = owners[location] else { continue }
            findings[owner.environment].append(LintFinding(rule: id, severity: diagnostic.severity, message: diagnostic.message, location: location,
                                                           subject: owner.subject, notes: diagnostic.notes, related: diagnostic.related))
        }
        return environments.indices.flatMap { engine.entries(for: findings[$0], in: environments[$0]) }
    }

    /// Every selected environment of the catalog, rendered in memory and read back as rendered output.
    private func renderedInMemory() throws -> ArtifactFolderReader.Result {
        let context = try CatalogContext.require()
        let loaded = try environments.load()
        let collector = DiagnosticCollector()
        let outputs = Compiler(catalog: context.catalog).compile(loaded, diagnostics: collector)
        if collector.hasErrors {
            Terminal.report(collector.diagnostics)
            Terminal.error("lint needs a catalog that renders; fix the errors above")
            throw ExitCode(1)
        }
        var result = ArtifactFolderReader.Result(environments: [], diagnostics: [], skipped: [])
        for output in outputs {
            var files: [String: [UInt8]] = [:]
            for artifact in output.artifacts { files[artifact.path] = artifact.bytes }
            let read = ArtifactFolderReader().read(renderedFiles: files, root: output.environment)
            result.environments += read.environments
            result.diagnostics += read.diagnostics
        }
        return result
    }
}

/// The text of `--list-rules` and `--explain`.
enum LintFrontend {
    static func ruleList() -> String {
        let rules = LintRegistry.checks
        let width = rules.map(\.id.rawValue.count).max() ?? 0
        var lines: [String] = []
        for category in LintCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            lines.append(category == .live ? "live (with --prometheus URL):" : "\(category.rawValue):")
            for rule in members {
                let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                lines.append("  \(id)  \(severity)  \(rule.doc.summary)")
            }
        }
        lines.append("\(LintRegistry.rules.count) rules and \(LiveCheck.all.count) live checks; \(CatalogContext.program) lint --explain RULE prints one's documentation")
        return lines.joined(separator: "\n")
    }

    static func explanation(of id: String) -> String? {
        guard let rule = LintRegistry.check(id) else { return nil }
        let doc = rule.doc
        func indented(_ text: String) -> String { text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") }
        return """
            \(rule.id) (\(rule.category.rawValue), default severity \(rule.defaultSeverity.rawValue))

            \(doc.summary)

            Why:
            \(indented(doc.why))

            Reported:
            \(indented(doc.bad))

            Fixed:
            \(indented(doc.good))

            How to fix:
            \(indented(doc.fix))
            """
    }
}

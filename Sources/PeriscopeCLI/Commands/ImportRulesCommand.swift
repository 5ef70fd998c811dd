import ArgumentParser
import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeImport

/// `import rules`: Prometheus rule files and promtool unit-test files into Periscope Swift.
struct ImportRulesCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rules",
            abstract: "Import Prometheus rule files and promtool unit tests as Periscope Swift.",
            discussion: """
                Reads rule files (plain groups files, PrometheusRule resources, Mimir namespace \
                files) and promtool unit-test files (rule_files + tests), and writes one Swift file \
                per input: RuleGroups of AlertRules and RecordingRules (one declaration per group \
                and per rule; multi-line expressions as raw multi-line strings; severity, summary, \
                description and runbook through their modifiers), and RuleTests of AlertTests.

                When --out holds no package, a new one is created there (the scaffold of `init`, \
                with environments that add no selectors or labels, so the first render gives back \
                the imported rules). When --out is inside a package, the files are added to its \
                catalog target and ImportedCatalog.swift, the generated listing, is rewritten.

                A folder is searched recursively for .yaml and .yml files; files in it that are \
                neither rule files nor test files are skipped. Nothing is written when any input \
                has an error (not a rule file, YAML errors, invalid PromQL, keys Periscope cannot \
                express) or when a file to write exists (unless --force); the exit status is 1.

                Examples:
                  \(CatalogContext.program) import rules rules/ --out monitoring
                  \(CatalogContext.program) import rules alerts.yaml alerts_test.yaml --out monitoring --name checkout
                  \(CatalogContext.program) import rules mimir/ --out Sources/Monitoring/Imported --force
                  cd monitoring && swift run Monitoring render --env all --out build
                """
        )
    }

    @Argument(help: ArgumentHelp("Rule files, promtool test files, or folders to search.", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: ArgumentHelp("The package to create, or a folder inside an existing package.", valueName: "dir"))
    var out: String

    @Flag(help: "Overwrite existing files.")
    var force = false

    @Option(help: ArgumentHelp("Make a new package depend on this local Periscope checkout instead of the published package.", valueName: "dir"))
    var periscopePath: String?

    @Option(help: ArgumentHelp("The name of a new package (default: the --out folder's name); its target is the name in UpperCamelCase.", valueName: "name"))
    var name: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one rule file, test file or folder") }
    }

    func run() throws {
        let importer = RuleImporter(mappedSeverityTiers: Self.mappedSeverityTiers(forOutput: out))
        do {
            let imported = try importer.importFiles(paths)
            let result = try PackageWriter.write(imported.sources, to: out, options: .init(force: force, periscopePath: periscopePath, name: name))
            Terminal.report(imported.warnings + result.warnings)
            ImportReport.print(result, inputs: imported.sources.count, output: out,
                               notes: imported.skipped.map { "skipped \($0): not a rule file or promtool test file" }
                                   + imported.empty.map { "skipped \($0): no rule groups" })
        } catch {
            Terminal.report(error.diagnostics)
            Terminal.error("nothing was written")
            throw ExitCode(1)
        }
    }

    /// The severity tiers the environments of the package around `output` map
    /// (`alerting.severities`); empty for a new package.
    static func mappedSeverityTiers(forOutput output: String) -> Set<String> {
        guard let root = PackageWriter.existingPackageRoot(for: output) else { return [] }
        let loader = EnvironmentLoader(directory: root + "/environments")
        guard let names = try? loader.availableNames() else { return [] }
        let environments = loader.loadAll(names, diagnostics: DiagnosticCollector())
        return Set(environments.flatMap { $0.alerting.severities.keys })
    }
}

/// What `import` prints after writing: the files, then how to build and render them.
enum ImportReport {
    static func print(_ result: PackageWriteResult, inputs: Int, output: String, notes: [String]) {
        for note in notes { Terminal.out("note: \(note)") }
        for path in result.written { Terminal.out("wrote \(display(result.packageRoot, path))") }
        let what = result.createdPackage ? "created the package \(output) with \(inputs) imported file\(inputs == 1 ? "" : "s")"
                                         : "imported \(inputs) file\(inputs == 1 ? "" : "s") into target \(result.target)"
        Terminal.out(what + "; build and render it with:")
        let root = display(result.packageRoot, "")
        Terminal.out("  cd \(root.isEmpty ? "." : root) && swift run \(result.target) render --env all --out build")
    }

    private static func display(_ root: String, _ path: String) -> String {
        let full = path.isEmpty ? root : root + "/" + path
        let cwd = FileManager.default.currentDirectoryPath
        if full == cwd { return path.isEmpty ? "." : path }
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }
}

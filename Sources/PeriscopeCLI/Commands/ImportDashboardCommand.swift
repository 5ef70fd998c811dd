import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeImport
import PeriscopeModel

/// `import dashboard`: Grafana dashboard JSON files turned into Periscope Swift.
struct ImportDashboardCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dashboard",
            abstract: "Import Grafana dashboards (.json) as Periscope Swift, one file per dashboard.",
            discussion: """
                Each dashboard becomes an enum with `static func dashboard(_ env: Environment)` \
                and one `static var` per row, typed panels (TimeSeries, Stat, Table, …), typed \
                units, thresholds, overrides, variables, links and annotations; `.option`, \
                `.fieldOption` and `.setting` only for what the DSL has no modifier for. Values \
                equal to Grafana's defaults are left out, and positions the flow layout \
                reproduces are left to it. Legacy dashboards are migrated as Grafana does \
                (rows[] to row panels, graph/singlestat/table-old to timeseries/stat/table with \
                autoMigrateFrom, string and null datasources to references); an export's \
                `__inputs` become logical datasource names. A folder is searched recursively \
                for .json files (hidden folders and .build skipped).

                --env NAME, once per input and in the same order, imports copies of ONE \
                dashboard kept per environment (dev.json, prod.json): one definition from the \
                first copy, each copy's datasource uids in environments/<NAME>.yaml, a \
                threshold step that differs as a `values:` entry read with \
                `env.values.double("…")`, other scalar settings of the dashboard or a panel \
                (refresh, time range, unit, options, …) as `.in("<NAME>") { $0.refresh(…) }`. \
                Copies that differ in anything else (panels, queries, variables) are an error \
                per difference [import-env-mismatch].

                Errors are reported as path:line:col: error: [import-…] message and exit 1: a \
                file that is not JSON or not a dashboard, a uid that would be an unsafe file \
                name, two dashboards with one uid, a file that exists (without --force).

                Examples:
                  \(CatalogContext.program) import dashboard node-exporter.json --out monitoring
                  \(CatalogContext.program) import dashboard dashboards/ --out monitoring --name acme-monitoring
                  \(CatalogContext.program) import dashboard dev/api.json prod/api.json --env dev --env prod --out monitoring
                  \(CatalogContext.program) import dashboard api.json --out Sources/Monitoring --force   # into an existing package
                  \(CatalogContext.program) import dashboard api.json --out /tmp/try --periscope-path ~/src/periscope
                """
        )
    }

    @Argument(help: ArgumentHelp("Dashboard files (.json), or folders to search.", valueName: "file-or-folder"))
    var paths: [String]

    @Option(help: ArgumentHelp("The package folder to create, or a folder inside an existing package.", valueName: "dir"))
    var out: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment of each input copy, in input order (repeat per input).", valueName: "name"))
    var environments: [String] = []

    @Flag(help: "Overwrite files that exist.")
    var force = false

    @Option(name: .customLong("periscope-path"), help: ArgumentHelp("Make a new package depend on this local Periscope checkout instead of the published package.", valueName: "dir"))
    var periscopePath: String?

    @Option(help: ArgumentHelp("The name of a new package (default: the --out folder's name).", valueName: "name"))
    var name: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one dashboard file or folder") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var inputs: [DashboardImporter.Input] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, "no such file or folder '\(path)'", at: .file(FileLocation(path: path)), id: .fileUnreadable))
                continue
            }
            let files = isDirectory.boolValue ? FormatFiles.search(path).filter { $0.hasSuffix(".json") } : [path]
            if isDirectory.boolValue && files.isEmpty {
                diagnostics.append(Diagnostic(.error, "no .json files in '\(path)'", at: .file(FileLocation(path: path)), id: .fileUnreadable))
            }
            for file in files {
                switch FileBytes.read(file, limit: JSONReader.maximumSize) {
                case .success(let bytes): inputs.append(DashboardImporter.Input(path: file, bytes: bytes))
                case .failure(let failure):
                    diagnostics.append(failure.diagnostic(path: file))
                }
            }
        }
        guard diagnostics.isEmpty else {
            Terminal.report(diagnostics)
            throw ExitCode(1)
        }
        let result = DashboardImporter().importDashboards(inputs, environments: environments)
        guard !result.hasErrors else {
            Terminal.report(result.diagnostics)
            throw ExitCode(1)
        }
        Terminal.report(result.diagnostics)
        let options = PackageWriter.Options(force: force, periscopePath: periscopePath, name: name, environments: result.environments)
        do {
            let written = try PackageWriter.write(result.sources, to: out, options: options)
            Terminal.report(written.warnings)
            for file in written.written { Terminal.out(file) }
            let what = result.sources.count == 1 ? "1 dashboard" : "\(result.sources.count) dashboards"
            Terminal.out(written.createdPackage
                ? "imported \(what) into a new package at \(written.packageRoot) (target \(written.target)); try: swift run \(written.target) render --env all --out build"
                : "imported \(what) into \(written.packageRoot), target \(written.target)")
        } catch {
            Terminal.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
import PeriscopeCompiler
import PeriscopeDSL

/// `environments`: lists and validates the environment files.
struct EnvironmentsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "environments",
            abstract: "List and validate the environment files.",
            discussion: """
                Loads every environment file (base and _-prefixed overlays included), follows \
                extends chains and reports every problem with file:line:col. Exits 1 on errors.

                Examples:
                  \(CatalogContext.program) environments
                  \(CatalogContext.program) environments --environments config/environments
                """
        )
    }

    @Option(name: .customLong("environments"), help: ArgumentHelp("The directory holding the environment files.", valueName: "dir"))
    var directory: String = "environments"

    func run() throws {
        let loader = EnvironmentLoader(directory: directory)
        let names: [String]
        do {
            names = try loader.availableNames()
        } catch let error as DiagnosticsError {
            Terminal.report(error.diagnostics)
            throw ExitCode(1)
        }
        let collector = DiagnosticCollector()
        let environments = loader.loadAll(names, diagnostics: collector)
        for environment in environments {
            let rendered = EnvironmentLoader.isConcrete(environment.name.rawValue) ? "" : "  (abstract: not rendered by --env all)"
            Terminal.out("\(environment.name)\(rendered)")
            Terminal.out("  files: \(environment.files.joined(separator: " <- "))")
            let grafana = environment.grafana
            Terminal.out("  grafana: folder=\(grafana.folder.map { "\"\($0)\"" } ?? "-") uidPrefix=\"\(grafana.uidPrefix)\" refresh=\(grafana.refresh?.rawValue ?? "-")")
            for name in grafana.datasources.keys.sorted() {
                let datasource = grafana.datasources[name]!
                Terminal.out("  datasource \(name): \(datasource.type) \(datasource.uid.isEmpty ? "(no uid)" : datasource.uid)")
            }
            let prometheus = environment.prometheus
            let selectors = prometheus.selectors.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", ")
            Terminal.out("  prometheus: target=\(prometheus.target.rawValue) scrapeInterval=\(prometheus.scrapeInterval?.rawValue ?? "-") selectors={\(selectors)}")
            if !environment.values.keys.isEmpty {
                Terminal.out("  values: \(environment.values.keys.joined(separator: ", "))")
            }
        }
        Terminal.report(collector.diagnostics)
        if collector.hasErrors { throw ExitCode(1) }
        Terminal.out("\(environments.count) environment\(environments.count == 1 ? "" : "s") OK")
    }
}

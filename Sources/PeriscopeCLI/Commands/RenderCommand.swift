import ArgumentParser
import PeriscopeCompiler
import PeriscopeDSL

/// `render`: renders the catalog for one or every environment.
struct RenderCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: "Render dashboards and rules for one or every environment into an output folder.",
            discussion: """
                Writes build/<env>/grafana/dashboards/<folder>/<uid>.json, \
                build/<env>/grafana/provisioning/dashboards.yaml, \
                build/<env>/prometheus/rules/<namespace>.yaml, build/<env>/prometheus/tests/<namespace>.yaml \
                (plus kubernetes/ and mimir/rules/ when the catalog enables them) and build/<env>/manifest.json. \
                Output is byte-for-byte deterministic. Writes are atomic: a render that fails \
                leaves the previous output untouched.

                Examples:
                  \(CatalogContext.program) render                       # every environment into build/
                  \(CatalogContext.program) render --env prod --out out  # one environment
                  \(CatalogContext.program) render --check               # exit 1 if build/ is stale
                """
        )
    }

    @OptionGroup var environments: EnvironmentOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The output directory.", valueName: "dir"))
    var output: String = "build"

    @Flag(help: "Do not write; exit 1 when the files on disk differ from a fresh render.")
    var check = false

    @Option(help: ArgumentHelp("Where grafana/dashboards/ lives on the Grafana host, for the provisioning file.", valueName: "path"))
    var provisioningRoot: String = GrafanaProvisioning.defaultRoot

    func run() throws {
        let context = try CatalogContext.require()
        let loaded = try environments.load()
        let collector = DiagnosticCollector()
        let compiler = Compiler(catalog: context.catalog, options: RenderOptions(provisioningRoot: provisioningRoot))
        let outputs = compiler.compile(loaded, diagnostics: collector)
        if collector.hasErrors {
            Terminal.report(collector.diagnostics)
            Terminal.error("render failed; nothing was written")
            throw ExitCode(1)
        }
        Terminal.report(collector.diagnostics)
        let writer = OutputWriter(directory: output)
        if check {
            let differences = writer.differences(from: outputs)
            if differences.isEmpty {
                Terminal.out("up to date: \(outputs.map(\.environment).joined(separator: ", ")) in \(output)/")
                return
            }
            for line in differences { Terminal.error(line) }
            Terminal.error("\(differences.count) file\(differences.count == 1 ? "" : "s") differ from a fresh render; run '\(context.programName) render' to update")
            throw ExitCode(1)
        }
        do {
            try writer.write(outputs)
        } catch {
            Terminal.error("error: \(error)")
            Terminal.error("render failed; the previous output was left untouched")
            throw ExitCode(1)
        }
        for output in outputs {
            let dashboards = output.artifacts.count { $0.kind == .grafanaDashboard }
            Terminal.out("\(output.environment): \(dashboards) dashboard\(dashboards == 1 ? "" : "s"), \(output.artifacts.count) files → \(self.output)/\(output.environment)/")
        }
    }
}

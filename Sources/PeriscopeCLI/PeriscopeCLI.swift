import ArgumentParser
import PeriscopeDSL

/// The root command: every catalog gets the same command line.
struct RootCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CatalogContext.program,
            abstract: "Monitoring as code: render Grafana dashboards and Prometheus rules for every environment from Swift definitions.",
            discussion: """
                Examples:
                  \(CatalogContext.program) render --env all --out build
                  \(CatalogContext.program) render --check
                  \(CatalogContext.program) list --env prod
                  \(CatalogContext.program) environments
                  \(CatalogContext.program) promql check 'rate(http_requests_total[5m])'
                  \(CatalogContext.program) test build
                  \(CatalogContext.program) fmt --check dashboards rules
                  \(CatalogContext.program) lint build --format github
                  \(CatalogContext.program) slo generate -i slos.yaml -o rules/slos.yaml
                  \(CatalogContext.program) diff base-build build --format markdown
                  \(CatalogContext.program) preview build --out preview
                  \(CatalogContext.program) init monitoring
                  \(CatalogContext.program) import dashboard dashboards/ --out monitoring
                """,
            subcommands: [RenderCommand.self, ListCommand.self, EnvironmentsCommand.self, PromQLCommand.self, TestCommand.self, FmtCommand.self, LintCommand.self, SLOCommand.self, DiffCommand.self, PreviewCommand.self, InitCommand.self, ImportCommand.self, InventoryCommand.self]
        )
    }
}

/// The command-line entry point a catalog executable calls.
///
/// ```swift
/// @main
/// struct Monitoring {
///     static func main() { PeriscopeCLI.main(catalog: MyCatalog.catalog) }
/// }
/// ```
public enum PeriscopeCLI {
    /// Parses the process arguments and runs the command on `catalog`. Exits with 1 on errors, 64 on usage errors.
    public static func main(catalog: @escaping CatalogFunction, programName: String = "periscope", arguments: [String]? = nil) {
        let context = CatalogContext(catalog: catalog, programName: programName)
        CatalogContext.$current.withValue(context) {
            RootCommand.main(arguments)
        }
    }
}

extension CatalogDefinition {
    /// Runs the Periscope command line on this catalog; lets a definition type be the `@main` type.
    public static func main() {
        PeriscopeCLI.main(catalog: { catalog($0) }, programName: String(CommandLine.arguments.first?.split(separator: "/").last ?? "periscope"))
    }
}

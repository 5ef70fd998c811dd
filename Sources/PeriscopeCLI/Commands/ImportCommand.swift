import ArgumentParser

/// `import`: existing dashboards and rule files turned into Periscope Swift.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: "Turn existing Grafana dashboards and Prometheus rule files into Periscope Swift.",
            discussion: """
                Writes one Swift file per input into a package: when --out names a folder that \
                holds no package, the `init` scaffold is created there (Package.swift, \
                environments/, a catalog listing every imported definition), so `swift build` and \
                `swift run <Target> render` work at once; inside an existing package the files are \
                added and the catalog listing is updated. Nothing is written when an input has an \
                error, and existing files are never overwritten without --force.

                Examples:
                  \(CatalogContext.program) import dashboard dashboards/ --out monitoring
                  \(CatalogContext.program) import dashboard dev/api.json prod/api.json --env dev --env prod --out monitoring
                  \(CatalogContext.program) import rules rules/ --out monitoring
                """,
            subcommands: [ImportDashboardCommand.self, ImportRulesCommand.self]
        )
    }
}

import ArgumentParser
import PeriscopeCompiler
import PeriscopeDSL

/// `list`: shows what the catalog defines in each environment.
struct ListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: "Show what the catalog defines in each environment.",
            discussion: """
                Lists every dashboard with its final uid, folder, panel count and source location, \
                and every rule group rendered in the environment with its namespace and rule counts.

                Examples:
                  \(CatalogContext.program) list
                  \(CatalogContext.program) list --env prod
                """
        )
    }

    @OptionGroup var environments: EnvironmentOptions

    func run() throws {
        let context = try CatalogContext.require()
        let loaded = try environments.load()
        let compiler = Compiler(catalog: context.catalog)
        let cwd = Terminal.currentDirectory
        var failed = false
        for environment in loaded {
            let collector = DiagnosticCollector()
            let (evaluated, catalog) = compiler.evaluate(environment, diagnostics: collector)
            let resolved = compiler.resolve(catalog, environment: evaluated)
            Terminal.out("\(environment.name) (\(resolved.count) dashboard\(resolved.count == 1 ? "" : "s"))")
            for dashboard in resolved {
                let panels = dashboard.dashboard.items.reduce(0) { count, item in
                    switch item {
                    case .panel: count + 1
                    case .row(let row): count + row.panels.count
                    }
                }
                let location = dashboard.dashboard.location
                Terminal.out("  dashboard \(dashboard.uid)  \"\(dashboard.dashboard.title)\"  folder=\"\(dashboard.folder)\"  panels=\(panels)  \(location.displayPath(relativeTo: cwd)):\(location.line)")
            }
            for declared in catalog.ruleGroups {
                let group = declared.resolvedWithRules(for: evaluated.name)
                guard group.isEnabled else { continue }
                let alerts = group.rules.count { if case .alert = $0 { true } else { false } }
                let location = group.location
                Terminal.out("  rule group \(group.name)  namespace=\(group.namespace)  alerts=\(alerts)  recording=\(group.rules.count - alerts)  \(location.displayPath(relativeTo: cwd)):\(location.line)")
            }
            if collector.hasErrors { failed = true }
            Terminal.report(collector.diagnostics)
        }
        if failed { throw ExitCode(1) }
    }
}

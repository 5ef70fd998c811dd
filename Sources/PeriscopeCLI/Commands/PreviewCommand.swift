import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel

/// `preview`: HTML pictures of dashboard layouts.
struct PreviewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "preview",
            abstract: "Draw every dashboard's layout as a self-contained HTML page.",
            discussion: """
                DIR is a rendered output folder (<root>/<env>/manifest.json) or a folder of Grafana \
                dashboard JSON. For each dashboard, one HTML page shows its 24-column grid as SVG: \
                each panel a box at its gridPos with its title, type and unit, rows as bands, \
                collapsed rows marked (their panels are listed, not drawn); a table of the panels \
                and their queries follows. index.html lists the pages per environment. Pages load \
                nothing and run no scripts.

                The folder is written whole or not at all. An existing --out folder is replaced \
                only when it holds a previous preview (an index.html).

                Examples:
                  \(CatalogContext.program) render --env all --out build && \(CatalogContext.program) preview build --out preview
                  \(CatalogContext.program) preview grafana/dashboards --out /tmp/preview
                """
        )
    }

    @Argument(help: ArgumentHelp("An output folder or a folder of dashboards.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The folder to write the pages into.", valueName: "html-dir"))
    var out: String

    func run() throws {
        let (tree, problems) = DiffInput.read(directory, side: "input")
        guard let tree, problems.isEmpty else {
            Terminal.report(problems)
            throw ExitCode(2)
        }
        let pages = PreviewPages.pages(for: tree)
        if let problem = DiffInput.writeFolder(pages.map { ($0.path, $0.html) }, to: out) {
            Terminal.report([problem])
            throw ExitCode(2)
        }
        let count = pages.count - 1
        Terminal.error("wrote \(count) dashboard page\(count == 1 ? "" : "s") and index.html to \(out)")
    }
}

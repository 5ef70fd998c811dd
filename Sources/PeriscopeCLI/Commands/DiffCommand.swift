import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel

/// `diff`: the semantic difference of two rendered output folders, or of two folders of
/// dashboards and rule files.
struct DiffCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two output folders (or folders of dashboards and rule files) semantically.",
            discussion: """
                OLD and NEW are rendered output folders (<root>/<env>/manifest.json, as `render --out` \
                writes them; compared environment by environment) or two folders of Grafana JSON \
                and Prometheus rule files. Dashboards are matched by uid; panels by row path and \
                title (moves and resizes are reported as moves, gridPos old → new); changed fields \
                are shown as paths (fieldConfig.defaults.thresholds.steps[1].value: 80 → 90) and \
                queries as line diffs. Rules are matched by group, name and labels; changes to \
                expr, for, keep_firing_for, labels and annotations are shown, and rules that moved \
                between groups. Ignored: id, version, iteration, panels' pluginVersion, key order \
                and whitespace.

                Formats: text (coloured on a terminal), markdown (a pull-request comment under \
                GitHub's 65,536-character limit), json (stable schema, diffVersion 1) and html \
                (old and new layouts side by side). --out writes to a file instead of stdout; for \
                html it may name a folder, which then gets index.html.

                Exit status: 0, or 1 with --exit-code when anything changed; 2 when an input \
                cannot be read (every problem is printed as path:line:col: error: …).

                Examples:
                  \(CatalogContext.program) diff base-build build
                  \(CatalogContext.program) diff base-build build --format markdown --html-link "$RUN_URL" > comment.md
                  \(CatalogContext.program) diff base-build build --format html --out diff-report
                  \(CatalogContext.program) diff old-dashboards/ new-dashboards/ --exit-code
                """
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, html
    }

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: ArgumentHelp("The old side: an output folder or a folder of dashboards and rule files.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new side.", valueName: "new"))
    var new: String

    @Option(help: "Output format: text, markdown, json or html.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the result to this file (html: a file or a folder for index.html) instead of stdout.", valueName: "file-or-dir"))
    var out: String?

    @Flag(help: "Exit with 1 when anything changed.")
    var exitCode = false

    @Option(help: "Colour text output: auto (only on a terminal), always or never.")
    var color: ColorMode = .auto

    @Option(help: ArgumentHelp("The URL of the HTML report, linked from the markdown comment (e.g. the CI run's artifacts page).", valueName: "url"))
    var htmlLink: String?

    func run() throws {
        let sides = DiffInput.readPair(old: old, new: new)
        let (oldTree, oldProblems) = sides.old
        let (newTree, newProblems) = sides.new
        guard oldProblems.isEmpty, newProblems.isEmpty, let oldTree, let newTree else {
            Terminal.report(oldProblems + newProblems)
            throw ExitCode(2)
        }
        let report: DiffReport
        do {
            report = try Differ.compare(old: oldTree, new: newTree)
        } catch {
            Terminal.report(error.diagnostics)
            throw ExitCode(2)
        }
        let text: String
        switch format {
        case .text: text = DiffTextRenderer(color: out == nil && useColor).render(report)
        case .markdown: text = DiffMarkdownRenderer(htmlLink: htmlLink).render(report)
        case .json: text = DiffJSONRenderer().render(report)
        case .html: text = DiffHTMLRenderer(old: oldTree, new: newTree).render(report)
        }
        if let out {
            let target = format == .html && !out.hasSuffix(".html") ? ArtifactSearch.joined(out, "index.html") : out
            if let problem = DiffInput.write(text, to: target) {
                Terminal.report([problem])
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        // Freeing two trees of dashboards takes a tenth of a large diff; the process ends here anyway.
        DiffInput.keepUntilExit(oldTree, newTree)
        if exitCode && report.hasChanges { throw ExitCode(1) }
    }

    private var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto: return DiffInput.stdoutIsColorTerminal
        }
    }
}

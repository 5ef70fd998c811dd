import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeImport

/// `init`: a new monitoring package with the whole loop (render, lint, alert tests, PR diff).
struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init",
            abstract: "Create a monitoring package: example dashboard, alert with unit test, SLO, environments and CI workflow.",
            discussion: """
                Writes a Swift package into DIR (created if needed) that depends on Periscope:

                  Package.swift                      the package; its executable is the catalog
                  Sources/<Name>/                    an example dashboard, an alert rule with its
                                                     promtool unit test, and an SLO
                  environments/{base,dev,staging,prod}.yaml
                  Makefile                           make render, make test, make check
                  .gitignore
                  .github/workflows/monitoring.yml   on a pull request: render base and head, post
                                                     the semantic diff as one PR comment, upload the
                                                     HTML diff, lint, run the alert unit tests
                  README.md                          how the loop works

                --name gives the package name (lower-case words joined by -) and the target \
                (UpperCamelCase); by default they come from DIR's name. --periscope-path makes \
                the package depend on a local checkout of Periscope instead of the published \
                package. Existing files are not overwritten: they are listed and nothing is \
                written (exit 1) unless --force.

                Examples:
                  \(CatalogContext.program) init monitoring
                  \(CatalogContext.program) init . --name checkout-monitoring
                  \(CatalogContext.program) init /tmp/try --periscope-path ~/src/periscope
                  cd monitoring && make test
                """
        )
    }

    @Argument(help: ArgumentHelp("The folder to create the package in.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The package name (default: the folder's name); the target is its UpperCamelCase form.", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Depend on this local Periscope checkout instead of the published package.", valueName: "dir"))
    var periscopePath: String?

    @Flag(help: "Overwrite existing files.")
    var force = false

    func run() throws {
        do {
            let result = try PackageWriter.initPackage(at: directory, options: .init(force: force, periscopePath: periscopePath, name: name))
            for path in result.written { Terminal.out("wrote \(display(directory, path))") }
            Terminal.out("created the package \(directory) (target \(result.target)); next:")
            Terminal.out("  cd \(directory) && make test     # build, render every environment, run the alert unit tests")
        } catch {
            Terminal.report(error.diagnostics)
            Terminal.error("nothing was written")
            throw ExitCode(1)
        }
    }

    private func display(_ directory: String, _ path: String) -> String {
        directory == "." ? path : (directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }
}

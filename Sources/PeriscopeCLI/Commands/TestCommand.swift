import ArgumentParser
import Foundation
import PeriscopeCompiler

/// `test`: runs the promtool unit tests of every rendered environment.
struct TestCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: "Run the rendered alert unit tests with promtool, for every environment.",
            discussion: """
                Runs `promtool test rules` on every DIR/<env>/prometheus/tests/*.yaml and prints \
                PASS or FAIL per test, with promtool's own message on failure. Exits 1 when a test \
                fails, when there is nothing to test, or when promtool is not installed.

                Examples:
                  \(CatalogContext.program) render && \(CatalogContext.program) test     # render into build/, then test it
                  \(CatalogContext.program) test out                     # test another output folder
                  \(CatalogContext.program) test --promtool /opt/prometheus/promtool
                """
        )
    }

    @Argument(help: ArgumentHelp("The output folder that `render` wrote.", valueName: "dir"))
    var directory: String = "build"

    @Option(help: ArgumentHelp("The promtool executable (default: the first on PATH).", valueName: "path"))
    var promtool: String?

    func run() throws {
        guard let executable = promtool ?? RuleTestRunner.findPromtool() else {
            Terminal.error("error: " + RuleTestRunner.installHint)
            throw ExitCode(1)
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            Terminal.error("error: \(executable) is not an executable file")
            throw ExitCode(1)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            Terminal.error("error: no output folder '\(directory)'; run 'render' first (expected \(directory)/<env>/prometheus/tests/*.yaml)")
            throw ExitCode(1)
        }
        let files = RuleTestRunner.testFiles(under: directory)
        guard !files.isEmpty else {
            Terminal.error("error: nothing to test: no \(directory)/<env>/prometheus/tests/*.yaml (declare RuleTests in the catalog and render)")
            throw ExitCode(1)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-test-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let runner = RuleTestRunner(promtool: executable)
        var passed = 0
        var failed = 0
        for (environment, file) in files {
            for outcome in runner.test(file: file, environment: environment, scratch: scratch) {
                let label = "\(outcome.environment)/\(outcome.file): \(outcome.test)"
                if outcome.passed {
                    passed += 1
                    Terminal.out("PASS \(label)")
                } else {
                    failed += 1
                    Terminal.out("FAIL \(label)")
                    for line in outcome.message.split(separator: "\n") { Terminal.out("    " + line) }
                }
            }
        }
        let environments = Set(files.map(\.environment)).count
        Terminal.out("\(passed) passed, \(failed) failed (\(files.count) test file\(files.count == 1 ? "" : "s") in \(environments) environment\(environments == 1 ? "" : "s"))")
        if failed > 0 { throw ExitCode(1) }
    }
}

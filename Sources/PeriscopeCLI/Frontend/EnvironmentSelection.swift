import ArgumentParser
import PeriscopeCompiler
import PeriscopeDSL

/// Options shared by commands that read the environment files.
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .customLong("environments"), help: ArgumentHelp("The directory holding the environment files.", valueName: "dir"))
    var directory: String = "environments"

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to use, or 'all' for every environment except base and _-prefixed ones.", valueName: "name|all"))
    var environment: String = "all"

    /// Loads the selected environments; reports problems and throws when any file is wrong.
    func load() throws -> [Environment] {
        let loader = EnvironmentLoader(directory: directory)
        let collector = DiagnosticCollector()
        let names: [String]
        do {
            names = environment == "all" ? try loader.defaultNames() : environment.split(separator: ",").map(String.init)
        } catch let error as DiagnosticsError {
            Terminal.report(error.diagnostics)
            throw ExitCode(1)
        }
        if names.isEmpty {
            Terminal.error("error: no environments to render in \(directory) (expected files such as \(directory)/prod.yaml)")
            throw ExitCode(1)
        }
        let environments = loader.loadAll(names, diagnostics: collector)
        if collector.hasErrors {
            Terminal.report(collector.diagnostics)
            throw ExitCode(1)
        }
        return environments
    }
}

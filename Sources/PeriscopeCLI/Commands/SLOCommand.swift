import ArgumentParser
import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel

/// `slo`: Sloth-compatible generation and validation of SLO specs.
struct SLOCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "slo",
            abstract: "Generate and validate Prometheus SLO rules from Sloth and OpenSLO specs.",
            subcommands: [SLOGenerateCommand.self, SLOValidateCommand.self]
        )
    }
}

/// Options shared by `slo generate` and `slo validate`, with the meaning of Sloth's flags.
struct SLOSpecOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The period of every SLO.", valueName: "duration"))
    var defaultSLOPeriod: String = "30d"

    @Option(help: ArgumentHelp("A folder of Sloth AlertWindows YAML files, one per SLO period; replaces the SRE workbook's windows.", valueName: "dir"))
    var sloPeriodWindowsPath: String?

    func validate() throws {
        if let problem = PrometheusDuration(defaultSLOPeriod).problem { throw ValidationError("--default-slo-period '\(defaultSLOPeriod)': \(problem)") }
    }

    /// The generator, or nil after reporting the catalogs' problems.
    func generator(options: SLOExpansionOptions) -> SlothGenerator? {
        var catalogs: [SLOAlertWindows]?
        if let path = sloPeriodWindowsPath {
            let loaded = SlothGenerator.windowCatalogs(inDirectory: path)
            Terminal.report(loaded.diagnostics)
            if loaded.diagnostics.contains(where: { $0.severity == .error }) { return nil }
            catalogs = loaded.catalogs
        }
        return SlothGenerator(period: PrometheusDuration(defaultSLOPeriod), windowCatalogs: catalogs, options: options)
    }

    /// The text of `path`, or nil after reporting why it cannot be read.
    static func read(_ path: String) -> String? {
        switch FileBytes.read(path, limit: 32 << 20, regularFileOnly: true) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let failure):
            Terminal.report([Diagnostic(.error, "cannot read '\(path)': \(failure.reason)", at: .file(FileLocation(path: path)), id: SLODiagnosticID.specInvalid)])
            return nil
        }
    }
}

/// `slo generate`: Sloth's `generate` for Sloth and OpenSLO specs.
struct SLOGenerateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "generate",
            abstract: "Write the Prometheus rules of Sloth and OpenSLO SLO specs.",
            discussion: """
                Reads the SLO specs of a file (several `---`-separated documents are allowed, in \
                any mix of Sloth prometheus/v1 specs, sloth.slok.dev/v1 PrometheusServiceLevel \
                resources, and OpenSLO openslo/v1alpha or openslo/v1 SLO and SLI documents) and \
                writes the rules Sloth v0.16 generates for them: per SLO the groups \
                sloth-slo-sli-recordings-<id>, sloth-slo-meta-recordings-<id> and sloth-slo-alerts-<id>, \
                with Sloth's rule names and labels, so Sloth's Grafana dashboards work on them. \
                A PrometheusServiceLevel's rules are written as a monitoring.coreos.com/v1 \
                PrometheusRule document with its name and namespace. \
                The flags mean what Sloth's do. Any period works: without --slo-period-windows-path \
                the SRE workbook's windows are used and their burn-rate factors scaled to the \
                period as Sloth scales them (28d: 13.44).

                Unknown keys, wrong types, an objective outside (0, 100], a query without \
                {{.window}} or that is not PromQL are errors at file:line:col; then nothing is \
                written and the exit status is 1. The output is written atomically.

                Examples:
                  \(CatalogContext.program) slo generate -i slos.yaml -o rules/slos.yaml
                  \(CatalogContext.program) slo generate -i slos.yaml --default-slo-period 28d
                  \(CatalogContext.program) slo generate -i slos.yaml --disable-alerts -l team=checkout -l env=prod
                """
        )
    }

    @Option(name: [.short, .long], help: ArgumentHelp("The Sloth spec file.", valueName: "file"))
    var input: String

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the rules; stdout when absent.", valueName: "file"))
    var out: String?

    @OptionGroup var specOptions: SLOSpecOptions

    @Flag(help: "Generate no alerts.")
    var disableAlerts = false

    @Flag(help: "Generate no recording rules.")
    var disableRecordings = false

    @Option(name: [.customShort("l"), .long], help: ArgumentHelp("A label added to every recording rule (repeatable).", valueName: "key=value"))
    var extraLabels: [String] = []

    func validate() throws {
        for label in extraLabels where !label.contains("=") { throw ValidationError("--extra-labels '\(label)' is not key=value") }
    }

    func run() throws {
        var labels: [String: String] = [:]
        for label in extraLabels {
            let parts = label.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            labels[String(parts[0])] = String(parts[1])
        }
        let options = SLOExpansionOptions.sloth(version: "periscope", generatesAlerts: !disableAlerts, generatesRecordings: !disableRecordings, extraLabels: labels)
        guard let generator = specOptions.generator(options: options), let text = SLOSpecOptions.read(input) else { throw ExitCode(1) }
        let (file, diagnostics) = generator.generate(text, path: input)
        Terminal.report(diagnostics)
        guard let file else { throw ExitCode(1) }
        let bytes = RuleFileWriter.bytes(file)
        guard let out else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            Terminal.report([Diagnostic(.error, "cannot write '\(out)': \(error)", at: .file(FileLocation(path: out)), id: SLODiagnosticID.specInvalid)])
            throw ExitCode(1)
        }
    }
}

/// `slo validate`: Sloth's checks, without writing anything.
struct SLOValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: "Check Sloth and OpenSLO SLO specs.",
            discussion: """
                Applies Sloth's checks to every spec (names, objective in (0, 100], the {{.window}} \
                placeholder, queries that parse as PromQL, no duplicate SLO ids, a supported \
                version) and Periscope's (unknown keys, types, the generated rules' own checks). \
                Folders are searched for .yaml and .yml files. Prints `ok PATH` per good file and \
                path:line:col: error: … per problem; exits 1 when any file has an error.

                Examples:
                  \(CatalogContext.program) slo validate slos.yaml
                  \(CatalogContext.program) slo validate slos/ --default-slo-period 28d
                """
        )
    }

    @Argument(help: ArgumentHelp("Spec files, or folders to search.", valueName: "path"))
    var paths: [String]

    @OptionGroup var specOptions: SLOSpecOptions

    func run() throws {
        guard let generator = specOptions.generator(options: .sloth(version: "periscope")) else { throw ExitCode(1) }
        var failed = false
        for path in Self.files(paths) {
            guard let text = SLOSpecOptions.read(path) else {
                failed = true
                continue
            }
            let (file, diagnostics) = generator.generate(text, path: path)
            Terminal.report(diagnostics)
            if file == nil { failed = true } else { Terminal.out("ok \(path)") }
        }
        if failed { throw ExitCode(1) }
    }

    /// The files named, and the `.yaml`/`.yml` files under the folders named, sorted per folder.
    static func files(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            return FormatFiles.search(path).filter { !$0.hasSuffix(".json") }
        }
    }
}

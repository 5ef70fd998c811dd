import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeLive
import PeriscopeModel

/// `inventory`: writes a metrics inventory (`metrics.yaml`) from a live Prometheus.
struct InventoryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "inventory",
            abstract: "Write a metrics inventory (metrics.yaml) from a running Prometheus.",
            discussion: """
                Reads the server's metadata (/api/v1/metadata: type, help, unit), its metric names \
                (/api/v1/label/__name__/values), each metric's labels (/api/v1/labels) and, with \
                instant queries, each metric's series count and each label's number of values \
                (count by (label)). Counts cover the series present now (Prometheus' 5-minute \
                lookback); /api/v1/status/tsdb is not used, as it covers only the head block.

                A histogram or summary is listed once under its family name; its le or quantile \
                label is a label like any other. Each label gets a budget (max): twice the values \
                measured, at least 10, at most --label-budget (100). Edit the budgets, then commit \
                the file: lint uses it for the type checks and the series estimates.

                Every call times out after --timeout seconds. A bearer token is read from the \
                environment variable named by --bearer-token-env (PROMETHEUS_BEARER_TOKEN when it \
                is set); it is never printed.

                Examples:
                  \(CatalogContext.program) inventory --prometheus http://localhost:9090 > metrics.yaml
                  \(CatalogContext.program) inventory --prometheus http://localhost:9090 --match '{job="api"}' --out metrics.yaml
                  PROMETHEUS_BEARER_TOKEN=… \(CatalogContext.program) inventory --prometheus https://prometheus.example.com --timeout 30
                """
        )
    }

    @Option(help: ArgumentHelp("The Prometheus server's address.", valueName: "url"))
    var prometheus: String

    @Option(help: ArgumentHelp("Seconds each call to the server may take.", valueName: "seconds"))
    var timeout: Double = PrometheusClient.defaultTimeout

    @Option(help: ArgumentHelp("The environment variable holding a bearer token (default: PROMETHEUS_BEARER_TOKEN, when set).", valueName: "name"))
    var bearerTokenEnv: String?

    @Option(help: ArgumentHelp("A series selector choosing the metrics listed (each is then measured in full); repeat for several.", valueName: "selector"))
    var match: [String] = []

    @Option(help: ArgumentHelp("The largest budget (max) given to a label.", valueName: "values"))
    var labelBudget: Int = LiveBudgets().valuesPerLabel

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write metrics.yaml; stdout when absent.", valueName: "file"))
    var out: String?

    func validate() throws {
        if !(timeout > 0) || !timeout.isFinite { throw ValidationError("--timeout must be a positive number of seconds") }
        if labelBudget < 1 { throw ValidationError("--label-budget must be at least 1") }
    }

    func run() throws {
        let client: PrometheusClient
        do {
            client = try PrometheusClient(address: prometheus, timeout: timeout, bearerTokenVariable: bearerTokenEnv)
        } catch {
            Terminal.error("error: [\(LiveDiagnosticID.serverUnreachable)] \(error)")
            throw ExitCode.failure
        }
        let builder = InventoryBuilder(client: client, selectors: match, labelBudgetCeiling: labelBudget)
        let outcome = Blocking.run { () async -> Result<MetricsInventory, PrometheusClientError> in
            do throws(PrometheusClientError) { return .success(try await builder.build()) } catch { return .failure(error) }
        }
        let inventory: MetricsInventory
        switch outcome ?? .failure(PrometheusClientError(.unreachable, url: PrometheusClient.shownAddress(prometheus), detail: "the request task ended without an answer")) {
        case .success(let built): inventory = built
        case .failure(let error):
            Terminal.error("error: [\(LiveDiagnosticID.serverUnreachable)] \(error)")
            throw ExitCode.failure
        }
        let header = ["Metrics inventory of \(PrometheusClient.shownAddress(prometheus)), written by `\(CatalogContext.program) inventory`.",
                      "Budgets (max) are twice the values measured, at least 10, at most \(labelBudget); edit them to taste."]
        let text = MetricsInventoryWriter.write(inventory, header: header)
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            Terminal.report([Diagnostic(.error, "cannot write '\(out)': \(error.localizedDescription)", at: .file(FileLocation(path: out)), id: InventoryDiagnosticID.fileUnreadable)])
            throw ExitCode.failure
        }
    }
}

/// Runs async work from a synchronous command (the root command is synchronous, so its
/// subcommands cannot be `AsyncParsableCommand`s).
enum Blocking {
    /// The operation's value (nil only if the task ended without producing one).
    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T? {
        let box = ResultBox<T>()
        let semaphore = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await operation()
            semaphore.signal()
        }
        semaphore.wait()
        return box.value
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}

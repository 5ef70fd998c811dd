import Foundation
import PeriscopeDSL
import PeriscopeLive
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Against a real Prometheus (Debian's binary) scraping an exposition file with known
/// cardinalities: the exact series and label value counts of the live checks and of
/// `periscope inventory`, the path-normalisation hint, and the errors for a closed port and a
/// server that never answers.
@Suite(.serialized) struct LiveIntegrationTests {
    /// 123 series of app_requests_total (121 paths, 3 codes), a histogram of 12 series
    /// (4 buckets × 2 methods, plus _sum and _count per method), a gauge of 5 series.
    static let exposition: String = {
        var text = "# HELP app_requests_total Requests served.\n# TYPE app_requests_total counter\n"
        for user in 0..<120 { text += "app_requests_total{code=\"200\",path=\"/user/\(1000 + user)/profile\"} \(user)\n" }
        text += "app_requests_total{code=\"200\",path=\"/health\"} 7\n"
        text += "app_requests_total{code=\"404\",path=\"/health\"} 1\n"
        text += "app_requests_total{code=\"connection reset\",path=\"/health\"} 2\n"
        text += "# HELP app_request_duration_seconds Time to serve.\n# TYPE app_request_duration_seconds histogram\n"
        for method in ["GET", "POST"] {
            for (index, bound) in ["0.1", "0.5", "1", "+Inf"].enumerated() {
                text += "app_request_duration_seconds_bucket{le=\"\(bound)\",method=\"\(method)\"} \(index + 1)\n"
            }
            text += "app_request_duration_seconds_sum{method=\"\(method)\"} 1.5\napp_request_duration_seconds_count{method=\"\(method)\"} 4\n"
        }
        text += "# HELP app_queue_depth Items waiting.\n# TYPE app_queue_depth gauge\n"
        for queue in ["a", "b", "c", "d", "e"] { text += "app_queue_depth{queue=\"\(queue)\"} 3\n" }
        return text
    }()

    static func location(_ line: Int) -> Location { .file(FileLocation(path: "dash.json", line: line, column: 5)) }

    static let queries = [
        LiveQuery(expression: "sum by (code) (rate(app_requests_total{job=~\"$job\"}[$__rate_interval]))", location: location(10), kind: .dashboardQuery),
        LiveQuery(expression: "app_queue_depth{queue=\"a\"} offset 5m", location: location(20), kind: .dashboardQuery),
        LiveQuery(expression: "rate(missing_metric_total[5m])", location: location(30), kind: .dashboardQuery),
        LiveQuery(expression: "histogram_quantile(0.9, sum by (le) (rate(app_request_duration_seconds_bucket[5m])))", location: location(40), kind: .dashboardQuery),
        LiveQuery(expression: "sum(app_requests_total{job=~\"${job}\"})", location: location(50), kind: .dashboardQuery),
        LiveQuery(expression: "sum by (job, path) (app_requests_total)", location: .file(FileLocation(path: "rules.yaml", line: 4, column: 11)),
                  kind: .recordingRule(record: "job_path:app_requests:sum")),
        LiveQuery(expression: "sum by (job) (app_queue_depth)", location: .file(FileLocation(path: "rules.yaml", line: 6, column: 11)),
                  kind: .recordingRule(record: "job:app_queue_depth:sum")),
        // Not deployed yet: a dashboard reads it, the rule set defines it.
        LiveQuery(expression: "sum(job:app_queue_depth:max)", location: location(60), kind: .dashboardQuery),
        LiveQuery(expression: "max by (job) (app_queue_depth)", location: .file(FileLocation(path: "rules.yaml", line: 8, column: 11)),
                  kind: .recordingRule(record: "job:app_queue_depth:max")),
        // A scalar output is one series without a query; an invalid regex fails on the server only.
        LiveQuery(expression: "time()", location: .file(FileLocation(path: "rules.yaml", line: 10, column: 11)), kind: .recordingRule(record: "now")),
        LiveQuery(expression: "label_replace(app_queue_depth, \"x\", \"$1\", \"queue\", \"(\")",
                  location: .file(FileLocation(path: "rules.yaml", line: 12, column: 11)), kind: .recordingRule(record: "broken")),
    ]

    @Test func liveChecksAndInventoryMeasureExactCounts() async throws {
        if PrometheusServer.isSkipped {
            print("skipped: prometheus is not on PATH and PERISCOPE_SKIP_PROMTOOL=1")
            return
        }
        let server = try PrometheusServer(expositions: ["metrics.txt": Self.exposition])
        defer { server.stop() }
        // Generous: in the full parallel run other suites can hold the concurrency pool for a while.
        let client = PrometheusClient(baseURL: server.url, timeout: 60)
        let ready = await server.wait(upTo: 120) {
            (try? await client.count("{__name__=~\"app_.+\"}")) == 140
        }
        try #require(ready, "Prometheus did not scrape the 140 series within 120 s; its log:\n\(server.log)")

        let budgets = LiveBudgets(seriesPerSelector: 100, seriesPerRecordingRule: 50, valuesPerLabel: 100)
        let report = try await LiveChecker(client: client, budgets: budgets).report(Self.queries)
        #expect(report.selectorSeries == [
            "app_queue_depth": 5,
            "app_queue_depth{queue=\"a\"}": 1,
            "app_request_duration_seconds_bucket": 8,
            "app_requests_total": 123,
        ])
        #expect(report.ruleSeries == [
            "max by (job) (app_queue_depth)": 1, "sum by (job) (app_queue_depth)": 1, "sum by (job, path) (app_requests_total)": 121, "time()": 1,
        ])
        let failed = report.diagnostics.filter { $0.id == LiveDiagnosticID.queryFailed }
        #expect(failed.map { $0.location } == [.file(FileLocation(path: "rules.yaml", line: 12, column: 11))])
        #expect(failed.first?.message.hasPrefix(
            "could not measure the output of label_replace(app_queue_depth, \"x\", \"$1\", \"queue\", \"(\"): \(server.url.absoluteString)/api/v1/query: Prometheus answered 422 execution: invalid regular expression") == true,
            "\(failed.map { $0.formatted() })")
        #expect(report.labelValueCounts["app_requests_total"] == ["code": 3, "instance": 1, "job": 1, "path": 121])
        #expect(report.labelValueCounts["app_request_duration_seconds_bucket"] == ["instance": 1, "job": 1, "le": 4, "method": 2])
        #expect(report.labelValueCounts["app_queue_depth"] == ["instance": 1, "job": 1, "queue": 5])
        let text = report.diagnostics.filter { $0.id != LiveDiagnosticID.queryFailed }.map { $0.formatted() }
        let code = "[live-code-values-unexpected] label 'code' of metric 'app_requests_total': 1 value is not allowed codes ('connection reset'): map unknown errors to one value such as 'unknown'"
        let path = "[live-label-values-over-budget] label 'path' of metric 'app_requests_total' has 121 values, over the budget of 100; "
            + "e.g. '/health', '/user/1029/profile', '/user/1059/profile', '/user/1089/profile', '/user/1119/profile'"
            + "\n    values differ only in ids: normalise them, e.g. to '/user/:id/profile' (120 values); 121 values become 2"
        let series = "[live-series-over-budget] selector app_requests_total selects 123 series, over the budget of 100 per selector"
        let dropped = "\n    measured for every value of the Grafana variables in "
        #expect(text == [
            "dash.json:10:5: warning: \(code)",
            "dash.json:10:5: warning: \(path)",
            "dash.json:10:5: warning: \(series)\(dropped)job=~\"$job\" (those matchers are left out)",
            "dash.json:30:5: warning: [live-metric-missing] metric 'missing_metric_total' has no series on the server (check the name, or the exporter or rule that should produce it)",
            "dash.json:50:5: warning: \(code)",
            "dash.json:50:5: warning: \(path)",
            "dash.json:50:5: warning: \(series)\(dropped)job=~\"${job}\" (those matchers are left out)",
            "dash.json:60:5: warning: [live-metric-missing] metric 'job:app_queue_depth:max' has no series on the server (check the name, or the exporter or rule that should produce it)"
                + "\n    it is the output of the recording rule at rules.yaml:8:11; the server does not have it yet",
            "rules.yaml:4:11: warning: \(code)",
            "rules.yaml:4:11: warning: \(path)",
            "rules.yaml:4:11: warning: [live-rule-output-over-budget] recording rule 'job_path:app_requests:sum' writes 121 series, over the budget of 50 per recording rule"
                + "\n    aggregate away the labels the rule's level does not need (count(sum by (job, path) (app_requests_total)) = 121)",
            "rules.yaml:4:11: warning: \(series)",
        ], "\(text.joined(separator: "\n"))")
        // One problem per finding kind once coalesced.
        #expect(Diagnostic.coalesced(report.diagnostics).count == 7)

        // `+` travels percent-encoded (a form decoder reads a bare `+` as a space).
        #expect(try await client.count("app_queue_depth + 1") == 5)
        do {
            _ = try await client.query("sum(")
            Issue.record("expected a Prometheus error")
        } catch {
            #expect(error.kind == .prometheusError)
            #expect(error.description.hasPrefix("\(server.url.absoluteString)/api/v1/query: Prometheus answered 400 bad_data: "), "\(error)")
        }

        let inventory = try await InventoryBuilder(client: client, selectors: ["{__name__=~\"app_.+\"}"]).build()
        #expect(MetricsInventoryWriter.write(inventory) == """
            metrics:
              app_queue_depth:
                type: gauge
                help: Items waiting.
                series: 5
                labels:
                  instance: {values: 1, max: 10}
                  job: {values: 1, max: 10}
                  queue: {values: 5, max: 10}
              app_request_duration_seconds:
                type: histogram
                help: Time to serve.
                series: 12
                labels:
                  instance: {values: 1, max: 10}
                  job: {values: 1, max: 10}
                  le: {values: 4, max: 10}
                  method: {values: 2, max: 10}
              app_requests_total:
                type: counter
                help: Requests served.
                series: 123
                labels:
                  code: {values: 3, max: 10}
                  instance: {values: 1, max: 10}
                  job: {values: 1, max: 10}
                  path: {values: 121, max: 100}

            """)
        #expect(inventory.type(of: "app_request_duration_seconds_bucket") == .histogram)
        #expect(inventory.estimatedSeries(of: "app_requests_total", keeping: ["code"])?.count == 3)

        // The command line: the same inventory on stdout.
        let binary = try #require(LiveCLI.binary, "the periscope binary is not built next to the tests (run swift build --build-tests)")
        let result = try LiveCLI.run(binary, ["inventory", "--prometheus", server.url.absoluteString, "--match", "{__name__=~\"app_.+\"}", "--timeout", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("metrics:\n  app_queue_depth:\n    type: gauge\n"))
        #expect(result.stdout.hasSuffix("      path: {values: 121, max: 100}\n"))
        #expect(result.stdout.hasPrefix("# Metrics inventory of \(server.url.absoluteString), written by `periscope inventory`.\n"))
        // --out writes the same bytes to a file, which reads back without a diagnostic.
        let file = server.directory.appendingPathComponent("metrics.yaml").path
        let written = try LiveCLI.run(binary, ["inventory", "--prometheus", server.url.absoluteString, "--match", "{__name__=~\"app_.+\"}", "--out", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        let reread = MetricsInventoryReader(path: file).readFile()
        #expect(reread.diagnostics.isEmpty)
        #expect(reread.inventory.metric(named: "app_requests_total")?.labels["path"]?.isOverBudget == true)
        #expect((try? String(contentsOfFile: file, encoding: .utf8)) == result.stdout)

        try await budgetsOfSingleMetricsAndLabels(client: client)
        try lintCommandReportsLiveFindings(server: server, binary: binary)
    }

    /// `budgets.metrics` and `budgets.labels`: a metric measured whole against its own budget, a
    /// label's own value budget instead of `valuesPerLabel`.
    func budgetsOfSingleMetricsAndLabels(client: PrometheusClient) async throws {
        let budgets = LiveBudgets(seriesPerSelector: 1000, seriesPerRecordingRule: 1000, valuesPerLabel: 100,
                                  seriesPerMetric: ["app_requests_total": 100, "app_queue_depth": 10], valuesByLabel: ["path": 200, "queue": 4])
        let report = try await LiveChecker(client: client, budgets: budgets).report(Array(Self.queries.prefix(2)))
        #expect(report.metricSeries == ["app_requests_total": 123, "app_queue_depth": 5])
        let text = report.diagnostics.filter { $0.id != LiveDiagnosticID.codeValuesUnexpected }.map { $0.formatted() }
        #expect(text == [
            "dash.json:10:5: warning: [live-metric-series-over-budget] metric 'app_requests_total' has 123 series, over its budget of 100"
                + "\n    labels with the most values: path (121), code (3), instance (1)",
            "dash.json:20:5: warning: [live-label-values-over-budget] label 'queue' of metric 'app_queue_depth' has 5 values, over the budget of 4; e.g. 'a', 'b', 'c', 'd', 'e'",
        ], "\(text.joined(separator: "\n"))")
    }

    /// `periscope lint --prometheus`: live findings are report entries like the rules' — at the
    /// YAML line of a foreign rule file, with `.periscope.yaml` budgets and severities, `off`,
    /// and `# periscope-lint disable` comments applied.
    func lintCommandReportsLiveFindings(server: PrometheusServer, binary: URL) throws {
        let folder = server.directory.appendingPathComponent("lint")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            groups:
              - name: app
                rules:
                  - record: job_path:app_requests:sum
                    expr: sum by (job, path) (app_requests_total)
                  # periscope-lint disable live-metric-missing: the exporter ships next quarter
                  - record: job:future_metric:sum
                    expr: sum by (job) (future_metric_total)
                  - record: job:other_missing:sum
                    expr: sum by (job) (other_missing_total)

            """.write(to: folder.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        try """
            budgets:
              seriesPerRecordingRule: 50
              metrics: {app_requests_total: 100}
            rules:
              live-code-values-unexpected: off
              live-label-values-over-budget: error

            """.write(to: folder.appendingPathComponent(".periscope.yaml"), atomically: true, encoding: .utf8)
        let result = try PeriscopeBinary.run(["lint", "rules.yaml", "--prometheus", server.url.absoluteString, "--timeout", "30"], in: folder,
                                             environment: ["PROMETHEUS_BEARER_TOKEN": nil], binary: binary)
        #expect(result.status == 1, "an error-level live finding fails the run: \(result.stderr)")
        let live = result.stdout.split(separator: "\n").filter { $0.contains("[live-") }.map(String.init)
        #expect(live == [
            "rules.yaml:5:15: error: [live-label-values-over-budget] label 'path' of metric 'app_requests_total' has 121 values, over the budget of 100; "
                + "e.g. '/health', '/user/1029/profile', '/user/1059/profile', '/user/1089/profile', '/user/1119/profile'",
            "rules.yaml:5:15: warning: [live-metric-series-over-budget] metric 'app_requests_total' has 123 series, over its budget of 100",
            "rules.yaml:5:15: warning: [live-rule-output-over-budget] recording rule 'job_path:app_requests:sum' writes 121 series, over the budget of 50 per recording rule",
            "rules.yaml:10:15: warning: [live-metric-missing] metric 'other_missing_total' has no series on the server (check the name, or the exporter or rule that should produce it)",
        ], "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("future_metric_total"), "suppressed by the comment")
        #expect(result.stderr.isEmpty, "\(result.stderr)")

        // Rendered output: live findings point at the Swift line through manifest.json. The
        // example catalog's metrics are not on this server, so each query's metric is missing.
        let environments = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("environments").path
        let catalog = server.directory.appendingPathComponent("catalog")
        try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
        let render = try PeriscopeBinary.run(["render", "--env", "prod", "--out", "build", "--environments", environments], in: catalog, binary: binary)
        try #require(render.status == 0, "\(render.stderr)")
        let rendered = try PeriscopeBinary.run(["lint", "build/prod", "--prometheus", server.url.absoluteString, "--timeout", "30"],
                                               in: catalog, environment: ["PROMETHEUS_BEARER_TOKEN": nil], binary: binary)
        let missing = rendered.stdout.split(separator: "\n").filter { $0.contains("[live-metric-missing]") }
        #expect(missing.contains { $0.hasPrefix("PeriscopeExamples/HTTPServiceDashboard.swift:") && $0.contains("metric 'http_requests_total' has no series") },
                "\(rendered.stdout)")
        #expect(!missing.isEmpty && missing.allSatisfy { $0.hasPrefix("PeriscopeExamples/") && $0.contains(".swift:") }, "\(rendered.stdout)")
        #expect(rendered.status == 0, "warnings only: \(rendered.stderr)")
    }

    @Test func aClosedPortIsAOneLineError() async throws {
        let port = try PrometheusServer.freePort()
        let client = PrometheusClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: 5)
        await #expect(throws: PrometheusClientError(.unreachable, url: "http://127.0.0.1:\(port)/api/v1/label/__name__/values",
                                                   detail: "connection refused (expected a Prometheus server listening there)")) {
            _ = try await LiveChecker(client: client).check(Self.queries)
        }
        let binary = try #require(LiveCLI.binary)
        let result = try LiveCLI.run(binary, ["inventory", "--prometheus", "http://127.0.0.1:\(port)"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: [live-unreachable] http://127.0.0.1:\(port)/api/v1/metadata: connection refused (expected a Prometheus server listening there)\n")
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let socket = try ListeningSocket()
        let client = PrometheusClient(baseURL: URL(string: "http://127.0.0.1:\(socket.port)")!, timeout: 1)
        let started = Date()
        await #expect(throws: PrometheusClientError(.timedOut, url: "http://127.0.0.1:\(socket.port)/api/v1/metadata",
                                                   detail: "no answer within 1 s (expected a Prometheus server; raise --timeout for a slow one)")) {
            _ = try await client.metadata()
        }
        // Ends on time: well under the 60 s a hang would take (loose, as the full run is parallel).
        #expect(Date().timeIntervalSince(started) < 30)
        let binary = try #require(LiveCLI.binary)
        let result = try LiveCLI.run(binary, ["inventory", "--prometheus", "http://user:secret@127.0.0.1:\(socket.port)", "--timeout", "0.5"],
                                     environment: ["PROMETHEUS_BEARER_TOKEN": "s3cr3t-token"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: [live-unreachable] http://127.0.0.1:\(socket.port)/api/v1/metadata: no answer within 0.5 s (expected a Prometheus server; raise --timeout for a slow one)\n")
        #expect(!result.stderr.contains("s3cr3t") && !result.stderr.contains("secret"))
    }
}

/// Runs the built `periscope` binary.
enum LiveCLI {
    static var binary: URL? { PeriscopeBinary.url }

    static func run(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        // The token of the test process never reaches the binary unless a test passes one.
        var changes: [String: String?] = ["PROMETHEUS_BEARER_TOKEN": nil]
        for (key, value) in environment { changes[key] = value }
        let result = try PeriscopeBinary.run(arguments, environment: changes, binary: binary)
        return (result.status, result.stdout, result.stderr)
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeLint
@testable import PeriscopeLive
import PeriscopeTestSupport
import PromQL
import Testing

/// The pieces of the live checks that need no Prometheus: value patterns, selector extraction
/// with Grafana variables, client construction, and answers of the wrong shape (served by a
/// static file server).
@Suite struct LiveUnitTests {
    @Test func everyLiveFindingIsADocumentedCheck() {
        // .periscope.yaml, suppressions, --list-rules and --explain know a live finding by the
        // id of its LiveCheck documentation in PeriscopeLint.
        #expect(LiveCheck.all.map(\.id) == LiveDiagnosticID.findings)
        #expect(LiveDiagnosticID.findings.allSatisfy { LintRegistry.check($0.rawValue) != nil })
        #expect(LintRegistry.check(LiveDiagnosticID.serverUnreachable.rawValue) == nil, "not a finding: the run ends")
    }

    @Test(arguments: [
        ("/user/1234/profile", "/user/:id/profile"),
        ("/order/123e4567-e89b-12d3-a456-426614174000/items", "/order/:uuid/items"),
        ("/blob/d41d8cd98f00b204e9800998ecf8427e", "/blob/:hash"),
        ("/api/v2/users", "/api/v2/users"),
        ("/search?q=1", "/search"),
        ("/a/deadbeefdeadbeef/b", "/a/deadbeefdeadbeef/b"),
        ("/a/0123456789abcdef/b", "/a/:hash/b"),
        ("42", ":id"),
        ("GET", "GET"),
        ("", ""),
    ])
    func pathSegmentsWithIdsAreNormalised(_ value: String, _ expected: String) {
        #expect(LabelValuePatterns.normalised(value) == expected)
    }

    @Test func analysisGroupsTemplatesAndFlagsCodes() {
        let values = (1...5).map { "/user/\($0)/profile" } + (1...3).map { "/order/\($0)" } + ["/health"]
        let analysis = LabelValuePatterns.analyse(label: "path", values: values, allowedCodes: LiveBudgets.defaultAllowedCodes)
        #expect(analysis.templates == [.init(template: "/user/:id/profile", values: 5), .init(template: "/order/:id", values: 3)])
        #expect(analysis.normalisedCount == 3)
        #expect(analysis.unexpectedCodes.isEmpty)
        let codes = LabelValuePatterns.analyse(label: "code", values: ["200", "5xx", "499", "EOF", "Unavailable"], allowedCodes: LiveBudgets.defaultAllowedCodes)
        #expect(codes.unexpectedCodes == ["499", "EOF"])
        #expect(LabelValuePatterns.analyse(label: "code", values: ["ok"], allowedCodes: ["ok"]).unexpectedCodes.isEmpty)
        #expect(LabelValuePatterns.sample(of: ["e", "d", "c", "b", "a", "f", "g"], count: 3) == ["a", "d", "g"])
    }

    func selectors(_ expression: String) -> [MeasuredSelector]? {
        SelectorExtraction.selectors(of: LiveQuery(expression: expression, location: .file(FileLocation(path: "d.json")), kind: .dashboardQuery), options: ParseOptions())
    }

    @Test func grafanaVariablesAreReplacedOrTheirMatchersDropped() throws {
        let found = try #require(selectors("sum by (code) (rate(http_requests_total{job=~\"$job\", code!=\"200\", instance=\"[[node]]\"}[$__rate_interval] offset $__interval)) / on() group_left() up{env=\"${env:raw}\"}"))
        #expect(found == [
            MeasuredSelector(text: "http_requests_total{code!=\"200\"}", metricName: "http_requests_total", droppedMatchers: ["job=~\"$job\"", "instance=\"[[node]]\""]),
            MeasuredSelector(text: "up", metricName: "up", droppedMatchers: ["env=\"${env:raw}\""]),
        ])
        // A templated metric name is not measured; a regex class is not a variable.
        #expect(selectors("rate(${metric}_total[5m]) + foo{a=~\"[[:alpha:]]+\"}") == [
            MeasuredSelector(text: "foo{a=~\"[[:alpha:]]+\"}", metricName: "foo", droppedMatchers: []),
        ])
        #expect(selectors("{__name__=~\"$metric\"}") == [])
        #expect(selectors("sum(") == nil)
    }

    @Test func addressesAndTokensAreCheckedAndNeverShown() throws {
        let client = try PrometheusClient(address: "https://user:pw@prom.example.com/prometheus", environment: ["PROMETHEUS_BEARER_TOKEN": "tok-123"])
        #expect(client.description == "Prometheus at https://prom.example.com/prometheus (with a bearer token)")
        #expect(throws: PrometheusClientError(.invalidRequest, url: "http://x:9090",
                                              detail: "the bearer token variable MY_TOKEN is not set (expected the token in that environment variable)")) {
            _ = try PrometheusClient(address: "http://x:9090", bearerTokenVariable: "MY_TOKEN", environment: [:])
        }
        #expect(throws: PrometheusClientError(.invalidRequest, url: "localhost:9090",
                                              detail: "not a Prometheus address (expected an http or https URL such as http://localhost:9090)")) {
            _ = try PrometheusClient(address: "localhost:9090", environment: [:])
        }
        #expect(PrometheusClient.percentEncoded("rate(x[5m]) + 1") == "rate%28x%5B5m%5D%29%20%2B%201")
    }

    @Test func theTokenTravelsInAHeaderAndQueriesArePercentEncoded() async throws {
        let socket = try ListeningSocket()
        let body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"42\"]}]}}"
        let answer = Task {
            await socket.answerOne(timeout: 300, with: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        }
        // A generous timeout: in the full parallel run, other suites' synchronous work can hold
        // every thread of the concurrency pool for minutes, so this test's request may leave late.
        let client = try PrometheusClient(address: "http://127.0.0.1:\(socket.port)", timeout: 300, bearerTokenVariable: "TEAM_TOKEN",
                                          environment: ["TEAM_TOKEN": "tok-123", "PROMETHEUS_BEARER_TOKEN": "other"])
        #expect(try await client.count("a + b{c=\"d e\"}") == 42)
        let request = try #require(await answer.value)
        #expect(request.hasPrefix("GET /api/v1/query?query=count%28a%20%2B%20b%7Bc%3D%22d%20e%22%7D%29 HTTP/1.1\r\n"), "\(request)")
        #expect(request.contains("Authorization: Bearer tok-123\r\n"), "\(request)")
    }

    @Test func answersOfTheWrongShapeAreOneLineErrors() async throws {
        guard ExternalTool.isAvailable("python3") else {
            Issue.record("python3 is not on PATH: run `make test-deps`")
            return
        }
        let server = try StaticServer(files: [
            "api/v1/metadata": "not json at all",
            "api/v1/labels": "{\"status\":\"success\",\"data\":[1]}",
            "api/v1/label/__name__/values": "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"expanding series: boom\"}",
        ])
        defer { server.stop() }
        let client = PrometheusClient(baseURL: server.url, timeout: 60)
        let base = server.url.absoluteString
        try #require(await server.waitUntilReady(client))
        await #expect(throws: PrometheusClientError(.malformedResponse, url: "\(base)/api/v1/labels",
                                                   detail: "unexpected answer (expected a list of label names)")) {
            _ = try await client.labelNames()
        }
        await #expect(throws: PrometheusClientError(.prometheusError, url: "\(base)/api/v1/label/__name__/values",
                                                   detail: "Prometheus answered 200 execution: expanding series: boom")) {
            _ = try await client.labelValues(of: "__name__")
        }
        do {
            _ = try await client.metadata()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedResponse)
            #expect(error.description.hasPrefix("\(base)/api/v1/metadata: the body is not JSON ("))
            #expect(!error.description.contains("\n"))
        }
        do {
            _ = try await client.series(matching: ["up"])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .httpStatus)
            #expect(error.description.hasPrefix("\(base)/api/v1/series: HTTP 404 ("))
            #expect(error.description.hasSuffix("(expected 200 from the Prometheus HTTP API)"))
        }
    }
}

/// `python3 -m http.server` on 127.0.0.1 serving `files` (path → body) from a temporary folder.
final class StaticServer: @unchecked Sendable {
    let url: URL
    private let process = Process()
    private let directory: URL

    init(files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-static-\(UUID().uuidString)")
        for (path, body) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: file)
        }
        let port = try PrometheusServer.freePort()
        url = try #require(URL(string: "http://127.0.0.1:\(port)"))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory.path, String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Polls until the server answers (any answer but "unreachable"), at most 60 s.
    func waitUntilReady(_ client: PrometheusClient) async -> Bool {
        for _ in 0..<600 {
            do {
                _ = try await client.labelNames()
                return true
            } catch {
                if error.kind != .unreachable { return true }
            }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    func stop() {
        PrometheusServer.kill(process, gracePeriod: 0)
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }
}

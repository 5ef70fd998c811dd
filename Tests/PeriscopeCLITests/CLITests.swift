import Foundation
import PeriscopeTestSupport
import Testing

/// Runs the built `periscope` binary the way users and CI do.
struct CLI {
    static let root = Repository.root()

    /// The directory holding the built products (next to the test bundle).
    static var productsDirectory: URL? { PeriscopeBinary.url?.deletingLastPathComponent() }

    typealias Result = PeriscopeBinary.Result

    static func run(_ arguments: [String], in directory: URL = root) throws -> Result {
        try PeriscopeBinary.run(arguments, in: directory)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite(.serialized) struct CLITests {
    @Test func renderWritesEveryEnvironmentAndMatchesTheGoldens() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["render", "--env", "all", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("prod: 4 dashboards"), "three example dashboards and the SLO dashboard")
        let goldens = CLI.root.appendingPathComponent("Tests/PeriscopeExamplesTests/__Goldens__")
        for path in ["prod/manifest.json", "dev/grafana/dashboards/Periscope Examples (dev)/dev-http-red.json", "staging/grafana/provisioning/dashboards.yaml"] {
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent(path).path) == FileManager.default.contents(atPath: goldens.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func checkPassesOnAFreshRenderAndFailsWhenAFileChanged() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CLI.run(["render", "--out", out.path]).status == 0)
        let clean = try CLI.run(["render", "--check", "--out", out.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        let file = out.appendingPathComponent("prod/grafana/dashboards/Periscope Examples/go-runtime.json")
        try Data("{}\n".utf8).write(to: file)
        let stale = try CLI.run(["render", "--check", "--out", out.path])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("differs: \(out.path)/prod/grafana/dashboards/Periscope Examples/go-runtime.json"))
        #expect(try Data(contentsOf: file) == Data("{}\n".utf8), "--check must not write")
    }

    @Test func aFailedRenderLeavesThePreviousOutputUntouched() throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let environments = work.appendingPathComponent("environments")
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        let good = "grafana:\n  datasources:\n    metrics: { type: prometheus, uid: p }\n    logs: { type: loki, uid: l }\nalerting: { severities: { page: critical, ticket: warning } }\nvalues: { goroutineThreshold: 1, errorRatioThreshold: 0.1, p99LatencySeconds: 1 }\n"
        try Data(good.utf8).write(to: environments.appendingPathComponent("prod.yaml"))
        #expect(try CLI.run(["render", "--env", "prod", "--out", "out", "--environments", "environments"], in: work).status == 0)
        let manifest = work.appendingPathComponent("out/prod/manifest.json")
        let before = try Data(contentsOf: manifest)
        // Drop the logs datasource: the gallery's Loki panel can no longer resolve it.
        try Data(good.replacingOccurrences(of: "    logs: { type: loki, uid: l }\n", with: "").utf8).write(to: environments.appendingPathComponent("prod.yaml"))
        let failed = try CLI.run(["render", "--env", "prod", "--out", "out", "--environments", "environments"], in: work)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("Sources/PeriscopeExamples/PanelGalleryDashboard.swift:"))
        #expect(failed.stderr.contains("datasource 'logs' is not defined in environment 'prod'"))
        #expect(failed.stderr.contains("nothing was written"))
        #expect(try Data(contentsOf: manifest) == before)
    }

    @Test func unknownEnvironmentIsAnErrorNamingTheAvailableOnes() throws {
        let result = try CLI.run(["render", "--env", "qa", "--out", "/nonexistent/never-written"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("qa"))
        #expect(result.stderr.contains("dev") && result.stderr.contains("prod") && result.stderr.contains("staging"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never-written"))
    }

    @Test func malformedEnvironmentFileIsReportedWithFileLineAndColumn() throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let environments = work.appendingPathComponent("environments")
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        try Data("grafana:\n  folderr: X\n".utf8).write(to: environments.appendingPathComponent("prod.yaml"))
        let result = try CLI.run(["environments", "--environments", "environments"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("environments/prod.yaml:2:3"), "\(result.stderr)")
        #expect(result.stderr.contains("folder"))
    }

    @Test func usageErrorsExitWith64() throws {
        let result = try CLI.run(["render", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }

    @Test(arguments: [["--help"], ["render", "--help"], ["list", "--help"], ["environments", "--help"]])
    func everyCommandHasHelpWithExamples(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"), "\(result.stdout)")
    }

    @Test func listAndEnvironmentsDescribeTheCatalog() throws {
        let list = try CLI.run(["list", "--env", "dev"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("dashboard dev-http-red  \"HTTP service (RED)\"  folder=\"Periscope Examples (dev)\""))
        let environments = try CLI.run(["environments"])
        #expect(environments.status == 0, "\(environments.stderr)")
        #expect(environments.stdout.contains("base  (abstract: not rendered by --env all)"))
        #expect(environments.stdout.contains("datasource metrics: prometheus prom-staging"))
    }
}

@Suite struct PromQLCLITests {
    private func run(_ arguments: [String], stdin: String) throws -> CLI.Result {
        try PeriscopeBinary.run(arguments, stdin: stdin)
    }

    @Test func checkPrintsOkOrTheErrorWithItsPositionPerLine() throws {
        let result = try run(["promql", "check"], stdin: "rate(x[5m])\n\nsum(rate(x[5m])\nfoo{a=\"b\"} + bar\n")
        #expect(result.status == 1)
        #expect(result.stdout == "ok\n<stdin>:3:16: error: unclosed left parenthesis\nok\n")
        #expect(result.stderr.contains("1 of 3 expressions failed"))
    }

    @Test func checkReadsJSONLinesAndHonoursTheTarget() throws {
        let jsonl = #"{"expr": "foo[5]"}"# + "\n" + #"{"expr": "up"}"# + "\n"
        let v3 = try run(["promql", "check", "--jsonl"], stdin: jsonl)
        #expect(v3.status == 0, "\(v3.stdout)\(v3.stderr)")
        #expect(v3.stdout == "ok\nok\n")
        let old = try run(["promql", "check", "--jsonl", "--target", "2.42"], stdin: jsonl)
        #expect(old.status == 1)
        #expect(old.stdout.hasPrefix("<stdin>:1:"))
        #expect(old.stdout.contains("2.42"))
    }

    @Test func checkOfAnArgumentAndUsageErrors() throws {
        #expect(try CLI.run(["promql", "check", "sum by (job) (up)"]).stdout == "ok\n")
        #expect(try CLI.run(["promql", "check", "--target", "4", "up"]).status == 64)
    }

    @Test func fmtPrintsTheCanonicalAndPrettyForms() throws {
        let canonical = try CLI.run(["promql", "fmt", #"sum(rate(x{b="1",a="2"}[90m])) by (job)"#])
        #expect(canonical.status == 0, "\(canonical.stderr)")
        #expect(canonical.stdout == "sum by (job) (rate(x{a=\"2\",b=\"1\"}[1h30m]))\n")
        let long = "sum by (job) (rate(http_requests_total{code=~\"5..\", service=\"checkout-frontend\"}[5m])) / sum by (job) (rate(http_requests_total{service=\"checkout-frontend\"}[5m]))"
        let pretty = try CLI.run(["promql", "fmt", "--pretty", long])
        #expect(pretty.status == 0)
        #expect(pretty.stdout.split(separator: "\n").count > 1)
        #expect(pretty.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let bad = try CLI.run(["promql", "fmt", "rate(x)"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("<argument>:1:"))
    }

    /// `"\xff"` is a byte in PromQL (issue 8): it prints back as Prometheus prints it, not as
    /// U+FFFD, and a regex of it is not UTF-8, which promtool 2.42 rejects.
    @Test func fmtAndCheckKeepTheBytesOfStrings() throws {
        let printed = try CLI.run(["promql", "fmt", #"foo{a="\xff"}"#])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == #"foo{a="\xff"}"# + "\n")
        let checked = try CLI.run(["promql", "check", "--target", "2.42", #"foo{a=~"\xff"}"#])
        #expect(checked.status == 1)
        #expect(checked.stdout == "<argument>:1:5: error: error parsing regexp: invalid UTF-8: `\u{FFFD})$`\n")
    }
}

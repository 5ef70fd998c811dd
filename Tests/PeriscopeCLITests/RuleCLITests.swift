import Foundation
import PeriscopeTestSupport
import Testing

/// The example catalog's rules through the built binary and the real promtool: every rule file
/// of every environment passes `promtool check rules`, every test file `promtool test rules`,
/// and `periscope test` reports per test.
///
/// Without promtool on PATH these tests fail and say to run `make test` (which installs
/// Debian's prometheus package); `PERISCOPE_SKIP_PROMTOOL=1` skips them deliberately.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["PERISCOPE_SKIP_PROMTOOL"] != "1", "PERISCOPE_SKIP_PROMTOOL=1"))
struct RuleCLITests {
    static var promtool: String? { Promtool.path }

    /// Runs `executable`; `environment`, when given, is its whole environment.
    static func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> CLI.Result {
        try PeriscopeBinary.run(
            arguments, in: directory, environment: environment ?? [:], inheritEnvironment: environment == nil, binary: URL(fileURLWithPath: executable))
    }

    static func renderExamples() throws -> URL {
        let out = try CLI.temporaryDirectory()
        let result = try CLI.run(["render", "--env", "all", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    static func files(_ folder: String, in out: URL) throws -> [(environment: String, directory: URL, names: [String])] {
        try ["dev", "prod", "staging"].map { env in
            let directory = out.appendingPathComponent("\(env)/\(folder)")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
            return (env, directory, names)
        }
    }

    @Test func everyRenderedRuleFilePassesPromtoolCheckRulesAndEveryTestFilePassesPromtoolTestRules() throws {
        let promtool = try #require(Self.promtool, "promtool is not on PATH: run `make test`, which installs Debian's prometheus package (or set PERISCOPE_SKIP_PROMTOOL=1 to skip)")
        let out = try Self.renderExamples()
        defer { try? FileManager.default.removeItem(at: out) }
        var checked = 0
        for (environment, directory, names) in try Self.files("prometheus/rules", in: out) {
            #expect(!names.isEmpty, "\(environment) has no rule files")
            let result = try Self.run(promtool, ["check", "rules"] + names, in: directory)
            #expect(result.status == 0, "\(environment): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("SUCCESS"), "\(environment): \(result.stdout)")
            #expect(result.stderr.isEmpty, "promtool lint output in \(environment): \(result.stderr)")
            checked += names.count
        }
        for (environment, directory, names) in try Self.files("mimir/rules", in: out) {
            // The Mimir layout is the same groups under a namespace key; without that key, promtool accepts them.
            for name in names {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                #expect(text.hasPrefix("namespace: \(name.dropLast(".yaml".count))\n"), "\(environment)/\(name)")
                let groups = directory.appendingPathComponent("groups-only-\(name)")
                try Data(text.drop { $0 != "\n" }.dropFirst().utf8).write(to: groups)
                let result = try Self.run(promtool, ["check", "rules", groups.lastPathComponent], in: directory)
                #expect(result.status == 0, "\(environment)/\(name): \(result.stdout)\(result.stderr)")
            }
        }
        var tested = 0
        for (environment, directory, names) in try Self.files("prometheus/tests", in: out) {
            #expect(!names.isEmpty, "\(environment) has no test files")
            let result = try Self.run(promtool, ["test", "rules"] + names, in: directory)
            #expect(result.status == 0, "\(environment): \(result.stdout)\(result.stderr)")
            tested += names.count
        }
        #expect(checked == 6 && tested == 6, "examples.yaml and slos.yaml in each environment")
    }

    @Test func periscopeTestReportsEveryTestOfEveryEnvironment() throws {
        _ = try #require(Self.promtool, "promtool is not on PATH: run `make test`, which installs Debian's prometheus package (or set PERISCOPE_SKIP_PROMTOOL=1 to skip)")
        let out = try Self.renderExamples()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["test", out.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for env in ["dev", "prod", "staging"] {
            #expect(result.stdout.contains("PASS \(env)/examples.yaml: goroutine leak fires"))
            #expect(result.stdout.contains("PASS \(env)/examples.yaml: many but steady goroutines do not fire"))
            #expect(result.stdout.contains("PASS \(env)/slos.yaml: a 15× burn of the availability budget pages"))
            #expect(result.stdout.contains("PASS \(env)/slos.yaml: a 1× burn of the availability budget does not page"))
        }
        #expect(result.stdout.contains("27 passed, 0 failed (6 test files in 3 environments)"), "\(result.stdout)")
    }

    @Test func aFailingTestIsReportedWithPromtoolsMessageAndExitStatus1() throws {
        _ = try #require(Self.promtool, "promtool is not on PATH: run `make test`, which installs Debian's prometheus package (or set PERISCOPE_SKIP_PROMTOOL=1 to skip)")
        let out = try Self.renderExamples()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("staging/prometheus/tests/examples.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "runs 7000 goroutines", with: "runs 6999 goroutines").utf8).write(to: file)
        let result = try CLI.run(["test", out.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL staging/examples.yaml: goroutine leak fires"), "\(result.stdout)")
        #expect(result.stdout.contains("runs 6999 goroutines") && result.stdout.contains("got:"), "promtool's own message is shown")
        #expect(result.stdout.contains("PASS staging/examples.yaml: many but steady goroutines do not fire"))
        #expect(result.stdout.contains("26 passed, 1 failed"), "\(result.stdout)")
    }

    /// Issue 13, item 1: with the output folder given relative to the working directory, a
    /// failing test still shows promtool's own difference, not a rule file it cannot find.
    @Test func aRelativeOutputFolderStillShowsPromtoolsDifference() throws {
        _ = try #require(Self.promtool, "promtool is not on PATH: run `make test`, which installs Debian's prometheus package (or set PERISCOPE_SKIP_PROMTOOL=1 to skip)")
        let out = try Self.renderExamples()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("prod/prometheus/tests/examples.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "runs 7000 goroutines", with: "runs 6999 goroutines").utf8).write(to: file)
        let result = try CLI.run(["test", out.lastPathComponent], in: out.deletingLastPathComponent())
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL prod/examples.yaml: goroutine leak fires"), "\(result.stdout)")
        #expect(result.stdout.contains("runs 6999 goroutines") && result.stdout.contains("got:"), "\(result.stdout)")
        #expect(!result.stdout.contains("no file match pattern"), "\(result.stdout)")
    }

    @Test func missingPromtoolIsAClearErrorWithTheInstallCommand() throws {
        let binary = try #require(CLI.productsDirectory?.appendingPathComponent("periscope"))
        let result = try Self.run(binary.path, ["test", "build"], in: CLI.root, environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("promtool is not on PATH"))
        #expect(result.stderr.contains("apt-get install prometheus"))
    }

    @Test func nothingToTestIsAnError() throws {
        _ = try #require(Self.promtool, "promtool is not on PATH: run `make test`")
        let empty = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CLI.run(["test", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing to test"))
        let missing = try CLI.run(["test", empty.appendingPathComponent("absent").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("run 'render' first"))
    }

    @Test func listShowsTheRuleGroupsOfEachEnvironment() throws {
        let result = try CLI.run(["list", "--env", "prod"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rule group go-runtime  namespace=examples  alerts=1  recording=0  Sources/PeriscopeExamples/ExampleRules.swift:"))
        #expect(result.stdout.contains("rule group http-red  namespace=examples  alerts=2  recording=4"))
    }

    @Test func aMissingRuleValueFailsTheRenderAtTheSwiftLineAndWritesNothing() throws {
        let work = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let environments = work.appendingPathComponent("environments")
        try FileManager.default.createDirectory(at: environments, withIntermediateDirectories: true)
        let yaml = "grafana:\n  datasources:\n    metrics: { type: prometheus, uid: p }\n    logs: { type: loki, uid: l }\nalerting: { severities: { page: critical } }\nvalues: { errorRatioThreshold: 0.1, p99LatencySeconds: 1 }\n"
        try Data(yaml.utf8).write(to: environments.appendingPathComponent("prod.yaml"))
        let result = try CLI.run(["render", "--env", "prod", "--out", "out", "--environments", "environments"], in: work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources/PeriscopeExamples/ExampleRules.swift:"), "\(result.stderr)")
        #expect(result.stderr.contains("goroutineThreshold"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out/prod").path))
    }

    @Test func helpShowsExamples() throws {
        let result = try CLI.run(["test", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:") && result.stdout.contains("periscope test"))
    }
}

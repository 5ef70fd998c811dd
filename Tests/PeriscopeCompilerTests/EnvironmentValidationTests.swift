import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// Strict validation: every bad input is a located error and the environment does not load.
@Suite struct EnvironmentValidationTests {
    /// One bad file and the one error it must produce.
    struct Case: CustomTestStringConvertible, Sendable {
        let yaml: String
        let line: Int
        let column: Int
        let fragment: String
        var testDescription: String { fragment }

        init(_ yaml: String, _ line: Int, _ column: Int, _ fragment: String) {
            self.yaml = yaml
            self.line = line
            self.column = column
            self.fragment = fragment
        }
    }

    static let cases: [Case] = [
        // Unknown keys, with suggestions when close.
        Case("grafana:\n  uidprefix: dev-\n", 2, 3, "unknown key 'uidprefix' in grafana (expected folder, uidPrefix, refresh or datasources); did you mean 'uidPrefix'?"),
        Case("grafna:\n  folder: x\n", 1, 1, "unknown key 'grafna' at the top level (expected extends, grafana, prometheus, alerting or values); did you mean 'grafana'?"),
        Case("prometheus:\n  scrape_interval: 30s\n", 2, 3, "unknown key 'scrape_interval' in prometheus"),
        Case("grafana:\n  colour: red\n", 2, 3, "unknown key 'colour' in grafana (expected folder, uidPrefix, refresh or datasources)"),
        // Wrong types.
        Case("grafana:\n  refresh: { every: 30s }\n", 2, 12, "grafana.refresh must be a duration string such as 30s, got a map"),
        Case("grafana: [a, b]\n", 1, 10, "grafana must be a map with folder, uidPrefix, refresh or datasources, got a list"),
        Case("grafana:\n  folder: [a]\n", 2, 11, "grafana.folder must be a string, got a list"),
        Case("grafana:\n  folder: \"\"\n", 2, 11, "grafana.folder must not be empty"),
        Case("values: 3\n", 1, 9, "values must be a map of names to values"),
        Case("prometheus:\n  selectors: [env]\n", 2, 14, "prometheus.selectors must be a map of label names to values"),
        Case("prometheus:\n  selectors: { env: { a: b } }\n", 2, 21, "prometheus.selectors.env must be a label value, got a map"),
        Case("alerting:\n  severities: { page: [critical] }\n", 2, 23, "alerting.severities.page must be a label value such as critical, got a list"),
        Case("extends: [base]\n", 1, 10, "extends must name another environment, such as base, got a list"),
        Case("extends: ../base\n", 1, 10, "extends must name an environment in the same directory"),
        // Durations.
        Case("grafana:\n  refresh: 30 seconds\n", 2, 12, "grafana.refresh must be a Grafana refresh interval"),
        Case("grafana:\n  refresh: \"\"\n", 2, 12, "grafana.refresh must not be empty"),
        Case("grafana:\n  refresh: -1m\n", 2, 12, "got '-1m'"),
        Case("grafana:\n  refresh: 1m30s\n", 2, 12, "one unit of s, m, h or d, such as 30s or 1m, got '1m30s'"),
        Case("grafana:\n  refresh: 0s\n", 2, 12, "a positive whole number"),
        Case("prometheus:\n  scrapeInterval: 30 seconds\n", 2, 19, "prometheus.scrapeInterval must be a Prometheus duration such as 30s, 1m30s or 1h, got '30 seconds'"),
        Case("prometheus:\n  scrapeInterval: -1m\n", 2, 19, "not a valid duration string"),
        Case("prometheus:\n  scrapeInterval: 30m1h\n", 2, 19, "not a valid duration string: \"30m1h\""),
        Case("prometheus:\n  scrapeInterval: 5x\n", 2, 19, "unknown unit \"x\""),
        Case("prometheus:\n  scrapeInterval: '0'\n", 2, 19, "prometheus.scrapeInterval must be greater than zero"),
        Case("prometheus:\n  scrapeInterval: ''\n", 2, 19, "prometheus.scrapeInterval must not be empty"),
        // Labels.
        Case("prometheus:\n  selectors: { env-name: prod }\n", 2, 16, "'env-name' in prometheus.selectors is not a valid label name (expected [a-zA-Z_][a-zA-Z0-9_]*)"),
        Case("prometheus:\n  ruleLabels:\n    1team: x\n", 3, 5, "'1team' in prometheus.ruleLabels is not a valid label name"),
        // Datasources.
        Case("grafana:\n  datasources:\n    metrics: { type: prometheus, uid: p, url: http://x }\n", 3, 42, "unknown key 'url' in grafana.datasources.metrics (a datasource has only 'type' and 'uid')"),
        Case("grafana:\n  datasources:\n    metrics: { tpye: prometheus, uid: p }\n", 3, 16, "did you mean 'type'?"),
        Case("grafana:\n  datasources:\n    metrics: prom-prod\n", 3, 14, "grafana.datasources.metrics must be a map such as { type: prometheus, uid: prom-prod }, got a string ('prom-prod')"),
        Case("grafana:\n  datasources:\n    metrics: { uid: p }\n", 3, 5, "environment 'prod': grafana.datasources.metrics has no type"),
        Case("grafana:\n  datasources:\n    metrics: { type: prometheus }\n", 3, 5, "grafana.datasources.metrics has no uid"),
        Case("grafana:\n  datasources:\n    metrics: {}\n", 3, 5, "has no type and uid"),
        // uidPrefix and target.
        Case("grafana:\n  uidPrefix: dev/\n", 2, 14, "grafana.uidPrefix may contain only letters, digits, '-' and '_' (it becomes part of dashboard uids and file names), got 'dev/'"),
        Case("grafana:\n  uidPrefix: \"dev.\"\n", 2, 14, "got 'dev.'"),
        Case("grafana:\n  uidPrefix: \(String(repeating: "a", count: 41))\n", 2, 14, "is 41 characters long; a Grafana uid has at most 40"),
        Case("prometheus:\n  target: \"2.41\"\n", 2, 11, "prometheus.target must be \"2.42\" or \"3\", got '2.41'"),
        Case("prometheus:\n  target: 3.0\n", 2, 11, "got '3.0'"),
        Case("prometheus:\n  target: [3]\n", 2, 11, "prometheus.target must be \"2.42\" or \"3\", got a list"),
        // Document-level problems.
        Case("", 1, 1, "environment file is empty"),
        Case("# only a comment\n", 1, 1, "environment file is empty"),
        Case("~\n", 1, 1, "environment file is empty"),
        Case("- a\n- b\n", 1, 1, "the top level of an environment file must be a map of settings (extends, grafana, prometheus, alerting or values), got a list"),
        Case("just text\n", 1, 1, "must be a map of settings"),
        Case("grafana:\n  folder: a\n  refresh: [\n", 4, 1, "malformed YAML"),
        Case("grafana:\n  folder: a\n    refresh: 1m\n", 3, 12, "malformed YAML: mapping values are not allowed in this context"),
        Case("grafana:\n\tfolder: a\n", 2, 1, "malformed YAML"),
        Case("a: 1\n---\nb: 2\n", 2, 1, "malformed YAML: but found another document"),
        Case("values:\n  x: *missing\n", 2, 6, "malformed YAML: found undefined alias"),
        Case("values:\n  x: \"\\uZZZZ\"\n", 2, 9, "malformed YAML: did not find expected hexdecimal number (while parsing a quoted scalar at 2:6)"),
        // Duplicate keys, in block and flow style, reported at the repetition.
        Case("grafana:\n  folder: a\n  refresh: 1m\n  folder: b\n", 4, 3, "duplicate key 'folder' (first written at 2:3)"),
        Case("prometheus:\n  selectors: { env: a, env: b }\n", 2, 24, "duplicate key 'env' (first written at 2:16)"),
        Case("values:\n  1: a\n  \"1\": b\n", 3, 3, "duplicate key '1' (first written at 2:3)"),
        // Values: untypeable scalars, null in lists, merge keys.
        Case("values:\n  big: 99999999999999999999\n", 2, 8, "values.big: the integer 99999999999999999999 is too large"),
        Case("values:\n  flag: !!bool maybe\n", 2, 9, "values.flag: 'maybe' is not a YAML boolean"),
        Case("values:\n  when: !timestamp 2024-01-01\n", 2, 9, "the YAML tag '!timestamp' is not supported"),
        Case("values:\n  list: [1, null, 3]\n", 2, 13, "values.list[1] is null; a list in values may not contain null"),
        Case("values:\n  base: &b { a: 1 }\n  other:\n    <<: *b\n", 4, 5, "YAML merge keys (<<) are not supported"),
        Case("<<: { grafana: {} }\n", 1, 1, "YAML merge keys (<<) are not supported"),
        Case("values:\n  ? [a, b]\n  : c\n", 2, 5, "a map key must be a plain string, got a list"),
    ]

    @Test(arguments: cases)
    func badInputIsALocatedError(_ testCase: Case) throws {
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": testCase.yaml])
        #expect(environment == nil)
        expectError(diagnostics, in: fixture, "prod.yaml", testCase.line, testCase.column, testCase.fragment)
        // One mistake, one message: nothing else is reported alongside it.
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
    }

    @Test func everyProblemOfEveryFileIsReportedInOnePass() throws {
        let files = [
            "base.yaml": """
                grafana:
                  folder: [x]
                  refesh: 1m
                prometheus:
                  scrapeInterval: 30 s
                """,
            "dev.yaml": """
                extends: base
                grafana:
                  uidPrefix: "dev/"
                prometheus:
                  selectors: { 0env: dev }
                """,
            "prod.yaml": """
                extends: base
                prometheus:
                  target: "4"
                """,
        ]
        try EnvironmentFixture.with(files) { fixture in
            let collector = DiagnosticCollector()
            let environments = fixture.loader.loadAll(["dev", "prod"], diagnostics: collector)
            #expect(environments.isEmpty)
            let diagnostics = collector.diagnostics
            expectError(diagnostics, in: fixture, "dev.yaml", 3, 14, "grafana.uidPrefix may contain only")
            expectError(diagnostics, in: fixture, "dev.yaml", 5, 16, "'0env' in prometheus.selectors")
            expectError(diagnostics, in: fixture, "base.yaml", 2, 11, "grafana.folder must be a string")
            expectError(diagnostics, in: fixture, "base.yaml", 3, 3, "did you mean 'refresh'?")
            expectError(diagnostics, in: fixture, "base.yaml", 5, 19, "got '30 s'")
            expectError(diagnostics, in: fixture, "prod.yaml", 3, 11, "got '4'")
            // base.yaml is shared by both environments but its problems are reported once.
            #expect(diagnostics.count == 6, "\(diagnostics.map(\.description))")
        }
    }

    @Test func anOverlayCannotHideABaseFileError() throws {
        let files = [
            "base.yaml": "grafana:\n  refresh: soon\n",
            "dev.yaml": "extends: base\ngrafana:\n  refresh: 1m\n",
        ]
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("dev", from: files)
        #expect(environment == nil)
        expectError(diagnostics, in: fixture, "base.yaml", 2, 12, "got 'soon'")
    }

    @Test func datasourceCompletenessIsCheckedAfterMerging() throws {
        let files = [
            "base.yaml": "grafana:\n  datasources:\n    metrics: { type: prometheus }\n    logs: { type: loki }\n",
            "dev.yaml": "extends: base\ngrafana:\n  datasources:\n    metrics: { uid: prom-dev }\n",
        ]
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("dev", from: files)
        #expect(environment == nil)
        // metrics is complete once merged; logs never gets a uid, reported where base wrote it.
        expectError(diagnostics, in: fixture, "base.yaml", 4, 5, "environment 'dev': grafana.datasources.logs has no uid")
        #expect(diagnostics.count == 1)
    }

    @Test func hugeAliasExpansionIsRefusedNotWalked() throws {
        // Each level doubles the tree: 2^30 nodes if walked naively.
        var yaml = "values:\n  l0: &l0 [x, x]\n"
        for level in 1...30 { yaml += "  l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": yaml])
        #expect(environment == nil)
        #expect(diagnostics.contains { $0.message.contains("expands to more than 100000 YAML nodes") })
        #expect(diagnostics.allSatisfy { $0.location.map { if case .file(let f) = $0 { f.path == fixture.path("prod.yaml") } else { false } } ?? false })
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let flow = "values:\n  deep: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let (flowEnvironment, flowDiagnostics, _) = try EnvironmentFixture.load("prod", from: ["prod.yaml": flow])
        #expect(flowEnvironment == nil)
        #expect(flowDiagnostics.count == 1)
        #expect(flowDiagnostics.first?.message.contains("Maximum nesting level reached") == true)

        let moderate = "values:\n  deep: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        let (_, moderateDiagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": moderate])
        expectError(moderateDiagnostics, in: fixture, "prod.yaml", 2, 71, "YAML nested more than 64 levels deep")
    }

    @Test func binaryAndOversizedFilesAreErrors() throws {
        let binary = try EnvironmentFixture.with([:]) { fixture -> [Diagnostic] in
            try Data([0x67, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: fixture.path("prod.yaml")))
            let collector = DiagnosticCollector()
            #expect(fixture.loader.load("prod", diagnostics: collector) == nil)
            return collector.diagnostics
        }
        #expect(binary.count == 1)
        #expect(binary.first?.message.contains("not valid UTF-8") == true)

        let huge = "values:\n" + String(repeating: "  # padding padding padding padding padding padding padding\n", count: 20_000)
        let (environment, diagnostics, _) = try EnvironmentFixture.load("prod", from: ["prod.yaml": huge])
        #expect(environment == nil)
        #expect(diagnostics.first?.message.contains("at most 1048576 are allowed") == true)
    }

    @Test func aSymlinkToADeviceIsRefusedWithoutReadingIt() throws {
        let diagnostics = try EnvironmentFixture.with([:]) { fixture -> [Diagnostic] in
            try FileManager.default.createSymbolicLink(atPath: fixture.path("prod.yaml"), withDestinationPath: "/dev/zero")
            let collector = DiagnosticCollector()
            #expect(fixture.loader.load("prod", diagnostics: collector) == nil)
            return collector.diagnostics
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("is not a regular file") == true)
    }

    @Test func windowsLineEndingsKeepPositions() throws {
        let yaml = "grafana:\r\n  folder: a\r\n  refresh: 1m\r\n  folder: b\r\nprometheus:\r\n  target: \"9\"\r\n"
        let (_, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": yaml])
        expectError(diagnostics, in: fixture, "prod.yaml", 4, 3, "duplicate key 'folder' (first written at 2:3)")
        let (_, targetDiagnostics, targetFixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": "prometheus:\r\n  target: \"9\"\r\n"])
        expectError(targetDiagnostics, in: targetFixture, "prod.yaml", 2, 11, "got '9'")
    }

    /// Mutations of a valid file never crash, and every rejected file gets a located error.
    @Test func mutatedFilesNeverCrashAndFailuresAreLocated() throws {
        let valid = """
            extends: base
            grafana:
              folder: "Checkout (prod)"
              uidPrefix: ""
              refresh: 30s
              datasources:
                metrics: { type: prometheus, uid: prom-prod }
            prometheus:
              target: "2.42"
              selectors: { env: prod }
            values:
              list: [1, 'two', { three: 3 }]
              anchor: &a { x: 1 }
              alias: *a
            """
        let alphabet = Array(" :-[]{},#&*!|>'\"%@`?\n\t\r~0a.")
        var generator = SplitMix64(seed: 0x5EED)
        try EnvironmentFixture.with(["base.yaml": "grafana:\n  folder: Base\n"]) { fixture in
            for _ in 0..<400 {
                var characters = Array(valid)
                for _ in 0..<Int(generator.next() % 4 + 1) {
                    let position = Int(generator.next() % UInt64(characters.count))
                    switch generator.next() % 3 {
                    case 0: characters.remove(at: position)
                    case 1: characters.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                    default: characters = Array(characters.prefix(position))
                    }
                    if characters.isEmpty { characters = ["x"] }
                }
                try Data(String(characters).utf8).write(to: URL(fileURLWithPath: fixture.path("prod.yaml")))
                let collector = DiagnosticCollector()
                let environment = fixture.loader.load("prod", diagnostics: collector)
                if environment == nil {
                    #expect(collector.hasErrors, "rejected without an error:\n\(String(characters))")
                    for diagnostic in collector.diagnostics {
                        guard case .file(let location)? = diagnostic.location else {
                            Issue.record("unlocated: \(diagnostic)")
                            continue
                        }
                        #expect(location.path.hasSuffix(".yaml"))
                    }
                } else {
                    #expect(!collector.hasErrors)
                }
            }
        }
    }

    @Test func controlCharactersAreALocatedReaderError() throws {
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": "grafana:\n  folder: a\u{01}b\n"])
        #expect(environment == nil)
        expectError(diagnostics, in: fixture, "prod.yaml", 2, 12, "unreadable YAML")
    }
}

import Foundation


import Foundation
import PeriscopeTestSupport
import Testing

/// `periscope lint` through the built binary: formats, exit codes, configuration errors,
/// exceptions, suppressions, baseline, Swift locations of rendered output, --explain and --list-rules.
@Suite(.serialized) struct LintCLITests {
    static let rules = """
        groups:
        - name: api
          rules:
          - alert: high_error_rate
            expr: job:errors:ratio5m > 0.05
            labels: { severity: warning }
            annotations: { summary: s, description: d }
          # periscope-lint disable alert-name-camel-case: legacy name routed by Alertmanager
          - alert: legacy_alert
            expr: up == 0
            labels: { severity: warning }
            annotations: { summary: s, description: d }
          - alert: NoReason  # periscope-lint disable alert-annotations
            expr: up == 0
            labels: { severity: warning }

        """

    @Test func textFormatExitCodesAndSuppressions() throws {
        let directory = try CLI.folder(["rules/api.yaml": Self.rules])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["lint", "rules"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == """
            rules/api.yaml:4:12: warning: [alert-name-camel-case] alert name 'high_error_rate' is not CamelCase (expected e.g. 'HighErrorRate')
            rules/api.yaml:13:5: warning: [alert-annotations] alert 'NoReason' has no 'summary' or 'description' annotation
            rules/api.yaml:13:22: error: [lint-suppression-reason] '# periscope-lint disable alert-annotations' needs a reason after ':' (why the rule does not apply here); it is not applied
            1 error, 2 warnings

            """)
    }

    @Test func configurationExceptionsAndStrict() throws {
        let directory = try CLI.folder([
            "rules/api.yaml": Self.rules.replacingOccurrences(of: "# periscope-lint disable alert-annotations", with: "# periscope-lint disable alert-annotations: fixed in JIRA-1"),
            ".periscope.yaml": """
                rules:
                  alert-annotations: error
                exceptions:
                  - rule: alert-name-camel-case
                    file: rules/*.yaml
                    name: high_error_rate
                    reason: renamed in Q3
                """,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let clean = try CLI.run(["lint", "rules"], in: directory)
        #expect(clean.stdout == "0 errors, 0 warnings\n")
        #expect(clean.status == 0)
        try Data("rules:\n  alert-anotations: off\nexceptions:\n  - rule: panel-unit\n    name: x\nseverites: {}\n".utf8).write(to: directory.appendingPathComponent(".periscope.yaml"))
        let bad = try CLI.run(["lint", "rules"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(".periscope.yaml:2:3: error: [lint-config] unknown lint rule 'alert-anotations' (periscope lint --list-rules lists them); did you mean 'alert-annotations'?"))
        #expect(bad.stderr.contains(".periscope.yaml:4:5: error: [lint-config] an exception needs a 'reason'"))
        #expect(bad.stderr.contains(".periscope.yaml:6:1: error: [lint-config] unknown key 'severites' in the lint configuration"))
        #expect(bad.stderr.contains("did you mean 'severities'?"))
    }

    @Test func strictFailsOnWarnings() throws {
        let directory = try CLI.folder(["r.yaml": "groups:\n- name: g\n  rules:\n  - alert: bad_name\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try CLI.run(["lint", "r.yaml"], in: directory).status == 0)
        #expect(try CLI.run(["lint", "r.yaml", "--strict"], in: directory).status == 1)
    }

    @Test func githubAndJSONFormats() throws {
        let directory = try CLI.folder(["a,b/r.yaml": "groups:\n- name: g\n  rules:\n  - alert: bad_name\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let github = try CLI.run(["lint", "a,b", "--format", "github"], in: directory)
        #expect(github.stdout.hasPrefix("::warning file=a%2Cb/r.yaml,line=4,col=12,title=alert-name-camel-case::alert name 'bad_name' is not CamelCase"))
        let json = try CLI.run(["lint", "a,b", "--format", "json"], in: directory)
        #expect(json.stdout.contains("\"rule\" : \"alert-name-camel-case\"") || json.stdout.contains("\"rule\": \"alert-name-camel-case\""))
        #expect(json.stdout.contains("\"warnings\""))
    }

    @Test func baselineReportsOnlyNewFindings() throws {
        let old = "groups:\n- name: g\n  rules:\n  - alert: bad_name\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n"
        let new = "groups:\n- name: g\n  rules:\n  - alert: Fine\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n" +
            "  - alert: bad_name\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n" +
            "  - alert: another_bad\n    expr: up == 0\n    labels: {severity: info}\n    annotations: {summary: s, description: d}\n"
        let directory = try CLI.folder(["base/rules.yaml": old, "head/rules.yaml": new])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["lint", "head", "--baseline", "base"], in: directory)
        #expect(result.stdout == "head/rules.yaml:12:12: warning: [alert-name-camel-case] alert name 'another_bad' is not CamelCase (expected e.g. 'AnotherBad')\n0 errors, 1 warning\n")
    }

    @Test func renderedOutputPointsAtSwiftLines() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let render = try CLI.run(["render", "--out", out.path])
        #expect(render.status == 0)
        // Break a rendered rule the way a hand edit would: the finding still points at the Swift line.
        let rules = out.appendingPathComponent("prod/prometheus/rules/examples.yaml")
        let text = try String(contentsOf: rules, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "runbook_url:", with: "runbook:").utf8).write(to: rules)
        let result = try CLI.run(["lint", out.path])
        #expect(result.stdout.contains("Sources/PeriscopeExamples/ExampleRules.swift:"), "\(result.stdout)")
        #expect(result.stdout.contains("[alert-runbook]"))
        #expect(result.stdout.contains("in environment prod"))
        let clean = try CLI.run(["lint"])
        #expect(clean.stdout == "0 errors, 0 warnings\n")
        #expect(clean.status == 0)
    }

    @Test func explainAndListRules() throws {
        let explain = try CLI.run(["lint", "--explain", "metric-base-units"])
        #expect(explain.stdout.hasPrefix("metric-base-units (naming, default severity warning)"))
        #expect(explain.stdout.contains("Why:"))
        let unknown = try CLI.run(["lint", "--explain", "metric-base-unit"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'metric-base-units'?"))
        let list = try CLI.run(["lint", "--list-rules"])
        #expect(list.stdout.contains("  panel-unit "))
        #expect(list.stdout.contains("dashboard:"))
    }

    @Test func badInputIsLocatedNotACrash() throws {
        let directory = try CLI.folder(["d.json": "{\"panels\": [", "r.yaml": "groups: [\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["lint", "d.json", "r.yaml", "missing"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing: error: [file-not-found]"))
        #expect(result.stderr.contains("d.json:1:"))
        #expect(result.stderr.contains("r.yaml:"))
    }

    @Test func unreachablePrometheusIsOneClearError() throws {
        let directory = try CLI.folder(["r.yaml": "groups:\n- name: g\n  rules:\n  - record: job:up:sum\n    expr: sum by (job) (up)\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["lint", "r.yaml", "--prometheus", "http://127.0.0.1:1", "--timeout", "2"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: [live-unreachable] http://127.0.0.1:1/"))
        #expect(!result.stderr.contains("Fatal error"))
    }
}

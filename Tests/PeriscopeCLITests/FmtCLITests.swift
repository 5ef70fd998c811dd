import Foundation
import PeriscopeTestSupport
import Testing

extension CLI {
    /// A new temporary folder holding `files` (relative path → text).
    static func folder(_ files: [String: String]) throws -> URL {
        let directory = try temporaryDirectory()
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }
}

/// `periscope fmt` through the built binary: canonical output, --check, --write, folders, and
/// bad input reported at its line and column with nothing written.
@Suite(.serialized) struct FmtCLITests {
    static let messy = """
        {"title":"API","uid":"api","schemaVersion":39,"panels":[{"type":"stat","title":"Up","id":1,
          "gridPos":{"y":0,"x":0,"w":6,"h":4},"targets":[{"refId":"A","expr":"up","interval":"1.0e1s"}],
          "fieldConfig":{"defaults":{"max":100.0,"min":1.5e-3,"big":123456789012345678901234567890},"overrides":[]}}]}
        """

    static let canonical = """
        {
          "panels": [
            {
              "fieldConfig": {
                "defaults": {
                  "big": 123456789012345678901234567890,
                  "max": 100,
                  "min": 0.0015
                },
                "overrides": []
              },
              "gridPos": {
                "h": 4,
                "w": 6,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "targets": [
                {
                  "expr": "up",
                  "interval": "1.0e1s",
                  "refId": "A"
                }
              ],
              "title": "Up",
              "type": "stat"
            }
          ],
          "schemaVersion": 39,
          "title": "API",
          "uid": "api"
        }

        """

    private func folder(_ files: [String: String]) throws -> URL { try CLI.folder(files) }

    private func contents(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func oneFileIsPrintedCanonically() throws {
        let directory = try folder(["api.json": Self.messy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["fmt", "api.json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.canonical)
        #expect(contents(directory.appendingPathComponent("api.json")) == Self.messy, "printing leaves the file alone")
    }

    @Test func checkListsFilesThatWouldChangeAndWriteRewritesThemOnce() throws {
        let directory = try folder([
            "dashboards/api.json": Self.messy,
            "dashboards/ok.json": Self.canonical,
            "dashboards/package.json": #"{"name": "not a dashboard"}"#,
            "dashboards/.hidden/x.json": "{ broken",
            "notes.txt": "ignored",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CLI.run(["fmt", "--check", "dashboards"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout == "dashboards/api.json\n")
        let write = try CLI.run(["fmt", "--write", "dashboards"], in: directory)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout == "dashboards/api.json\n")
        #expect(contents(directory.appendingPathComponent("dashboards/api.json")) == Self.canonical)
        #expect(contents(directory.appendingPathComponent("dashboards/package.json")) == #"{"name": "not a dashboard"}"#)
        let again = try CLI.run(["fmt", "--check", "dashboards"], in: directory)
        #expect(again.status == 0, "fmt is idempotent: \(again.stdout)\(again.stderr)")
        #expect(again.stdout.isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("dashboards").path)
        #expect(!leftovers.contains { $0.contains("periscope-fmt") }, "no temporary files left: \(leftovers)")
    }

    @Test(arguments: [
        ("{\"panels\": [\n  {\"type\": \"stat\",}\n]}", "bad.json:2:19: error: [json-syntax]"),
        ("{\"panels\": {}}", "bad.json:1:12: error: [dashboard-field-type] 'panels' must be an array, got an object"),
        ("{\"panels\": [], \"title\": \"a\u{0}\"}", "bad.json:1:27: error: [json-syntax] NUL byte in a string"),
    ])
    func badInputIsLocatedAndNothingIsWritten(text: String, expected: String) throws {
        let directory = try folder(["bad.json": text])
        defer { try? FileManager.default.removeItem(at: directory) }
        for flags in [["--write"], ["--check"], []] {
            let result = try CLI.run(["fmt"] + flags + ["bad.json"], in: directory)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix(expected), "\(flags): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(contents(directory.appendingPathComponent("bad.json")) == text)
        }
    }

    @Test func aNamedFileThatIsNotADashboardIsAnError() throws {
        let directory = try folder(["package.json": #"{"name": "x"}"#, "notes.txt": "x"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try CLI.run(["fmt", "--check", "package.json"], in: directory)
        #expect(json.status == 1)
        #expect(json.stderr.contains("package.json:1:1: error: [fmt-not-an-artifact] not a Grafana dashboard"), "\(json.stderr)")
        let text = try CLI.run(["fmt", "--check", "notes.txt"], in: directory)
        #expect(text.status == 1)
        #expect(text.stderr.contains("expected a dashboard (.json) or a rule file (.yaml, .yml)"), "\(text.stderr)")
        let missing = try CLI.run(["fmt", "--check", "nowhere.json"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file or folder 'nowhere.json'"))
    }

    @Test func writeKeepsPermissionsAndFollowsSymbolicLinks() throws {
        let directory = try folder(["real/api.json": Self.messy])
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("real/api.json")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.json").path, withDestinationPath: "real/api.json")
        let result = try CLI.run(["fmt", "--write", "link.json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(contents(real) == Self.canonical)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("link.json").path)
        #expect(link == "real/api.json", "the link stays a link")
        let permissions = try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }

    @Test func renderedOutputIsAlreadyCanonical() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let render = try CLI.run(["render", "--env", "all", "--out", out.path])
        #expect(render.status == 0, "\(render.stderr)")
        let check = try CLI.run(["fmt", "--check", out.path])
        #expect(check.status == 0, "fmt would change rendered files: \(check.stdout)\(check.stderr)")
        #expect(check.stdout.isEmpty)
    }

    @Test func usageErrorsExit64() throws {
        let both = try CLI.run(["fmt", "--check", "--write", "x.json"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("--check and --write cannot be combined"))
        let none = try CLI.run(["fmt"])
        #expect(none.status == 64)
        let help = try CLI.run(["fmt", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("periscope fmt --check dashboards rules"))
    }
}

/// `periscope fmt` on rule files: every shape keeps its format, comments are never dropped, and
/// other YAML files in a folder are left alone.
@Suite(.serialized) struct FmtRuleFileCLITests {
    static let plain = """
        groups:
        - name: api
          rules:
          - alert: "HighErrorRate"
            expr: sum(rate(errors_total[5m])) > 1
            for: "5m"
            labels: {severity: critical, bound: "+.Inf"}
        """

    static let plainCanonical = """
        groups:
          - name: api
            rules:
              - alert: HighErrorRate
                expr: sum(rate(errors_total[5m])) > 1
                for: 5m
                labels:
                  severity: critical
                  bound: "+.Inf"

        """

    private func folder(_ files: [String: String]) throws -> URL { try CLI.folder(files) }

    private func contents(_ directory: URL, _ name: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func ruleFilesAreRewrittenCanonicallyAndOtherYAMLIsSkipped() throws {
        let commented = "# owned by team api\n" + Self.plain + "\n"
        let directory = try folder([
            "rules/api.yaml": Self.plain,
            "rules/commented.yml": commented,
            "environments/prod.yaml": "grafana:\n  folder: API\n",
            ".github/workflows/ci.yml": "on: [push]\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CLI.run(["fmt", "--check", "."], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout == "./rules/api.yaml\n")
        #expect(check.stderr.contains("./rules/commented.yml:1:1: warning: [fmt-comments-kept] left as it is: it has comments (the first on line 1), which rewriting would drop"), "\(check.stderr)")
        let write = try CLI.run(["fmt", "--write", "."], in: directory)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(contents(directory, "rules/api.yaml") == Self.plainCanonical)
        #expect(contents(directory, "rules/commented.yml") == commented)
        #expect(contents(directory, "environments/prod.yaml") == "grafana:\n  folder: API\n")
        let again = try CLI.run(["fmt", "--check", "rules/api.yaml"], in: directory)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }

    @Test func badRuleFilesAreLocatedAndLeftAlone() throws {
        let text = "groups:\n- name: api\n  rules:\n  - alert: A\n    expr: up\n    for: 5 minutes\n"
        let directory = try folder(["bad.yaml": text, "other.yaml": "name: x\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["fmt", "--write", "bad.yaml"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bad.yaml:6:10: error: [rule-duration-invalid]"), "\(result.stderr)")
        #expect(contents(directory, "bad.yaml") == text)
        let other = try CLI.run(["fmt", "--check", "other.yaml"], in: directory)
        #expect(other.status == 1)
        #expect(other.stderr.contains("other.yaml:1:1: error: [fmt-not-an-artifact] not a Prometheus rule file"), "\(other.stderr)")
    }
}

import Foundation
import PeriscopeTestSupport
import Testing

/// `periscope import rules` and `periscope init` as users run them: exit status, messages, and
/// nothing written on failure. (Building what they write is user-package.sh.)
@Suite struct ImportInitCLITests {
    static let rules = "groups:\n  - name: api\n    rules:\n      - alert: APIDown\n        expr: up{job=\"api\"} == 0\n        for: 5m\n        labels:\n          severity: page\n"

    @Test func importRulesCreatesAPackageAndSaysHowToRenderIt() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.rules.utf8).write(to: folder.appendingPathComponent("api.yaml"))
        let result = try CLI.run(["import", "rules", "api.yaml", "--out", "mon"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote mon/Sources/Mon/ApiRules.swift"))
        #expect(result.stdout.contains("cd mon && swift run Mon render --env all --out build"))
        let swift = try String(contentsOf: folder.appendingPathComponent("mon/Sources/Mon/ApiRules.swift"), encoding: .utf8)
        #expect(swift.contains(##"static let apiDown = AlertRule("APIDown", expr: #"up{job="api"} == 0"#)"##))
        #expect(swift.contains(".severity(.page)"))

        // Into the package init made, whose environments map `page`: the label stays as written.
        let initialised = try CLI.run(["init", "team"], in: folder)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let again = try CLI.run(["import", "rules", "api.yaml", "--out", "team"], in: folder)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("import-catalog-not-listed"))
        let imported = try String(contentsOf: folder.appendingPathComponent("team/Sources/Team/ApiRules.swift"), encoding: .utf8)
        #expect(imported.contains(#".label("severity", "page")"#))
    }

    @Test func badInputExitsOneAndWritesNothing() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("groups:\n  - name: x\n    rules:\n      - alert: A\n        expr: rate(x[5m]\n".utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let result = try CLI.run(["import", "rules", "bad.yaml", "--out", "mon"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yaml:5:15: error: [rule-expr-invalid]"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mon").path))
    }

    @Test func initRefusesToOverwrite() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["init", "mon"], in: folder).status == 0)
        let result = try CLI.run(["init", "mon"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("mon: error: [import-file-exists] 13 files already exist"), "\(result.stderr)")
        #expect(result.stderr.contains("    mon/Sources/Mon/ServiceSLOs.swift"))
        #expect(try CLI.run(["init", "mon", "--force"], in: folder).status == 0)
        let help = try CLI.run(["init", "--help"], in: folder)
        #expect(help.stdout.contains("periscope init monitoring"))
    }
}

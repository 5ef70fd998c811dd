import Foundation
import PeriscopeTestSupport
import Testing

/// `periscope import dashboard` through the built binary: a new package, bad input located with
/// nothing written, no overwriting without --force, and --help with examples.
@Suite(.serialized) struct ImportDashboardCLITests {
    static let dashboard = #"{"uid": "api", "title": "API", "panels": [{"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}]}"#

    @Test func importsIntoANewPackage() throws {
        let folder = try CLI.folder(["api.json": Self.dashboard])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["import", "dashboard", "api.json", "--out", "monitoring", "--periscope-path", CLI.root.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let sources = folder.appendingPathComponent("monitoring/Sources/Monitoring")
        let text = try String(contentsOf: sources.appendingPathComponent("API.swift"), encoding: .utf8)
        #expect(text.contains(#"Stat("Up")"#))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("monitoring/Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("monitoring/environments/base.yaml").path))
        #expect(result.stdout.contains("imported 1 dashboard"))

        // A second import of the same file does not overwrite it without --force.
        let again = try CLI.run(["import", "dashboard", "api.json", "--out", "monitoring"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("import-file-exists"), "\(again.stderr)")
        let forced = try CLI.run(["import", "dashboard", "api.json", "--out", "monitoring", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test(arguments: [
        ("broken.json", "{\"title\": \"x\",\n  \"panels\": [}", "broken.json:2:", "import-invalid-json"),
        ("rules.json", #"{"groups": []}"#, "rules.json:1:1", "import-not-a-dashboard"),
        ("evil.json", #"{"uid": "../../etc/passwd", "title": "x", "panels": []}"#, "evil.json:1:", "import-unsafe-uid"),
    ])
    func badInputWritesNothing(name: String, text: String, location: String, id: String) throws {
        let folder = try CLI.folder([name: text, "api.json": Self.dashboard])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["import", "dashboard", "api.json", name, "--out", "monitoring"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains(location) && result.stderr.contains("error: [\(id)]"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("monitoring").path), "nothing is written")
    }

    @Test func helpHasExamples() throws {
        let result = try CLI.run(["import", "dashboard", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--env"))
        #expect(result.stdout.contains("--periscope-path"))
    }
}

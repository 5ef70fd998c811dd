import Foundation
import PeriscopeTestSupport
import Testing

/// `periscope diff` and `periscope preview` run as the built binary: exit statuses, --out, and
/// bad input (exit 2 with located messages, never a crash or partial output).
@Suite(.serialized) struct DiffCLITests {
    let old = DiffFixtures.changeSet.appendingPathComponent("old").path
    let new = DiffFixtures.changeSet.appendingPathComponent("new").path

    @Test func exitStatusFollowsExitCodeFlag() throws {
        let changed = try Binary.run(["diff", old, new, "--exit-code"])
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.contains("~ panel HTTP › Errors (stat)"))
        let plain = try Binary.run(["diff", old, new])
        #expect(plain.status == 0)
        let same = try Binary.run(["diff", old, old, "--exit-code"])
        #expect(same.status == 0 && same.stdout == "no changes\n", "\(same.stderr)")
    }

    @Test func plainFoldersWithDifferentNamesCompareTheirFiles() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = DiffFixtures.changeSet.appendingPathComponent("old/prod/grafana/dashboards/payments/db.json")
        for side in ["before", "after/team"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(side), withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: db, to: folder.appendingPathComponent("before/db.json"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("after2"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: db, to: folder.appendingPathComponent("after2/db.json"))
        let same = try Binary.run(["diff", folder.appendingPathComponent("before").path, folder.appendingPathComponent("after2").path, "--exit-code"])
        #expect(same.status == 0 && same.stdout == "no changes\n", "\(same.stdout)\(same.stderr)")
        try FileManager.default.copyItem(at: db, to: folder.appendingPathComponent("after/team/db.json"))
        let moved = try Binary.run(["diff", folder.appendingPathComponent("before").path, folder.appendingPathComponent("after").path])
        #expect(moved.stdout.contains("moved to folder \"team\" (was \"\")"), "\(moved.stdout)")
    }

    /// Files with the same bytes on both sides are not parsed; the manifest's sha256 alone is never
    /// trusted, so a file edited after rendering (its manifest entry now stale) is still compared.
    @Test func identicalFilesAreSkippedButStaleManifestsAreNotTrusted() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = folder.appendingPathComponent("before"), after = folder.appendingPathComponent("after")
        try FileManager.default.copyItem(atPath: old, toPath: before.path)
        try FileManager.default.copyItem(atPath: old, toPath: after.path)
        let same = try Binary.run(["diff", before.path, after.path, "--exit-code"])
        #expect(same.status == 0 && same.stdout == "no changes\n", "\(same.stdout)\(same.stderr)")
        // Edit one query in place, leaving manifest.json (and its sha256) as rendered.
        let db = after.appendingPathComponent("prod/grafana/dashboards/payments/db.json")
        let text = try String(contentsOf: db, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "sum(pg_stat_activity_count", with: "max(pg_stat_activity_count")
        #expect(edited != text)
        try edited.write(to: db, atomically: true, encoding: .utf8)
        let changed = try Binary.run(["diff", before.path, after.path, "--exit-code"])
        #expect(changed.status == 1, "a file whose bytes differ is compared even though the manifest says it did not change: \(changed.stdout)\(changed.stderr)")
        #expect(changed.stdout.contains("max(pg_stat_activity_count"), "\(changed.stdout)")
    }

    @Test func colourOnlyWhenAsked() throws {
        let piped = try Binary.run(["diff", old, new])
        #expect(!piped.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let forced = try Binary.run(["diff", old, new, "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}[32m+ panel HTTP › Saturation"))
    }

    @Test func markdownAndHTMLGoToFiles() throws {
        let out = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let markdown = try Binary.run(["diff", old, new, "--format", "markdown", "--html-link", "https://example.com/r", "--out", out.appendingPathComponent("comment.md").path])
        #expect(markdown.status == 0 && markdown.stdout.isEmpty, "\(markdown.stderr)")
        // A second run replaces the file.
        let again = try Binary.run(["diff", old, new, "--format", "markdown", "--html-link", "https://example.com/r", "--out", out.appendingPathComponent("comment.md").path])
        #expect(again.status == 0, "\(again.stderr)")
        let comment = try String(contentsOf: out.appendingPathComponent("comment.md"), encoding: .utf8)
        #expect(comment.hasPrefix("<!-- periscope-diff -->\n") && comment.contains("[HTML report](<https://example.com/r>)"))
        let html = try Binary.run(["diff", old, new, "--format", "html", "--out", out.appendingPathComponent("report").path])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("moved to folder <code>platform</code>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains("tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func missingFolderExitsTwoWithLocation() throws {
        let result = try Binary.run(["diff", "/nonexistent/old", new, "--exit-code"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/old") && result.stderr.contains("error:"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && result.stdout.isEmpty)
    }

    @Test func folderWithoutArtifactsExitsTwo() throws {
        let empty = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try Data("just notes\n".utf8).write(to: empty.appendingPathComponent("README.txt"))
        let result = try Binary.run(["diff", empty.path, empty.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds no dashboards or rule files"), "\(result.stderr)")
    }

    @Test func malformedDashboardExitsTwoWithLineAndColumn() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad")
        try FileManager.default.copyItem(atPath: new, toPath: bad.path)
        let file = bad.appendingPathComponent("prod/grafana/dashboards/platform/db.json")
        try Data("{\n  \"uid\": \"db\",\n  \"panels\": [\n    {\"title\": }\n  ]\n}\n".utf8).write(to: file)
        let result = try Binary.run(["diff", old, bad.path, "--exit-code", "--format", "markdown"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("db.json:4:15: error:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "no partial output")
    }

    @Test func dashboardInOneTreeAndRuleFileInTheOtherExitsTwo() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same path, listed as a dashboard by one manifest and as a rule file by the other.
        let sides: [(String, String, String)] = [
            ("a", "grafana-dashboard", "{\"uid\": \"x\", \"title\": \"X\", \"panels\": []}\n"),
            ("b", "prometheus-rules", "groups:\n  - name: g\n    rules:\n      - record: a:b\n        expr: up\n"),
        ]
        for (side, kind, content) in sides {
            let environment = folder.appendingPathComponent("\(side)/prod")
            try FileManager.default.createDirectory(at: environment.appendingPathComponent("out"), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: environment.appendingPathComponent("out/thing"))
            let manifest = "{\"artifacts\": [{\"kind\": \"\(kind)\", \"path\": \"out/thing\", \"sha256\": \"0\"}], \"environment\": \"prod\", \"generator\": \"periscope\", \"manifestVersion\": 1}\n"
            try Data(manifest.utf8).write(to: environment.appendingPathComponent("manifest.json"))
        }
        let result = try Binary.run(["diff", folder.appendingPathComponent("a").path, folder.appendingPathComponent("b").path])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("a/prod/out/thing: error: [diff-kind-conflict] 'out/thing' is a dashboard in the old tree and a rule file in the new tree"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func outputFolderAgainstPlainFolderExitsTwo() throws {
        let plain = DiffFixtures.changeSet.appendingPathComponent("new/prod/grafana/dashboards").path
        let result = try Binary.run(["diff", old, plain])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot compare a folder of files"), "\(result.stderr)")
    }

    @Test func helpHasExamples() throws {
        let diff = try Binary.run(["diff", "--help"])
        #expect(diff.stdout.contains("Examples:") && diff.stdout.contains("--format html --out diff-report"))
        let preview = try Binary.run(["preview", "--help"])
        #expect(preview.stdout.contains("Examples:") && preview.stdout.contains("preview grafana/dashboards --out /tmp/preview"))
    }

    @Test func previewWritesOnePagePerDashboardAndAnIndex() throws {
        let out = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let pages = out.appendingPathComponent("preview")
        let result = try Binary.run(["preview", new, "--out", pages.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = Set(FileManager.default.enumerator(atPath: pages.path)?.allObjects as? [String] ?? [])
        #expect(files.isSuperset(of: ["index.html", "dev/api.html", "prod/api.html", "prod/db.html"]), "\(files)")
        let index = try String(contentsOf: pages.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"prod/db.html\""))
        // A second run replaces the earlier preview; a folder that is not one is refused.
        #expect(try Binary.run(["preview", new, "--out", pages.path]).status == 0)
        let other = out.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try Binary.run(["preview", new, "--out", other.path])
        #expect(refused.status == 2 && refused.stderr.contains("is not an earlier preview"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("notes.txt").path))
    }
}

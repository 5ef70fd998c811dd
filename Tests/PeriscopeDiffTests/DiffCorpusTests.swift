import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Diffs of foreign dashboards from `../shared/corpus`: Grafana's own schema-migration inputs
/// (legacy formats: `rows[]`, `graph` and `singlestat` panels, old thresholds) against their
/// migrated outputs, and the public mixin dashboards against an edited copy of themselves.
@Suite(.enabled(if: Repository.shared() != nil, "../shared not found; skipping the diff of corpus dashboards"))
struct DiffCorpusTests {
    static let corpus = Repository.shared()?.appendingPathComponent("corpus")

    private func read(_ path: String, as name: String = "dashboard.json") throws -> DashboardFile {
        let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
        let read = JSONReader().read(bytes, path: path)
        let document = try #require(read.document, "\(path): \(read.diagnostics)")
        let result = DashboardReader().read(document)
        #expect(!result.hasErrors, "\(path): \(result.diagnostics.map(\.description))")
        return DashboardFile(path: name, folder: "", dashboard: result.dashboard)
    }

    private func tree(_ files: [DashboardFile]) -> DiffTree { DiffTree(environments: [DiffEnvironment(name: "", dashboards: files)]) }

    @Test func migrationInputsAgainstOutputsGiveSensibleDiffs() throws {
        let folder = try #require(Self.corpus).appendingPathComponent("grafana-migrations")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("input").path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(inputs.count >= 30)
        var pairs = 0, panelChanges = 0, fieldChanges = 0
        for input in inputs {
            let output = folder.appendingPathComponent("output/" + input.dropLast(5) + ".v43.json").path
            guard FileManager.default.fileExists(atPath: output) else { continue }
            let old = try read(folder.appendingPathComponent("input/" + input).path), new = try read(output)
            let report = try Differ.compare(old: tree([old]), new: tree([new]))
            let dashboards = report.environments.first?.dashboards ?? []
            // The same dashboard on both sides: matched (one entry, changed), never added + removed.
            #expect(dashboards.count <= 1 && dashboards.allSatisfy { $0.change == .changed }, "\(input): \(dashboards.map { "\($0.change) \($0.uid)" })")
            if let dashboard = dashboards.first {
                if old.dashboard.schemaVersion != new.dashboard.schemaVersion {
                    #expect(dashboard.fields.contains { $0.path == "schemaVersion" }, "\(input): the schema version change is reported")
                }
                // Every reported panel exists on the side it is reported for.
                let oldIdentities = Set(old.dashboard.panels.map(\.identity)), newIdentities = Set(new.dashboard.panels.map(\.identity))
                for panel in dashboard.panels {
                    let side = panel.change == .removed ? oldIdentities : newIdentities
                    #expect(side.contains(panel.identity), "\(input): \(panel.change) panel \(panel.identity) is not in that version")
                }
                panelChanges += dashboard.panels.count
                fieldChanges += dashboard.fields.count + dashboard.panels.reduce(0) { $0 + $1.fields.count }
            }
            // Every renderer handles it, twice the same.
            #expect(!DiffTextRenderer(color: false).render(report).isEmpty)
            #expect(DiffMarkdownRenderer().render(report) == DiffMarkdownRenderer().render(report))
            _ = DiffJSONRenderer().render(report)
            #expect(DiffHTMLRenderer(old: tree([old]), new: tree([new])).render(report).hasSuffix("</html>\n"))
            pairs += 1
        }
        #expect(pairs >= 30, "expected the migration input/output pairs, found \(pairs)")
        print("migration corpus: \(pairs) input/output pairs diffed, \(panelChanges) panel changes, \(fieldChanges) field changes")
    }

    @Test func mixinDashboardsAgainstThemselvesAndAnEditedCopy() throws {
        let folder = try #require(Self.corpus).appendingPathComponent("dashboards")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 19)
        var edited = 0
        for relative in files {
            let path = folder.appendingPathComponent(relative).path
            let file = try read(path)
            #expect(!(try Differ.compare(old: tree([file]), new: tree([file]))).hasChanges, "\(relative) differs from itself")
            // Edit the first query: exactly that panel and target are reported, as a line diff.
            guard let panel = file.dashboard.panels.first(where: { $0.targets.first?.expr != nil }), let expr = panel.targets.first?.expr else { continue }
            let pointer = panel.targets[0].pointer.tokens.dropFirst(file.dashboard.pointer.tokens.count) + ["expr"]
            var json = file.dashboard.json
            #expect(set(&json, at: Array(pointer), to: .string(expr + " * 2")))
            let changed = try DiffFixtures.dashboard(JSONWriter().string(json))
            let report = try Differ.compare(old: tree([file]), new: tree([changed]))
            let panels = report.environments.first?.dashboards.first?.panels ?? []
            #expect(panels.count == 1 && panels.first?.identity == panel.identity, "\(relative): \(panels.map(\.displayName))")
            let lines = panels.first?.targets.first?.expr?.lines ?? []
            #expect(lines.contains { $0.operation == .added && $0.text.hasSuffix(" * 2") }, "\(relative)")
            edited += 1
        }
        #expect(edited >= 15)
        // The legacy layouts draw without trouble.
        let pages = PreviewPages.pages(for: tree(try files.map { try read(folder.appendingPathComponent($0).path, as: $0) }))
        #expect(pages.count == files.count + 1 && pages.allSatisfy { $0.html.contains("</svg>") || $0.path == "index.html" })
    }

    private func set(_ value: inout JSONValue, at tokens: [String], to newValue: JSONValue) -> Bool {
        guard let first = tokens.first else {
            value = newValue
            return true
        }
        let rest = Array(tokens.dropFirst())
        switch value {
        case .object:
            guard var child = value[first] else { return false }
            let done = set(&child, at: rest, to: newValue)
            value[first] = child
            return done
        case .array(var elements):
            guard let index = Int(first), elements.indices.contains(index) else { return false }
            let done = set(&elements[index], at: rest, to: newValue)
            value = .array(elements)
            return done
        default:
            return false
        }
    }
}

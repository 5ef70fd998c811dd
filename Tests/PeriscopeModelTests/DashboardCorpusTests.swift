import Foundation
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Every dashboard of `../shared/corpus` (public mixins and Grafana's own migration inputs and
/// expected outputs) reads into the model without error, writes back as the same data, and
/// formats idempotently.
struct DashboardCorpusTests {
    static let corpus = Repository.shared()?.appendingPathComponent("corpus")
    static let available = corpus != nil

    @Test(.enabled(if: available, "../shared/corpus not found; skipping the dashboard corpus"))
    func everyCorpusDashboardReadsWritesBackEqualAndFormatsIdempotently() throws {
        let files = JSONReaderCorpusTests.corpusFiles()
        #expect(files.count >= 100, "expected the 39 mixin dashboards and 74 migration files, found \(files.count)")
        var panels = 0, targets = 0
        for path in files {
            let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
            let read = JSONReader().read(bytes, path: path)
            let document = try #require(read.document, "\(read.diagnostics)")
            let result = DashboardReader().read(document)
            #expect(!result.hasErrors, "\(path): \(result.diagnostics.map(\.description))")
            panels += result.dashboard.panels.count
            targets += result.dashboard.panels.reduce(0) { $0 + $1.targets.count }
            // fmt: canonical bytes, the same data, and formatting the output changes nothing.
            let output = ArtifactFormatter().format(bytes, path: path)
            let formatted = try #require(output.formatted, "\(path): \(output.diagnostics.map(\.description))")
            let reread = try #require(JSONReader().read(formatted, path: path).document)
            #expect(reread.root.isSemanticallyEqual(to: document.root), "\(path)")
            #expect(DashboardReader().read(reread).dashboard == result.dashboard, "\(path)")
            let again = ArtifactFormatter().format(formatted, path: path)
            #expect(again.formatted == formatted && !again.changed, "\(path): fmt is not idempotent")
        }
        print("dashboard corpus: \(files.count) files, \(panels) panels, \(targets) targets read and written back")
    }

    @Test(.enabled(if: available, "../shared/corpus not found; skipping the dashboard corpus"))
    func locationsOfSampleNodesAreTheirLineColumnAndPointer() throws {
        let path = try #require(Self.corpus).appendingPathComponent("dashboards/etcd/etcd.json").path
        let document = try #require(JSONReader().read(contentsOfFile: path).document)
        let dashboard = DashboardReader().read(document).dashboard
        func where_(_ location: Location?) -> String? {
            guard case .json(let json)? = location else { return nil }
            return "\(json.line):\(json.column) \(json.pointer)"
        }
        // Checked against the file: the first panel's `{` is on line 4, column 7, and so on.
        let panel = try #require(dashboard.panels.first)
        #expect(where_(panel.location) == "4:7 /panels/0")
        #expect(where_(panel.targets.first?.location) == "28:13 /panels/0/targets/0")
        #expect(where_(panel.targets.first?.exprLocation) == "33:24 /panels/0/targets/0/expr")
        #expect(panel.datasource?.isMixed == true)
        #expect(panel.targets.first?.datasource?.variableName == "datasource")
        #expect(where_(panel.gridPos?.location) == "9:21 /panels/0/gridPos")
        #expect(document.location(at: "/panels/0/gridPos/h") == JSONLocation(path: path, pointer: "/panels/0/gridPos/h", line: 10, column: 18))
    }
}

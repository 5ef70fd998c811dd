import Foundation
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Reference test over real dashboards in `../shared/corpus`: monitoring-mixin dashboards and
/// Grafana's own migration test pairs.
struct JSONReaderCorpusTests {
    static let corpus = Repository.shared()?.appendingPathComponent("corpus")

    /// Every `.json` file under `corpus/dashboards` and `corpus/grafana-migrations`, sorted.
    static func corpusFiles() -> [String] {
        guard let corpus else { return [] }
        var files: [String] = []
        for folder in ["dashboards", "grafana-migrations"] {
            let root = corpus.appendingPathComponent(folder).path
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".json") { files.append(root + "/" + relative) }
            }
        }
        return files.sorted()
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus is not present: the corpus round trip is skipped"))
    func everyCorpusFileReadsWritesAndReadsBackToTheSameValue() throws {
        let files = Self.corpusFiles()
        #expect(files.count >= 100, "found only \(files.count) corpus files")
        var values = 0
        for file in files {
            let result = JSONReader().read(contentsOfFile: file)
            #expect(result.error == nil, "\(file): \(result.diagnostics)")
            guard let document = result.document else { continue }
            values += document.root.preorderCount

            let written = JSONWriter().data(document.root)
            let reread = JSONReader().read(written, path: file + " (written)")
            #expect(reread.error == nil, "\(file): \(reread.diagnostics)")
            guard let second = reread.document else { continue }
            #expect(document.root.isSemanticallyEqual(to: second.root), "\(file): written output reads back differently")
            // Writing what was read back gives the same bytes: fmt is idempotent.
            #expect(JSONWriter().data(second.root) == written, "\(file): writing twice differs")
            // Duplicate keys stay duplicates through a write.
            #expect(reread.warnings.count == result.warnings.filter { $0.id == .jsonDuplicateKey }.count, "\(file)")
        }
        #expect(values > 50_000, "read only \(values) values")
    }

    @Test(.enabled(if: corpus != nil, "../shared/corpus is not present: the corpus location check is skipped"))
    func everyCorpusValueIsLocatedAtItsFirstCharacter() throws {
        for file in Self.corpusFiles() {
            guard let data = FileManager.default.contents(atPath: file),
                let document = JSONReader().read([UInt8](data), path: file).document
            else {
                Issue.record("\(file) does not read")
                continue
            }
            let problems = JSONTesting.locationProblems(document, text: String(decoding: data, as: UTF8.self))
            #expect(problems.isEmpty, "\(file): \(problems.prefix(5))")
            for node in JSONTesting.allNodes(document).prefix(2_000) where !node.pointer.tokens.isEmpty {
                // With duplicate keys a pointer names the last one, so compare only where it is this node.
                if document.node(at: node.pointer)?.location == node.location {
                    #expect(document.location(at: node.pointer) == node.location)
                }
            }
        }
    }
}

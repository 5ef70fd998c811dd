import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Random damage to a valid document never traps: every mutant either reads (and then writes and
/// reads back to the same value) or gives exactly one located `json-syntax` error.
struct JSONReaderMutationTests {
    static let seed = """
        {
          "title": "Grüße \\u00e9 \\ud83d\\ude00",
          "panels": [
            {"id": 1, "gridPos": {"x": 0, "y": -0, "w": 12.5, "h": 1e2}, "targets": [{"expr": "sum(rate(x{job=\\"a\\"}[5m]))"}]},
            {"id": 12345678901234567890, "title": null, "transparent": true, "links": [], "options": {}}
          ],
          "title": "dup"
        }
        """

    /// Bytes that matter to the grammar, plus invalid UTF-8 and a NUL.
    static let interestingBytes: [UInt8] = Array(#"{}[]:,"\ -.0123456789eE+tfnu/'x"#.utf8) + [0x00, 0x0A, 0x0D, 0x09, 0xC3, 0xA9, 0xFF, 0xED, 0xF0]

    @Test func mutantsReadOrFailWithOneLocatedError() throws {
        var generator = SplitMix64(seed: 2026)
        let original = Array(Self.seed.utf8)
        #expect(JSONReader().read(original, path: "seed.json").error == nil)
        var accepted = 0
        var rejected = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                let byte = Self.interestingBytes.randomElement(using: &generator)!
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: if bytes.count > 1 { bytes.remove(at: position) }
                }
            }
            let result = JSONReader().read(bytes, path: "mutant.json")
            if let document = result.document {
                accepted += 1
                #expect(result.error == nil)
                let reread = JSONReader().read(JSONWriter().data(document.root), path: "written.json").document
                #expect(reread.map { $0.root.isSemanticallyEqual(to: document.root) } == true, "\(bytes)")
            } else {
                rejected += 1
                let errors = result.diagnostics.filter { $0.severity == .error }
                #expect(errors.count == 1 && errors[0].id == .jsonSyntax, "\(bytes)")
                #expect((errors.first?.location?.line ?? 0) >= 1, "\(bytes)")
            }
        }
        // Both outcomes are exercised.
        #expect(accepted > 50 && rejected > 1_000, "accepted \(accepted), rejected \(rejected)")
    }
}

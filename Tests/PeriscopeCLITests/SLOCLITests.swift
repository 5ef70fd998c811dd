import Foundation
import PeriscopeTestSupport
import Testing

/// `periscope slo generate|validate`, run as the built binary.
struct SLOCLITests {
    static let spec = """
        version: "prometheus/v1"
        service: "api"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              events:
                error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                total_query: sum(rate(http_requests_total[{{.window}}]))
            alerting:
              name: APIHighErrorRate
        """

    static func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-slo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }

    @Test func generateWritesSlothsGroupsWithTheFlagsApplied() throws {
        let root = try Self.directory(["slos.yaml": Self.spec])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("rules.yaml").path
        let result = try CLI.run(["slo", "generate", "-i", root.appendingPathComponent("slos.yaml").path, "-o", out,
                                  "--default-slo-period", "28d", "--disable-alerts", "-l", "team=api"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("- name: sloth-slo-sli-recordings-api-availability"))
        #expect(text.contains("record: slo:sli_error:ratio_rate4w"))
        #expect(text.contains("team: api"))
        #expect(!text.contains("sloth-slo-alerts-"))
    }

    @Test func badSpecsExitOneAndWriteNothing() throws {
        let root = try Self.directory(["bad.yaml": Self.spec.replacingOccurrences(of: "99.9", with: "100.5")])
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("rules.yaml").path
        let generate = try CLI.run(["slo", "generate", "-i", root.appendingPathComponent("bad.yaml").path, "-o", out])
        #expect(generate.status == 1)
        #expect(generate.stderr.contains("bad.yaml:5:16: error: [slo-objective-invalid] objective 100.5 is out of range"), "\(generate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let validate = try CLI.run(["slo", "validate", root.path])
        #expect(validate.status == 1 && !validate.stdout.contains("ok "))
    }
}

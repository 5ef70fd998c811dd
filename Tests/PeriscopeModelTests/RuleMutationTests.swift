import Foundation
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Thousands of damaged rule files: the reader never traps, every error is located, and every
/// file it accepts writes back to the same YAML data.
@Suite struct RuleMutationTests {
    static let seed = """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: api, labels: {team: a}}
        spec:
          groups:
            - name: api
              interval: 1m
              rules:
                - alert: HighErrorRate
                  expr: |
                    sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))
                      > 0.05
                  for: 5m
                  labels: {severity: page, code: 500}
                  annotations:
                    summary: "Errors: {{ $value }}"
                - record: job:up:sum
                  expr: sum by (job) (up)
        ---
        namespace: mimir
        groups:
        - name: a
          rules: [{record: 'a:b', expr: "up"}, &r {alert: X, expr: up}, *r]

        """

    static let listSeed = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: one, namespace: ns, annotations: {a: "1"}}
            spec:
              groups:
                - name: one
                  limit: 5
                  query_offset: 1m
                  labels: {team: x}
                  rules:
                    - alert: A
                      expr: vector(1)
                      keep_firing_for: 5m
                      labels: {}
                      annotations: {summary: 'yes', n: 0x1F, t: on}
        ---
        groups:
          - name: plain
            rules:
              - record: "x:y"
                expr: >
                  sum(up)
                  by (job)

        """

    static let insertions: [[UInt8]] = [":", "-", " ", "\n", "\t", "{", "}", "[", "]", "&a", "*a", "!!int", "'", "\"", "#", "|", ">", "\u{0}", "é", "---\n", "? "]
        .map { Array($0.utf8) } + [[0xFF], [0xC3]]

    @Test(arguments: [7, 11, 23, 42, 99, 1234, 31337, 5] as [UInt64], [false, true])
    func mutatedFilesNeverCrashAndFailuresAreLocated(seed: UInt64, list: Bool) throws {
        let original = Array((list ? Self.listSeed : Self.seed).utf8)
        var generator = SplitMix64(seed: seed)
        var accepted = 0
        for round in 0..<600 {
            var bytes = original
            for _ in 0...generator.next(3) {
                let position = generator.next(bytes.count)
                switch generator.next(3) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(contentsOf: Self.insertions[generator.next(Self.insertions.count)], at: position)
                default: bytes.replaceSubrange(position..<min(bytes.count, position + generator.next(40)), with: [])
                }
            }
            let result = RuleFileReader(path: "m.yaml").read(bytes)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.id != nil && (diagnostic.location?.line ?? 0) >= 1, "round \(round): \(diagnostic.formatted())")
            }
            guard !result.hasErrors, let text = String(validating: bytes, as: UTF8.self) else { continue }
            accepted += 1
            let written = RuleFileWriter.text(result.file)
            #expect(try YAMLData.documents(written) == YAMLData.documents(text), "round \(round):\n\(text)\n---- written:\n\(written)")
            #expect(RuleFileWriter.text(readRules(written).file) == written, "round \(round)")
        }
        #expect(accepted > 30, "enough mutants stay valid to test the writer: \(accepted)")
    }

    @Test func tooDeepValuesAndKeysAreDroppedCleanly() {
        var reader = RuleFileReader(path: "d.yaml")
        reader.limits.maximumDepth = 3
        let result = reader.read(text: "groups:\n- name: a\n  rules: [[[x]]]\n  interval: 1m\n  ? [[[k]]]\n  : v\n  limit: 3\n")
        #expect(result.diagnostics.map(\.id) == [YAMLDiagnosticID.tooDeep, YAMLDiagnosticID.tooDeep])
        #expect(result.file.groups.first?.interval?.value == "1m")
        #expect(result.file.groups.first?.limit == 3)
    }
}

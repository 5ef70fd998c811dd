import Foundation
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The Go template checker against the authority: promtool 2.42 checks a rule file with one
/// alert per template, and for every template it must accept what we accept and print, after
/// `annotation "t": `, exactly what we print.
///
/// Without promtool on PATH these tests fail and say to run `make test`; set
/// `PERISCOPE_SKIP_PROMTOOL=1` to skip them deliberately.
@Suite(.enabled(if: !Rules.skipsPromtool, "PERISCOPE_SKIP_PROMTOOL=1"))
struct GoTemplatePromtoolTests {
    @Test func promtoolAgreesWithEveryRowOfTheTable() throws {
        let rows = GoTemplateCase.all
        let verdicts = try Self.promtoolVerdicts(rows.map(\.template))
        var agreeing = 0
        for (row, verdict) in zip(rows, verdicts) {
            let expected = row.message.map { "template: __alert_A:\(row.line): \($0)" }
            #expect(verdict == expected, "promtool disagrees with the table on \(row.testDescription)")
            let ours = GoTemplate.alertTemplateProblem(in: row.template, alert: "A", target: .v2_42)?.description
            #expect(ours == verdict, "we disagree with promtool on \(row.testDescription)")
            if ours == verdict { agreeing += 1 }
        }
        #expect(agreeing == rows.count, "agreement with promtool: \(agreeing)/\(rows.count)")
    }

    /// Random templates (`GoTemplateFuzz`): each verdict and message is promtool's.
    @Test func promtoolAgreesOnRandomTemplates() throws {
        var fuzz = GoTemplateFuzz(seed: 0x7E3A_91)
        let templates = (0..<2_000).map { _ in fuzz.template() }
        let verdicts = try Self.promtoolVerdicts(templates)
        var agreeing = 0
        for (template, verdict) in zip(templates, verdicts) {
            let ours = GoTemplate.alertTemplateProblem(in: template, alert: "A", target: .v2_42)?.description
            #expect(ours == verdict, "we disagree with promtool on \(template.debugDescription)")
            if ours == verdict { agreeing += 1 }
        }
        #expect(verdicts.filter { $0 == nil }.count > 100 && Set(verdicts.compactMap { $0?.prefix(40) }).count > 50, "varied verdicts")
        #expect(agreeing == templates.count, "agreement with promtool: \(agreeing)/\(templates.count)")
    }

    /// promtool's verdict on each template as annotation `t` of alert `A` in a group of its
    /// own: nil when it accepts it, else its message (`template: __alert_A:1: …`).
    static func promtoolVerdicts(_ templates: [String]) throws -> [String?] {
        var yaml = "groups:\n"
        for (index, template) in templates.enumerated() {
            yaml += "- name: g\(index)\n  rules:\n  - alert: A\n    expr: up == 0\n    annotations:\n      t: \(YAMLQuoting.doubleQuoted(template))\n"
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("rules.yaml"))
        let (status, output) = try Rules.runPromtool(["check", "rules", "rules.yaml"], in: directory)
        var verdicts = [String?](repeating: nil, count: templates.count)
        for line in output.split(separator: "\n") where line.hasPrefix("rules.yaml: ") {
            let parts = line.split(separator: ", ", maxSplits: 2)
            let marker = "annotation \"t\": "
            guard parts.count == 3, parts[0].hasPrefix("rules.yaml: group \"g"), let index = Int(parts[0].dropFirst(20).dropLast()),
                  let range = parts[2].range(of: marker) else {
                Issue.record("promtool printed a line that is no template verdict: \(line)")
                continue
            }
            verdicts[index] = String(parts[2][range.upperBound...])
        }
        #expect((status == 0) == verdicts.allSatisfy { $0 == nil }, "promtool's exit status \(status) matches its verdicts:\n\(output.prefix(2_000))")
        return verdicts
    }
}

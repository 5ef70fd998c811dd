import PeriscopeDSL
import PeriscopeLint
import PromQL
import Testing

@Suite("Lint rule promql-syntax")
struct PromQLSyntaxRuleTests {
    let rule = PromQLSyntaxRule()

    @Test("An error inside a multi-line block scalar points at its line and column in the file")
    func blockScalar() {
        let file = LintTestInput.ruleFile("""
              - alert: A
                expr: |
                  sum by (job) (
                    rate(x_total[5m]) by (job)
                  ) > 1
              - record: job:x:rate5m
                expr: sum by (job) (rate(x_total[5m]))

            """)
        let findings = LintTestInput.findings(of: rule, in: LintTestInput.make(rules: [("r.yaml", file)]))
        #expect(findings.count == 1)
        // The block's content starts at column 7 (two deeper than the rule's keys); `by` is 20 further.
        #expect(findings.first?.location.line == 7)
        #expect(findings.first?.location.column == 27)
        #expect(findings.first?.message.hasPrefix("invalid PromQL at Prometheus 3: ") == true)
        #expect(findings.first?.subject.name == "A")
    }

    @Test("A one-line expression counts columns from its first character")
    func oneLine() {
        let file = LintTestInput.ruleFile("""
              - record: a:b:c
                expr: sum(rate(x_total[5m])) by

            """)
        let findings = LintTestInput.findings(of: rule, in: LintTestInput.make(rules: [("r.yaml", file)]))
        #expect(findings.map(\.location.line) == [5])
        #expect(findings.first.map { $0.location.column > 15 } == true)
    }

    @Test("3.x syntax fails at target 2.42 and parses at 3")
    func target() {
        let file = LintTestInput.ruleFile("""
              - record: a:b:c
                expr: sum({"my.metric", job="a"})

            """)
        let old = LintTestInput.findings(of: rule, in: LintTestInput.make(rules: [("r.yaml", file)], options: LintOptions(target: .v2_42)))
        #expect(old.map(\.location.line) == [5])
        #expect(old.first?.message.contains("Prometheus 2.42") == true)
        #expect(LintTestInput.findings(of: rule, in: LintTestInput.make(rules: [("r.yaml", file)])).isEmpty)
    }

    @Test("Dashboard expressions: Grafana variables parse, errors point into the JSON string past its escapes")
    func dashboard() {
        let json = LintTestInput.dashboard([
            ("sum by ($group) (rate(x_total{job=\"$job\"}[$__rate_interval])) / $__range_s", "{{job}}"),
            ("rate(x_total{job=\"a\"}[5m]) +", nil),
        ])
        let findings = LintTestInput.findings(of: rule, in: LintTestInput.make(dashboards: [("d.json", json)]))
        #expect(findings.count == 1)
        guard let finding = findings.first, case .json(let location) = finding.location else {
            Issue.record("expected one JSON finding")
            return
        }
        #expect(location.pointer.description == "/panels/1/targets/0/expr")
        // `"expr": "rate(x_total{job=\"a\"}[5m]) +"` — the error is at the end of the text.
        #expect(location.line == 7)
        #expect(finding.subject.file == "d.json")
    }
}

import PeriscopeDSL
import PeriscopeLint
import PromQL
import Testing

@Suite("Lint rules: static cardinality")
struct CardinalityRuleTests {
    @Test("high-cardinality-label: by, group_left, label_replace, count_values and static labels; any case and separators")
    func highCardinality() {
        let findings = LintTestInput.expectMarkedFindings(of: HighCardinalityLabelRule(), rules: """
              - record: a:b:sum
                expr: sum by (job, user_id) (rate(x_total[5m]))  # expect
              - record: a:b:traces
                expr: |
                  sum by (job) (rate(x_total[5m]))
                  * on (job) group_left (traceID)  # expect
                  info_metric
              - record: a:b:replaced
                expr: label_replace(up, "ClientIP", "$1", "instance", "(.*)")  # expect
              - record: a:b:values
                expr: count_values("TraceId", build_version)  # expect
              - alert: A
                expr: up == 0
                labels:
                  session_id: x  # expect
              - record: a:b:fine
                expr: sum without (user_id, trace_id) (rate(x_total{user_id="1"}[5m]))
              - record: a:b:fine2
                expr: sum by (job) (rate(x_total{path=~"/api.*"}[5m]))
              - record: a:b:fine3
                expr: rate(x_total[5m])
              - record: a:b:required
                expr: rate(x_total{job="a", user_id!=""}[5m])  # expect
              - record: a:b:pinned
                expr: rate(x_total{job="a", user_id="42"}[5m])

            """)
        #expect(findings.first?.message.contains("'user_id'") == true)
        #expect(findings.contains { $0.message.contains("'traceID' (matches 'trace_id')") })
    }

    @Test("high-cardinality-label: the deny-list is configurable, and empty means none")
    func configurableDenyList() {
        LintTestInput.expectMarkedFindings(of: HighCardinalityLabelRule(), rules: """
              - record: a:b:sum
                expr: sum by (job, user_id, tenant) (rate(x_total[5m]))  # expect

            """, options: LintOptions(highCardinalityLabels: ["tenant"]))
        LintTestInput.expectMarkedFindings(of: HighCardinalityLabelRule(), rules: """
              - record: a:b:sum
                expr: sum by (job, user_id) (rate(x_total[5m]))

            """, options: LintOptions(highCardinalityLabels: []))
    }

    @Test("high-cardinality-label in a dashboard: the JSON pointer of the expression")
    func highCardinalityDashboard() {
        let json = LintTestInput.dashboard([("sum by (email) (rate(x_total[$__rate_interval]))", "{{email}}"), ("sum by ($group) (up)", nil)])
        let findings = LintTestInput.findings(of: HighCardinalityLabelRule(), in: LintTestInput.make(dashboards: [("d.json", json)]))
        #expect(findings.count == 1)
        #expect(findings.first.map { LintTestInput.pointer(of: $0) } == "/panels/0/targets/0/expr")
    }

    @Test("recording-rule-keeps-all-labels: without (), no aggregation over raw series; not over recorded series or with a real grouping")
    func keepsAllLabels() {
        LintTestInput.expectMarkedFindings(of: RecordingRuleKeepsAllLabelsRule(), rules: """
              - record: a:b:without
                expr: sum without () (rate(x_total[5m]))  # expect
              - record: a:b:plain
                expr: rate(x_total[5m])  # expect
              - record: a:b:scaled
                expr: 100 * rate(x_total{job="a"}[5m])  # expect
              - record: a:b:ratio
                expr: job:a:rate5m / job:b:rate5m
              - record: a:b:by
                expr: sum by (job) (rate(x_total[5m]))
              - record: a:b:dropping
                expr: sum without (instance, pod) (rate(x_total[5m]))
              - record: a:b:top
                expr: topk(10, rate(x_total[5m]))
              - record: a:b:const
                expr: vector(1)
              - record: a:b:absent
                expr: absent(up{job="a"})
              - alert: NotARecordingRule
                expr: rate(x_total[5m]) > 1

            """)
    }

    @Test("alert-label-value: $value, .Value, humanize $value and high-cardinality $labels in labels; annotations are fine")
    func alertLabelValue() {
        LintTestInput.expectMarkedFindings(of: AlertLabelValueRule(), rules: """
              - alert: A
                expr: up == 0
                labels:
                  value: "{{ $value }}"  # expect
                  pretty: "{{ humanize $value }}"  # expect
                  dot: "{{ .Value }}"  # expect
                  user: "{{ $labels.userId }}"  # expect
                  user2: '{{ index $labels "user_id" }}'  # expect
                  job: "{{ $labels.job }}"
                  text: "$value is plain text"
                  string: '{{ "$value" }}'
                  severity: critical
                annotations:
                  summary: "{{ $value }} for {{ $labels.user_id }}"
              - record: r:x:sum
                expr: sum(up)
                labels:
                  value: "{{ $value }}"

            """)
    }

    @Test("regex-matches-everything: .*, .*|foo, (?s:.*), [\\s\\S]*; not .+, !~\"\", variables or real patterns", arguments: [
        (#"x{a=~".*"}"#, true), (#"x{a=~".*|foo"}"#, true), (#"x{a=~"foo|.*"}"#, true), (#"x{a=~"(?s:.*)"}"#, true),
        (#"x{a=~"(?s).*"}"#, true), (#"x{a=~"[\\s\\S]*"}"#, true), (#"x{a=~"^.*$"}"#, true), (#"x{a=~"(.*)"}"#, true),
        (#"x{a=~".*.*"}"#, true), (#"x{a=~".{0,}"}"#, true), (#"x{a=~".*?"}"#, true),
        (#"x{a=~".+"}"#, false), (#"x{a!~""}"#, false), (#"x{a=~"$job"}"#, false), (#"x{a=~"foo.*"}"#, false),
        (#"x{a=~".*foo"}"#, false), (#"x{a=~"(a|b).*"}"#, false), (#"x{a=~"[^\n]*"}"#, false), (#"x{a!~".*"}"#, false),
        (#"x{a=".*"}"#, false), (#"x{a=~"\\.*"}"#, false), (#"x{a=~"a*"}"#, false),
    ])
    func regexMatchesEverything(expr: String, fires: Bool) {
        let json = LintTestInput.dashboard([(expr, nil)])
        let findings = LintTestInput.findings(of: RegexMatchesEverythingRule(), in: LintTestInput.make(dashboards: [("d.json", json)]))
        #expect(findings.count == (fires ? 1 : 0), "\(expr): \(findings.map(\.message))")
        if fires { #expect(findings.first?.location.line == 5) }
    }

    @Test("regex-matches-everything in a rule file points at the matcher's line")
    func regexInRuleFile() {
        LintTestInput.expectMarkedFindings(of: RegexMatchesEverythingRule(), rules: """
              - record: a:b:c
                expr: |
                  sum by (job) (
                    rate(x_total{job=~".*", code="500"}[5m])  # expect
                  )

            """)
    }
}

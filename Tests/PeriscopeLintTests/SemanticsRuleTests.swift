import PeriscopeDSL
import PeriscopeLint
import PromQL
import Testing

@Suite("Lint rules: PromQL semantics")
struct SemanticsRuleTests {
    @Test("rate-on-non-counter: gauges and _created by name; counters, recorded names and native histograms are fine")
    func rateOnCounter() {
        LintTestInput.expectMarkedFindings(of: RateOnCounterRule(), rules: """
              - record: a:b:gauge
                expr: sum(rate(node_memory_MemAvailable_bytes[5m]))  # expect
              - record: a:b:created
                expr: sum(increase(http_requests_created[5m]))  # expect
              - record: a:b:irate
                expr: |
                  sum(
                    irate(queue_length[5m])  # expect
                  )
              - record: a:b:ok
                expr: sum(rate(http_requests_total[5m])) + sum(rate(x_count[5m])) + sum(rate(x_sum[5m]))
              - record: a:b:buckets
                expr: sum by (le) (rate(x_bucket[5m]))
              - record: a:b:native
                expr: histogram_quantile(0.9, sum by (job) (rate(http_request_duration_seconds[5m])))
              - record: a:b:native_elsewhere
                expr: sum by (job) (rate(http_request_duration_seconds[5m]))
              - record: a:b:recorded
                expr: sum(rate(job:requests:sum[5m]))
              - record: a:b:deriv
                expr: deriv(node_memory_MemAvailable_bytes[5m])
              - record: a:b:spaced
                expr: sum(rate (x_total[5m])) + sum(rate ( queue_depth [5m]))  # expect
              - record: a:b:name_matcher
                expr: sum(increase({__name__="queue_depth"}[5m]))  # expect

            """)
    }

    @Test("histogram-quantile-le: le dropped by by/without/sum; kept, unknown or native is fine")
    func histogramQuantile() {
        let findings = LintTestInput.expectMarkedFindings(of: HistogramQuantileLeRule(), rules: """
              - record: a:b:by
                expr: histogram_quantile(0.99, sum by (job) (rate(x_bucket[5m])))  # expect
              - record: a:b:without
                expr: histogram_quantile(0.99, sum without (le) (rate(x_bucket[5m])))  # expect
              - record: a:b:sum
                expr: histogram_quantile(0.5, sum(rate(x_bucket[5m])))  # expect
              - record: a:b:kept
                expr: histogram_quantile(0.99, sum by (job, le) (rate(x_bucket[5m])))
              - record: a:b:plain
                expr: histogram_quantile(0.99, rate(x_bucket[5m]))
              - record: a:b:without_other
                expr: histogram_quantile(0.99, sum without (instance) (rate(x_bucket[5m])))
              - record: a:b:native
                expr: histogram_quantile(0.99, sum by (job) (rate(x_seconds[5m])))
              - record: a:b:recorded
                expr: histogram_quantile(0.99, sum by (le) (job:x_bucket:rate5m))

            """)
        #expect(findings.first?.message.contains("keeps job") == true)
    }

    @Test("range-too-short: 4 scrape intervals; subquery ranges and steps; Grafana variables are not judged")
    func rangeTooShort() {
        LintTestInput.expectMarkedFindings(of: RangeTooShortRule(), rules: """
              - record: a:b:short
                expr: sum(rate(x_total[2m]))  # expect
              - record: a:b:ok
                expr: sum(rate(x_total[4m])) + sum(increase(x_total[1h]))
              - record: a:b:subquery
                expr: max_over_time(sum(rate(x_total[5m]))[3m:1m])  # expect
              - record: a:b:substep
                expr: max_over_time(sum(rate(x_total[5m]))[10m:5m])  # expect
              - record: a:b:subok
                expr: max_over_time(sum(rate(x_total[5m]))[1h:1m])
              - record: a:b:last
                expr: last_over_time(x[1m])

            """)
        LintTestInput.expectMarkedFindings(of: RangeTooShortRule(), rules: """
              - record: a:b:short
                expr: sum(rate(x_total[45s]))  # expect
              - record: a:b:ok
                expr: sum(rate(x_total[1m]))

            """, options: LintOptions(scrapeIntervalSeconds: 15))
        let json = LintTestInput.dashboard([
            ("sum(rate(x_total[$__rate_interval]))", nil), ("sum(rate(x_total[$w]))", nil), ("sum(rate(x_total[1m]))", nil),
        ])
        let findings = LintTestInput.findings(of: RangeTooShortRule(), in: LintTestInput.make(dashboards: [("d.json", json)]))
        #expect(findings.count == 1)
        #expect(findings.first.map { LintTestInput.pointer(of: $0) } == "/panels/2/targets/0/expr")
    }

    @Test("template-label-missing: labels dropped by aggregation, absent(), vector(); rule labels are not in $labels; open sets are not reported")
    func templateLabels() {
        let findings = LintTestInput.expectMarkedFindings(of: TemplateLabelRule(), rules: """
              - alert: Aggregated
                expr: sum by (job) (rate(errors_total[5m])) > 1
                annotations:
                  summary: "{{ $labels.instance }} on {{ $labels.job }}"  # expect
              - alert: Absent
                expr: absent(up{job="api", instance=~"a.*"})
                annotations:
                  summary: "{{ $labels.job }} {{ .Labels.instance }}"  # expect
              - alert: OwnLabel
                expr: sum by (job) (up) == 0
                labels:
                  severity: page
                annotations:
                  description: "{{ $labels.severity }}"  # expect
              - alert: Vector
                expr: vector(1)
                annotations:
                  summary: '{{ index $labels "job" }}'  # expect
              - alert: Multiline
                expr: sum by (job) (up) == 0
                annotations:
                  description: |-
                    Job {{ $labels.job }} is down
                    on {{ $labels.pod }}.  # expect
              - alert: Open
                expr: rate(errors_total[5m]) > 1
                annotations:
                  summary: "{{ $labels.instance }} {{ $labels.anything }}"
              - alert: Replaced
                expr: label_replace(sum by (job) (up), "service", "$1", "job", "(.*)") == 0
                annotations:
                  summary: "{{ $labels.service }}"
              - alert: GroupLeft
                expr: sum by (job) (up) * on (job) group_left (team) job_owner == 0
                annotations:
                  summary: "{{ $labels.team }}"
              - alert: ScalarOperand
                expr: sum by (job, instance) (up) * 2 < 1
                annotations:
                  summary: "{{ $labels.instance }}"
              - alert: Without
                expr: sum without (pod) (up) == 0
                annotations:
                  summary: "{{ $labels.instance }}"
              - alert: CountValues
                expr: count_values("version", build_info) > 1
                annotations:
                  summary: "{{ $labels.version }}"

            """)
        #expect(findings.first?.message.contains("carries job") == true)
        #expect(findings.contains { $0.message.contains("the rule's own label 'severity'") })
    }

    @Test("legend-label-missing: {{label}} dropped by the query; variables in by() and open sets are not judged")
    func legendLabels() {
        let json = LintTestInput.dashboard([
            ("sum by (job) (rate(x_total[$__rate_interval]))", "{{ route }} {{job}}"),
            ("sum by (route) (rate(x_total[$__rate_interval]))", "{{route}}"),
            ("sum by ($group) (rate(x_total[$__rate_interval]))", "{{route}}"),
            ("rate(x_total[$__rate_interval])", "{{route}}"),
            ("sum(rate(x_total[$__rate_interval]))", "__auto"),
            ("sum(rate(x_total[$__rate_interval]))", "{{__name__}}"),
        ])
        let findings = LintTestInput.findings(of: LegendLabelRule(), in: LintTestInput.make(dashboards: [("d.json", json)]))
        #expect(findings.map(\.location.line) == [5, 15])
        #expect(findings.first?.message.contains("{{route}}") == true)
        #expect(LegendLabelRule.labelNames(in: "{{ a }}-{{b}} {{ c d }} {x}") == ["a", "b"])
    }

    @Test("alert-template-syntax: promtool's template errors at the line inside the value")
    func templateSyntax() {
        let findings = LintTestInput.expectMarkedFindings(of: AlertTemplateSyntaxRule(), rules: """
              - alert: A
                expr: up == 0
                labels:
                  team: "{{ $label.team }}"  # expect
                annotations:
                  summary: "{{ $labels.job }"  # expect
                  description: |-
                    fine {{ $labels.job }}
                    {{ if $value }}broken  # expect
                  now: "{{ now }}"
              - record: r:x:sum
                expr: sum(up)
                labels:
                  team: "{{ $label.team }}"

            """)
        #expect(findings.first?.message.contains("undefined variable \"$label\"") == true)
        let old = LintTestInput.findings(of: AlertTemplateSyntaxRule(), in: LintTestInput.make(
            rules: [("r.yaml", LintTestInput.ruleFile("  - alert: A\n    expr: up == 0\n    annotations:\n      now: \"{{ now }}\"\n"))],
            options: LintOptions(target: .v2_42)))
        #expect(old.map(\.location.line) == [7])
    }

    @Test("reserved-label-name: rule and group labels, label_replace and count_values destinations in rules")
    func reservedLabels() {
        LintTestInput.expectMarkedFindings(of: ReservedLabelRule(), rules: """
              - record: a:b:c
                expr: label_replace(up, "__tmp", "$1", "job", "(.*)")  # expect
                labels:
                  __tier: gold  # expect
              - alert: A
                expr: count_values("__v", build_info) > 1  # expect
                labels:
                  tier: gold
              - record: a:b:d
                expr: sum by (job) (up{__name__="up"})

            """)
    }

    @Test("alert-comparison-impossible: counts, rates, up, absent, ratios in [0, 1], bool; possible comparisons are fine")
    func impossibleComparisons() {
        LintTestInput.expectMarkedFindings(of: AlertNeverFiresRule(), rules: """
              - alert: CountZero
                expr: count(up{job="a"}) == 0  # expect
              - alert: NegativeRate
                expr: sum(rate(x_total[5m])) < 0  # expect
              - alert: Ratio
                expr: avg(up) > 1  # expect
              - alert: Absent
                expr: absent(up{job="a"}) > 1  # expect
              - alert: Up
                expr: up > 1  # expect
              - alert: Percent
                expr: 100 * avg(up) > 100  # expect
              - alert: Flipped
                expr: 0 > rate(x_total[5m])  # expect
              - alert: Bool
                expr: (up > bool 0) >= 2  # expect
              - alert: Clamp
                expr: clamp_max(sum(rate(x_total[5m])), 10) > 10  # expect
              - alert: Fine1
                expr: avg(up) < 1
              - alert: Fine2
                expr: sum(rate(x_total[5m])) > 0
              - alert: Fine3
                expr: absent(up{job="a"}) == 1
              - alert: Fine4
                expr: count(up) > 1
              - alert: Fine5
                expr: delta(x_total[5m]) < 0
              - alert: Fine6
                expr: x_sum < 0
              - alert: Fine7
                expr: up != 2
              - alert: Fine8
                expr: sum(rate(a_total[5m])) / sum(rate(b_total[5m])) > 1
              - record: not:an:alert
                expr: count(up) == 0

            """)
    }
}

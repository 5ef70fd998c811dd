import PeriscopeDSL
import PeriscopeLint
import PromQL
import Testing

/// Cases where a `$labels.x` must NOT be reported: false positives of existing linters
/// (cloudflare/pint issues, cited) and the label-flow rules Prometheus applies.
@Suite("Lint rule template-label-missing: must not fire")
struct TemplateLabelFalsePositiveTests {
    @Test("No finding", arguments: [
        // cloudflare/pint#568: label_replace around a comparison adds the label.
        (#"label_replace(sum by (pod) (pod_status) > 0, "cluster", "$1", "pod", "(.*)")"#, "cluster"),
        // cloudflare/pint#681: a vector minus/over scalar() keeps the vector's labels.
        (#"abs(rate(scylla_cql_updates{conditional="no"}[1m]) - scalar(avg(rate(scylla_cql_updates{conditional="no"}[1m])))) / scalar(stddev(rate(scylla_cql_updates{conditional="no"}[1m])) + 100) > 2"#, "instance"),
        (#"abs(rate(scylla_cql_updates{conditional="no"}[1m]) - scalar(avg(rate(scylla_cql_updates{conditional="no"}[1m])))) / scalar(stddev(rate(scylla_cql_updates{conditional="no"}[1m])) + 100) > 2"#, "shard"),
        // label_join adds its destination.
        (#"label_join(sum by (a, b) (x), "ab", "-", "a", "b") > 1"#, "ab"),
        // group_left brings labels in from the one side.
        ("sum by (job) (up) * on (job) group_left (team, owner) job_info > 0", "owner"),
        ("job_info * on (job) group_right (team) sum by (job) (up) > 0", "team"),
        // A scalar operand keeps the vector's labels.
        ("sum by (job, instance) (up) / 2 < 0.5", "instance"),
        ("2 * sum by (job) (up) < 1", "job"),
        // absent() keeps its equality matchers.
        (#"absent(up{job="api", env="prod"})"#, "env"),
        (#"absent_over_time(up{job="api"}[5m])"#, "job"),
        // Filters and set operators keep the left-hand labels; or unions both sides.
        ("sum by (job) (up) == 0 unless on (job) sum by (job) (maintenance) > 0", "job"),
        ("sum by (job) (up) == 0 or sum by (instance) (down) > 0", "instance"),
        // Selecting aggregations keep every label of their input.
        ("topk(3, rate(errors_total[5m])) > 1", "instance"),
        ("bottomk by (job) (1, up) == 0", "pod"),
        // Open label sets: the input's labels are unknown.
        ("rate(errors_total[5m]) > 1", "anything"),
        ("sum without (pod) (rate(errors_total[5m])) > 1", "instance"),
        ("sort_desc(rate(errors_total[5m])) > 1", "route"),
        // count_values adds its label; __name__ survives a plain filter.
        (#"count_values("version", build_info) > 1"#, "version"),
        ("up == 0", "__name__"),
        // A label a matcher requires is present.
        (#"sum by (job) (up{job="api"}) == 0"#, "job"),
    ])
    func noFinding(expr: String, label: String) {
        let yaml = LintTestInput.ruleFile("""
              - alert: A
                expr: '\(expr)'
                annotations:
                  summary: "{{ $labels.\(label) }}"

            """)
        let findings = LintTestInput.findings(of: TemplateLabelRule(), in: LintTestInput.make(rules: [("r.yaml", yaml)]))
        #expect(findings.isEmpty, "\(expr) / \(label): \(findings.map(\.message))")
    }

    @Test("Findings where Prometheus is exact", arguments: [
        ("sum by (job) (up) == 0", "instance"),
        ("vector(1)", "job"),
        (#"absent(up{job=~"api.*"})"#, "job"),
        ("count(up) == 0", "job"),
        ("sum without (instance) (up) == 0", "instance"),
        ("sum by (job) (up) * on (job) group_left (team) job_info > 0", "owner"),
        ("rate(errors_total[5m]) * 2 > 1", "__name__"),
    ])
    func finding(expr: String, label: String) {
        let yaml = LintTestInput.ruleFile("""
              - alert: A
                expr: '\(expr)'
                annotations:
                  summary: "{{ $labels.\(label) }}"

            """)
        let findings = LintTestInput.findings(of: TemplateLabelRule(), in: LintTestInput.make(rules: [("r.yaml", yaml)]))
        #expect(findings.map(\.location.line) == [7], "\(expr) / \(label)")
    }
}

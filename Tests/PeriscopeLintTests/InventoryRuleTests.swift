import PeriscopeDSL
import PeriscopeLint
import PeriscopeModel
import PromQL
import Testing

@Suite("Lint rules with a metrics inventory")
struct InventoryRuleTests {
    static let inventoryText = """
        metrics:
          http_requests_total:
            type: counter
            labels:
              job: { values: 10, max: 20 }
              instance: { values: 5, max: 100 }
              path: { values: 400, max: 100 }
              code: { values: 8, max: 20 }
          legacy_requests:
            type: counter
            labels:
              job: { max: 20 }
          queue_length:
            type: gauge
            labels:
              job: { values: 10, max: 20 }
          rpc_duration_seconds:
            type: histogram
            labels:
              job: { values: 10, max: 20 }
              le: { values: 12, max: 20 }
          jobs_processed:
            type: unknown
            labels:
              job: { values: 10, max: 20 }

        """

    static var options: LintOptions {
        let result = MetricsInventoryReader(path: "metrics.yaml").read(text: inventoryText)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        return LintOptions(inventory: result.inventory)
    }

    @Test("rate-on-non-counter follows the inventory's types: gauges fire, histogram series and bare counters do not; unknown types fall back to the name")
    func rateWithInventory() {
        LintTestInput.expectMarkedFindings(of: RateOnCounterRule(), rules: """
              - record: a:b:gauge
                expr: sum(rate(queue_length[5m]))  # expect
              - record: a:b:counter_without_total
                expr: sum(rate(legacy_requests[5m]))
              - record: a:b:histogram
                expr: sum(rate(rpc_duration_seconds_bucket[5m])) + sum(rate(rpc_duration_seconds_count[5m]))
              - record: a:b:unknown_type
                expr: sum(rate(jobs_processed[5m]))  # expect
              - record: a:b:not_in_inventory
                expr: sum(rate(other_total[5m]))

            """, options: Self.options)
    }

    @Test("counter-total-suffix: an inventory counter without _total; nothing without an inventory")
    func counterSuffix() {
        let rules = """
              - record: a:b:old
                expr: sum(rate(legacy_requests[5m]))  # expect
              - record: a:b:new
                expr: sum(rate(http_requests_total[5m]))
              - record: a:b:gauge
                expr: sum(queue_length)

            """
        LintTestInput.expectMarkedFindings(of: CounterTotalSuffixRule(), rules: rules, options: Self.options)
        let plain = LintTestInput.findings(of: CounterTotalSuffixRule(), in: LintTestInput.make(rules: [("r.yaml", LintTestInput.ruleFile(rules))]))
        #expect(plain.isEmpty)
    }

    @Test("series-budget: selected series per query and written series per recording rule")
    func seriesBudget() {
        var options = Self.options
        options.seriesBudgetPerQuery = 100_000
        options.seriesBudgetPerRecordingRule = 1_000
        let findings = LintTestInput.expectMarkedFindings(of: SeriesBudgetRule(), rules: """
              - record: path:http_requests:rate5m  # expect
                expr: sum by (path, code) (rate(http_requests_total[5m]))  # expect
              - record: job:http_requests:rate5m
                expr: sum by (job, code) (rate(http_requests_total[5m]))  # expect
              - record: all:http_requests:rate5m
                expr: sum(rate(http_requests_total{job="a"}[5m]))
              - alert: Everything
                expr: rate(http_requests_total[5m]) > 1  # expect
              - alert: Pinned
                expr: rate(http_requests_total{job="a", code="500"}[5m]) > 1
              - alert: Unknown
                expr: rate(unknown_total[5m]) > 1

            """, options: options)
        // 400 paths x 8 codes = 3,200 written; 10 jobs x 5 instances x 400 paths x 8 codes = 160,000
        // selected; with job pinned, 16,000.
        #expect(findings.contains { $0.message == "recording rule 'path:http_requests:rate5m' writes an estimated 3200 series, over the budget of 1000 per recording rule" })
        #expect(findings.contains { $0.message == "query selects an estimated 160000 series, over the budget of 100000 per query" })
        #expect(!findings.contains { $0.message.contains("16000 ") })
    }

    @Test("series-budget: budgets.metrics gives a metric, or its family, a series budget of its own")
    func metricBudgets() {
        var options = Self.options
        options.seriesBudgetPerQuery = 1_000_000
        options.seriesBudgetPerMetric = ["http_requests_total": 100_000, "rpc_duration_seconds": 50, "queue_length": 10]
        let findings = LintTestInput.expectMarkedFindings(of: SeriesBudgetRule(), rules: """
              - alert: Requests
                expr: sum(rate(http_requests_total{job="a"}[5m])) > 1  # expect
              - alert: Latency
                expr: histogram_quantile(0.9, sum by (le) (rate(rpc_duration_seconds_bucket[5m]))) > 1  # expect
              - alert: Queue
                expr: queue_length > 100
              - alert: RequestsTwice
                expr: rate(http_requests_total[5m]) / rate(http_requests_total[1h]) > 2  # expect

            """, options: options)
        // The whole metric, not the selector: 10 jobs x 5 instances x 400 paths x 8 codes, with
        // job pinned or not; the bucket series of the histogram: 10 jobs x 12 le; once per query.
        #expect(findings.map(\.message) == [
            "metric 'http_requests_total' has an estimated 160000 series, over its budget of 100000 (budgets.metrics)",
            "metric 'rpc_duration_seconds_bucket' has an estimated 120 series, over the budget of 50 for its family 'rpc_duration_seconds' (budgets.metrics)",
            "metric 'http_requests_total' has an estimated 160000 series, over its budget of 100000 (budgets.metrics)",
        ])
        #expect(findings.map(\.location.column) == [20, 53, 16], "at the selector of the metric")
    }

    @Test("label-values-budget: a measured label over the inventory's max or budgets.labels, once per file and metric")
    func labelValuesBudget() {
        let rules = """
              - record: job:http_requests:rate5m
                expr: sum by (job) (rate(http_requests_total[5m]))  # expect
              - record: job:http_requests_errors:rate5m
                expr: sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
              - record: job:queue_length:max
                expr: max by (job) (queue_length)
              - record: job:legacy_requests:rate5m
                expr: sum by (job) (rate(legacy_requests[5m]))

            """
        let findings = LintTestInput.expectMarkedFindings(of: LabelValuesBudgetRule(), rules: rules, options: Self.options)
        #expect(findings.map(\.message) == ["metric 'http_requests_total' has 400 values of label 'path', over the budget of 100 (its max in the metrics inventory)"])
        // budgets.labels wins over the inventory's max, both ways.
        var options = Self.options
        options.valueBudgetPerLabel = ["path": 1000, "code": 5]
        let configured = LintTestInput.expectMarkedFindings(of: LabelValuesBudgetRule(), rules: rules, options: options)
        #expect(configured.map(\.message) == ["metric 'http_requests_total' has 8 values of label 'code', over the budget of 5 (budgets.labels in .periscope.yaml)"])
        let plain = LintTestInput.findings(of: LabelValuesBudgetRule(), in: LintTestInput.make(rules: [("r.yaml", LintTestInput.ruleFile(rules))]))
        #expect(plain.isEmpty, "nothing without an inventory")
    }

    @Test(".periscope.yaml budgets: per metric and per label, checked names and values")
    func budgetConfiguration() {
        let text = """
            budgets:
              valuesPerLabel: 50
              metrics:
                http_requests_total: 20_000
                'http_requests_total{job="a"}': 10
                rpc_duration_seconds: many
              labels: {path: 30, "0bad": 3}
              metric: {}

            """
        let (configuration, diagnostics) = LintConfiguration.read(text: text, path: ".periscope.yaml", ruleIDs: LintRegistry.ids)
        #expect(diagnostics.map { $0.formatted() } == [
            ".periscope.yaml:5:5: error: [lint-config] 'http_requests_total{job=\"a\"}' in 'budgets.metrics' is not a valid metric name (expected metric names such as http_requests_total)",
            ".periscope.yaml:6:27: error: [lint-config] the budget of 'rpc_duration_seconds' in 'budgets.metrics' must be a positive integer, got 'many'",
            ".periscope.yaml:7:22: error: [lint-config] '0bad' in 'budgets.labels' is not a valid label name (expected label names such as path)",
            ".periscope.yaml:8:3: error: [lint-config] unknown key 'metric' in 'budgets' (expected one of labels, metrics, seriesPerQuery, seriesPerRecordingRule, valuesPerLabel); did you mean 'metrics'?",
        ])
        let options = configuration.applied(to: LintOptions())
        #expect(options.seriesBudgetPerMetric == ["http_requests_total": 20_000])
        #expect(options.valueBudgetPerLabel == ["path": 30])
        #expect(options.valuesPerLabel == 50)
    }

    @Test("series-budget reports nothing without an inventory")
    func noInventory() {
        let input = LintTestInput.make(rules: [("r.yaml", LintTestInput.ruleFile("""
              - record: path:http_requests:rate5m
                expr: sum by (path) (rate(http_requests_total[5m]))

            """))])
        #expect(LintTestInput.findings(of: SeriesBudgetRule(), in: input).isEmpty)
    }
}

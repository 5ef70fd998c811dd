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

    @Test("series-budget reports nothing without an inventory")
    func noInventory() {
        let input = LintTestInput.make(rules: [("r.yaml", LintTestInput.ruleFile("""
              - record: path:http_requests:rate5m
                expr: sum by (path) (rate(http_requests_total[5m]))

            """))])
        #expect(LintTestInput.findings(of: SeriesBudgetRule(), in: input).isEmpty)
    }
}

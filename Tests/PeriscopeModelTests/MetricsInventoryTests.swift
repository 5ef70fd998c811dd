import PeriscopeDSL
import PeriscopeModel
import Testing

/// `metrics.yaml`: reading with locations, bad input, the writer, family lookups and series estimates.
@Suite struct MetricsInventoryTests {
    static let sample = """
        metrics:
          http_requests_total:
            type: counter
            help: Requests served.
            series: 1240
            labels:
              code: { values: 8, max: 20 }
              path: { values: 950, max: 100 }
              method: { max: 10 }
          http_request_duration_seconds:
            type: histogram
            help: "Latency: time to serve."
            unit: seconds
            labels:
              le: {values: 12, max: 20}
              job: {values: 3, max: 10}
          rpc_latency_seconds:
            type: summary
            labels:
              quantile: {values: 3, max: 5}
          process_start_time_seconds:
            type: gauge
          build:
            type: info
          queue_events:
            type: counter
          job:route:rate5m:
            type: unknown

        """

    func read(_ text: String) -> MetricsInventoryReader.Result {
        MetricsInventoryReader(path: "metrics.yaml").read(text: text)
    }

    @Test func readsMetricsLabelsAndLocations() throws {
        let result = read(Self.sample)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted() })")
        let inventory = result.inventory
        #expect(inventory.sortedMetrics.map(\.name) == [
            "build", "http_request_duration_seconds", "http_requests_total", "job:route:rate5m",
            "process_start_time_seconds", "queue_events", "rpc_latency_seconds",
        ])
        let requests = try #require(inventory.metric(named: "http_requests_total"))
        #expect(requests.type == .counter)
        #expect(requests.help == "Requests served.")
        #expect(requests.series == 1240)
        #expect(requests.unit == nil)
        #expect(requests.location == .file(FileLocation(path: "metrics.yaml", line: 2, column: 3)))
        #expect(requests.sortedLabels.map(\.name) == ["code", "method", "path"])
        #expect(requests.labels["code"] == InventoryLabel(name: "code", maximumValues: 20, values: 8,
                                                          location: .file(FileLocation(path: "metrics.yaml", line: 7, column: 7))))
        #expect(requests.labels["method"]?.values == nil)
        #expect(requests.labels["path"]?.isOverBudget == true)
        #expect(requests.labels["code"]?.isOverBudget == false)
        let latency = try #require(inventory.metric(named: "http_request_duration_seconds"))
        #expect(latency.unit == "seconds")
        #expect(latency.help == "Latency: time to serve.")
        #expect(latency.series == nil)
    }

    @Test(arguments: [
        ("http_requests_total", MetricType.counter, "_total", true),
        ("http_request_duration_seconds_bucket", .histogram, "_bucket", true),
        ("http_request_duration_seconds_count", .histogram, "_count", true),
        ("http_request_duration_seconds_sum", .histogram, "_sum", true),
        ("http_request_duration_seconds_created", .histogram, "_created", false),
        ("http_request_duration_seconds", .histogram, nil, true),
        ("rpc_latency_seconds", .summary, nil, false),
        ("rpc_latency_seconds_count", .summary, "_count", true),
        ("rpc_latency_seconds_sum", .summary, "_sum", true),
        ("queue_events_total", .counter, "_total", true),
        ("queue_events_created", .counter, "_created", false),
        ("queue_events", .counter, nil, true),
        ("build_info", .info, "_info", false),
        ("process_start_time_seconds", .gauge, nil, false),
        ("job:route:rate5m", .unknown, nil, false),
    ] as [(String, MetricType, String?, Bool)])
    func familyLookupFollowsOpenMetricsSampleNames(_ name: String, _ type: MetricType, _ suffix: String?, _ counterLike: Bool) throws {
        let inventory = read(Self.sample).inventory
        let match = try #require(inventory.family(of: name))
        #expect(inventory.type(of: name) == type)
        #expect(match.suffix == suffix)
        #expect(match.isCounterLike == counterLike)
    }

    @Test func unknownNamesAndWrongSuffixesAreNotFound() {
        let inventory = read(Self.sample).inventory
        #expect(inventory.type(of: "nope") == nil)
        // A gauge has no `_total` sample; a summary has no `_bucket`.
        #expect(inventory.type(of: "process_start_time_seconds_total") == nil)
        #expect(inventory.type(of: "rpc_latency_seconds_bucket") == nil)
        #expect(inventory.type(of: "_total") == nil)
    }

    @Test func seriesEstimatesMultiplyKeptLabelsAndCapBySeriesCount() throws {
        let inventory = read(Self.sample).inventory
        // code 8 (measured) × method 10 (budget, not measured).
        #expect(inventory.estimatedSeries(of: "http_requests_total", keeping: ["code", "method"]) == SeriesEstimate(count: 80))
        // Everything kept: 8 × 10 × 950 = 76,000, capped by the 1,240 measured series.
        #expect(inventory.estimatedSeries(of: "http_requests_total", keeping: nil) == SeriesEstimate(count: 1240, cappedBySeriesCount: true))
        #expect(inventory.estimatedSeries(of: "http_requests_total", keeping: []) == SeriesEstimate(count: 1))
        #expect(inventory.estimatedSeries(of: "http_request_duration_seconds_bucket", keeping: ["le", "job", "instance"])
                == SeriesEstimate(count: 36, unknownLabels: ["instance"]))
        #expect(inventory.estimatedSeries(of: "missing", keeping: nil) == nil)
        let huge = MetricsInventory(metrics: [InventoryMetric(name: "x", type: .gauge, labels: (0..<5).map { InventoryLabel(name: "l\($0)", maximumValues: Int.max / 2) })])
        #expect(huge.estimatedSeries(of: "x", keeping: nil)?.count == Int.max)
    }

    @Test func writerIsSortedAndRoundTrips() throws {
        let first = read(Self.sample)
        let written = MetricsInventoryWriter.write(first.inventory, header: ["Generated by a test."])
        #expect(written.hasPrefix("# Generated by a test.\nmetrics:\n  build:\n    type: info\n"))
        #expect(written.contains("""
              http_requests_total:
                type: counter
                help: Requests served.
                series: 1240
                labels:
                  code: {values: 8, max: 20}
                  method: {max: 10}
                  path: {values: 950, max: 100}

            """))
        #expect(written.contains("help: \"Latency: time to serve.\"\n"))
        let second = read(written)
        #expect(second.diagnostics.isEmpty, "\(second.diagnostics.map { $0.formatted() })")
        let strip = { (inventory: MetricsInventory) in
            MetricsInventory(metrics: inventory.sortedMetrics.map { metric in
                var metric = metric
                metric.location = nil
                metric.labels = metric.labels.mapValues { var label = $0; label.location = nil; return label }
                return metric
            })
        }
        #expect(strip(second.inventory) == strip(first.inventory))
        #expect(MetricsInventoryWriter.write(second.inventory, header: ["Generated by a test."]) == written)
        #expect(MetricsInventoryWriter.write(MetricsInventory()) == "metrics: {}\n")
    }

    @Test func writerQuotesWhatWouldReadAsAnotherType() {
        let inventory = MetricsInventory(metrics: [InventoryMetric(name: "a", type: .gauge, help: "yes", unit: "1")])
        let written = MetricsInventoryWriter.write(inventory)
        #expect(written == "metrics:\n  a:\n    type: gauge\n    help: \"yes\"\n    unit: \"1\"\n")
        #expect(read(written).inventory.metric(named: "a")?.help == "yes")
    }

    @Test(arguments: ["", "# nothing\n", "metrics:\n", "metrics: {}\n"])
    func emptyFilesAreEmptyInventories(_ text: String) {
        let result = read(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.inventory.metrics.isEmpty)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var id: DiagnosticID
        var fragment: String
        var sourceLine: Int

        init(_ text: String, _ line: Int, _ column: Int, _ id: DiagnosticID, _ fragment: String, sourceLine: Int = #line) {
            (self.text, self.line, self.column, self.id, self.fragment, self.sourceLine) = (text, line, column, id, fragment, sourceLine)
        }

        var testDescription: String { "line \(sourceLine): \(fragment)" }
    }

    static let badCases: [Case] = [
        Case("metrics: [a]\n", 1, 10, "inventory-type-mismatch", "metrics: expected a map from metric names"),
        Case("- a\n", 1, 1, "inventory-type-mismatch", "metrics inventory: expected a map with 'metrics', got a list"),
        Case("metric:\n  a: {type: gauge}\n", 1, 1, "inventory-key-unknown", "unknown key 'metric' in the metrics inventory (expected one of: metrics); did you mean 'metrics'?"),
        Case("metrics:\n  a:\n    tpye: gauge\n", 3, 5, "inventory-key-unknown", "unknown key 'tpye' in metric 'a' (expected one of: type, help, unit, series, labels); did you mean 'type'?"),
        Case("metrics:\n  a:\n    labels:\n      b: {max: 1, value: 2}\n", 4, 19, "inventory-key-unknown", "unknown key 'value' in label 'b' of metric 'a' (expected one of: values, max); did you mean 'values'?"),
        Case("metrics:\n  a:\n    type: countr\n", 3, 11, "inventory-metric-type-unknown", "unknown type 'countr' of metric 'a' (expected one of: counter, gauge, histogram, summary, gaugehistogram, info, stateset, unknown); did you mean 'counter'?"),
        Case("metrics:\n  a:\n    type: [counter]\n", 3, 11, "inventory-type-mismatch", "type of metric 'a': expected a metric type, got a list"),
        Case("metrics:\n  a:\n    help: {x: 1}\n", 3, 11, "inventory-type-mismatch", "help of metric 'a': expected a string, got a map"),
        Case("metrics:\n  a:\n    series: -3\n", 3, 13, "inventory-count-invalid", "series of metric 'a' is -3 (expected a non-negative integer)"),
        Case("metrics:\n  a:\n    series: many\n", 3, 13, "inventory-count-invalid", "series of metric 'a': expected a non-negative integer, got a string ('many')"),
        Case("metrics:\n  a:\n    series: 1.5\n", 3, 13, "inventory-count-invalid", "got a number (1.5)"),
        Case("metrics:\n  a:\n    series: '12'\n", 3, 13, "inventory-count-invalid", "got a string ('12')"),
        Case("metrics:\n  a:\n    labels:\n      b: {values: -1, max: 4}\n", 4, 19, "inventory-count-invalid", "values of label 'b' of metric 'a' is -1"),
        Case("metrics:\n  a:\n    labels:\n      b: {max: [4]}\n", 4, 16, "inventory-type-mismatch", "max of label 'b' of metric 'a': expected a non-negative integer, got a list"),
        Case("metrics:\n  a:\n    labels:\n      b: {values: 4}\n", 4, 7, "inventory-budget-missing", "label 'b' of metric 'a' has no budget (expected 'max: N'"),
        Case("metrics:\n  a:\n    labels:\n      b: 4\n", 4, 10, "inventory-type-mismatch", "label 'b' of metric 'a': expected a map { values: N, max: N }, got a number (4)"),
        Case("metrics:\n  a:\n    labels: [b]\n", 3, 13, "inventory-type-mismatch", "labels of metric 'a': expected a map"),
        Case("metrics:\n  a: counter\n", 2, 6, "inventory-type-mismatch", "metric 'a': expected a map with type, help and labels, got a string ('counter')"),
        Case("metrics:\n  bad-name: {type: gauge}\n", 2, 3, "inventory-name-invalid", "invalid metric name 'bad-name'"),
        Case("metrics:\n  a:\n    labels:\n      1b: {max: 2}\n", 4, 7, "inventory-name-invalid", "invalid label name '1b' of metric 'a'"),
        Case("metrics:\n  a: {type: gauge}\n  a: {type: counter}\n", 3, 3, "yaml-duplicate-key", "duplicate key 'a' (first written at 2:3)"),
        Case("metrics:\n  a: {type: histogram}\n  a_bucket: {type: counter}\n", 3, 3, "inventory-metric-duplicate", "metric 'a_bucket' is the _bucket sample of histogram 'a' (written at 2:3)"),
        Case("metrics:\n  x: {type: counter}\n  x_total: {type: counter}\n", 3, 3, "inventory-metric-duplicate", "metric 'x_total' is the _total sample of counter 'x'"),
        Case("metrics: {a: [\n", 2, 1, "yaml-syntax", "malformed YAML"),
        Case("metrics:\n  a\u{0}: {}\n", 2, 4, "inventory-file-unreadable", "NUL byte"),
    ]

    @Test(arguments: badCases)
    func badInputIsLocated(_ example: Case) {
        let result = read(example.text)
        let formatted = result.diagnostics.map { $0.formatted() }.joined(separator: "\n")
        let matching = result.diagnostics.filter { $0.severity == .error && $0.id == example.id && $0.message.contains(example.fragment) }
        #expect(!matching.isEmpty, "expected [\(example.id)] \"\(example.fragment)\"; got:\n\(formatted)")
        guard let first = matching.first else { return }
        #expect(first.formatted().hasPrefix("metrics.yaml:\(example.line):\(example.column): error: [\(example.id)] "), "\(formatted)")
        // An entry with an error is left out; the rest is read.
        #expect(result.inventory.metric(named: "bad-name") == nil)
    }

    @Test func oneRunReportsEveryProblemAndKeepsGoodEntries() {
        let result = read("metrics:\n  a: {type: gauge, series: -1}\n  b: {type: nope}\n  c: {type: counter}\n")
        #expect(result.diagnostics.map(\.id) == ["inventory-count-invalid", "inventory-metric-type-unknown"])
        #expect(result.inventory.sortedMetrics.map(\.name) == ["c"])
    }

    @Test func invalidUTF8AndMissingFilesAreReported() {
        let bytes = Array("metrics:\n  a".utf8) + [0xC3, 0x28, 0x0A]
        let result = MetricsInventoryReader(path: "metrics.yaml").read(bytes)
        #expect(result.diagnostics.map { $0.formatted() } == ["metrics.yaml:2:4: error: [inventory-file-unreadable] metrics inventory is not valid UTF-8 (expected UTF-8 text)"])
        let missing = MetricsInventoryReader(path: "/nonexistent/metrics.yaml").readFile()
        #expect(missing.diagnostics.first?.id == "inventory-file-unreadable")
        #expect(missing.diagnostics.first?.message.hasPrefix("cannot read metrics inventory '/nonexistent/metrics.yaml'") == true)
    }
}

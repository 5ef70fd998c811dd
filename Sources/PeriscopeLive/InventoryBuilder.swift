import Foundation
import PeriscopeModel
import PromQL

/// Builds a `MetricsInventory` from a live server, for `periscope inventory`.
///
/// - Families and their type, help and unit come from `/api/v1/metadata`; a metric name the
///   metadata does not list is its own family of type `unknown` (recording rule outputs,
///   metrics pushed without metadata). Sample names map to their family by OpenMetrics'
///   suffixes (`foo_bucket` → histogram `foo`, `foo_total` → counter `foo`).
/// - The metric names come from `/api/v1/label/__name__/values` (restricted by `selectors`,
///   the `--match` option, when given); a family is listed when one of its names is.
/// - `series` is `count({__name__=~"<the family's names>"})`, label names come from
///   `/api/v1/labels?match[]=`, and each label's `values` from `count by (<label>) (…)`: all instant
///   queries at `time`, so they count the series present in the 5-minute lookback (labels with
///   no current value are left out). `/api/v1/status/tsdb` is not used: it covers only the head block.
/// - Budgets (`max`) are `defaultBudget(forMeasured:ceiling:)` of the measured values.
public struct InventoryBuilder: Sendable {
    /// The server.
    public var client: PrometheusClient
    /// Series selectors (`--match`) restricting which metrics are listed; empty for all.
    public var selectors: [String]
    /// The largest budget given to a label (`--label-budget`, 100 by default: `LiveBudgets.valuesPerLabel`).
    public var labelBudgetCeiling: Int
    /// The evaluation time; nil for the server's now.
    public var time: Date?
    /// How many families are measured at once.
    public var concurrency: Int

    /// Creates a builder.
    public init(client: PrometheusClient, selectors: [String] = [], labelBudgetCeiling: Int = LiveBudgets().valuesPerLabel, time: Date? = nil, concurrency: Int = 4) {
        self.client = client
        self.selectors = selectors
        self.labelBudgetCeiling = labelBudgetCeiling
        self.time = time
        self.concurrency = max(1, concurrency)
    }

    /// The budget written for a label measured with `values` distinct values: twice the
    /// measured count (room for new status codes, instances or buckets without editing the
    /// file, while a label that explodes by ids goes over), at least 10 (Prometheus'
    /// instrumentation guideline: "keep the cardinality of your metrics below 10"), and at most
    /// `ceiling`. A label already over the ceiling gets the ceiling, so lint reports it.
    public static func defaultBudget(forMeasured values: Int, ceiling: Int) -> Int {
        let doubled = values > Int.max / 2 ? Int.max : values * 2
        return min(max(10, doubled), ceiling)
    }

    /// Reads the server and builds the inventory.
    public func build() async throws(PrometheusClientError) -> MetricsInventory {
        let metadata = try await client.metadata()
        let names = try await client.labelValues(of: "__name__", matching: selectors)
        var families: [String: (type: MetricType, help: String, unit: String, names: [String])] = [:]
        for name in names {
            let (family, entry) = Self.family(of: name, metadata: metadata)
            families[family, default: (entry?.type ?? .unknown, entry?.help ?? "", entry?.unit ?? "", [])].names.append(name)
        }
        let client = client, time = time, ceiling = labelBudgetCeiling, grouped = families
        let measured = try await LiveChecker.measure(families.keys.sorted(), limit: concurrency) { family throws(PrometheusClientError) -> InventoryMetric in
            guard let info = grouped[family] else { throw PrometheusClientError(.invalidRequest, url: client.baseURL.absoluteString, detail: "internal: family \(family) vanished") }
            let alternatives = info.names.sorted().map { Self.regexEscaped($0) }.joined(separator: "|")
            let selector = "{__name__=~\(PromQLString(alternatives).goQuoted)}"
            let series = try await client.count(selector, at: time)
            var labels: [InventoryLabel] = []
            for label in try await client.labelNames(matching: [selector]) where label != "__name__" && LiveChecker.isPlainLabelName(label) {
                // Series without the label (a histogram's _sum and _count have no le) group under no value: not counted.
                let values = try await client.query("count by (\(label)) (\(selector))", at: time).count { $0.labels[label] != nil }
                guard values > 0 else { continue }
                labels.append(InventoryLabel(name: label, maximumValues: Self.defaultBudget(forMeasured: values, ceiling: ceiling), values: values))
            }
            return InventoryMetric(name: family, type: info.type, help: info.help, unit: info.unit.isEmpty ? nil : info.unit, series: series, labels: labels)
        }
        var metrics: [InventoryMetric] = []
        for family in families.keys.sorted() {
            switch measured[family] {
            case .success(let metric)?: metrics.append(metric)
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        return MetricsInventory(metrics: metrics)
    }

    /// The family a metric name belongs to and its metadata: the name itself when the metadata
    /// lists it, else the name without an OpenMetrics sample suffix when the metadata lists that
    /// with a type that has the suffix, else the name itself without metadata.
    static func family(of name: String, metadata: [String: [MetricMetadata]]) -> (String, MetricMetadata?) {
        if let entry = metadata[name]?.first { return (name, entry) }
        for suffix in ["_bucket", "_count", "_sum", "_created", "_total", "_gcount", "_gsum", "_info"] where name.hasSuffix(suffix) && name.count > suffix.count {
            let base = String(name.dropLast(suffix.count))
            if let entry = metadata[base]?.first, entry.type.sampleSuffixes.contains(suffix) { return (base, entry) }
        }
        return (name, nil)
    }

    /// `name` with RE2 metacharacters escaped (metric names may hold only `:` besides word characters, but be safe).
    static func regexEscaped(_ name: String) -> String {
        var out = ""
        for character in name {
            if "\\.+*?()|[]{}^$".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

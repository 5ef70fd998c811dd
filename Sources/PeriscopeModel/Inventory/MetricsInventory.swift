import PeriscopeDSL

/// A metrics inventory (`metrics.yaml`): what a Prometheus holds, per metric family, with a
/// budget for every label. Lint uses it for the type checks (`rate` on a counter only) and
/// the series estimates of queries and recording rules; `periscope inventory` writes it from a
/// live server.
///
/// The file is a map `metrics:` from metric names to entries:
///
/// ```yaml
/// metrics:
///   http_requests_total:           # the family name, as /api/v1/metadata reports it
///     type: counter                # counter|gauge|histogram|summary|gaugehistogram|info|stateset|unknown
///     help: Requests served.       # optional
///     unit: ""                     # optional (OpenMetrics UNIT)
///     series: 1240                 # optional: series measured across the family's samples
///     labels:
///       code: { values: 8, max: 20 }    # max: the budget of distinct values (required);
///       path: { values: 950, max: 100 } # values: the number measured (optional)
/// ```
///
/// A histogram or summary is listed once under its family name (`http_request_duration_seconds`),
/// not per sample (`_bucket`, `_count`, `_sum`); its `le` or `quantile` label is a label like any
/// other. `type(of:)` and `family(of:)` map a sample name back to its family.
public struct MetricsInventory: Sendable, Hashable {
    /// The metrics by family name.
    public var metrics: [String: InventoryMetric]

    /// Creates an inventory.
    public init(metrics: [InventoryMetric] = []) {
        var byName: [String: InventoryMetric] = [:]
        for metric in metrics { byName[metric.name] = metric }
        self.metrics = byName
    }

    /// The metrics sorted by name.
    public var sortedMetrics: [InventoryMetric] { metrics.values.sorted { $0.name < $1.name } }

    /// The entry written for exactly `name`.
    public func metric(named name: String) -> InventoryMetric? { metrics[name] }

    /// The family a series name belongs to, following OpenMetrics' sample naming: an exact entry
    /// first; else `<family>_bucket`/`_count`/`_sum`/`_created` of a histogram, `_count`/`_sum`/
    /// `_created` of a summary, `_total`/`_created` of a counter, `_bucket`/`_gcount`/`_gsum` of a
    /// gauge histogram, `_info` of an info metric. An exact entry also gets its suffix when its type
    /// has it (`http_requests_total` listed as a counter is a counter's `_total` sample).
    /// Nil when the inventory does not know the name.
    public func family(of name: String) -> InventoryFamilyMatch? {
        if let metric = metrics[name] {
            let suffix = metric.type.sampleSuffixes.first { name.hasSuffix($0) && name.count > $0.count }
            // An exact counter entry `foo_created` is not the `_created` sample of itself.
            return InventoryFamilyMatch(metric: metric, suffix: suffix == "_created" ? nil : suffix)
        }
        for suffix in Self.allSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            let base = String(name.dropLast(suffix.count))
            if let metric = metrics[base], metric.type.sampleSuffixes.contains(suffix) {
                return InventoryFamilyMatch(metric: metric, suffix: suffix)
            }
        }
        return nil
    }

    /// The type of the family `name` belongs to (`histogram` for `foo_bucket` when `foo` is a
    /// histogram); nil when the inventory does not know the name. See `family(of:)`.
    public func type(of metric: String) -> MetricType? { family(of: metric)?.metric.type }

    /// An estimate of the series a selector of `metric` gives once aggregated to `keptLabels`
    /// (nil: every label is kept, as in a plain selector, `without (…)` or `sum without ()`).
    ///
    /// It is the product of the value counts of the kept labels the inventory knows (the
    /// measured `values` when given, else the budget `max`), capped by the family's measured
    /// `series` when given. Labels the inventory does not list count as 1 and are named in
    /// `unknownLabels`. An aggregation to no label (`sum(x)`) is 1 series. The product saturates
    /// at `Int.max`. Nil when the metric is not in the inventory.
    public func estimatedSeries(of metric: String, keeping keptLabels: Set<String>?) -> SeriesEstimate? {
        guard let match = family(of: metric) else { return nil }
        let family = match.metric
        let names = keptLabels.map { $0.sorted() } ?? family.labels.keys.sorted()
        var product = 1
        var unknown: [String] = []
        for name in names where name != "__name__" {
            guard let label = family.labels[name] else {
                unknown.append(name)
                continue
            }
            let (result, overflow) = product.multipliedReportingOverflow(by: label.values ?? label.maximumValues)
            product = overflow ? Int.max : result
        }
        var capped = false
        if let series = family.series, series < product {
            product = series
            capped = true
        }
        return SeriesEstimate(count: product, cappedBySeriesCount: capped, unknownLabels: unknown)
    }

    static let allSuffixes = ["_bucket", "_count", "_sum", "_created", "_total", "_gcount", "_gsum", "_info"]
}

/// One metric family of a `MetricsInventory`.
public struct InventoryMetric: Sendable, Hashable {
    /// The family name (`http_requests_total`, `http_request_duration_seconds`).
    public var name: String
    /// The type; `unknown` when the file or the server gave none.
    public var type: MetricType
    /// The help text (empty when none).
    public var help: String
    /// The unit (OpenMetrics `# UNIT`), nil when none.
    public var unit: String?
    /// The number of series measured across the family's samples, nil when not measured.
    public var series: Int?
    /// The labels by name.
    public var labels: [String: InventoryLabel]
    /// Where the entry's name is written; nil for an inventory built in code or from a server.
    public var location: Location?

    /// Creates a metric.
    public init(name: String, type: MetricType, help: String = "", unit: String? = nil, series: Int? = nil,
                labels: [InventoryLabel] = [], location: Location? = nil) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.series = series
        var byName: [String: InventoryLabel] = [:]
        for label in labels { byName[label.name] = label }
        self.labels = byName
        self.location = location
    }

    /// The labels sorted by name.
    public var sortedLabels: [InventoryLabel] { labels.values.sorted { $0.name < $1.name } }
}

/// One label of an `InventoryMetric`: its budget and what was measured.
public struct InventoryLabel: Sendable, Hashable {
    /// The label name.
    public var name: String
    /// The budget: the most distinct values the label may have (`max` in the file).
    public var maximumValues: Int
    /// The distinct values measured (`values` in the file), nil when not measured.
    public var values: Int?
    /// Where the label's name is written; nil for an inventory built in code or from a server.
    public var location: Location?

    /// Creates a label.
    public init(name: String, maximumValues: Int, values: Int? = nil, location: Location? = nil) {
        self.name = name
        self.maximumValues = maximumValues
        self.values = values
        self.location = location
    }

    /// Whether the measured value count is over the budget.
    public var isOverBudget: Bool { (values ?? 0) > maximumValues }
}

/// A series name resolved to its family by `MetricsInventory.family(of:)`.
public struct InventoryFamilyMatch: Sendable, Hashable {
    /// The family.
    public var metric: InventoryMetric
    /// The OpenMetrics sample suffix the name carries (`_bucket`, `_total`, …), nil for the bare family name.
    public var suffix: String?

    /// Creates a match.
    public init(metric: InventoryMetric, suffix: String?) {
        self.metric = metric
        self.suffix = suffix
    }

    /// Whether the samples only go up (reset aside), so `rate`, `irate` and `increase` apply: a
    /// counter's `_total` (or bare name), a histogram's `_bucket`/`_count`/`_sum`, a summary's
    /// `_count`/`_sum`, and a bare histogram name (a native histogram). `_created` samples are
    /// timestamps, gauge histograms' samples are gauges.
    public var isCounterLike: Bool {
        switch metric.type {
        case .counter: suffix != "_created"
        case .histogram: suffix != "_created"
        case .summary: suffix == "_count" || suffix == "_sum"
        case .gauge, .gaugehistogram, .info, .stateset, .unknown: false
        }
    }
}

/// What `MetricsInventory.estimatedSeries(of:keeping:)` estimates.
public struct SeriesEstimate: Sendable, Hashable {
    /// The estimated number of series.
    public var count: Int
    /// Whether the product of the label value counts was larger than the measured series count, which was used instead.
    public var cappedBySeriesCount: Bool
    /// Kept labels the inventory does not list (counted as 1), sorted.
    public var unknownLabels: [String]

    /// Creates an estimate.
    public init(count: Int, cappedBySeriesCount: Bool = false, unknownLabels: [String] = []) {
        self.count = count
        self.cappedBySeriesCount = cappedBySeriesCount
        self.unknownLabels = unknownLabels
    }
}

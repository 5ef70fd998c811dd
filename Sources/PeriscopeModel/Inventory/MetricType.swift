/// The type of a metric family, as Prometheus' metadata API (`/api/v1/metadata`) and the
/// OpenMetrics exposition format name it.
///
/// Source: OpenMetrics 1.0, "Metric types" (counter, gauge, histogram, gaugehistogram, summary,
/// info, stateset, unknown); Prometheus' `model/textparse` uses the same words.
public enum MetricType: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A monotonically increasing count; its samples are `<family>_total` (and `<family>_created`).
    case counter
    /// A value that goes up and down.
    case gauge
    /// Cumulative buckets: `<family>_bucket{le}`, `<family>_count`, `<family>_sum` (and `_created`),
    /// or one native-histogram series named `<family>`.
    case histogram
    /// Quantiles `<family>{quantile}` plus `<family>_count` and `<family>_sum` (and `_created`).
    case summary
    /// A histogram of gauges: `<family>_bucket{le}`, `<family>_gcount`, `<family>_gsum`.
    case gaugehistogram
    /// Constant 1 carrying labels: `<family>_info`.
    case info
    /// One series per state, value 0 or 1, the state in a label named like the family.
    case stateset
    /// No type was given (Prometheus' text format `untyped` is read as this).
    case unknown

    /// The suffixes of the sample names of a family of this type (OpenMetrics "Metric types").
    public var sampleSuffixes: [String] {
        switch self {
        case .counter: ["_total", "_created"]
        case .histogram: ["_bucket", "_count", "_sum", "_created"]
        case .summary: ["_count", "_sum", "_created"]
        case .gaugehistogram: ["_bucket", "_gcount", "_gsum"]
        case .info: ["_info"]
        case .gauge, .stateset, .unknown: []
        }
    }

    /// Orders by the raw name.
    public static func < (lhs: MetricType, rhs: MetricType) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The type for a metadata `type` string; Prometheus' `untyped` is `unknown`, anything else unknown is nil.
    public init?(metadataType text: String) {
        if text == "untyped" { self = .unknown; return }
        self.init(rawValue: text)
    }
}

// Series-description notation: the `values:` syntax of promtool rule unit tests and of the
// PromQL test scripts, e.g. `http_requests{job="api"} 1+2x10 _ stale {{schema:0 sum:5}}x3`.

/// A parsed series description: one series' labels and its expanded samples.
///
/// ```swift
/// let series = try SeriesDescription(parsing: #"up{job="api"} 1+1x2 _ stale"#)
/// series.labels        // ["__name__": "up", "job": "api"]
/// series.values        // [.float(1), .float(2), .float(3), nil, .stale]
/// ```
public struct SeriesDescription: Sendable, Equatable {
    /// The series' labels; the metric name, when given, is stored under `__name__`. Names and
    /// values are bytes, as in Prometheus: `"\xff"` is the byte 0xFF.
    public var labels: [PromQLString: PromQLString]
    /// The expanded samples, one per evaluation step; `nil` is an omitted sample (`_`).
    public var values: [SeriesValue?]

    /// Creates a series description from already expanded parts.
    public init(labels: [PromQLString: PromQLString], values: [SeriesValue?]) {
        self.labels = labels
        self.values = values
    }

    /// The metric name (`__name__`), if the description has one.
    public var metricName: PromQLString? { labels["__name__"] }

    /// The largest number of samples one description may expand to.
    ///
    /// `1x100000000` is valid notation, but expanding it would exhaust memory; descriptions
    /// beyond this bound are rejected with an error instead.
    public static let maximumSampleCount = 1_000_000

    /// Parses a series description such as `a{b="c"} 1+2x10 _ stale`.
    ///
    /// Follows Prometheus `ParseSeriesDesc`: `vxN` repeats `v` N more times, `a+bxN` and
    /// `a-bxN` count up or down N steps after `a`, `_` omits a sample, `_xN` omits N, `stale`
    /// is a staleness marker, and `{{…}}` is a native histogram (optionally `{{…}}xN`,
    /// `{{…}}+{{…}}xN` or `{{…}}-{{…}}xN`).
    /// - Throws: ``SeriesNotationError`` with the byte offset of the problem.
    public init(parsing text: String) throws(SeriesNotationError) {
        var parser = SeriesNotationParser(text)
        self = try parser.parseDescription()
    }
}

/// One sample of a series description.
public enum SeriesValue: Sendable, Equatable {
    /// A float sample.
    case float(Double)
    /// The staleness marker (`stale`).
    case stale
    /// A native histogram sample (`{{…}}`).
    case histogram(SeriesHistogram)
}

/// A native histogram sample written as `{{schema:1 sum:3 count:4 buckets:[1 2] …}}`.
///
/// Buckets are held as spans plus bucket counts, the way Prometheus' `FloatHistogram` does.
public struct SeriesHistogram: Sendable, Equatable {
    /// The counter-reset hint of a histogram sample.
    public enum CounterResetHint: String, Sendable, Equatable {
        /// `unknown` (the default).
        case unknown
        /// `reset`: a counter reset happened right before this sample.
        case reset
        /// `not_reset`: no counter reset happened.
        case notReset = "not_reset"
        /// `gauge`: the histogram is a gauge histogram.
        case gauge
    }

    /// A run of consecutive buckets: `offset` buckets after the previous span's end (or after
    /// bucket index 0 for the first span), `length` buckets long.
    public struct Span: Sendable, Equatable {
        /// Gap to the previous span (for the first span: the first bucket index).
        public var offset: Int32
        /// Number of consecutive buckets in the span.
        public var length: UInt32
        /// Creates a span.
        public init(offset: Int32, length: UInt32) {
            self.offset = offset
            self.length = length
        }
    }

    /// The schema (resolution); `-53` means custom bucket boundaries.
    public var schema: Int32 = 0
    /// Sum of observations.
    public var sum: Double = 0
    /// Count of observations.
    public var count: Double = 0
    /// Observations in the zero bucket (`z_bucket`).
    public var zeroCount: Double = 0
    /// Width of the zero bucket (`z_bucket_w`).
    public var zeroThreshold: Double = 0
    /// Spans of the positive buckets.
    public var positiveSpans: [Span] = []
    /// Counts of the positive buckets, in span order.
    public var positiveBuckets: [Double] = []
    /// Spans of the negative buckets.
    public var negativeSpans: [Span] = []
    /// Counts of the negative buckets, in span order.
    public var negativeBuckets: [Double] = []
    /// Custom bucket boundaries (`custom_values`), used with schema -53.
    public var customValues: [Double] = []
    /// The counter-reset hint.
    public var counterResetHint: CounterResetHint = .unknown

    /// Creates an empty histogram (`{{}}`).
    public init() {}
}

/// Why a series description could not be parsed.
public struct SeriesNotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Byte offset into the description where the problem was found.
    public var offset: Int

    /// Creates an error.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `"<offset>: <message>"`.
    public var description: String { "\(offset): \(message)" }
}

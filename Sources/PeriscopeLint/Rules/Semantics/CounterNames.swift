import PromQL

/// How the PromQL rules decide what a metric is when no inventory says: by the suffixes of
/// Prometheus' naming conventions and exposition formats.
enum CounterNames {
    /// The suffixes of counters and of the counter series of histograms and summaries
    /// (`_total`; `_count`, `_sum`, `_bucket`, which only grow — Prometheus' exposition
    /// formats). `_sum` of observations that can be negative can decrease, but Prometheus
    /// documents `rate()` of `_sum` as the intended use.
    static let counterSuffixes = ["_total", "_count", "_sum", "_bucket"]

    /// Whether `name` is a counter by its name. `_created` (OpenMetrics' creation timestamp) is a gauge.
    static func isCounterByName(_ name: String) -> Bool {
        counterSuffixes.contains { name.hasSuffix($0) }
    }

    /// The functions that need a counter.
    static let counterFunctions: Set<String> = ["rate", "irate", "increase"]

    /// The functions that read a native histogram: a metric given to them (directly or through
    /// `rate`/`increase`, an aggregation …) is a native histogram, which `rate` accepts.
    static let nativeHistogramFunctions: Set<String> = [
        "histogram_quantile", "histogram_fraction", "histogram_count", "histogram_sum", "histogram_avg",
        "histogram_stddev", "histogram_stdvar", "histogram_quantiles",
    ]

    /// The metrics the input uses as native histograms: read by a histogram function with no
    /// `_bucket` name and no `le` grouping, e.g. `histogram_quantile(0.9, sum by (job) (rate(x[5m])))`.
    static func nativeHistograms(in queries: [LintQuery]) -> Set<PromQLString> {
        var found: Set<PromQLString> = []
        for index in queries.indices {
            guard queries[index].mentions("histogram_"), let expr = queries[index].expression else { continue }
            expr.walk { node in
                guard case .call(let call) = node, nativeHistogramFunctions.contains(call.function.name) else { return true }
                // The histogram argument is the last vector one (histogram_quantile(φ, h), histogram_count(h)).
                guard let argument = call.args.last(where: { $0.type == .vector }) else { return true }
                for reference in argument.selectors {
                    guard let name = reference.metricName, let text = name.string, !text.hasSuffix("_bucket") else { continue }
                    found.insert(name)
                }
                return true
            }
        }
        return found
    }
}

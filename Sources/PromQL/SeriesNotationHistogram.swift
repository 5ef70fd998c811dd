// Histogram arithmetic for `{{…}}+{{…}}xN` and `{{…}}-{{…}}xN` series.

/// An error from combining two histograms of a series description.
struct SeriesHistogramCombineError: Error {
    var message: String
}

extension SeriesHistogram {
    /// The schema Prometheus uses for custom bucket boundaries (NHCB).
    static let customBucketsSchema: Int32 = -53

    /// `self + other` (or `self - other`), as Prometheus' series expansion computes it.
    ///
    /// Like Prometheus, the increment may have a finer schema than the running value (it is
    /// reduced to the running value's schema) but not a coarser one. Custom-bucket histograms
    /// combine only with custom-bucket histograms of identical boundaries (Prometheus would
    /// intersect differing boundaries; series descriptions in tests do not rely on that).
    /// The result keeps the running value's zero threshold and counter-reset hint.
    func combined(with other: SeriesHistogram, subtracting: Bool) throws(SeriesHistogramCombineError) -> SeriesHistogram {
        if schema > other.schema {
            throw SeriesHistogramCombineError(message: "error combining histograms: cannot merge from schema \(other.schema) to \(schema)")
        }
        let selfCustom = schema == SeriesHistogram.customBucketsSchema
        let otherCustom = other.schema == SeriesHistogram.customBucketsSchema
        if selfCustom != otherCustom {
            throw SeriesHistogramCombineError(message: "error combining histograms: cannot combine custom-bucket and exponential histograms")
        }
        if selfCustom && customValues != other.customValues {
            throw SeriesHistogramCombineError(message: "error combining histograms: custom bucket boundaries differ")
        }
        let sign = subtracting ? -1.0 : 1.0
        var result = self
        result.sum += sign * other.sum
        result.count += sign * other.count
        result.zeroCount += sign * other.zeroCount
        let shift = other.schema - schema
        (result.positiveSpans, result.positiveBuckets) = SeriesHistogram.addBuckets(
            SeriesHistogram.bucketMap(spans: positiveSpans, buckets: positiveBuckets, reducingBy: 0),
            SeriesHistogram.bucketMap(spans: other.positiveSpans, buckets: other.positiveBuckets, reducingBy: shift),
            sign: sign)
        (result.negativeSpans, result.negativeBuckets) = SeriesHistogram.addBuckets(
            SeriesHistogram.bucketMap(spans: negativeSpans, buckets: negativeBuckets, reducingBy: 0),
            SeriesHistogram.bucketMap(spans: other.negativeSpans, buckets: other.negativeBuckets, reducingBy: shift),
            sign: sign)
        return result
    }

    /// Bucket index → count. Reducing the resolution by `shift` schema steps merges each
    /// group of 2^shift buckets into one (exponential bucket `i` becomes `((i - 1) >> shift) + 1`).
    private static func bucketMap(spans: [Span], buckets: [Double], reducingBy shift: Int32) -> [Int64: Double] {
        var map: [Int64: Double] = [:]
        var index: Int64 = 0
        var bucket = 0
        for span in spans {
            // Offsets are relative to the previous span's end.
            index += Int64(span.offset)
            for _ in 0..<span.length where bucket < buckets.count {
                let target = shift > 0 ? ((index - 1) >> Int64(shift)) + 1 : index
                map[target, default: 0] += buckets[bucket]
                bucket += 1
                index += 1
            }
        }
        return map
    }

    /// Adds two bucket maps and lays the result out as one span per run of adjacent buckets.
    private static func addBuckets(_ lhs: [Int64: Double], _ rhs: [Int64: Double], sign: Double) -> ([Span], [Double]) {
        var sum = lhs
        for (index, count) in rhs { sum[index, default: 0] += sign * count }
        var spans: [Span] = []
        var buckets: [Double] = []
        var previousEnd: Int64 = 0
        var first = true
        for index in sum.keys.sorted() {
            if !first && index == previousEnd {
                spans[spans.count - 1].length += 1
            } else {
                spans.append(Span(offset: Int32(truncatingIfNeeded: index - previousEnd), length: 1))
            }
            buckets.append(sum[index]!)
            previousEnd = index + 1
            first = false
        }
        return (spans, buckets)
    }
}

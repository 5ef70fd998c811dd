/// What an SLO measures: the service level indicator, as the ratio of bad events to all
/// events over a window.
///
/// Every query kind is written once with the window placeholder `{{.window}}` (Sloth's
/// spelling, spaces allowed: `{{ .window }}`); the expansion renders it once per alerting
/// window and for the SLO period (`[{{.window}}]` becomes `[5m]`, `[1h]`, … `[30d]`).
///
/// ```swift
/// // Bad events over all events (Sloth's `events` SLI).
/// SLI.events(errors: #"sum(rate(http_requests_total{job="api",code=~"5.."}[{{.window}}]))"#,
///            total: #"sum(rate(http_requests_total{job="api"}[{{.window}}]))"#)
/// // The same, built from the counter and the matcher that selects errors.
/// SLI.events(counter: "http_requests_total", errors: #"code=~"5..""#, selector: #"job="api""#)
/// // Requests served within 0.8 s, from a histogram's `le="0.8"` bucket.
/// SLI.latency(histogram: "http_request_duration_seconds", bucket: "0.8", selector: #"job="api""#)
/// // A query that already returns the error ratio (Sloth's `raw` SLI).
/// SLI.raw(errorRatio: #"1 - avg_over_time(probe_success{job="blackbox"}[{{.window}}])"#)
/// ```
public struct SLI: Sendable, Hashable {
    /// The kinds of SLI.
    public enum Kind: Sendable, Hashable {
        /// A query of bad events and a query of all events (`error_query`/`total_query` in Sloth).
        case errorEvents(errors: String, total: String)
        /// A query of good events and a query of all events; the error ratio is `1 - good/total`.
        case goodEvents(good: String, total: String)
        /// A counter of events, the matcher that selects the bad ones and the matchers of the
        /// service; both queries are `sum(rate(counter{…}[{{.window}}]))`.
        case counter(metric: String, errors: String, selector: String)
        /// A histogram (its base name, without `_bucket`), the `le` value of the threshold
        /// bucket as the histogram writes it, and the matchers of the service: bad events are
        /// the requests above the threshold, `_count` minus the bucket.
        case latency(histogram: String, bucket: String, selector: String)
        /// A query that returns the error ratio itself, between 0 and 1 (`error_ratio_query` in Sloth).
        case raw(errorRatio: String)
    }

    /// The kind and its queries.
    public var kind: Kind

    /// Creates an SLI of a kind.
    public init(_ kind: Kind) { self.kind = kind }

    /// Bad events over all events; both queries contain `{{.window}}`.
    public static func events(errors: String, total: String) -> SLI { SLI(.errorEvents(errors: errors, total: total)) }

    /// Good events over all events; both queries contain `{{.window}}`. The error ratio is `1 - good/total`.
    public static func events(good: String, total: String) -> SLI { SLI(.goodEvents(good: good, total: total)) }

    /// Bad events over all events of one counter: `errors` is the matcher (or matchers) that
    /// select the bad events (`code=~"5.."`), `selector` the matchers of the service (`job="api"`,
    /// empty for none). The window placeholder is added for you.
    public static func events(counter metric: String, errors: String, selector: String = "") -> SLI {
        SLI(.counter(metric: metric, errors: errors, selector: selector))
    }

    /// Requests at or under a latency threshold, from a Prometheus histogram: `histogram` is
    /// the base name (`http_request_duration_seconds`), `bucket` the threshold bucket's `le`
    /// label exactly as exported (`"0.8"`; seconds for a `_seconds` histogram).
    public static func latency(histogram: String, bucket: String, selector: String = "") -> SLI {
        SLI(.latency(histogram: histogram, bucket: bucket, selector: selector))
    }

    /// A query that returns the error ratio (0 to 1) itself; it contains `{{.window}}`.
    public static func raw(errorRatio: String) -> SLI { SLI(.raw(errorRatio: errorRatio)) }
}

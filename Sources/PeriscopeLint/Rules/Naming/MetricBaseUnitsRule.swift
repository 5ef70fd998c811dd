import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `metric-base-units`: metric names use base units, `_seconds` and `_bytes`, never `_ms` or `_kb`.
public struct MetricBaseUnitsRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "metric-base-units" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Metric names use base units: _seconds, _bytes, _celsius, _ratio, never _ms, _milliseconds or _kb.",
            why: "Prometheus' naming guide (prometheus.io/docs/practices/naming) asks for base units so that every metric of a kind can be compared, summed and graphed together without conversions; Grafana's units then scale the display. A dashboard mixing _ms and _seconds shows values off by 1000.",
            bad: "record: job:http_request_latency_ms:p99",
            good: "record: job:http_request_latency_seconds:p99   # and divide the expression by 1000",
            fix: "Rename the metric (or recording rule) to the base unit and convert its value. Metrics of an exporter you do not own can be renamed with metric_relabel_configs, or the finding excepted in .periscope.yaml with a reason.")
    }

    /// Non-base unit suffix → the base unit to use instead (Prometheus' naming guide).
    static let units: [String: String] = [
        "ms": "seconds", "msec": "seconds", "msecs": "seconds", "millis": "seconds", "milliseconds": "seconds", "millisecond": "seconds",
        "us": "seconds", "usec": "seconds", "micros": "seconds", "microseconds": "seconds", "ns": "seconds", "nanos": "seconds", "nanoseconds": "seconds",
        "sec": "seconds", "secs": "seconds", "mins": "seconds", "minutes": "seconds", "minute": "seconds", "hours": "seconds", "hour": "seconds", "days": "seconds",
        "kb": "bytes", "kib": "bytes", "kilobytes": "bytes", "mb": "bytes", "mib": "bytes", "megabytes": "bytes", "gb": "bytes", "gib": "bytes", "gigabytes": "bytes",
        "tb": "bytes", "terabytes": "bytes", "kbytes": "bytes", "mbytes": "bytes",
        "percent": "ratio", "pct": "ratio", "percentage": "ratio", "fahrenheit": "celsius",
    ]

    /// Suffixes after the unit (`_seconds_total`, `_bytes_bucket`).
    static let trailing: Set<String> = ["total", "count", "sum", "bucket", "created", "info", "max", "min", "avg"]

    /// The bad unit of `name` and its base unit, looking at the last word before the type suffixes.
    static func badUnit(in name: String) -> (unit: String, base: String)? {
        let metric = name.split(separator: ":").count == 3 ? String(name.split(separator: ":")[1]) : name
        var words = metric.lowercased().split(separator: "_").map(String.init)
        while let last = words.last, trailing.contains(last), words.count > 1 { words.removeLast() }
        guard let last = words.last, words.count > 1, let base = units[last] else { return nil }
        return (last, base)
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites where site.rule.kind == .record {
            if let (unit, base) = Self.badUnit(in: site.rule.name.value) {
                findings.report("recording rule '\(site.rule.name.value)' names a metric in '_\(unit)'; use the base unit '_\(base)' and convert the value",
                                at: site.nameLocation, subject: site.subject)
            }
        }
        for query in input.queries {
            guard let expression = query.expression else { continue }
            var seen: Set<String> = []
            for selector in expression.selectors {
                guard let name = selector.metricName?.string, seen.insert(name).inserted, let (unit, base) = Self.badUnit(in: name) else { continue }
                findings.report("metric '\(name)' is in '_\(unit)'; metrics use base units ('_\(base)'): rename it at the source or in metric_relabel_configs",
                                at: input.location(of: query, atByte: selector.range.lowerBound), subject: input.subject(of: query))
            }
        }
    }
}

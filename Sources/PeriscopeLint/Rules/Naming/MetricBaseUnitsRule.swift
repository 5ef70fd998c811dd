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
        var words: [String]
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, the usual case, as bytes: splitting and lowercasing characters costs far more.
            let bytes = Array(name.utf8)
            let parts = bytes.split(separator: UInt8(ascii: ":"))
            let metric = parts.count == 3 ? parts[1] : bytes[...]
            words = metric.split(separator: UInt8(ascii: "_")).map { word in
                String(decoding: word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
            }
        } else {
            let metric = name.split(separator: ":").count == 3 ? String(name.split(separator: ":")[1]) : name
            words = metric.lowercased().split(separator: "_").map(String.init)
        }
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
        // Catalogs read the same few metrics in thousands of queries: each name is judged once.
        var verdicts: [String: (unit: String, base: String)?] = [:]
        for query in input.queries {
            guard let expression = query.expression else { continue }
            var seen: Set<String> = []
            for selector in expression.selectors {
                guard let name = selector.metricName?.string else { continue }
                let verdict: (unit: String, base: String)?
                if let known = verdicts[name] {
                    verdict = known
                } else {
                    verdict = Self.badUnit(in: name)
                    verdicts[name] = verdict
                }
                // A name read twice by one query is reported once.
                guard let (unit, base) = verdict, seen.insert(name).inserted else { continue }
                findings.report("metric '\(name)' is in '_\(unit)'; metrics use base units ('_\(base)'): rename it at the source or in metric_relabel_configs",
                                at: input.location(of: query, atByte: selector.range.lowerBound), subject: input.subject(of: query))
            }
        }
    }
}

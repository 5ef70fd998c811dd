import PeriscopeDSL
import PromQL
import PeriscopeModel

/// `rate-on-non-counter`: `rate`, `irate` and `increase` read counters.
///
/// A metric is a counter by the metrics inventory when it has one (`counter`, or the
/// `_count`/`_sum`/`_bucket` series of a `histogram` or `summary`), else by its name (`_total`,
/// `_count`, `_sum`, `_bucket`; `_created` is a timestamp). A metric the input uses as a native
/// histogram (inside `histogram_quantile` and friends with no `_bucket` name) is valid in
/// `rate`. Metrics of recording rules (names with `:`) and selectors with no fixed name are not
/// judged by name: their type is not known.
public struct RateOnCounterRule: LintRule {
    public let id: DiagnosticID = "rate-on-non-counter"
    public let category = LintCategory.semantics
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "`rate`, `irate` and `increase` are applied to counters only.",
        why: """
            `rate()` assumes its input only grows and treats every decrease as a counter reset: on a gauge \
            (temperature, queue length, memory in use) each drop is read as a reset and adds the whole new \
            value, so the result is meaningless. Prometheus' documentation of rate: "rate should only be used \
            with counters and native histograms"; for gauges use `deriv()` or `delta()`. Counters are \
            recognised from the metrics inventory, else by the names Prometheus itself accepts before it \
            annotates a query with "metric might not be a counter, name does not end in _total/_sum/_count/\
            _bucket" (util/annotations/annotations.go, PossibleNonCounterInfo).
            """,
        bad: "rate(node_memory_MemAvailable_bytes[5m])",
        good: "deriv(node_memory_MemAvailable_bytes[5m])",
        fix: "Use `deriv()` or `delta()` for a gauge, or the gauge itself. If the metric is a counter with a non-conventional name, record its type in metrics.yaml, or rename it with `_total`."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        var natives: Set<PromQLString>?
        for index in input.queries.indices {
            guard input.options.inventory != nil ? (input.queries[index].mentions("rate") || input.queries[index].mentions("increase"))
                    : RateOnCounterRule.mayReadNonCounter(input.queries[index].text) else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            expr.walk { node in
                guard case .call(let call) = node, CounterNames.counterFunctions.contains(call.function.name),
                      case .matrixSelector(let matrix)? = call.args.first?.unwrapped,
                      let name = SelectorReference.metricNameOf(matrix.vectorSelector), let text = name.string else { return true }
                if natives == nil { natives = CounterNames.nativeHistograms(in: input.queries) }
                guard let problem = problem(with: text, name: name, natives: natives ?? [], input: input) else { return true }
                findings.report(
                    "\(call.function.name)() on '\(text)', which \(problem); \(call.function.name) reads counters",
                    at: input.location(of: query, atByte: matrix.range.lowerBound), subject: input.subject(of: query),
                    notes: ["for a gauge use deriv() or delta()"])
                return true
            }
        }
    }

    /// Whether the text may apply `rate`, `irate` or `increase` to something that is not a
    /// counter by name: false when every such call's argument starts with a metric name ending
    /// in `_total`, `_count`, `_sum` or `_bucket` (the common case, decided without walking the
    /// expression). With an inventory, names are not enough, so the walk always happens.
    static func mayReadNonCounter(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            // Find `rate` or `increase` as a whole word (irate ends in rate).
            var word = index
            while word < bytes.count, GrafanaVariables.isNameByte(bytes[word]) { word += 1 }
            if word > index {
                let name = bytes[index..<word]
                // Lengths and first letters first: most words are neither.
                if (name.count == 4 || name.count == 5 || name.count == 8), name.first == UInt8(ascii: "r") || name.first == UInt8(ascii: "i"),
                   name.elementsEqual("rate".utf8) || name.elementsEqual("irate".utf8) || name.elementsEqual("increase".utf8) {
                    var cursor = word
                    while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") {
                        cursor += 1
                        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\n") { cursor += 1 }
                        var end = cursor
                        while end < bytes.count, GrafanaVariables.isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: ":") { end += 1 }
                        guard end > cursor else { return true }
                        let metric = String(decoding: bytes[cursor..<end], as: UTF8.self)
                        if !(CounterNames.isCounterByName(metric) || metric.utf8.contains(UInt8(ascii: ":"))) { return true }
                    }
                }
                index = word
            } else {
                index += 1
            }
        }
        return false
    }

    /// Why `text` is not a counter, or nil when it is (or cannot be judged).
    private func problem(with text: String, name: PromQLString, natives: Set<PromQLString>, input: LintInput) -> String? {
        if natives.contains(name) { return nil }
        if let match = input.options.inventory?.family(of: text), match.metric.type != .unknown {
            return match.isCounterLike ? nil : "the metrics inventory types as a \(match.metric.type.rawValue)\(match.suffix.map { " (its \($0) series)" } ?? "")"
        }
        if text.utf8.contains(UInt8(ascii: ":")) { return nil }
        if text.hasSuffix("_created") { return "is a creation timestamp (a gauge), not a counter" }
        if CounterNames.isCounterByName(text) { return nil }
        return "is not a counter by its name (counters end in _total, _count, _sum or _bucket)"
    }
}

extension SelectorReference {
    /// The metric name a selector fixes (its name, or one `__name__=` matcher), or nil.
    static func metricNameOf(_ selector: VectorSelector) -> PromQLString? {
        if let name = selector.name { return PromQLString(name) }
        let names = selector.matchers.filter { $0.name == "__name__" && $0.type == .equal }.map(\.value)
        return names.count == 1 ? names[0] : nil
    }
}

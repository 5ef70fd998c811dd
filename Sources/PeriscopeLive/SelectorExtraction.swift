import PeriscopeCompiler
import PeriscopeModel
import PromQL

/// A vector selector of a query in the form it is measured: `count(<text>)`.
struct MeasuredSelector: Sendable, Hashable {
    /// The selector printed without offset or `@` (`http_requests_total{code="500"}`).
    var text: String
    /// The metric name it fixes, nil when none.
    var metricName: String?
    /// The matchers left out because they test a Grafana variable (`job=~"$job"`), as written.
    var droppedMatchers: [String]
}

/// The selectors of a query, ready to be measured.
///
/// Grafana variables are not PromQL. Outside strings (`[$__rate_interval]`, `$__interval`,
/// `${var}`, `[[var]]`) they are replaced by placeholders of the same length before parsing
/// (`GrafanaVariables.placeholders`, which the compiler and lint use too). Inside a
/// matcher's value (`job=~"$job"`) the matcher is dropped, so the selector is measured for every
/// value of the variable (the dashboard's "All", the worst case). A selector whose metric name
/// is a variable is not measured at all.
enum SelectorExtraction {
    /// The selectors of `query`, in the order written; nil when it does not parse (the static
    /// checks report that).
    static func selectors(of query: LiveQuery, options: ParseOptions) -> [MeasuredSelector]? {
        let original = Array(query.expression.utf8)
        let expr: Expr
        let replaced: [UInt8]
        if let parsed = query.parsed {
            expr = parsed
            replaced = original
        } else {
            let text = containsVariable(original) ? GrafanaVariables.placeholders(in: query.expression) : query.expression
            replaced = Array(text.utf8)
            guard let parsed = try? PromQL.parse(text, options: options) else { return nil }
            expr = parsed
        }
        func rewritten(_ range: Range<Int>) -> Bool {
            range.upperBound <= original.count && range.upperBound <= replaced.count && original[range] != replaced[range]
        }
        var result: [MeasuredSelector] = []
        for reference in expr.selectors {
            let selector = reference.selector
            if let nameRange = selector.nameRange, rewritten(nameRange) { continue }
            var kept: [LabelMatcher] = []
            var dropped: [String] = []
            var templatedName = false
            for matcher in selector.matchers {
                if containsVariable(matcher.value.bytes) || rewritten(matcher.range) {
                    if matcher.name == "__name__" { templatedName = true }
                    dropped.append(matcher.description)
                } else {
                    kept.append(matcher)
                }
            }
            if templatedName { continue }
            // Prometheus refuses a selector without a name whose matchers all match the empty string.
            if selector.name == nil, kept.allSatisfy(\.matchesEmpty) { continue }
            let printed = Expr.vectorSelector(VectorSelector(name: selector.name, nameRange: selector.nameRange, matchers: kept, range: selector.range)).description
            result.append(MeasuredSelector(text: printed, metricName: reference.metricName?.string, droppedMatchers: dropped))
        }
        return result
    }

    /// Whether `bytes` hold a Grafana variable reference: `$name`, `${…}` or `[[name]]` (not a regex class such as `[[:alpha:]]`).
    static func containsVariable(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if bytes[index] == UInt8(ascii: "$"), next == UInt8(ascii: "{") || next == UInt8(ascii: "_") || isLetter(next) { return true }
            if bytes[index] == UInt8(ascii: "["), next == UInt8(ascii: "["), index + 2 < bytes.count,
               bytes[index + 2] == UInt8(ascii: "_") || isLetter(bytes[index + 2]) { return true }
        }
        return false
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
}

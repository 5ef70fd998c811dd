import PeriscopeDSL
import PromQL

/// Injects the environment's `prometheus.selectors` into generated PromQL.
///
/// The expression is parsed and edited at the positions the parser reports, so the user's
/// formatting is kept; a selector that already has the label keeps its own matcher.
/// Grafana variables (`$__rate_interval`, `${var}`, `$var`, `[[var]]`) are not PromQL, so
/// before parsing each is replaced by a placeholder of the same byte length that is valid where
/// it stands (a duration inside `[…]` or after `offset`, a name next to name characters, a
/// number elsewhere); the edits are then applied to the original text.
public enum SelectorInjection {
    /// The expression of `query` for `environment`: unchanged when the environment has no
    /// selectors or the query opted out; reports an error when the expression does not parse.
    @Sendable
    public static func rewrite(_ query: PrometheusQuery, environment: Environment, diagnostics: DiagnosticCollector) -> String {
        guard query.injectsSelectors, !environment.prometheus.selectors.isEmpty else { return query.expr }
        let matchers = environment.prometheus.selectors.map { LabelMatcher.equal($0.name, $0.value) }
        let options = ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3)
        let placeholder = grafanaVariablesReplaced(in: query.expr)
        do {
            let expr = try PromQL.parse(placeholder, options: options)
            return PromQL.applying(PromQL.matcherInsertions(matchers, into: expr), to: query.expr)
        } catch {
            diagnostics.emit(.error(
                "invalid PromQL in query: \(error.description) (expected a valid expression to inject the environment's selectors into; opt out with .injectingSelectors(false))",
                at: query.location, id: .queryExprInvalid))
            return query.expr
        }
    }

    /// `expr` with each Grafana variable replaced by a same-length placeholder.
    public static func grafanaVariablesReplaced(in expr: String) -> String {
        var bytes = Array(expr.utf8)
        guard bytes.contains(UInt8(ascii: "$")) || bytes.contains(UInt8(ascii: "[")) else { return expr }
        var index = 0
        var quote: UInt8? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\"), open != UInt8(ascii: "`") { index += 2; continue }
                if byte == open { quote = nil }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
                index += 1
                continue
            }
            if byte == UInt8(ascii: "#") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            var end = index
            if byte == UInt8(ascii: "$") {
                end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: "{") {
                    while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                    end = Swift.min(end + 1, bytes.count)
                } else {
                    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                }
                if end == index + 1 { index += 1; continue }
            } else if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                var close = index + 2
                while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: "]") && bytes[close + 1] == UInt8(ascii: "]")) { close += 1 }
                guard close + 1 < bytes.count else { index += 1; continue }
                end = close + 2
            } else {
                index += 1
                continue
            }
            let replacement = placeholder(length: end - index, context: context(before: index, after: end, in: bytes))
            bytes.replaceSubrange(index..<end, with: replacement)
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private enum Context { case duration, name, number }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func context(before start: Int, after end: Int, in bytes: [UInt8]) -> Context {
        if start > 0, isNameByte(bytes[start - 1]) { return .name }
        if end < bytes.count, isNameByte(bytes[end]) { return .name }
        var cursor = start - 1
        while cursor >= 0, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") || bytes[cursor] == UInt8(ascii: "\n") { cursor -= 1 }
        guard cursor >= 0 else { return .number }
        let previous = bytes[cursor]
        if previous == UInt8(ascii: "[") || previous == UInt8(ascii: ":") { return .duration }
        if cursor >= 5, Array(bytes[(cursor - 5)...cursor]) == Array("offset".utf8) { return .duration }
        return .number
    }

    private static func placeholder(length: Int, context: Context) -> [UInt8] {
        switch context {
        case .name: return Array(repeating: UInt8(ascii: "x"), count: length)
        case .number: return Array(repeating: UInt8(ascii: "0"), count: length - 1) + [UInt8(ascii: "1")]
        case .duration: return Array(repeating: UInt8(ascii: "0"), count: Swift.max(length - 2, 0)) + Array("1m".utf8)
        }
    }
}

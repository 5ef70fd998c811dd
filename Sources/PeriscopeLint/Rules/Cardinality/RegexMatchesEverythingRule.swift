import PeriscopeDSL
import PromQL

/// `regex-matches-everything`: a regex matcher that matches every value, so it selects nothing
/// less than the selector without it (`=~".*"`, `=~".*|foo"`, `=~"(?s:.*)"`).
///
/// Decided by the pattern's structure, anchored as Prometheus anchors label regexes: the
/// pattern matches every string when one of its top-level alternatives is a sequence of
/// `.*`-like atoms (`.*`, `.*?`, `[\s\S]*`, `(?:.*)`, `.{0,}`), optionally after flag groups.
/// A negated matcher (`!~`) matches every value only when its regex matches none, which is
/// not decided here. `!~""` is not reported: it selects the series that have the label, which
/// is a real condition, as is `=~".+"`. Grafana variables in the value (`=~"$job"`) are left as
/// written and never match this.
public struct RegexMatchesEverythingRule: LintRule {
    public let id: DiagnosticID = "regex-matches-everything"
    public let category = LintCategory.cardinality
    public let defaultSeverity = Diagnostic.Severity.warning
    public let doc = LintRuleDoc(
        summary: "Regex matchers that match every value (`=~\".*\"`, `=~\".*|foo\"`) are removed.",
        why: """
            `{path=~".*"}` filters nothing: Prometheus anchors label regexes (`^(?:.*)$`), and `.*` matches \
            every value including the empty one, so the selector returns every series of the metric — usually \
            not what the author meant (an unset dashboard variable, a leftover from editing). It also costs a \
            regex evaluation per series, and it hides the cardinality the query really reads. pint reports \
            the same (`promql/regexp`: "unnecessary wildcard regexp").
            """,
        bad: "sum(rate(http_requests_total{path=~\".*\", job=\"api\"}[5m]))",
        good: "sum(rate(http_requests_total{job=\"api\"}[5m]))",
        fix: "Remove the matcher; if a value was meant, write it (`path=~\"/api/.*\"`)."
    )

    public init() {}

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for index in input.queries.indices {
            // A pattern matching everything repeats an atom: `.*`, `[…]*`, `(…)*` or `{0,}`.
            guard input.queries[index].mentions("=~"),
                  input.queries[index].mentions(".*") || input.queries[index].mentions("]*") || input.queries[index].mentions(")*")
                    || input.queries[index].mentions("{0,") else { continue }
            let query = input.queries[index]
            guard let expr = query.expression else { continue }
            expr.walk { node in
                let selector: VectorSelector
                switch node {
                case .vectorSelector(let node): selector = node
                case .matrixSelector(let node): selector = node.vectorSelector
                default: return true
                }
                for matcher in selector.matchers where matcher.type == .regexMatch {
                    guard RegexMatchesEverythingRule.matchesEveryString(matcher.value.bytes) else { continue }
                    findings.report(
                        "matcher \(matcher.name.text)=~\(matcher.value.goQuoted) matches every value; it selects the same series as no matcher",
                        at: input.location(of: query, atByte: matcher.range.lowerBound), subject: input.subject(of: query))
                }
                return true
            }
        }
    }

    /// Whether an RE2 pattern, fully anchored, matches every string (conservatively: false when unsure).
    static func matchesEveryString(_ pattern: [UInt8]) -> Bool {
        var parser = Universal(bytes: pattern)
        return parser.alternation() && parser.position == pattern.count
    }

    /// A small recursive reader of the pattern's structure: it answers "does this match every
    /// string?" for each alternative, and gives up (false) on anything it does not model.
    private struct Universal {
        let bytes: [UInt8]
        var position = 0

        /// Alternatives up to `)` or the end; true when one of them matches everything.
        mutating func alternation() -> Bool {
            var any = false
            while true {
                let universal = sequence()
                any = any || universal
                if position < bytes.count, bytes[position] == UInt8(ascii: "|") {
                    position += 1
                    continue
                }
                break
            }
            return any
        }

        /// One alternative: true when every item is a universal star (or a flag group).
        mutating func sequence() -> Bool {
            var universal = true
            var items = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: "|"), bytes[position] != UInt8(ascii: ")") {
                let item = self.item()
                switch item {
                case .flags: continue
                case .universal: items += 1
                case .other: universal = false; items += 1
                case .invalid: universal = false; position = bytes.count
                }
            }
            return universal && items > 0
        }

        enum Item { case flags, universal, other, invalid }

        /// One atom with its repetition.
        mutating func item() -> Item {
            let start = position
            var atomIsAny = false
            var atomIsUniversal = false
            switch bytes[position] {
            case UInt8(ascii: "."):
                atomIsAny = true
                position += 1
            case UInt8(ascii: "["):
                atomIsAny = anyClass()
                if position == start { return .invalid }
            case UInt8(ascii: "("):
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "?") {
                    // Flags `(?s)` / `(?i)`, or a non-capturing group `(?s:…)`, `(?:…)`, or a named `(?P<n>…)`.
                    position += 1
                    var flagsEnd = position
                    while flagsEnd < bytes.count, bytes[flagsEnd] != UInt8(ascii: ":"), bytes[flagsEnd] != UInt8(ascii: ")"), bytes[flagsEnd] != UInt8(ascii: "<") { flagsEnd += 1 }
                    guard flagsEnd < bytes.count else { return .invalid }
                    if bytes[flagsEnd] == UInt8(ascii: ")") {
                        position = flagsEnd + 1
                        return .flags
                    }
                    if bytes[flagsEnd] == UInt8(ascii: "<") {
                        while flagsEnd < bytes.count, bytes[flagsEnd] != UInt8(ascii: ">") { flagsEnd += 1 }
                        guard flagsEnd < bytes.count else { return .invalid }
                    }
                    position = flagsEnd + 1
                }
                atomIsUniversal = alternation()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ")") else { return .invalid }
                position += 1
            case UInt8(ascii: "\\"):
                position += 2
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                // Anchors match the empty string at the pattern's ends, which Prometheus anchors anyway.
                position += 1
                return .flags
            default:
                position += 1
            }
            guard position <= bytes.count else { return .invalid }
            // Repetition.
            var star = false
            if position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "*"):
                    star = true
                    position += 1
                case UInt8(ascii: "+"), UInt8(ascii: "?"):
                    position += 1
                case UInt8(ascii: "{"):
                    let open = position
                    while position < bytes.count, bytes[position] != UInt8(ascii: "}") { position += 1 }
                    guard position < bytes.count else { position = open + 1; return .other }
                    let body = String(decoding: bytes[(open + 1)..<position], as: UTF8.self)
                    position += 1
                    star = body == "0,"
                default:
                    break
                }
                if position < bytes.count, bytes[position] == UInt8(ascii: "?") { position += 1 }
            }
            if atomIsUniversal { return .universal }
            return atomIsAny && star ? .universal : .other
        }

        /// A class at `position`; true for classes that match any character (`[\s\S]`, `[\d\D]`,
        /// `[\w\W]`, `[^\n]` is not: it excludes newline). Moves past the class.
        mutating func anyClass() -> Bool {
            var end = position + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "^") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]") { end += 1 }
            while end < bytes.count, bytes[end] != UInt8(ascii: "]") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count else { return false }
            let body = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
            position = end + 1
            let pairs = [("\\s", "\\S"), ("\\d", "\\D"), ("\\w", "\\W")]
            return pairs.contains { body.contains($0.0) && body.contains($0.1) } && !body.hasPrefix("^")
        }
    }
}

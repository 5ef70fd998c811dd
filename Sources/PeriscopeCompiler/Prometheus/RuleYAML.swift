import PeriscopeModel
import PeriscopeDSL

/// Writes rule files, PrometheusRule resources, Mimir namespace files and promtool test files.
///
/// The writer is dumb and deterministic: keys in Prometheus' documented order (`alert`/`record`,
/// `expr`, `for`, `keep_firing_for`, `labels`, `annotations`), labels and annotations sorted by
/// name, durations and numbers exactly as written, two-space indentation, and no line folding.
/// A multi-line value becomes a literal block scalar (`|-`) so PromQL reads as written; any
/// other scalar is plain when that reads back as the same string, else double-quoted.
public enum RuleYAML {
    /// A Prometheus rule file: `groups:`.
    public static func ruleFile(_ namespace: LoweredRuleNamespace) -> String {
        String(decoding: ruleFileBytes(namespace), as: UTF8.self)
    }

    /// The rule file's UTF-8 bytes.
    public static func ruleFileBytes(_ namespace: LoweredRuleNamespace) -> [UInt8] {
        let groups = namespace.groups
        guard groups.count > 64 else {
            var out = YAMLText()
            out.line(0, "groups:")
            self.groups(groups, indent: 2, into: &out)
            return out.bytes
        }
        // Big files are written in parallel chunks of groups, then joined in order.
        let parts = RuleParallel.map(RuleParallel.chunks(groups.count)) { range -> [UInt8] in
            var out = YAMLText()
            self.groups(Array(groups[range]), indent: 2, into: &out)
            return out.bytes
        }
        var bytes = Array("groups:\n".utf8)
        bytes.reserveCapacity(parts.reduce(bytes.count) { $0 + $1.count })
        for part in parts { bytes.append(contentsOf: part) }
        return bytes
    }

    /// A Mimir/Cortex ruler namespace file (`mimirtool rules sync` reads `namespace:` + `groups:`).
    public static func mimirFile(_ namespace: LoweredRuleNamespace) -> String {
        var out = YAMLText()
        out.line(0, "namespace: " + YAMLQuoting.string(namespace.name))
        out.line(0, "groups:")
        groups(namespace.groups, indent: 2, into: &out)
        return out.text
    }

    /// A `monitoring.coreos.com/v1` `PrometheusRule` holding the namespace's groups.
    public static func prometheusRule(_ namespace: LoweredRuleNamespace, labels: [LabelPair]) -> String {
        var out = YAMLText()
        out.line(0, "apiVersion: monitoring.coreos.com/v1")
        out.line(0, "kind: PrometheusRule")
        out.line(0, "metadata:")
        out.line(2, "name: " + YAMLQuoting.string(namespace.name))
        if !labels.isEmpty {
            out.line(2, "labels:")
            for label in labels { out.keyValue(4, label.name, label.value) }
        }
        out.line(0, "spec:")
        out.line(2, "groups:")
        groups(namespace.groups, indent: 4, into: &out)
        return out.text
    }

    static func groups(_ groups: [LoweredRuleGroup], indent: Int, into out: inout YAMLText) {
        if groups.isEmpty {
            out.appendToLastLine(" []")
            return
        }
        for group in groups {
            out.keyValue(indent, "- name", group.name)
            let inner = indent + 2
            if let interval = group.interval { out.duration(inner, "interval", interval) }
            if let offset = group.queryOffset { out.duration(inner, "query_offset", offset) }
            if let limit = group.limit { out.line(inner, "limit: \(limit)") }
            if !group.labels.isEmpty {
                out.line(inner, "labels:")
                for label in group.labels { out.keyValue(inner + 2, label.name, label.value) }
            }
            if group.rules.isEmpty {
                out.line(inner, "rules: []")
                continue
            }
            out.line(inner, "rules:")
            for rule in group.rules { self.rule(rule, indent: inner + 2, into: &out) }
        }
    }

    static func rule(_ rule: LoweredRule, indent: Int, into out: inout YAMLText) {
        out.keyValue(indent, rule.kind == .alert ? "- alert" : "- record", rule.name)
        let inner = indent + 2
        out.keyValue(inner, "expr", rule.expr)
        if let duration = rule.forDuration { out.duration(inner, "for", duration) }
        if let duration = rule.keepFiringFor { out.duration(inner, "keep_firing_for", duration) }
        if !rule.labels.isEmpty {
            out.line(inner, "labels:")
            for label in rule.labels { out.keyValue(inner + 2, label.name, label.value) }
        }
        if !rule.annotations.isEmpty {
            out.line(inner, "annotations:")
            for annotation in rule.annotations { out.keyValue(inner + 2, annotation.name, annotation.value) }
        }
    }

    /// A promtool unit test file whose `rule_files` entry is `ruleFile` (relative to the test file).
    public static func testFile(_ tests: LoweredRuleTests, ruleFile: String) -> String {
        var out = YAMLText()
        out.line(0, "rule_files:")
        out.keyValue(2, "-", ruleFile, separator: " ")
        if let interval = tests.evaluationInterval { out.duration(0, "evaluation_interval", interval) }
        out.line(0, "tests:")
        if tests.cases.isEmpty { out.appendToLastLine(" []") }
        for test in tests.cases {
            out.keyValue(2, "- name", test.name)
            if let interval = test.interval { out.duration(4, "interval", interval) }
            out.line(4, "input_series:")
            if test.series.isEmpty { out.appendToLastLine(" []") }
            for series in test.series {
                out.keyValue(6, "- series", series.series)
                out.keyValue(8, "values", series.values)
            }
            if !test.alerts.isEmpty {
                out.line(4, "alert_rule_test:")
                for alert in test.alerts {
                    out.duration(6, "- eval_time", alert.evalTime)
                    out.keyValue(8, "alertname", alert.alertname)
                    if alert.alerts.isEmpty {
                        out.line(8, "exp_alerts: []")
                        continue
                    }
                    out.line(8, "exp_alerts:")
                    for expected in alert.alerts {
                        out.line(10, expected.labels.isEmpty ? "- exp_labels: {}" : "- exp_labels:")
                        for label in expected.labels { out.keyValue(14, label.name, label.value) }
                        if !expected.annotations.isEmpty {
                            out.line(12, "exp_annotations:")
                            for annotation in expected.annotations { out.keyValue(14, annotation.name, annotation.value) }
                        }
                    }
                }
            }
            if !test.expressions.isEmpty {
                out.line(4, "promql_expr_test:")
                for expression in test.expressions {
                    out.keyValue(6, "- expr", expression.expr)
                    out.duration(8, "eval_time", expression.evalTime)
                    if expression.samples.isEmpty {
                        out.line(8, "exp_samples: []")
                        continue
                    }
                    out.line(8, "exp_samples:")
                    for sample in expression.samples {
                        out.keyValue(10, "- labels", sample.labels)
                        out.line(12, "value: " + sample.value)
                    }
                }
            }
        }
        return out.text
    }
}

/// A line-oriented YAML text buffer of UTF-8 bytes.
struct YAMLText {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func line(_ indent: Int, _ content: String) {
        indentation(indent)
        append(content)
        bytes.append(0x0A)
    }

    mutating func appendToLastLine(_ suffix: String) {
        if bytes.last == 0x0A { bytes.removeLast() }
        append(suffix)
        bytes.append(0x0A)
    }

    private mutating func indentation(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// `key: value`, the key quoted when needed (a `- ` prefix is kept), the value plain,
    /// double-quoted or a block scalar indented two spaces deeper than the key.
    mutating func keyValue(_ indent: Int, _ key: String, _ value: String, separator: String = ": ") {
        indentation(indent)
        var keyColumn = indent
        if key == "-" {
            bytes.append(UInt8(ascii: "-"))
        } else if key.hasPrefix("- ") {
            bytes.append(UInt8(ascii: "-"))
            bytes.append(UInt8(ascii: " "))
            scalar(String(key.dropFirst(2)))
            keyColumn += 2
        } else {
            scalar(key)
        }
        append(separator)
        if Self.contains(value, 0x0A), let block = Self.blockScalar(value, indent: keyColumn + 2) {
            append(block)
        } else {
            scalar(value)
            bytes.append(0x0A)
        }
    }

    /// A one-line scalar: plain when it is plainly safe, else whatever `YAMLQuoting` decides.
    private mutating func scalar(_ value: String) {
        var value = value
        let plain = value.withUTF8 { buffer -> Bool in
            guard Self.isPlainlySafe(buffer) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        guard !plain else { return }
        if !YAMLQuoting.needsQuotes(value) {
            append(value)
        } else if !value.withUTF8({ appendQuotedASCII($0) }) {
            append(YAMLQuoting.doubleQuoted(value))
        }
    }

    /// Printable ASCII in double quotes, escaping only `"` and `\`; false (nothing written) for other text.
    private mutating func appendQuotedASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !buffer.isEmpty, buffer.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        bytes.append(UInt8(ascii: "\""))
        for byte in buffer {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
        return true
    }

    /// A fast, conservative check: printable ASCII that starts with a letter, `_`, `/` or `(`,
    /// has no `: `, ` #` or trailing `:` or blank, and is no YAML 1.1 keyword. Anything else
    /// goes through `YAMLQuoting`, which gives the same answer more slowly or quotes.
    static func isPlainlySafe(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buffer.first, let last = buffer.last else { return false }
        let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
        guard isLetter || first == UInt8(ascii: "_") || first == UInt8(ascii: "/") || first == UInt8(ascii: "(") else { return false }
        guard last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        for byte in buffer {
            if byte < 0x20 || byte >= 0x7F { return false }
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { return false }
            if byte == UInt8(ascii: " ") && previous == UInt8(ascii: ":") { return false }
            previous = byte
        }
        // Short words may be YAML 1.1 booleans or nulls (y, no, on, off, null, true, …).
        return buffer.count > 5 || !isKeywordIgnoringCase(buffer)
    }

    private static let keywords: [[UInt8]] = ["y", "n", "no", "on", "yes", "off", "null", "true", "false"].map { Array($0.utf8) }

    /// Whether `buffer`, lowercased, is a YAML 1.1 boolean or null word; conservative (it also
    /// says yes to mixed case such as `nULL`, which is then quoted, harmlessly).
    static func isKeywordIgnoringCase(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = buffer.first, "nNtTfFyYoO".utf8.contains(first) else { return false }
        outer: for word in keywords where word.count == buffer.count {
            for (index, byte) in buffer.enumerated() where byte | 0x20 != word[index] { continue outer }
            return true
        }
        return false
    }

    /// Whether the UTF-8 of `text` contains `byte` (a specialised scan; `String.UTF8View.contains` is generic and slow).
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(byte) }
    }

    /// `key: value` for a duration: plain when it is a valid Prometheus duration with a unit
    /// (`5m`, `1h30m` read back as strings in YAML 1.1 and 1.2), else quoted like any string.
    mutating func duration(_ indent: Int, _ key: String, _ value: String) {
        guard DurationSyntax.isValidPrometheusDuration(value), value != "0" else {
            keyValue(indent, key, value)
            return
        }
        indentation(indent)
        append(key)
        append(": ")
        append(value)
        bytes.append(0x0A)
    }

    /// `value` as a literal block scalar (header, newline, indented lines), or nil when it is
    /// one line or cannot be written as a block scalar that reads back identically.
    static func blockScalar(_ value: String, indent: Int) -> String? {
        var sawNewline = false
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x0A: sawNewline = true
            case 0x09: continue
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0xFEFF: return nil
            default: continue
            }
        }
        guard sawNewline else { return nil }
        var body = Substring(value)
        var trailing = 0
        while body.hasSuffix("\n") {
            body = body.dropLast()
            trailing += 1
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty, first.first != " ", first.first != "\t" else { return nil }
        // A line of only blanks, or a line ending in blanks before the chomped tail, would not read back.
        for line in lines where !line.isEmpty && line.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
        let header: String
        switch trailing {
        case 0: header = "|-"
        case 1: header = "|"
        default: header = "|+"
        }
        let pad = String(repeating: " ", count: indent)
        var out = header + "\n"
        for line in lines {
            if !line.isEmpty { out += pad; out += line }
            out += "\n"
        }
        for _ in 0..<max(0, trailing - 1) { out += "\n" }
        return out
    }
}

import PeriscopeModel
import PeriscopeDSL

/// The keys an environment file may contain and what each must hold.
///
/// Every file of an `extends` chain is checked against the same schema on its own, so each
/// problem is reported once, in the file that has it, however many environments extend it.
/// Checks that need the whole chain (a datasource needs both `type` and `uid`) run on the
/// merged tree in `EnvironmentBuilder`.
enum EnvironmentSchema {
    /// What a setting must hold.
    enum Rule: Sendable {
        /// A non-empty string; YAML numbers and booleans count as written.
        case text
        /// `[A-Za-z0-9_-]*`, at most 40 characters.
        case uidPrefix
        /// A Grafana refresh interval: one number and one unit.
        case refresh
        /// A positive Prometheus duration.
        case duration
        /// `2.42` or `3`.
        case target
        /// Logical names mapped to `{ type, uid }`.
        case datasources
        /// Label names mapped to label values.
        case labels
        /// Severity tiers mapped to label values.
        case severities
    }

    /// A section (`grafana:`, …) and its keys in documentation order.
    struct Section: Sendable {
        let name: String
        let keys: [(name: String, rule: Rule)]
    }

    static let extendsKey = "extends"
    static let valuesKey = "values"

    static let sections: [Section] = [
        Section(name: "grafana", keys: [
            ("folder", .text), ("uidPrefix", .uidPrefix), ("refresh", .refresh), ("datasources", .datasources),
        ]),
        Section(name: "prometheus", keys: [
            ("target", .target), ("scrapeInterval", .duration), ("selectors", .labels), ("ruleLabels", .labels),
        ]),
        Section(name: "alerting", keys: [("severities", .severities)]),
    ]

    /// Every top-level key in documentation order.
    static var topLevelKeys: [String] { [extendsKey] + sections.map(\.name) + [valuesKey] }

    /// The dotted path of every section key (`grafana.folder`, …).
    static var settingPaths: [String] { sections.flatMap { section in section.keys.map { section.name + "." + $0.name } } }

    /// The keys of a datasource reference.
    static let datasourceKeys = ["type", "uid"]

    /// The accepted `prometheus.target` spellings.
    static let targets = PrometheusTarget.allCases.map(\.rawValue)

    /// A Grafana uid is at most 40 characters, so a longer prefix can never work.
    static let maximumUidPrefixLength = 40

    /// Whether `name` matches `[a-zA-Z_][a-zA-Z0-9_]*`, Prometheus' label name syntax.
    static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// Whether `prefix` only uses characters that are safe in Grafana uids and file names.
    static func isValidUidPrefix(_ prefix: String) -> Bool {
        prefix.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` is a single positive number followed by one refresh unit (`30s`, `1m`).
    static func isValidRefresh(_ text: String) -> Bool { !text.isEmpty && RefreshInterval(text).problem == nil }

    /// "a, b or c".
    static func list(_ words: [String]) -> String {
        guard words.count > 1, let last = words.last else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}

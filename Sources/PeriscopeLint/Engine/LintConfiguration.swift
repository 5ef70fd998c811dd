import Foundation
import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `.periscope.yaml`: what `periscope lint` checks and how strictly.
///
/// ```yaml
/// rules:                         # per rule id: off, or a severity (error, warning, note)
///   panel-unit: off
///   alert-runbook: error
/// highCardinalityLabels: [user_id, request_id, trace_id, email, path]
/// severities:
///   allowed: [critical, warning, info]   # values of an alert's severity label
///   paging: [critical]                   # these need a runbook_url
/// budgets:
///   seriesPerQuery: 10000
///   seriesPerRecordingRule: 5000
///   valuesPerLabel: 100          # live: values of a label without a budget of its own
///   metrics:                     # series per metric (inventory estimate, and live)
///     http_request_duration_seconds_bucket: 20000
///   labels:                      # values per label name, on any metric
///     path: 50
/// prometheus:                    # for foreign files; a rendered folder's manifest says it
///   target: "2.42"
///   scrapeInterval: 30s
///   evaluationInterval: 1m
/// inventory: metrics.yaml        # relative to this file
/// exceptions:                    # each: a rule, at least one of file/group/name, and a reason
///   - rule: alert-runbook
///     file: rules/legacy/*.yaml   # glob: * within a path segment, ** across segments
///     group: legacy
///     name: OldDiskAlert
///     reason: "legacy alerts are replaced in Q3 (JIRA-123)"
/// ```
///
/// Every key is checked: an unknown key, a value of the wrong type, an unknown rule id or an
/// exception without a reason is an error at its line and column, with a "did you mean" hint.
public struct LintConfiguration: Sendable {
    /// Rule ids switched off.
    public var disabled: Set<String> = []
    /// Severity overrides by rule id.
    public var severities: [String: Diagnostic.Severity] = [:]
    /// `highCardinalityLabels`, when set.
    public var highCardinalityLabels: [String]?
    /// `severities.allowed`, when set.
    public var allowedSeverities: [String]?
    /// `severities.paging`, when set.
    public var pagingSeverities: [String]?
    /// `budgets.seriesPerQuery`, when set.
    public var seriesBudgetPerQuery: Int?
    /// `budgets.seriesPerRecordingRule`, when set.
    public var seriesBudgetPerRecordingRule: Int?
    /// `budgets.valuesPerLabel`, when set.
    public var valuesPerLabel: Int?
    /// `budgets.metrics`: series budgets by metric name.
    public var seriesBudgetPerMetric: [String: Int] = [:]
    /// `budgets.labels`: value budgets by label name.
    public var valueBudgetPerLabel: [String: Int] = [:]
    /// `prometheus.target`, when set.
    public var target: PromQLTarget?
    /// `prometheus.scrapeInterval` in seconds, when set.
    public var scrapeIntervalSeconds: Double?
    /// `prometheus.evaluationInterval` in seconds, when set.
    public var evaluationIntervalSeconds: Double?
    /// `inventory`, resolved against the configuration file's folder.
    public var inventoryPath: String?
    /// The exceptions, in file order.
    public var exceptions: [LintException] = []
    /// The file read, if any.
    public var path: String?

    /// The empty configuration: every rule on at its default severity.
    public init() {}

    /// The file looked for in the current directory when `--config` is not given.
    public static let fileName = ".periscope.yaml"
    /// Id of configuration errors.
    public static let errorID: DiagnosticID = "lint-config"

    /// The severity of `rule` after overrides, or nil when it is switched off.
    public func severity(of rule: any LintCheck) -> Diagnostic.Severity? {
        if disabled.contains(rule.id.rawValue) { return nil }
        return severities[rule.id.rawValue] ?? rule.defaultSeverity
    }

    /// `options` with this file's settings applied.
    public func applied(to options: LintOptions) -> LintOptions {
        var options = options
        if let highCardinalityLabels { options.highCardinalityLabels = highCardinalityLabels }
        if let allowedSeverities { options.allowedSeverities = allowedSeverities }
        if let pagingSeverities { options.pagingSeverities = pagingSeverities }
        if let seriesBudgetPerQuery { options.seriesBudgetPerQuery = seriesBudgetPerQuery }
        if let seriesBudgetPerRecordingRule { options.seriesBudgetPerRecordingRule = seriesBudgetPerRecordingRule }
        if let valuesPerLabel { options.valuesPerLabel = valuesPerLabel }
        options.seriesBudgetPerMetric.merge(seriesBudgetPerMetric) { $1 }
        options.valueBudgetPerLabel.merge(valueBudgetPerLabel) { $1 }
        if let target { options.target = target }
        if let scrapeIntervalSeconds { options.scrapeIntervalSeconds = scrapeIntervalSeconds }
        if let evaluationIntervalSeconds { options.evaluationIntervalSeconds = evaluationIntervalSeconds }
        return options
    }

    /// Reads a configuration file; `ruleIDs` are the ids rules may be named by.
    public static func read(path: String, ruleIDs: [String]) -> (configuration: LintConfiguration, diagnostics: [Diagnostic]) {
        switch FileBytes.read(path, limit: 4 << 20, regularFileOnly: true) {
        case .success(let bytes): return read(text: String(decoding: bytes, as: UTF8.self), path: path, ruleIDs: ruleIDs)
        case .failure(let failure):
            return (LintConfiguration(), [Diagnostic(.error, "cannot read lint configuration '\(path)': \(failure.reason)", at: .file(FileLocation(path: path)), id: .fileUnreadable)])
        }
    }

    /// Reads configuration text.
    public static func read(text: String, path: String, ruleIDs: [String]) -> (configuration: LintConfiguration, diagnostics: [Diagnostic]) {
        var parser = Parser(path: path, ruleIDs: ruleIDs)
        let output = YAMLReader(path: path).read(text)
        parser.diagnostics = output.diagnostics
        if let root = output.root { parser.parse(root) }
        parser.configuration.path = path
        return (parser.configuration, parser.diagnostics)
    }

    private struct Parser {
        let path: String
        let ruleIDs: [String]
        var configuration = LintConfiguration()
        var diagnostics: [Diagnostic] = []

        mutating func error(_ message: String, at location: FileLocation) {
            diagnostics.append(.error(message, at: location, id: LintConfiguration.errorID))
        }

        mutating func mapping(_ tree: YAMLTree, _ what: String) -> [YAMLEntry]? {
            if tree.isNull { return [] }
            guard let entries = tree.entries else {
                error("\(what) must be a mapping, got \(tree.kindDescription)", at: tree.location)
                return nil
            }
            return entries
        }

        mutating func unknown(_ entry: YAMLEntry, known: [String], in what: String) {
            error("unknown key '\(entry.key)' in \(what) (expected one of \(known.joined(separator: ", ")))\(KeySuggestion.hint(for: entry.key, among: known))", at: entry.keyLocation)
        }

        mutating func string(_ tree: YAMLTree, _ what: String) -> String? {
            guard let scalar = tree.scalar, !tree.isNull else {
                error("\(what) must be a string, got \(tree.kindDescription)", at: tree.location)
                return nil
            }
            return scalar.text
        }

        mutating func strings(_ tree: YAMLTree, _ what: String) -> [String]? {
            guard let items = tree.items else {
                error("\(what) must be a list of strings, got \(tree.kindDescription)", at: tree.location)
                return nil
            }
            return items.compactMap { string($0, "an item of \(what)") }
        }

        mutating func positiveInt(_ tree: YAMLTree, _ what: String) -> Int? {
            guard let text = tree.scalar?.text, let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
                error("\(what) must be a positive integer, got \(tree.scalar.map { "'\($0.text)'" } ?? tree.kindDescription)", at: tree.location)
                return nil
            }
            return value
        }

        mutating func duration(_ tree: YAMLTree, _ what: String) -> Double? {
            guard let text = string(tree, what) else { return nil }
            guard let seconds = LintDurations.seconds(text) else {
                error("\(what) must be a Prometheus duration such as 30s or 1m, got '\(text)'", at: tree.location)
                return nil
            }
            return seconds
        }

        mutating func ruleID(_ text: String, at location: FileLocation) -> Bool {
            guard ruleIDs.contains(text) else {
                error("unknown lint rule '\(text)' (periscope lint --list-rules lists them)\(KeySuggestion.hint(for: text, among: ruleIDs))", at: location)
                return false
            }
            return true
        }

        static let budgetKeys = ["labels", "metrics", "seriesPerQuery", "seriesPerRecordingRule", "valuesPerLabel"]

        /// A mapping of names to positive integers (`budgets.metrics`, `budgets.labels`).
        mutating func budgetTable(_ tree: YAMLTree, _ what: String, keys: String, valid: (String) -> Bool) -> [String: Int] {
            var table: [String: Int] = [:]
            for entry in mapping(tree, what) ?? [] {
                guard valid(entry.key) else {
                    error("'\(entry.key)' in \(what) is not a valid \(keys.dropLast()) (expected \(keys) such as \(keys == "metric names" ? "http_requests_total" : "path"))", at: entry.keyLocation)
                    continue
                }
                if let value = positiveInt(entry.value, "the budget of '\(entry.key)' in \(what)") { table[entry.key] = value }
            }
            return table
        }

        static let topKeys = ["budgets", "exceptions", "highCardinalityLabels", "inventory", "prometheus", "rules", "severities"]

        mutating func parse(_ root: YAMLTree) {
            guard let entries = mapping(root, "the lint configuration") else { return }
            for entry in entries {
                switch entry.key {
                case "rules":
                    for rule in mapping(entry.value, "'rules'") ?? [] {
                        guard ruleID(rule.key, at: rule.keyLocation) else { continue }
                        guard let text = string(rule.value, "the setting of rule '\(rule.key)'") else { continue }
                        switch text {
                        case "off", "false", "disabled": configuration.disabled.insert(rule.key)
                        case "on", "true", "enabled": configuration.disabled.remove(rule.key)
                        case "error": configuration.severities[rule.key] = .error
                        case "warning": configuration.severities[rule.key] = .warning
                        case "note", "info": configuration.severities[rule.key] = .note
                        default: error("the setting of rule '\(rule.key)' must be off, on, error, warning or note, got '\(text)'\(KeySuggestion.hint(for: text, among: ["off", "on", "error", "warning", "note"]))", at: rule.value.location)
                        }
                    }
                case "highCardinalityLabels":
                    configuration.highCardinalityLabels = strings(entry.value, "'highCardinalityLabels'")
                case "severities":
                    for item in mapping(entry.value, "'severities'") ?? [] {
                        switch item.key {
                        case "allowed": configuration.allowedSeverities = strings(item.value, "'severities.allowed'")
                        case "paging": configuration.pagingSeverities = strings(item.value, "'severities.paging'")
                        default: unknown(item, known: ["allowed", "paging"], in: "'severities'")
                        }
                    }
                case "budgets":
                    for item in mapping(entry.value, "'budgets'") ?? [] {
                        switch item.key {
                        case "seriesPerQuery": configuration.seriesBudgetPerQuery = positiveInt(item.value, "'budgets.seriesPerQuery'")
                        case "seriesPerRecordingRule": configuration.seriesBudgetPerRecordingRule = positiveInt(item.value, "'budgets.seriesPerRecordingRule'")
                        case "valuesPerLabel": configuration.valuesPerLabel = positiveInt(item.value, "'budgets.valuesPerLabel'")
                        case "metrics":
                            configuration.seriesBudgetPerMetric = budgetTable(item.value, "'budgets.metrics'", keys: "metric names", valid: RuleNames.isValidMetricName)
                        case "labels":
                            configuration.valueBudgetPerLabel = budgetTable(item.value, "'budgets.labels'", keys: "label names", valid: RuleNames.isValidLabelName)
                        default: unknown(item, known: Self.budgetKeys, in: "'budgets'")
                        }
                    }
                case "prometheus":
                    for item in mapping(entry.value, "'prometheus'") ?? [] {
                        switch item.key {
                        case "target":
                            guard let text = string(item.value, "'prometheus.target'") else { continue }
                            if let target = PromQLTarget(rawValue: text) { configuration.target = target } else {
                                error("'prometheus.target' must be 2.42 or 3, got '\(text)'", at: item.value.location)
                            }
                        case "scrapeInterval": configuration.scrapeIntervalSeconds = duration(item.value, "'prometheus.scrapeInterval'")
                        case "evaluationInterval": configuration.evaluationIntervalSeconds = duration(item.value, "'prometheus.evaluationInterval'")
                        default: unknown(item, known: ["evaluationInterval", "scrapeInterval", "target"], in: "'prometheus'")
                        }
                    }
                case "inventory":
                    guard let text = string(entry.value, "'inventory'") else { continue }
                    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                    configuration.inventoryPath = text.hasPrefix("/") || folder.isEmpty ? text : folder + "/" + text
                case "exceptions":
                    guard let items = entry.value.items else {
                        error("'exceptions' must be a list, got \(entry.value.kindDescription)", at: entry.value.location)
                        continue
                    }
                    for item in items { exception(item) }
                default:
                    unknown(entry, known: Self.topKeys, in: "the lint configuration")
                }
            }
        }

        mutating func exception(_ tree: YAMLTree) {
            guard let entries = mapping(tree, "an exception") else { return }
            var exception = LintException(rule: "", reason: "", location: tree.location)
            var ruleOK = false
            for entry in entries {
                switch entry.key {
                case "rule":
                    guard let text = string(entry.value, "'rule' of an exception") else { continue }
                    exception.rule = text
                    ruleOK = ruleID(text, at: entry.value.location)
                case "file": exception.file = string(entry.value, "'file' of an exception")
                case "group": exception.group = string(entry.value, "'group' of an exception")
                case "name": exception.name = string(entry.value, "'name' of an exception")
                case "reason": exception.reason = string(entry.value, "'reason' of an exception") ?? ""
                default: unknown(entry, known: ["file", "group", "name", "reason", "rule"], in: "an exception")
                }
            }
            if tree.entry("rule") == nil { error("an exception needs 'rule': the id of the lint rule it switches off", at: tree.location) }
            if exception.reason.trimmingCharacters(in: .whitespaces).isEmpty {
                error("an exception needs a 'reason': why the rule does not apply there", at: tree.location)
                return
            }
            if exception.file == nil && exception.group == nil && exception.name == nil {
                error("an exception needs 'file', 'group' or 'name' to scope it (to switch a rule off everywhere, use rules: {\(exception.rule.isEmpty ? "rule-id" : exception.rule): off})", at: tree.location)
                return
            }
            if ruleOK { configuration.exceptions.append(exception) }
        }
    }
}

/// An exception from `.periscope.yaml`: a rule switched off for a file, group or name, with a reason.
public struct LintException: Sendable, Hashable {
    /// The rule id.
    public var rule: String
    /// A glob over the artifact path relative to where lint ran (`*` within a segment, `**` across
    /// segments, `?` one character); it also matches a path ending with it.
    public var file: String?
    /// The rule group's name.
    public var group: String?
    /// The alert or recording rule's name, the dashboard's uid, or the panel's title.
    public var name: String?
    /// Why.
    public var reason: String
    /// Where the exception is written.
    public var location: FileLocation

    /// Creates an exception.
    public init(rule: String, file: String? = nil, group: String? = nil, name: String? = nil, reason: String, location: FileLocation) {
        self.rule = rule
        self.file = file
        self.group = group
        self.name = name
        self.reason = reason
        self.location = location
    }

    /// Whether the exception covers a finding of `rule` about `subject`.
    public func covers(rule: String, subject: LintSubject) -> Bool {
        guard rule == self.rule else { return false }
        if let file, !Glob.matches(file, subject.file) { return false }
        if let group, group != subject.group { return false }
        if let name, name != subject.name { return false }
        return true
    }
}

/// Path globs for exceptions.
enum Glob {
    /// Whether `pattern` matches `path` or a suffix of it starting at a `/`.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let p = Array(pattern.utf8), s = Array(path.utf8)
        if match(p, 0, s, 0) { return true }
        for (index, byte) in s.enumerated() where byte == UInt8(ascii: "/") {
            if match(p, 0, s, index + 1) { return true }
        }
        return false
    }

    private static func match(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int) -> Bool {
        if pi == p.count { return si == s.count }
        if p[pi] == UInt8(ascii: "*") {
            let double = pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "*")
            let next = double ? pi + 2 : pi + 1
            var index = si
            while true {
                if match(p, next, s, index) { return true }
                guard index < s.count, double || s[index] != UInt8(ascii: "/") else { return false }
                index += 1
            }
        }
        guard si < s.count else { return false }
        if p[pi] == UInt8(ascii: "?") ? s[si] != UInt8(ascii: "/") : p[pi] == s[si] { return match(p, pi + 1, s, si + 1) }
        return false
    }
}

/// Prometheus durations (`30s`, `1m30s`, `2h`) in seconds.
public enum LintDurations {
    /// The seconds of a Prometheus duration, or nil when it is not one.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604800), ("y", 31536000)]
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            total += value * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return total
    }
}

import Foundation
import PeriscopeDSL
import PromQL

/// The live checks: measures the queries of dashboards and rules against a running Prometheus.
///
/// ```swift
/// let client = try PrometheusClient(address: "http://localhost:9090")
/// let findings = try await LiveChecker(client: client).check(queries)
/// ```
///
/// What it measures, all as instant queries at `time` (the server's now when nil), so every
/// figure covers the series present in Prometheus' 5-minute lookback before that time:
/// - every vector selector of every query, `count(<selector>)` (offset and `@` removed; matchers
///   on Grafana variables dropped, see `SelectorExtraction`), against `LiveBudgets.seriesPerSelector`;
///   identical selectors are measured once;
/// - every recording rule's output, `count(<expr>)`, against `LiveBudgets.seriesPerRecordingRule`;
/// - every metric a query selects that has a budget of its own, `count({__name__="<metric>"})`,
///   against `LiveBudgets.seriesPerMetric`;
/// - every label of every metric a query selects, `count by (<label>) ({__name__="<metric>"})`,
///   against `LiveBudgets.valueBudget(of:)`, with a sample of the values and what they have in
///   common (`LabelValuePatterns`), and `code` labels against the allow-list;
/// - which metric names exist at all: `/api/v1/label/__name__/values` (the server's whole
///   retention, so a metric that was scraped recently is not "missing").
///
/// Endpoints: `/api/v1/label/__name__/values`, `/api/v1/labels?match[]=`, `/api/v1/query`.
/// `/api/v1/status/tsdb` is not used: it covers only the head block.
///
/// Findings are warnings with the ids of `LiveDiagnosticID`, one per place a query is written;
/// places that share a problem carry the same `Diagnostic.problem`, so `Diagnostic.coalesced`
/// reports it once. They are sorted by location, then id, then message.
public struct LiveChecker: Sendable {
    /// The server.
    public var client: PrometheusClient
    /// The budgets.
    public var budgets: LiveBudgets
    /// The evaluation time of the instant queries; nil for the server's now.
    public var time: Date?
    /// How queries are parsed (the target Prometheus version).
    public var parseOptions: ParseOptions
    /// How many requests run at once (4 by default, gentle on a production server).
    public var concurrency: Int

    /// Creates a checker.
    public init(client: PrometheusClient, budgets: LiveBudgets = LiveBudgets(), time: Date? = nil, parseOptions: ParseOptions = ParseOptions(), concurrency: Int = 4) {
        self.client = client
        self.budgets = budgets
        self.time = time
        self.parseOptions = parseOptions
        self.concurrency = max(1, concurrency)
    }

    /// The findings for `queries`. Throws when the server cannot be reached at all (the first
    /// call, or any call failing as unreachable); a single measurement that fails otherwise (a
    /// timeout, a refused query) is a `live-query-failed` warning and the rest goes on.
    public func check(_ queries: [LiveQuery]) async throws(PrometheusClientError) -> [Diagnostic] {
        try await report(queries).diagnostics
    }

    /// The findings for `queries` and the figures measured (see `check(_:)`).
    public func report(_ queries: [LiveQuery]) async throws(PrometheusClientError) -> LiveReport {
        let existing = Set(try await client.labelValues(of: "__name__"))

        // Where each selector and each metric is used, and which queries are recording rules.
        var selectorUses: [String: (selector: MeasuredSelector, queries: [Int], dropped: [[String]])] = [:]
        var metricUses: [String: [Int]] = [:]
        var recordedBy: [String: Location] = [:]
        for (index, query) in queries.enumerated() {
            if case .recordingRule(let record) = query.kind, recordedBy[record] == nil { recordedBy[record] = query.location }
            for selector in SelectorExtraction.selectors(of: query, options: parseOptions) ?? [] {
                selectorUses[selector.text, default: (selector, [], [])].queries.append(index)
                selectorUses[selector.text]?.dropped.append(selector.droppedMatchers)
                if let name = selector.metricName { metricUses[name, default: []].append(index) }
            }
        }
        let ruleExpressions = Dictionary(grouping: queries.indices.filter { if case .recordingRule = queries[$0].kind { true } else { false } },
                                         by: { Self.ruleText(queries[$0]) })

        // Measurements, each distinct request once.
        let measuredSelectors = selectorUses.keys.filter { text in selectorUses[text]?.selector.metricName.map(existing.contains) ?? true }.sorted()
        let usedMetrics = metricUses.keys.filter(existing.contains).sorted()
        let client = client, time = time
        let selectorCounts = try await Self.measure(measuredSelectors, limit: concurrency) { text throws(PrometheusClientError) in
            try await client.count(text, at: time)
        }
        // A scalar rule (`vector(1)` aside, e.g. `time()`) writes one series; count() refuses a scalar.
        let parseOptions = parseOptions
        let ruleCounts = try await Self.measure(ruleExpressions.keys.sorted(), limit: concurrency) { text throws(PrometheusClientError) in
            if let parsed = try? PromQL.parse(text, options: parseOptions), parsed.type == .scalar { return 1 }
            return try await client.count(text, at: time)
        }
        let labelValues = try await Self.measure(usedMetrics, limit: concurrency) { name throws(PrometheusClientError) in
            try await Self.labelValues(of: name, client: client, time: time)
        }
        let budgetedMetrics = usedMetrics.filter { budgets.seriesPerMetric[$0] != nil }
        let metricCounts = try await Self.measure(budgetedMetrics, limit: concurrency) { name throws(PrometheusClientError) in
            try await client.count("{__name__=\(PromQLString(name).goQuoted)}", at: time)
        }

        var findings: [Diagnostic] = []
        func emit(_ id: DiagnosticID, _ message: String, at indices: [Int], notes: [String] = [], problem: String) {
            var seen = Set<Location>()
            for index in indices where seen.insert(queries[index].location).inserted {
                findings.append(Diagnostic(.warning, message, at: queries[index].location, id: id, notes: notes, problem: problem))
            }
        }
        func failed(_ what: String, _ error: PrometheusClientError, at indices: [Int]) {
            emit(LiveDiagnosticID.queryFailed, "could not measure \(what): \(error.description)", at: indices, problem: "\(LiveDiagnosticID.queryFailed) \(what)")
        }

        for name in metricUses.keys.sorted() where !existing.contains(name) {
            var notes: [String] = []
            if let rule = recordedBy[name] { notes.append("it is the output of the recording rule at \(rule); the server does not have it yet") }
            emit(LiveDiagnosticID.metricMissing, "metric '\(name)' has no series on the server (check the name, or the exporter or rule that should produce it)",
                 at: metricUses[name] ?? [], notes: notes, problem: "\(LiveDiagnosticID.metricMissing) \(name)")
        }
        for text in measuredSelectors {
            guard let use = selectorUses[text], let result = selectorCounts[text] else { continue }
            switch result {
            case .failure(let error): failed("selector \(text)", error, at: use.queries)
            case .success(let count) where count > budgets.seriesPerSelector:
                for (index, dropped) in zip(use.queries, use.dropped) {
                    let notes = dropped.isEmpty ? [] : ["measured for every value of the Grafana variables in \(dropped.joined(separator: ", ")) (those matchers are left out)"]
                    emit(LiveDiagnosticID.seriesOverBudget, "selector \(text) selects \(count) series, over the budget of \(budgets.seriesPerSelector) per selector",
                         at: [index], notes: notes, problem: "\(LiveDiagnosticID.seriesOverBudget) \(text)")
                }
            case .success: break
            }
        }
        for (text, indices) in ruleExpressions.sorted(by: { $0.key < $1.key }) {
            switch ruleCounts[text] {
            case .failure(let error)?: failed("the output of \(text)", error, at: indices)
            case .success(let count)? where count > budgets.seriesPerRecordingRule:
                for index in indices {
                    guard case .recordingRule(let record) = queries[index].kind else { continue }
                    emit(LiveDiagnosticID.ruleOutputOverBudget,
                         "recording rule '\(record)' writes \(count) series, over the budget of \(budgets.seriesPerRecordingRule) per recording rule",
                         at: [index], notes: ["aggregate away the labels the rule's level does not need (count(\(text)) = \(count))"],
                         problem: "\(LiveDiagnosticID.ruleOutputOverBudget) \(record) \(text)")
                }
            default: break
            }
        }
        for name in budgetedMetrics {
            guard let budget = budgets.seriesPerMetric[name] else { continue }
            switch metricCounts[name] {
            case .failure(let error)?: failed("the series of \(name)", error, at: metricUses[name] ?? [])
            case .success(let count)? where count > budget:
                emit(LiveDiagnosticID.metricSeriesOverBudget, "metric '\(name)' has \(count) series, over its budget of \(budget)",
                     at: metricUses[name] ?? [], notes: Self.largestLabelsNote(labelValues[name]),
                     problem: "\(LiveDiagnosticID.metricSeriesOverBudget) \(name)")
            default: break
            }
        }
        for name in usedMetrics {
            let indices = metricUses[name] ?? []
            switch labelValues[name] {
            case .failure(let error)?: failed("the labels of \(name)", error, at: indices)
            case .success(let labels)?:
                for (label, values) in labels.sorted(by: { $0.key < $1.key }) {
                    labelFindings(metric: name, label: label, values: values, at: indices, emit: emit)
                }
            case nil: break
            }
        }
        var report = LiveReport(diagnostics: findings.sorted(by: Self.order))
        for (text, result) in selectorCounts { if case .success(let count) = result { report.selectorSeries[text] = count } }
        for (text, result) in ruleCounts { if case .success(let count) = result { report.ruleSeries[text] = count } }
        for (name, result) in labelValues { if case .success(let labels) = result { report.labelValueCounts[name] = labels.mapValues(\.count) } }
        for (name, result) in metricCounts { if case .success(let count) = result { report.metricSeries[name] = count } }
        return report
    }

    private func labelFindings(metric: String, label: String, values: [String], at indices: [Int],
                               emit: (DiagnosticID, String, [Int], [String], String) -> Void) {
        let analysis = LabelValuePatterns.analyse(label: label, values: values, allowedCodes: budgets.effectiveAllowedCodes)
        let unexpected = analysis.unexpectedCodes
        let codeNote = unexpected.isEmpty ? nil
            : "\(unexpected.count) value\(unexpected.count == 1 ? " is" : "s are") not allowed codes (\(Self.quotedList(LabelValuePatterns.sample(of: unexpected)))): map unknown errors to one value such as 'unknown'"
        let budget = budgets.valueBudget(of: label)
        if values.count > budget {
            var notes: [String] = []
            if !analysis.templates.isEmpty {
                let shown = analysis.templates.prefix(3).map { "'\($0.template)' (\($0.values) values)" }.joined(separator: ", ")
                notes.append("values differ only in ids: normalise them, e.g. to \(shown); \(values.count) values become \(analysis.normalisedCount)")
            }
            if let codeNote { notes.append(codeNote) }
            emit(LiveDiagnosticID.labelValuesOverBudget,
                 "label '\(label)' of metric '\(metric)' has \(values.count) values, over the budget of \(budget); e.g. \(Self.quotedList(LabelValuePatterns.sample(of: values)))",
                 indices, notes, "\(LiveDiagnosticID.labelValuesOverBudget) \(metric) \(label)")
        } else if let codeNote {
            emit(LiveDiagnosticID.codeValuesUnexpected, "label '\(label)' of metric '\(metric)': \(codeNote)", indices, [],
                 "\(LiveDiagnosticID.codeValuesUnexpected) \(metric) \(label)")
        }
    }

    /// The current values of every label of metric `name`: `/api/v1/labels` for the names, then
    /// `count by (label)` for the values present at `time` (labels with none are left out).
    static func labelValues(of name: String, client: PrometheusClient, time: Date?) async throws(PrometheusClientError) -> [String: [String]] {
        let selector = "{__name__=\(PromQLString(name).goQuoted)}"
        var result: [String: [String]] = [:]
        for label in try await client.labelNames(matching: [selector]) where label != "__name__" && isPlainLabelName(label) {
            let samples = try await client.query("count by (\(label)) (\(selector))", at: time)
            let values = samples.compactMap { $0.labels[label] }.sorted()
            if !values.isEmpty { result[label] = values }
        }
        return result
    }

    /// The text a recording rule's output is measured with (its Grafana variables, if any, replaced).
    static func ruleText(_ query: LiveQuery) -> String {
        query.expression.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `operation` on every key, at most `limit` at once; failures other than an
    /// unreachable server are kept per key, an unreachable server is thrown.
    static func measure<Value: Sendable>(_ keys: [String], limit: Int,
                                         _ operation: @escaping @Sendable (String) async throws(PrometheusClientError) -> Value) async throws(PrometheusClientError) -> [String: Result<Value, PrometheusClientError>] {
        var results: [String: Result<Value, PrometheusClientError>] = [:]
        await withTaskGroup(of: (String, Result<Value, PrometheusClientError>).self) { group in
            var next = 0
            func start() {
                guard next < keys.count else { return }
                let key = keys[next]
                next += 1
                group.addTask {
                    do throws(PrometheusClientError) { return (key, .success(try await operation(key))) } catch { return (key, .failure(error)) }
                }
            }
            for _ in 0..<min(limit, keys.count) { start() }
            while let (key, result) = await group.next() {
                results[key] = result
                start()
            }
        }
        if let unreachable = keys.lazy.compactMap({ key -> PrometheusClientError? in
            if case .failure(let error)? = results[key], error.kind == .unreachable { return error }
            return nil
        }).first {
            throw unreachable
        }
        return results
    }

    static func isPlainLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }

    /// "labels with the most values: path (950), instance (12), code (5)", from a metric's measured label values.
    static func largestLabelsNote(_ measured: Result<[String: [String]], PrometheusClientError>?) -> [String] {
        guard case .success(let labels)? = measured, !labels.isEmpty else { return [] }
        let largest = labels.map { (name: $0.key, count: $0.value.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
            .prefix(3).map { "\($0.name) (\($0.count))" }
        return ["labels with the most values: \(largest.joined(separator: ", "))"]
    }

    static func quotedList(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let (left, right) = (a.location, b.location)
        if left?.path != right?.path { return (left?.path ?? "") < (right?.path ?? "") }
        if left?.line != right?.line { return (left?.line ?? 0) < (right?.line ?? 0) }
        if left?.column != right?.column { return (left?.column ?? 0) < (right?.column ?? 0) }
        let (leftText, rightText) = (left?.description ?? "", right?.description ?? "")
        if leftText != rightText { return leftText < rightText }
        if a.id != b.id { return (a.id?.rawValue ?? "") < (b.id?.rawValue ?? "") }
        return a.message < b.message
    }
}

/// What `LiveChecker.report(_:)` found and measured.
public struct LiveReport: Sendable, Hashable {
    /// The findings, sorted (the same as `LiveChecker.check(_:)`).
    public var diagnostics: [Diagnostic]
    /// `count(selector)` of every selector measured, by the selector as measured (`SelectorExtraction`).
    public var selectorSeries: [String: Int] = [:]
    /// `count(expr)` of every recording rule's expression, by the expression.
    public var ruleSeries: [String: Int] = [:]
    /// The values of each label of each metric selected, by metric and label.
    public var labelValueCounts: [String: [String: Int]] = [:]
    /// `count({__name__="m"})` of every metric selected that has a budget of its own, by name.
    public var metricSeries: [String: Int] = [:]

    /// Creates a report.
    public init(diagnostics: [Diagnostic], selectorSeries: [String: Int] = [:], ruleSeries: [String: Int] = [:], labelValueCounts: [String: [String: Int]] = [:]) {
        self.diagnostics = diagnostics
        self.selectorSeries = selectorSeries
        self.ruleSeries = ruleSeries
        self.labelValueCounts = labelValueCounts
    }
}

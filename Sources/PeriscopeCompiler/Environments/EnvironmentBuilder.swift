import PeriscopeModel
import PeriscopeDSL

/// Builds the typed `Environment` from the merged YAML of a chain whose files passed
/// `EnvironmentFileChecker`, and runs the checks that need the whole chain.
struct EnvironmentBuilder {
    let name: String
    /// The chain's files, the environment's own first.
    let files: [String]

    /// Whether every datasource must have both `type` and `uid`. Abstract overlays (`base`,
    /// `_shared`) exist to be extended and usually leave uids to the concrete environments,
    /// so there an incomplete datasource is simply not defined yet.
    let requiresCompleteDatasources: Bool

    private(set) var diagnostics: [Diagnostic] = []
    private var locations: [String: FileLocation] = [:]

    init(name: String, files: [String]) {
        self.name = name
        self.files = files
        self.requiresCompleteDatasources = EnvironmentLoader.isConcrete(name)
    }

    /// The environment, or nil when the merged settings are incomplete (reported to `diagnostics`).
    mutating func build(from merged: YAMLTree, reportingTo collector: DiagnosticCollector) -> Environment? {
        let root = merged.entries ?? []
        for entry in root where entry.key != EnvironmentSchema.extendsKey {
            record(entry, path: entry.key)
        }
        let grafana = buildGrafana(section(root, "grafana"))
        let prometheus = buildPrometheus(section(root, "prometheus"))
        let alerting = AlertingSettings(severities: Dictionary(
            pairs(section(root, "alerting").first { $0.key == "severities" }?.value),
            uniquingKeysWith: { _, last in last }))
        let values = (root.first { $0.key == EnvironmentSchema.valuesKey }?.value.entries ?? []).compactMap(entry)
        guard diagnostics.isEmpty else { return nil }
        return Environment(
            name: EnvironmentName(name),
            grafana: grafana,
            prometheus: prometheus,
            alerting: alerting,
            values: values,
            files: files,
            locations: locations,
            diagnostics: collector)
    }

    // MARK: - Sections

    private func section(_ root: [YAMLEntry], _ name: String) -> [YAMLEntry] {
        root.first { $0.key == name }?.value.entries ?? []
    }

    private mutating func buildGrafana(_ settings: [YAMLEntry]) -> GrafanaSettings {
        var grafana = GrafanaSettings()
        grafana.folder = text(settings, "folder")
        grafana.uidPrefix = text(settings, "uidPrefix") ?? ""
        grafana.refresh = text(settings, "refresh").map { RefreshInterval($0) }
        for datasource in settings.first(where: { $0.key == "datasources" })?.value.entries ?? [] {
            let fields = datasource.value.entries ?? []
            let type = text(fields, "type")
            let uid = text(fields, "uid")
            // The chain as a whole must say both; an overlay often sets only the uid.
            let missing = [type == nil ? "type" : nil, uid == nil ? "uid" : nil].compactMap { $0 }
            guard let type, let uid, missing.isEmpty else {
                guard requiresCompleteDatasources else { continue }
                diagnostics.append(.error(
                    "environment '\(name)': grafana.datasources.\(datasource.key) has no \(missing.joined(separator: " and ")) (a datasource needs both, e.g. { type: prometheus, uid: prom-prod }, set in this file or one it extends)",
                    at: datasource.keyLocation, id: .environmentDatasourceIncomplete))
                continue
            }
            grafana.datasources[datasource.key] = GrafanaDatasource(type: type, uid: uid)
        }
        return grafana
    }

    private func buildPrometheus(_ settings: [YAMLEntry]) -> PrometheusSettings {
        var prometheus = PrometheusSettings()
        if let written = text(settings, "target"), let target = PrometheusTarget(rawValue: written) {
            prometheus.target = target
        }
        prometheus.scrapeInterval = text(settings, "scrapeInterval").map { PrometheusDuration($0) }
        prometheus.selectors = labelPairs(settings.first { $0.key == "selectors" }?.value)
        prometheus.ruleLabels = labelPairs(settings.first { $0.key == "ruleLabels" }?.value)
        return prometheus
    }

    // MARK: - Values

    /// Converts a merged `values` entry; the checker already rejected untypeable scalars and
    /// nulls in lists, so nil here only drops what cannot be represented.
    private func entry(_ entry: YAMLEntry) -> EnvironmentEntry? {
        value(entry.value).map { EnvironmentEntry(key: entry.key, value: $0, location: entry.keyLocation) }
    }

    private func value(_ tree: YAMLTree) -> EnvironmentValue? {
        switch tree.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            case .string(let value): return .string(value)
            case .null, .invalid: return nil
            }
        case .sequence(let items):
            return .list(items.compactMap(value))
        case .mapping(let entries):
            return .map(entries.compactMap(entry))
        }
    }

    // MARK: - Helpers

    /// Records where every key of the merged tree was written, by dotted path.
    private mutating func record(_ entry: YAMLEntry, path: String) {
        locations[path] = entry.keyLocation
        for child in entry.value.entries ?? [] {
            record(child, path: "\(path).\(child.key)")
        }
    }

    private func text(_ entries: [YAMLEntry], _ key: String) -> String? {
        entries.first { $0.key == key }?.value.scalar?.text
    }

    private func pairs(_ tree: YAMLTree?) -> [(String, String)] {
        (tree?.entries ?? []).compactMap { entry in entry.value.scalar.map { (entry.key, $0.text) } }
    }

    private func labelPairs(_ tree: YAMLTree?) -> [LabelPair] {
        pairs(tree).sorted { $0.0 < $1.0 }.map { LabelPair($0.0, $0.1) }
    }
}

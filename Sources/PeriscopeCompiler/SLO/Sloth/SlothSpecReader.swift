import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Reads Sloth `prometheus/v1` SLO specs (one or several `---`-separated documents) into
/// `SLO` values that `SLOExpansion` turns into the rules Sloth's `generate` writes.
///
/// It applies Sloth's checks (`pkg/common/validation`) and, unlike Sloth, refuses unknown
/// keys, so a typo does not silently drop a setting. Every problem is an error at the file's
/// line and column: an unknown key, a wrong type, an objective outside (0, 100], a query
/// without `{{.window}}` or that is not PromQL, an unsupported `version`. An SLO read from a
/// spec carries the spec's path, line and column as its location, so later problems name the
/// spec too.
///
/// ```swift
/// let result = SlothSpecReader(path: "slos.yaml").read(text)
/// let groups = SLOExpansion(environment: env, diagnostics: collector, options: .sloth).ruleGroups(for: result.slos)
/// ```
public struct SlothSpecReader: Sendable {
    /// The path shown in locations.
    public var path: String
    /// The period of every SLO (Sloth's `--default-slo-period`, 30d by default).
    public var period: PrometheusDuration
    /// Alert-window catalogs by period (`--slo-period-windows-path`); when given, an SLO's
    /// period must have one. Without them the SRE workbook's windows are used for any period.
    public var windowCatalogs: [SLOAlertWindows]?
    /// The PromQL dialect queries must parse in.
    public var parseOptions: ParseOptions

    /// Creates a reader.
    public init(path: String, period: PrometheusDuration = "30d", windowCatalogs: [SLOAlertWindows]? = nil, parseOptions: ParseOptions = ParseOptions(target: .v3)) {
        self.path = path
        self.period = period
        self.windowCatalogs = windowCatalogs
        self.parseOptions = parseOptions
    }

    /// What reading gave.
    public struct Result: Sendable {
        /// The SLOs read without errors, in file order.
        public var slos: [SLO]
        /// Every problem, in file order.
        public var diagnostics: [Diagnostic]
        /// Whether any problem is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let version = "prometheus/v1"
    static let specKeys = ["version", "service", "labels", "slo_plugins", "slos"]
    static let sloKeys = ["name", "description", "objective", "plugins", "labels", "sli", "alerting"]
    static let sliKeys = ["raw", "events", "plugin"]
    static let alertingKeys = ["name", "labels", "annotations", "page_alert", "ticket_alert"]
    static let alertKeys = ["disable", "labels", "annotations"]
    /// The Kubernetes CRD's spellings of `prometheus/v1` keys. Sloth ignores them in a
    /// `prometheus/v1` spec (its own `validate/good` fixture has `pageAlert`), so they are
    /// ignored with a warning rather than refused like other unknown keys.
    static let crdSpellings = ["pageAlert": "page_alert", "ticketAlert": "ticket_alert"]

    /// Reads every document of `text`.
    public func read(_ text: String) -> Result {
        let yaml = YAMLReader(path: path, limits: .ruleFile).readStream(text)
        var decoder = SpecDecoder()
        var slos: [SLO] = []
        if !yaml.diagnostics.contains(where: { $0.severity == .error }) {
            let documents = yaml.documents.filter { !$0.isNull }
            if documents.isEmpty {
                decoder.error("no SLO spec in the file (expected a document with version: \(Self.version))", at: FileLocation(path: path, line: 1, column: 1))
            }
            for document in documents { slos += spec(document, &decoder) }
        }
        return Result(slos: slos, diagnostics: yaml.diagnostics + decoder.diagnostics)
    }

    private func spec(_ tree: YAMLTree, _ decoder: inout SpecDecoder) -> [SLO] {
        if let apiVersion = tree.entry("apiVersion") {
            let kind = tree.entry("kind")?.value.scalar?.text ?? "none"
            decoder.error("unsupported document apiVersion '\(apiVersion.value.scalar?.text ?? "")', kind '\(kind)' (expected a Sloth spec with version: \(Self.version); Kubernetes PrometheusServiceLevel and OpenSLO documents are not read yet)",
                          at: apiVersion.value.location)
            return []
        }
        guard let fields = decoder.fields(tree, "the spec", allowed: Self.specKeys) else { return [] }
        let version = decoder.string(fields["version"], "version")
        guard version == Self.version else {
            if version != nil || fields["version"] == nil {
                let got = version.map { "'\($0)'" } ?? "none"
                decoder.error("unsupported spec version \(got) (expected version: \(Self.version))", at: fields["version"]?.value.location ?? tree.location)
            }
            return []
        }
        let serviceEntry = fields["service"]
        let service = decoder.string(serviceEntry, "service") ?? ""
        if let problem = SLOChecks.nameProblem(service, "service") { decoder.error(problem, at: serviceEntry?.value.location ?? tree.location, id: SLODiagnosticID.nameInvalid) }
        let labels = decoder.stringMap(fields["labels"], "labels")
        if let plugins = fields["slo_plugins"] { decoder.error("slo_plugins are not supported (expected none)", at: plugins.keyLocation) }
        guard let slosEntry = fields["slos"], let items = slosEntry.value.items, !items.isEmpty else {
            let location = fields["slos"]?.value.location ?? tree.location
            decoder.error("the spec has no SLOs (expected slos: a list of at least one SLO)", at: location)
            return []
        }
        var slos: [SLO] = []
        for item in items {
            let before = decoder.errorCount
            if let slo = slo(item, service: service, specLabels: labels, &decoder), decoder.errorCount == before { slos.append(slo) }
        }
        return slos
    }

    private func slo(_ tree: YAMLTree, service: String, specLabels: [String: String], _ decoder: inout SpecDecoder) -> SLO? {
        guard let fields = decoder.fields(tree, "an SLO", allowed: Self.sloKeys) else { return nil }
        let name = decoder.string(fields["name"], "name") ?? ""
        if let problem = SLOChecks.nameProblem(name, "SLO name") { decoder.error(problem, at: fields["name"]?.value.location ?? tree.location, id: SLODiagnosticID.nameInvalid) }
        let what = "SLO '\(name)'"
        let objective = decoder.number(fields["objective"], "objective of \(what)")
        if fields["objective"] == nil { decoder.error("\(what) has no objective (expected objective: a percentage such as 99.9)", at: tree.location) }
        if let objective, let problem = SLOChecks.objectiveProblem(objective) {
            decoder.error(problem, at: fields["objective"]!.value.location, id: SLODiagnosticID.objectiveInvalid)
        }
        if let plugins = fields["plugins"] { decoder.error("SLO plugins are not supported (expected none)", at: plugins.keyLocation) }
        let sli = self.sli(fields["sli"], owner: what, at: tree.location, &decoder)
        guard let sli, let objective else { return nil }
        let location = tree.location
        let (line, column) = (UInt(max(location.line, 0)), UInt(max(location.column, 0)))
        var slo = SLO(service: service, name: name, objective: objective, sli: sli, fileID: path, filePath: path, line: line, column: column)
            .period(period, fileID: path, filePath: path, line: line, column: column)
        slo.description = decoder.string(fields["description"], "description of \(what)")
        slo.labels = specLabels.merging(decoder.stringMap(fields["labels"], "labels of \(what)")) { $1 }
        alerting(fields["alerting"], into: &slo, at: location, &decoder)
        if let catalogs = windowCatalogs {
            if let windows = catalogs.first(where: { $0.period.milliseconds == period.milliseconds }) {
                slo = slo.alertWindows(windows)
            } else {
                decoder.error("the \(period) SLO period has no alert windows in the catalogs (expected an AlertWindows file with sloPeriod: \(period))", at: location)
            }
        }
        return slo
    }

    private func sli(_ entry: YAMLEntry?, owner: String, at location: FileLocation, _ decoder: inout SpecDecoder) -> SLI? {
        guard let entry else {
            decoder.error("\(owner) has no sli (expected sli: with events or raw)", at: location)
            return nil
        }
        guard let fields = decoder.fields(entry.value, "sli of \(owner)", allowed: Self.sliKeys) else { return nil }
        if let plugin = fields["plugin"] {
            decoder.error("SLI plugins are not supported (expected events or raw)", at: plugin.keyLocation)
            return nil
        }
        let kinds = [fields["events"], fields["raw"]].compactMap { $0 }
        guard kinds.count == 1, let kind = kinds.first else {
            let message = kinds.isEmpty ? "sli of \(owner) has no SLI type (expected events or raw)" : "sli of \(owner) has both events and raw (expected only one SLI type)"
            decoder.error(message, at: entry.value.location)
            return nil
        }
        func query(_ fields: [String: YAMLEntry], _ key: String, _ what: String) -> String? {
            guard let entry = fields[key] else {
                decoder.error("\(what) of \(owner) is missing (expected \(key): a PromQL query with {{.window}})", at: kind.value.location)
                return nil
            }
            guard let text = decoder.string(entry, "\(key) of \(owner)") else { return nil }
            if let problem = SLOChecks.queryProblem(text, "\(key) of \(owner)", options: parseOptions) {
                decoder.error(problem, at: entry.value.location, id: SLODiagnosticID.sliInvalid)
                return nil
            }
            return text
        }
        if kind.key == "raw" {
            guard let fields = decoder.fields(kind.value, "sli.raw of \(owner)", allowed: ["error_ratio_query"]),
                  let ratio = query(fields, "error_ratio_query", "the error ratio query") else { return nil }
            return .raw(errorRatio: ratio)
        }
        guard let fields = decoder.fields(kind.value, "sli.events of \(owner)", allowed: ["error_query", "total_query"]) else { return nil }
        let errors = query(fields, "error_query", "the error query"), total = query(fields, "total_query", "the total query")
        guard let errors, let total else { return nil }
        if errors == total {
            decoder.error("error_query and total_query of \(owner) are the same (expected the error query to select only the bad events)", at: kind.value.location)
            return nil
        }
        return .events(errors: errors, total: total)
    }

    private func alerting(_ entry: YAMLEntry?, into slo: inout SLO, at location: FileLocation, _ decoder: inout SpecDecoder) {
        let owner = "alerting of SLO '\(slo.name)'"
        let fields = entry.flatMap { decoder.fields($0.value, owner, allowed: Self.alertingKeys, ignoring: Self.crdSpellings) } ?? [:]
        slo.alertName = decoder.string(fields["name"], "name of \(owner)")
        slo.alertLabels = decoder.stringMap(fields["labels"], "labels of \(owner)")
        slo.alertAnnotations = decoder.stringMap(fields["annotations"], "annotations of \(owner)", labelNames: false)
        for (key, tier) in [("page_alert", "page"), ("ticket_alert", "ticket")] {
            let tierFields = fields[key].flatMap { decoder.fields($0.value, "\(key) of \(owner)", allowed: Self.alertKeys) } ?? [:]
            let disabled = decoder.bool(tierFields["disable"], "disable of \(key)") ?? false
            let labels = decoder.stringMap(tierFields["labels"], "labels of \(key)")
            let annotations = decoder.stringMap(tierFields["annotations"], "annotations of \(key)", labelNames: false)
            if !disabled, slo.alertName?.isEmpty ?? true {
                decoder.error("\(owner) has no name, which the enabled \(key) needs (expected alerting.name, or \(key).disable: true)",
                              at: entry?.value.location ?? location)
            }
            slo = slo.tier(tier) { $0.labels(labels).enabled(!disabled).with { $0.annotations = annotations } }
        }
    }
}

extension SLOExpansionOptions {
    /// What Sloth v0.16's `generate` writes: its info labels for a `prometheus/v1` spec.
    public static func sloth(version: String, generatesAlerts: Bool = true, generatesRecordings: Bool = true, extraLabels: [String: String] = [:]) -> SLOExpansionOptions {
        SLOExpansionOptions(generatesAlerts: generatesAlerts, generatesRecordings: generatesRecordings, extraLabels: extraLabels,
                            info: SLOInfoLabels(version: version, mode: "cli-gen-prom", spec: SlothSpecReader.version))
    }
}

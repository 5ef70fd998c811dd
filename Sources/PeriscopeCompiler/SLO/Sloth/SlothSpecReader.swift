import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Reads the SLO specs Sloth's `generate` reads, one or several `---`-separated documents of
/// any mix of formats, into `SLO` values that `SLOExpansion` turns into the rules Sloth writes:
///
/// - Sloth `prometheus/v1` specs (`version: prometheus/v1`, snake_case keys);
/// - Sloth's Kubernetes resource, `apiVersion: sloth.slok.dev/v1`, `kind: PrometheusServiceLevel`
///   (the same spec under `spec:`, camelCase keys: `errorQuery`, `pageAlert`, …); its rules are
///   written back as a `monitoring.coreos.com/v1` PrometheusRule with the resource's name,
///   namespace, labels and annotations;
/// - OpenSLO `openslo/v1alpha` `SLO` documents, as Sloth maps them (see `OpenSLOReader`), and
///   OpenSLO `openslo/v1` `SLO` and `SLI` documents, which Sloth does not read.
///
/// It applies Sloth's checks (`pkg/common/validation`) and, unlike Sloth, refuses unknown
/// keys, so a typo does not silently drop a setting. Every problem is an error at the file's
/// line and column: an unknown key, a wrong type, an objective outside (0, 100], a query
/// without `{{.window}}` or that is not PromQL, an unsupported `version`, `apiVersion` or
/// `kind`. An SLO read from a spec carries the spec's path, line and column as its location,
/// so later problems name the spec too.
///
/// ```swift
/// let result = SlothSpecReader(path: "slos.yaml").read(text)
/// let groups = SLOExpansion(environment: env, diagnostics: collector, options: .sloth).ruleGroups(for: result.slos)
/// ```
public struct SlothSpecReader: Sendable {
    /// The path shown in locations.
    public var path: String
    /// The period of every SLO (Sloth's `--default-slo-period`, 30d by default); an OpenSLO
    /// time window overrides it.
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
        /// The documents read without errors, in file order.
        public var documents: [SLOSpecDocument]
        /// Every problem, in file order.
        public var diagnostics: [Diagnostic]
        /// The SLOs of every document, in file order.
        public var slos: [SLO] { documents.flatMap(\.slos) }
        /// Whether any problem is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let version = "prometheus/v1"

    /// Reads every document of `text`.
    public func read(_ text: String) -> Result {
        let yaml = YAMLReader(path: path, limits: .ruleFile).readStream(text)
        var decoder = SpecDecoder()
        var documents: [SLOSpecDocument] = []
        if !yaml.diagnostics.contains(where: { $0.severity == .error }) {
            let trees = yaml.documents.filter { !$0.isNull }
            if trees.isEmpty {
                decoder.error("no SLO spec in the file (expected a document with version: \(Self.version), a PrometheusServiceLevel or an OpenSLO SLO)",
                              at: FileLocation(path: path, line: 1, column: 1))
            }
            var openSLO = OpenSLOReader(reader: self, documents: trees)
            for tree in trees {
                let before = decoder.errorCount
                guard let document = document(tree, openSLO: &openSLO, &decoder), decoder.errorCount == before else { continue }
                documents.append(document)
            }
        }
        return Result(documents: documents, diagnostics: yaml.diagnostics + decoder.diagnostics)
    }

    /// One document, dispatched on `version` or `apiVersion` and `kind`; nil when it holds no SLOs.
    private func document(_ tree: YAMLTree, openSLO: inout OpenSLOReader, _ decoder: inout SpecDecoder) -> SLOSpecDocument? {
        guard let apiVersion = tree.entry("apiVersion") else {
            return SLOSpecDocument(format: .slothPrometheus, slos: slothSpec(tree, spelling: .prometheus, &decoder))
        }
        let kind = tree.entry("kind")
        switch (apiVersion.value.scalar?.text, kind?.value.scalar?.text) {
        case (SlothSpelling.kubernetesAPIVersion, "PrometheusServiceLevel"):
            return kubernetes(tree, &decoder)
        case (OpenSLOReader.v1alpha, "SLO"):
            return SLOSpecDocument(format: .openSLOv1alpha, slos: openSLO.v1alpha(tree, &decoder))
        case (OpenSLOReader.v1, _):
            return openSLO.v1(tree, kind: kind, &decoder).map { SLOSpecDocument(format: .openSLOv1, slos: $0) }
        default:
            let got = "apiVersion '\(apiVersion.value.scalar?.text ?? "")', kind '\(kind?.value.scalar?.text ?? "none")'"
            decoder.error("unsupported document \(got) (expected a Sloth spec with version: \(Self.version), apiVersion: \(SlothSpelling.kubernetesAPIVersion) with kind: PrometheusServiceLevel, or an OpenSLO \(OpenSLOReader.v1alpha) or \(OpenSLOReader.v1) SLO)",
                          at: kind.map { $0.value.location } ?? apiVersion.value.location)
            return nil
        }
    }

    /// A `sloth.slok.dev/v1` PrometheusServiceLevel: the resource's metadata and its spec.
    private func kubernetes(_ tree: YAMLTree, _ decoder: inout SpecDecoder) -> SLOSpecDocument? {
        guard let fields = decoder.fields(tree, "the PrometheusServiceLevel", allowed: ["apiVersion", "kind", "metadata", "spec", "status"]) else { return nil }
        let metadata = resourceMetadata(fields["metadata"], at: tree.location, &decoder)
        guard let spec = fields["spec"] else {
            decoder.error("the PrometheusServiceLevel has no spec (expected spec: with service and slos)", at: tree.location)
            return nil
        }
        let slos = slothSpec(spec.value, spelling: .kubernetes, &decoder)
        return SLOSpecDocument(format: .slothKubernetes, slos: slos, resource: metadata)
    }

    /// The name, namespace, labels and annotations of a Kubernetes resource; the other
    /// standard metadata keys are allowed and dropped.
    private func resourceMetadata(_ entry: YAMLEntry?, at location: FileLocation, _ decoder: inout SpecDecoder) -> KubernetesMetadata {
        let allowed = ["name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp",
                       "generateName", "managedFields", "ownerReferences", "finalizers", "deletionTimestamp", "deletionGracePeriodSeconds"]
        guard let entry, let fields = decoder.fields(entry.value, "metadata", allowed: allowed) else {
            decoder.error("the PrometheusServiceLevel has no metadata (expected metadata: with a name)", at: location)
            return KubernetesMetadata()
        }
        let name = decoder.string(fields["name"], "metadata.name")
        if name == nil || !RuleNames.isKubernetesName(name!) {
            decoder.error("metadata.name '\(name ?? "")' is not a Kubernetes name (expected a lowercase DNS-1123 name: a-z, 0-9, '-' and '.'; the PrometheusRule is named after it)",
                          at: fields["name"]?.value.location ?? entry.value.location)
        }
        let namespace = decoder.string(fields["namespace"], "metadata.namespace")
        func pairs(_ key: String) -> [RuleLabel] {
            decoder.stringMap(fields[key], "metadata.\(key)", labelNames: false).sorted { $0.key < $1.key }.map { RuleLabel($0.key, $0.value) }
        }
        return KubernetesMetadata(name: name.map { LocatedText($0) }, namespace: namespace.map { LocatedText($0) },
                                  labels: pairs("labels"), annotations: pairs("annotations"))
    }

    /// The SLOs of a Sloth spec: a `prometheus/v1` document, or the `spec` of a PrometheusServiceLevel.
    private func slothSpec(_ tree: YAMLTree, spelling: SlothSpelling, _ decoder: inout SpecDecoder) -> [SLO] {
        guard let fields = decoder.fields(tree, spelling.specName, allowed: spelling.specKeys) else { return [] }
        if spelling.hasVersion {
            let version = decoder.string(fields["version"], "version")
            guard version == Self.version else {
                if version != nil || fields["version"] == nil {
                    let got = version.map { "'\($0)'" } ?? "none"
                    decoder.error("unsupported spec version \(got) (expected version: \(Self.version))", at: fields["version"]?.value.location ?? tree.location)
                }
                return []
            }
        }
        let serviceEntry = fields["service"]
        let service = decoder.string(serviceEntry, "service") ?? ""
        if let problem = SLOChecks.nameProblem(service, "service") { decoder.error(problem, at: serviceEntry?.value.location ?? tree.location, id: SLODiagnosticID.nameInvalid) }
        let labels = decoder.stringMap(fields["labels"], "labels")
        if let plugins = fields[spelling.sloPlugins] { decoder.error("\(spelling.sloPlugins) are not supported (expected none)", at: plugins.keyLocation) }
        guard let slosEntry = fields["slos"], let items = slosEntry.value.items, !items.isEmpty else {
            let location = fields["slos"]?.value.location ?? tree.location
            decoder.error("the spec has no SLOs (expected slos: a list of at least one SLO)", at: location)
            return []
        }
        var slos: [SLO] = []
        for item in items {
            let before = decoder.errorCount
            if let slo = slo(item, service: service, specLabels: labels, spelling: spelling, &decoder), decoder.errorCount == before { slos.append(slo) }
        }
        return slos
    }

    private func slo(_ tree: YAMLTree, service: String, specLabels: [String: String], spelling: SlothSpelling, _ decoder: inout SpecDecoder) -> SLO? {
        guard let fields = decoder.fields(tree, "an SLO", allowed: SlothSpelling.sloKeys) else { return nil }
        let name = decoder.string(fields["name"], "name") ?? ""
        if let problem = SLOChecks.nameProblem(name, "SLO name") { decoder.error(problem, at: fields["name"]?.value.location ?? tree.location, id: SLODiagnosticID.nameInvalid) }
        let what = "SLO '\(name)'"
        let objective = decoder.number(fields["objective"], "objective of \(what)")
        if fields["objective"] == nil { decoder.error("\(what) has no objective (expected objective: a percentage such as 99.9)", at: tree.location) }
        if let objective, let problem = SLOChecks.objectiveProblem(objective) {
            decoder.error(problem, at: fields["objective"]!.value.location, id: SLODiagnosticID.objectiveInvalid)
        }
        if let plugins = fields["plugins"] { decoder.error("SLO plugins are not supported (expected none)", at: plugins.keyLocation) }
        let sli = self.sli(fields["sli"], owner: what, at: tree.location, spelling: spelling, &decoder)
        guard let sli, let objective else { return nil }
        var slo = makeSLO(service: service, name: name, objective: objective, sli: sli, period: period, at: tree.location, &decoder)
        slo.description = decoder.string(fields["description"], "description of \(what)")
        slo.labels = specLabels.merging(decoder.stringMap(fields["labels"], "labels of \(what)")) { $1 }
        alerting(fields["alerting"], into: &slo, at: tree.location, spelling: spelling, &decoder)
        return slo
    }

    /// An SLO located at `location` in the spec, with the window catalog of its period.
    func makeSLO(service: String, name: String, objective: Double, sli: SLI, period: PrometheusDuration, at location: FileLocation,
                 _ decoder: inout SpecDecoder) -> SLO {
        let (line, column) = (UInt(max(location.line, 0)), UInt(max(location.column, 0)))
        let slo = SLO(service: service, name: name, objective: objective, sli: sli, fileID: path, filePath: path, line: line, column: column)
            .period(period, fileID: path, filePath: path, line: line, column: column)
        guard let catalogs = windowCatalogs else { return slo }
        if let windows = catalogs.first(where: { $0.period.milliseconds == period.milliseconds }) { return slo.alertWindows(windows) }
        decoder.error("the \(period) SLO period has no alert windows in the catalogs (expected an AlertWindows file with sloPeriod: \(period))", at: location)
        return slo
    }

    /// Sloth's query checks of one SLI query, located at its value; the query, or nil.
    func checkedQuery(_ entry: YAMLEntry, _ what: String, _ decoder: inout SpecDecoder) -> String? {
        guard let text = decoder.string(entry, what) else { return nil }
        if let problem = SLOChecks.queryProblem(text, what, options: parseOptions) {
            decoder.error(problem, at: entry.value.location, id: SLODiagnosticID.sliInvalid)
            return nil
        }
        return text
    }

    private func sli(_ entry: YAMLEntry?, owner: String, at location: FileLocation, spelling: SlothSpelling, _ decoder: inout SpecDecoder) -> SLI? {
        guard let entry else {
            decoder.error("\(owner) has no sli (expected sli: with events or raw)", at: location)
            return nil
        }
        guard let fields = decoder.fields(entry.value, "sli of \(owner)", allowed: SlothSpelling.sliKeys) else { return nil }
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
            return checkedQuery(entry, "\(key) of \(owner)", &decoder)
        }
        if kind.key == "raw" {
            guard let fields = decoder.fields(kind.value, "sli.raw of \(owner)", allowed: [spelling.errorRatioQuery]),
                  let ratio = query(fields, spelling.errorRatioQuery, "the error ratio query") else { return nil }
            return .raw(errorRatio: ratio)
        }
        guard let fields = decoder.fields(kind.value, "sli.events of \(owner)", allowed: [spelling.errorQuery, spelling.totalQuery]) else { return nil }
        let errors = query(fields, spelling.errorQuery, "the error query"), total = query(fields, spelling.totalQuery, "the total query")
        guard let errors, let total else { return nil }
        if errors == total {
            decoder.error("\(spelling.errorQuery) and \(spelling.totalQuery) of \(owner) are the same (expected the error query to select only the bad events)", at: kind.value.location)
            return nil
        }
        return .events(errors: errors, total: total)
    }

    private func alerting(_ entry: YAMLEntry?, into slo: inout SLO, at location: FileLocation, spelling: SlothSpelling, _ decoder: inout SpecDecoder) {
        let owner = "alerting of SLO '\(slo.name)'"
        let fields = entry.flatMap { decoder.fields($0.value, owner, allowed: spelling.alertingKeys, ignoring: spelling.ignoredSpellings) } ?? [:]
        slo.alertName = decoder.string(fields["name"], "name of \(owner)")
        slo.alertLabels = decoder.stringMap(fields["labels"], "labels of \(owner)")
        slo.alertAnnotations = decoder.stringMap(fields["annotations"], "annotations of \(owner)", labelNames: false)
        for (key, tier) in [(spelling.pageAlert, "page"), (spelling.ticketAlert, "ticket")] {
            let tierFields = fields[key].flatMap { decoder.fields($0.value, "\(key) of \(owner)", allowed: SlothSpelling.alertKeys) } ?? [:]
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

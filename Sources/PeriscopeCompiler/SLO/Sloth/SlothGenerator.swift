import Foundation
import PeriscopeDSL
import PeriscopeModel

/// Sloth's `generate` as one call: reads the specs of a file (Sloth `prometheus/v1`, Sloth
/// PrometheusServiceLevel resources, OpenSLO; see `SlothSpecReader`), expands their SLOs and
/// lowers the groups into one rule file, checked like every rule Periscope writes.
///
/// The groups of the `prometheus/v1` and OpenSLO documents form one `groups:` document (so
/// promtool reads the file whole), placed where the first of them is; each PrometheusServiceLevel
/// becomes a `monitoring.coreos.com/v1` PrometheusRule document with its groups, its name,
/// namespace, labels and annotations, and the labels `app.kubernetes.io/component: SLO` and
/// `app.kubernetes.io/managed-by: periscope` (Sloth writes `sloth` there). `sloth_slo_info`
/// names each document's format in `sloth_spec` and `sloth_mode`, as Sloth does.
///
/// ```swift
/// let generator = SlothGenerator(options: .sloth(version: "v0.16.0"))
/// let (file, diagnostics) = generator.generate(text, path: "slos.yaml")
/// if let file { write(RuleFileWriter.bytes(file)) }
/// ```
public struct SlothGenerator: Sendable {
    /// The period of every SLO (`--default-slo-period`).
    public var period: PrometheusDuration
    /// Alert-window catalogs (`--slo-period-windows-path`); the SRE workbook's for any period when nil.
    public var windowCatalogs: [SLOAlertWindows]?
    /// What to generate and the extra labels.
    public var options: SLOExpansionOptions
    /// The environment the rules are checked for (Prometheus 3 PromQL, no selectors or labels).
    public var environment: Environment

    /// Creates a generator.
    public init(period: PrometheusDuration = "30d", windowCatalogs: [SLOAlertWindows]? = nil, options: SLOExpansionOptions = .sloth(version: "periscope"),
                environment: Environment = Environment(name: "sloth", prometheus: PrometheusSettings(target: .v3))) {
        self.period = period
        self.windowCatalogs = windowCatalogs
        self.options = options
        self.environment = environment
    }

    /// The rule file of the specs in `text`, named `name`; nil when there are errors.
    public func generate(_ text: String, path: String, name: String = "slos") -> (file: RuleFile?, diagnostics: [Diagnostic]) {
        let read = SlothSpecReader(path: path, period: period, windowCatalogs: windowCatalogs).read(text)
        guard !read.hasErrors else { return (nil, read.diagnostics) }
        let collector = DiagnosticCollector()
        // Each resource gets a namespace of its own, so that lowering keeps its groups apart.
        func namespace(_ index: Int) -> String { read.documents[index].resource == nil ? name : "\(name)-resource-\(index)" }
        var groups: [RuleGroup] = []
        for (index, document) in read.documents.enumerated() {
            var options = self.options
            options.info.mode = document.format.mode
            options.info.spec = document.format.spec
            groups += SLOExpansion(environment: environment, diagnostics: collector, options: options)
                .ruleGroups(for: document.slos.map { $0.namespace(namespace(index)) })
        }
        let files = RuleCompiler(environment: environment, diagnostics: collector).lower(groups)
        let diagnostics = read.diagnostics + collector.diagnostics
        if collector.hasErrors { return (nil, diagnostics) }
        func groupsOf(_ namespace: String) -> [RuleGroupNode] { files.first { $0.name == namespace }?.groups ?? [] }
        guard read.documents.contains(where: { $0.resource != nil }) else { return (RuleFile(name: name, groups: groupsOf(name)), diagnostics) }
        var documents: [RuleDocument] = []
        var wrotePlain = false
        for (index, document) in read.documents.enumerated() {
            if let metadata = document.resource {
                var resource = RuleDocument.prometheusRule("", groups: groupsOf(namespace(index)))
                resource.resource?.metadata = metadata
                let managed = ["app.kubernetes.io/component": "SLO", "app.kubernetes.io/managed-by": "periscope"]
                resource.resource?.metadata.labels = metadata.labels.filter { managed[$0.name] == nil }
                    + managed.sorted { $0.key < $1.key }.map { RuleLabel($0.key, $0.value) }
                resource.resource?.metadata.labels.sort { $0.name < $1.name }
                documents.append(resource)
            } else if !wrotePlain {
                wrotePlain = true
                documents.append(RuleDocument(shape: .ruleGroups, groups: groupsOf(name)))
            }
        }
        return (RuleFile(name: name, documents: documents), diagnostics)
    }

    /// Every `.yaml`/`.yml` `AlertWindows` file under `directory`, as Sloth loads
    /// `--slo-period-windows-path`; two different catalogs for one period are an error.
    public static func windowCatalogs(inDirectory directory: String) -> (catalogs: [SLOAlertWindows], diagnostics: [Diagnostic]) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            return ([], [Diagnostic(.error, "cannot read the alert windows directory '\(directory)' (expected a directory of AlertWindows YAML files)", id: SLODiagnosticID.specInvalid)])
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { paths.append(directory + "/" + relative) }
        }
        var catalogs: [SLOAlertWindows] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, "cannot read alert windows file '\(path)'", id: SLODiagnosticID.specInvalid))
                continue
            }
            let read = AlertWindowsReader(path: path).read(text)
            diagnostics += read.diagnostics
            guard let windows = read.windows else { continue }
            if let other = catalogs.first(where: { $0.period.milliseconds == windows.period.milliseconds }) {
                if other != windows {
                    diagnostics.append(.error("a second, different alert windows catalog for the \(windows.period) SLO period (expected one per period)",
                                              at: FileLocation(path: path, line: 1, column: 1), id: SLODiagnosticID.specInvalid))
                }
                continue
            }
            catalogs.append(windows)
        }
        return (catalogs, diagnostics)
    }
}

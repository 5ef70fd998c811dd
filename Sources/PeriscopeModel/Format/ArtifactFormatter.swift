import PeriscopeDSL

/// Reads dashboards and rule files and writes them back canonically: `periscope fmt`.
///
/// Canonical means the writers' own layout: for dashboards `JSONWriter`'s (keys sorted at every
/// level, two-space indentation, integral numbers without a fraction, numbers kept as written
/// where no `Double` holds them), for rule files the rule-file writer's. Formatting never changes
/// the data: the output is read back and compared with the input (`isSemanticallyEqual`) before it
/// is returned, and a difference is reported as an error instead of output.
public struct ArtifactFormatter: Sendable {
    /// What a file holds.
    public enum Kind: String, Sendable, Equatable {
        /// A Grafana dashboard (`.json`).
        case dashboard
        /// A Prometheus rule file, PrometheusRule resource or Mimir namespace file (`.yaml`, `.yml`).
        case ruleFile = "rule file"
    }

    /// The result of formatting one file.
    public struct Output: Sendable {
        /// What the file holds; nil when it is neither a dashboard nor a rule file.
        public var kind: Kind?
        /// The canonical bytes; nil when the file could not be read (see `diagnostics`).
        public var formatted: [UInt8]?
        /// Whether the canonical bytes differ from the input.
        public var changed: Bool
        /// Errors and warnings, located.
        public var diagnostics: [Diagnostic]
    }

    /// Id of the error for a file that is not the kind of artifact expected.
    public static let notAnArtifactID: DiagnosticID = "fmt-not-an-artifact"
    /// Id of the error raised if formatting would change a file's data (a bug; nothing is written).
    public static let semanticsChangedID: DiagnosticID = "fmt-semantics-changed"

    /// Creates a formatter.
    public init() {}

    /// The kind a path names by its extension: `.json` dashboards, `.yaml`/`.yml` rule files.
    public static func kind(ofPath path: String) -> Kind? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".json") { return .dashboard }
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return .ruleFile }
        return nil
    }

    /// Formats a file's bytes according to its extension.
    public func format(_ bytes: [UInt8], path: String) -> Output {
        switch Self.kind(ofPath: path) {
        case .dashboard?: return formatDashboard(bytes, path: path)
        case .ruleFile?: return formatRuleFile(bytes, path: path)
        case nil:
            return Output(kind: nil, formatted: nil, changed: false, diagnostics: [Diagnostic(
                .error, "cannot format '\(path)': expected a dashboard (.json) or a rule file (.yaml, .yml)",
                at: .file(FileLocation(path: path)), id: Self.notAnArtifactID)])
        }
    }

    /// Formats a Grafana dashboard file.
    public func formatDashboard(_ bytes: [UInt8], path: String) -> Output {
        let read = JSONReader().read(bytes, path: path)
        guard let document = read.document else {
            return Output(kind: .dashboard, formatted: nil, changed: false, diagnostics: read.diagnostics)
        }
        var diagnostics = read.diagnostics
        guard DashboardReader.looksLikeDashboard(document.root) else {
            diagnostics.append(Diagnostic(
                .error, "not a Grafana dashboard: expected a JSON object with 'panels', 'rows', 'templating' or 'schemaVersion'",
                at: .json(document.rootNode.location), id: Self.notAnArtifactID))
            return Output(kind: nil, formatted: nil, changed: false, diagnostics: diagnostics)
        }
        let model = DashboardReader().read(document)
        diagnostics += model.diagnostics
        guard !model.hasErrors else { return Output(kind: .dashboard, formatted: nil, changed: false, diagnostics: diagnostics) }
        let formatted = JSONWriter().data(document.root)
        guard let reread = JSONReader().read(formatted, path: path).document, reread.root.isSemanticallyEqual(to: document.root) else {
            diagnostics.append(Diagnostic(
                .error, "formatting would change the dashboard's data; the file is left as it is (please report this)",
                at: .file(FileLocation(path: path)), id: Self.semanticsChangedID))
            return Output(kind: .dashboard, formatted: nil, changed: false, diagnostics: diagnostics)
        }
        return Output(kind: .dashboard, formatted: formatted, changed: formatted != bytes, diagnostics: diagnostics)
    }
}

extension DashboardReader {
    /// Whether a JSON value looks like a dashboard: an object with `panels`, `rows`, `templating`
    /// or `schemaVersion`, or Grafana's HTTP API shape `{"dashboard": {…}}`. Used to tell
    /// dashboards from other JSON files in a folder.
    public static func looksLikeDashboard(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value else { return false }
        let keys = Set(members.map(\.key))
        if !keys.isDisjoint(with: ["panels", "rows", "templating", "schemaVersion"]) { return true }
        if let inner = value["dashboard"], case .object = inner { return looksLikeDashboard(inner) }
        return false
    }
}

import Dispatch
import PeriscopeDSL
import PeriscopeModel
import Synchronization

/// `periscope import dashboard`: Grafana dashboard files turned into Periscope Swift, one file
/// per dashboard (``ImportedSource``), with the datasources they use for the environments
/// (``ImportedEnvironments``).
///
/// Every input is read and checked before anything is generated; any error (a file that is not
/// JSON or not a dashboard, a uid that would be an unsafe path, two dashboards with one uid)
/// fails the whole import with located diagnostics and no sources, so nothing is written.
public struct DashboardImporter: Sendable {
    /// One input file.
    public struct Input: Sendable {
        /// The path as given (used in messages and in the generated file's header).
        public var path: String
        /// The file's bytes.
        public var bytes: [UInt8]

        /// Creates an input.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// What an import produced.
    public struct Result: Sendable {
        /// The generated files, in input order; empty when there are errors.
        public var sources: [ImportedSource]
        /// The datasources the dashboards use (and, with environments, what differs per environment).
        public var environments: ImportedEnvironments
        /// Errors and warnings, located in the inputs.
        public var diagnostics: [Diagnostic]

        /// Whether an error was reported.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Creates an importer.
    public init() {}

    /// Diagnostic ids of the dashboard importer.
    public enum IDs {
        /// The file is not valid JSON.
        public static let invalidJSON: DiagnosticID = "import-invalid-json"
        /// The JSON is not a Grafana dashboard.
        public static let notADashboard: DiagnosticID = "import-not-a-dashboard"
        /// The uid would be an unsafe file name (`grafana/dashboards/<folder>/<uid>.json`).
        public static let unsafeUID: DiagnosticID = "import-unsafe-uid"
        /// Two inputs have the same uid.
        public static let duplicateUID: DiagnosticID = "import-duplicate-uid"
        /// The dashboard has no uid; one was derived from the file name.
        public static let missingUID: DiagnosticID = "import-missing-uid"
        /// `--env` copies that are not the same dashboard.
        public static let environmentMismatch: DiagnosticID = "import-env-mismatch"
    }

    /// A checked input: its normalised dashboard and what generation needs.
    struct Checked: Sendable {
        var path: String
        var original: JSONValue
        var dashboard: JSONValue
        var inputs: [String: String]
        var uid: String
        var document: JSONDocument
    }

    /// Reads and checks one input; nil (with diagnostics) when it cannot be imported.
    func check(_ input: Input, diagnostics: inout [Diagnostic]) -> Checked? {
        let read = JSONReader().read(input.bytes, path: input.path)
        guard let document = read.document else {
            for diagnostic in read.diagnostics where diagnostic.severity == .error {
                var copy = diagnostic
                copy.id = Self.IDs.invalidJSON
                diagnostics.append(copy)
            }
            return nil
        }
        let root = document.root
        let object = DashboardNormalizer.dashboardObject(root)
        let prefix: JSONPointer = object == root ? .root : JSONPointer(tokens: ["dashboard"])
        let isDashboard: Bool = {
            guard case .object = object else { return false }
            let hasLayout = object["panels"]?.arrayValue != nil || object["rows"]?.arrayValue != nil
            return hasLayout || (object["title"]?.stringValue != nil && (object["schemaVersion"] != nil || object["uid"] != nil))
        }()
        guard isDashboard else {
            diagnostics.append(.error(
                "not a Grafana dashboard: expected a JSON object with `panels` (or legacy `rows`) and a `title`",
                at: document.location(at: prefix), id: Self.IDs.notADashboard,
                notes: ["export a dashboard from Grafana with Share > Export > Save to file, or from the HTTP API (GET /api/dashboards/uid/<uid>)"]))
            return nil
        }
        var uid = object["uid"]?.stringValue ?? ""
        if let value = object["uid"], value != .null, value.stringValue == nil {
            diagnostics.append(.error("the dashboard's uid must be a string", at: document.location(at: prefix.appending("uid")), id: Self.IDs.unsafeUID))
            return nil
        }
        if uid.isEmpty {
            let stem = input.path.split(separator: "/").last.map(String.init) ?? "dashboard"
            let base = stem.hasSuffix(".json") ? String(stem.dropLast(5)) : stem
            uid = Self.safeUID(from: base)
            diagnostics.append(Diagnostic(
                .warning, "the dashboard has no uid; using '\(uid)' from the file name",
                at: .json(document.location(at: prefix)), id: Self.IDs.missingUID))
        } else if let problem = Self.uidProblem(uid) {
            diagnostics.append(.error(
                "unsafe dashboard uid '\(DashboardCodeGenerator.commentSafe(uid))': \(problem); it names the rendered file grafana/dashboards/<folder>/<uid>.json",
                at: document.location(at: prefix.appending("uid")), id: Self.IDs.unsafeUID,
                notes: ["Grafana's uids are at most 40 letters, digits, '-' and '_'"]))
            return nil
        }
        var inputs: [String: String] = [:]
        for entry in root["__inputs"]?.arrayValue ?? [] where entry["type"] == .string("datasource") {
            if let name = entry["name"]?.stringValue { inputs[name] = entry["pluginId"]?.stringValue ?? "prometheus" }
        }
        var dashboard = DashboardNormalizer().normalize(root)
        dashboard["uid"] = .string(uid)
        return Checked(path: input.path, original: root, dashboard: dashboard, inputs: inputs, uid: uid, document: document)
    }

    /// Why `uid` is not a safe file name, or nil.
    static func uidProblem(_ uid: String) -> String? {
        if uid.contains("/") || uid.contains("\\") { return "it contains a path separator" }
        if uid == "." || uid == ".." || uid.hasPrefix(".") { return "it starts with '.'" }
        if uid.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "it contains a control character" }
        if uid.utf8.count > 255 { return "it is longer than a file name may be" }
        return nil
    }

    static func safeUID(from text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "-"
        }
        let uid = String(scalars.prefix(40))
        return uid.isEmpty || uid.hasPrefix(".") ? "dashboard" : uid
    }

    /// Imports `inputs`, one dashboard each.
    ///
    /// With `environments` (`--env`, one name per input, in order), the inputs are copies of one
    /// dashboard: one definition is generated from the first, and what differs goes into the
    /// environments (see ``EnvironmentMerge``).
    public func importDashboards(_ inputs: [Input], environments: [String] = [], reservedTypeNames: Set<String> = []) -> Result {
        // Reading and normalising is per file: spread over the cores, results kept in input order.
        let slots = Mutex([(Checked?, [Diagnostic])](repeating: (nil, []), count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            var found: [Diagnostic] = []
            let one = check(inputs[index], diagnostics: &found)
            slots.withLock { $0[index] = (one, found) }
        }
        let results = slots.withLock { $0 }
        var diagnostics = results.flatMap(\.1)
        let checked = results.compactMap(\.0)
        if !environments.isEmpty {
            return EnvironmentMerge(importer: self).merge(checked, inputs: inputs, names: environments, diagnostics: diagnostics, reservedTypeNames: reservedTypeNames)
        }
        var firstByUID: [String: Checked] = [:]
        for one in checked {
            if let first = firstByUID[one.uid] {
                diagnostics.append(.error(
                    "dashboard uid '\(one.uid)' is also the uid of \(first.path); uids must be unique (give one of them another uid, or use --env for copies of one dashboard)",
                    at: one.document.location(at: JSONPointer(tokens: ["uid"])), id: Self.IDs.duplicateUID))
            } else {
                firstByUID[one.uid] = one
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(sources: [], environments: ImportedEnvironments(names: []), diagnostics: diagnostics)
        }
        var typeNames = SwiftIdentifierTaken(reserved: reservedTypeNames)
        let generators = checked.map { one in
            let title = one.dashboard["title"]?.stringValue ?? ""
            return DashboardCodeGenerator(typeName: typeNames.typeName(for: title.isEmpty ? one.uid : title), inputPath: one.path, inputs: one.inputs)
        }
        // Generating is per dashboard but for the logical datasource names, which the import
        // shares: each dashboard is generated over the cores with a naming of its own, then the
        // namings are taken over in input order; a dashboard whose names come out otherwise
        // (another dashboard took one first) is generated again with the import's naming.
        let drafts = Mutex([(text: String, naming: DatasourceNaming)?](repeating: nil, count: checked.count))
        DispatchQueue.concurrentPerform(iterations: checked.count) { index in
            var own = DatasourceNaming()
            let text = generators[index].generate(checked[index].dashboard, naming: &own)
            drafts.withLock { $0[index] = (text, own) }
        }
        let generated = drafts.withLock { $0 }
        var naming = DatasourceNaming()
        var sources: [ImportedSource] = []
        for (index, one) in checked.enumerated() {
            let generator = generators[index]
            let typeName = generator.typeName
            let text: String
            if let draft = generated[index], naming.adopt(draft.naming) {
                text = draft.text
            } else {
                text = generator.generate(one.dashboard, naming: &naming)
            }
            sources.append(ImportedSource(
                fileName: typeName + ".swift", text: text,
                definitions: [ImportedDefinition(kind: .dashboard, expression: "\(typeName).dashboard(env)")], inputPath: one.path))
        }
        var environments = ImportedEnvironments(names: [])
        for (name, datasource) in naming.entries { environments.datasources[name] = ["base": datasource] }
        return Result(sources: sources, environments: environments, diagnostics: diagnostics)
    }
}

/// Type names given so far in one import.
struct SwiftIdentifierTaken {
    var scope: SwiftIdentifierScope

    init(reserved: Set<String>) { scope = SwiftIdentifierScope(reserved: reserved.union(DashboardIdentifier.dslTypeNames), caseInsensitive: true) }

    /// `NodeExporter` from `Node Exporter`, unique in this import (ignoring case: it names a file)
    /// and clear of the DSL's types.
    mutating func typeName(for title: String) -> String {
        scope.unique(DashboardIdentifier.typeName(title))
    }
}

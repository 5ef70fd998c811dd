import Foundation
import PeriscopeDSL
import PeriscopeModel
import PromQL

/// `periscope import rules`: Prometheus rule files (plain `groups:` files, PrometheusRule
/// resources, Mimir namespace files) and promtool unit-test files turned into Periscope Swift.
///
/// Each rule file becomes one Swift file with an enum: a `static func groups(_ env:) ->
/// [RuleGroup]` listing its groups, one declaration per group and one per rule (so every
/// builder stays small and quick to type-check). Each promtool test file becomes an enum with
/// `static func tests(_ env:) -> RuleTests` and one declaration per test case.
///
/// What is kept, so that rendering with environments that add nothing (the import scaffold's)
/// gives the same rules: names, expressions (text as written; a trailing line break of a block
/// scalar is dropped), `for`, `keep_firing_for`, labels, annotations, group `interval`, `limit`,
/// `query_offset` and `labels`, and the namespace (file name, Mimir `namespace:`, or the
/// PrometheusRule's name). The `severity` label becomes `.severity(…)` unless an environment of
/// the target package maps that tier (`alerting.severities`), in which case it stays a plain
/// label so it renders as written; `summary`, `description` and `runbook_url` become
/// `.summary`, `.description` and `.runbook`.
///
/// Errors (nothing is imported): a file that is neither a rule file nor a promtool test file
/// (`import-not-rule-file`), YAML errors, what the rule-file reader refuses, PromQL that does
/// not parse (`rule-expr-invalid`), keys the DSL cannot express (`import-key-unsupported`).
public struct RuleImporter: Sendable {
    /// Severity tiers that an environment of the target package maps (keys of
    /// `alerting.severities`); alerts with these `severity` values keep a plain label.
    public var mappedSeverityTiers: Set<String>

    /// Creates an importer.
    public init(mappedSeverityTiers: Set<String> = []) {
        self.mappedSeverityTiers = mappedSeverityTiers
    }

    /// One input file, read.
    enum Input {
        case rules(path: String, file: RuleFile)
        case tests(path: String, root: YAMLTree)

        var path: String {
            switch self {
            case .rules(let path, _), .tests(let path, _): path
            }
        }
    }

    /// What an import produced.
    public struct Output: Sendable {
        /// The Swift files, in input order.
        public var sources: [ImportedSource]
        /// Files found in folders that are neither rule files nor promtool test files.
        public var skipped: [String]
        /// Rule files without groups (`groups: []`): nothing to render, so no Swift file.
        public var empty: [String]
    }

    /// The YAML files `paths` name: files as given, folders searched recursively for `.yaml` and
    /// `.yml` (sorted). Returns the files and errors for paths that do not exist.
    public static func expand(_ paths: [String]) -> (files: [(path: String, explicit: Bool)], errors: [Diagnostic]) {
        var files: [(String, Bool)] = []
        var errors: [Diagnostic] = []
        let fileManager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.error("no such file or folder: \(path)", at: FileLocation(path: path), id: "import-input-missing"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append((path, true))
                continue
            }
            let base = URL(fileURLWithPath: path)
            var found: [String] = []
            if let enumerator = fileManager.enumerator(at: base, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
                for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
                    let relative = url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count).drop { $0 == "/" }
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
            }
            files += found.sorted().map { ($0, false) }
        }
        return (files, errors)
    }

    /// Imports the files and folders in `paths`. Files found in folders that are neither rule
    /// files nor promtool test files are skipped (listed in `skipped`); named files must be one.
    public func importFiles(_ paths: [String]) throws(ImportFailure) -> Output {
        let (files, missing) = Self.expand(paths)
        var errors = missing
        var inputs: [Input] = []
        var skipped: [String] = []
        for (path, explicit) in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append(.error("cannot read \(path)", at: FileLocation(path: path), id: RuleDiagnosticID.fileUnreadable))
                continue
            }
            switch Self.read(Array(data), path: path) {
            case .success(let input): inputs.append(input)
            case .failure(let failure):
                if !explicit, failure.diagnostics.allSatisfy({ $0.id == Self.notRuleFileID }) { skipped.append(path) } else { errors += failure.diagnostics }
            }
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
        if inputs.isEmpty {
            throw ImportFailure([.error("no rule files or promtool test files found in \(paths.joined(separator: ", "))",
                                        at: FileLocation(path: paths.first ?? "."), id: Self.notRuleFileID)])
        }
        let (sources, empty) = try generate(inputs)
        if sources.isEmpty {
            throw ImportFailure([.error("the rule files in \(paths.joined(separator: ", ")) have no rule groups; nothing to import",
                                        at: FileLocation(path: paths.first ?? "."), id: "import-nothing")])
        }
        return Output(sources: sources, skipped: skipped, empty: empty)
    }

    /// Id of the error for a file that is neither a rule file nor a promtool test file.
    public static let notRuleFileID: DiagnosticID = "import-not-rule-file"
    /// Id of the error for a key the DSL has no way to say.
    public static let unsupportedKeyID: DiagnosticID = "import-key-unsupported"

    /// Reads one file as a rule file or a promtool test file.
    static func read(_ bytes: [UInt8], path: String) -> Result<Input, ImportFailure> {
        let text = String(decoding: bytes, as: UTF8.self)
        let stream = YAMLReader(path: path, limits: .ruleFile).readStream(text)
        if stream.diagnostics.contains(where: { $0.severity == .error }) { return .failure(ImportFailure(stream.diagnostics.filter { $0.severity == .error })) }
        if stream.documents.count == 1, let document = stream.documents.first, let entries = document.entries,
           entries.contains(where: { $0.key == "tests" || $0.key == "rule_files" }), !entries.contains(where: { $0.key == "groups" }) {
            return .success(.tests(path: path, root: document))
        }
        for document in stream.documents {
            switch document.content {
            case .scalar where document.isNull: continue
            case .mapping(let entries) where entries.isEmpty || entries.contains(where: { $0.key == "groups" || $0.key == "kind" }): continue
            default:
                return .failure(ImportFailure([Diagnostic(
                    .error, "not a Prometheus rule file or promtool test file: expected 'groups:', a PrometheusRule resource, a Mimir namespace file, or 'rule_files:' and 'tests:'",
                    at: .file(document.location), id: notRuleFileID)]))
            }
        }
        let result = RuleFileReader(path: path).read(bytes)
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .failure(ImportFailure(errors)) }
        return .success(.rules(path: path, file: result.file))
    }

    // MARK: Generation

    /// The namespace and enum name of each rule file, then the Swift files.
    func generate(_ inputs: [Input]) throws(ImportFailure) -> (sources: [ImportedSource], empty: [String]) {
        var types = SwiftIdentifierScope(reserved: PackageNames.reservedModules.union(["ImportedCatalog"]), caseInsensitive: true)
        // Plain rule files are namespaced by their file name; two inputs of one name are told
        // apart by their folder (`etcd/alerts.yaml` → `etcd-alerts`).
        let stems = inputs.map { Self.stem(of: $0.path) }
        var namespaceScope = SwiftIdentifierScope()
        var namespaces: [String: String] = [:]
        for (index, input) in inputs.enumerated() {
            guard case .rules(let path, _) = input else { continue }
            let stem = stems[index]
            let clash = stems.enumerated().contains { $0.offset != index && $0.element == stem }
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
            let name = clash && !parent.isEmpty && parent != "." && parent != "/" ? Self.safeNamespace(parent + "-" + stem) : Self.safeNamespace(stem)
            namespaces[path] = namespaceScope.unique(name)
        }
        var sources: [ImportedSource] = []
        var empty: [String] = []
        var errors: [Diagnostic] = []
        for input in inputs {
            switch input {
            case .rules(let path, let file):
                let namespace = namespaces[path] ?? Self.safeNamespace(Self.stem(of: path))
                let base = SwiftIdentifier.upperCamel(namespace, fallback: "Imported")
                let suffixed = ["Rules", "Alerts", "Alerting", "Recording", "Recordings"].contains { base.hasSuffix($0) } ? base : base + "Rules"
                let type = types.unique(suffixed)
                do throws(ImportFailure) {
                    if let source = try RuleFileGenerator(type: type, path: path, file: file, defaultNamespace: namespace, mappedSeverityTiers: mappedSeverityTiers).source() {
                        sources.append(source)
                    } else {
                        empty.append(path)
                    }
                } catch {
                    errors += error.diagnostics
                }
            case .tests(let path, let root):
                let base = SwiftIdentifier.upperCamel(Self.stem(of: path), fallback: "Imported")
                let type = types.unique(base.hasSuffix("Tests") ? base : base.hasSuffix("Test") ? base + "s" : base + "Tests")
                do throws(ImportFailure) {
                    sources.append(try RuleTestGenerator(type: type, path: path, root: root, namespaceOfRuleFile: { ruleFile in
                        Self.namespace(forRuleFile: ruleFile, testPath: path, namespaces: namespaces)
                    }).source())
                } catch {
                    errors += error.diagnostics
                }
            }
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
        return (sources, empty)
    }

    /// The namespace of the rule file a test file's `rule_files` entry names: the namespace it
    /// was imported under in this run, else its file name (as a plain file would be imported).
    static func namespace(forRuleFile ruleFile: String, testPath: String, namespaces: [String: String]) -> String {
        let resolved = URL(fileURLWithPath: ruleFile, relativeTo: URL(fileURLWithPath: testPath).deletingLastPathComponent()).standardizedFileURL.path
        for (path, namespace) in namespaces where URL(fileURLWithPath: path).standardizedFileURL.path == resolved { return namespace }
        return safeNamespace(stem(of: ruleFile))
    }

    static func stem(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// A namespace usable as a file name: letters, digits, `.`, `_` and `-`; others become `-`.
    static func safeNamespace(_ text: String) -> String {
        let mapped = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-") ? Character(scalar) : "-"
        })
        let trimmed = mapped.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        return trimmed.isEmpty ? "rules" : trimmed
    }
}

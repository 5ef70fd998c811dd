import PeriscopeDSL

/// Reads dashboards, rule files and promtool test files from paths, grouped by environment:
/// what `lint` and `diff` run on.
///
/// Each path may be:
/// - a rendered environment folder (it holds `manifest.json`, as `render` writes
///   `build/<env>/`): one environment named by its manifest, its artifacts read as the manifest
///   lists them (`grafana-dashboard`, `prometheus-rules`, `prometheus-tests`; the
///   `kubernetes-prometheusrule` and `mimir-rules` copies as ``ArtifactEnvironment/alternateRuleFiles``);
/// - an output root (`build/`, whose subfolders hold `manifest.json`): one environment per
///   subfolder, in name order;
/// - `manifest.json` itself: its folder, as above;
/// - any other folder or file: foreign artifacts. Folders are searched recursively
///   (``ArtifactSearch/files(under:)``). `.json` files that look like dashboards are read with
///   ``DashboardReader`` (Grafana's API shape `{"dashboard": …}`, legacy `rows[]`, `null` or string
///   datasources and `__inputs` exports included); `.yaml`/`.yml` files with top-level `groups`
///   (Prometheus rule files, Mimir namespaces) or `kind: PrometheusRule`/`List` are read with
///   ``RuleFileReader``; those with `rule_files` and `tests` are promtool test files. Other JSON
///   and YAML files are skipped with a note (named on the command line, with an error). Every
///   foreign path given goes into one unnamed environment; a rendered environment folder met
///   while searching is read as such.
///
/// Problems never trap: a missing, unreadable or malformed file is a located diagnostic and the
/// rest is still read. Files are read in parallel; results and diagnostics are in path order.
public struct ArtifactFolderReader: Sendable {
    /// Artifacts of rendered environments that are not read, by path (the environment folder
    /// joined with the manifest's path, as findings print it). `diff` passes the files whose bytes
    /// are the same on both sides: they cannot differ, so parsing them would be wasted work.
    public var skipping: Set<String>

    /// Creates a reader that reads every artifact, or all but those in `skipping`.
    public init(skipping: Set<String> = []) { self.skipping = skipping }

    /// What reading gave.
    public struct Result: Sendable {
        /// The environments: rendered ones in the order found, then the foreign one (if any file was found).
        public var environments: [ArtifactEnvironment]
        /// Errors and warnings (unreadable and malformed files, a bad manifest), in path order.
        public var diagnostics: [Diagnostic]
        /// Files skipped because they are not artifacts (severity `note`), in path order.
        public var skipped: [Diagnostic]
        /// Whether an error was reported.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

        /// Creates a result.
        public init(environments: [ArtifactEnvironment], diagnostics: [Diagnostic], skipped: [Diagnostic]) {
            self.environments = environments
            self.diagnostics = diagnostics
            self.skipped = skipped
        }
    }

    /// Id of the error for a path that does not exist.
    public static let noSuchPathID: DiagnosticID = "file-not-found"
    /// Id of the note (or, for a file named explicitly, the error) for a file that is neither a
    /// dashboard, a rule file nor a promtool test file.
    public static let notAnArtifactID: DiagnosticID = "lint-not-an-artifact"

    /// Reads `paths` (files or folders).
    public func read(_ paths: [String]) -> Result {
        var diagnostics: [Diagnostic] = []
        var rendered: [String] = []
        var foreign: [(path: String, explicit: Bool, searchRoot: String?)] = []
        for path in paths {
            if ArtifactSearch.isDirectory(path) {
                if exists(ArtifactSearch.joined(path, Self.manifestName)) {
                    rendered.append(path)
                    continue
                }
                let found = ArtifactSearch.files(under: path)
                // Rendered environment folders below: every folder holding a manifest.json.
                let manifests = found.filter { $0.hasSuffix("/" + Self.manifestName) }.map { String($0.dropLast(Self.manifestName.count + 1)) }
                rendered += manifests
                for file in found where !manifests.contains(where: { file.hasPrefix($0 + "/") }) {
                    foreign.append((file, false, path))
                }
            } else if exists(path) {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                if name == Self.manifestName {
                    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                    rendered.append(folder.isEmpty ? "." : folder)
                } else {
                    foreign.append((path, true, nil))
                }
            } else {
                diagnostics.append(Diagnostic(.error, "no such file or folder '\(path)'", at: .file(FileLocation(path: path)), id: Self.noSuchPathID))
            }
        }
        var result = Result(environments: [], diagnostics: diagnostics, skipped: [])
        // Folders are read side by side too: a folder of one big rule file would keep one core
        // busy while the other idles. Results stay in the order of `rendered`.
        let environments = RuleParallel.map(rendered) { folder in
            readRendered(root: folder) { relative in
                FileBytes.read(ArtifactSearch.joined(folder, relative), limit: JSONReader.maximumSize, regularFileOnly: true)
                    .mapError { ReadFailure(reason: "cannot read '\(ArtifactSearch.joined(folder, relative))': \($0.reason)") }
            }
        }
        for (folder, environment) in zip(rendered, environments) {
            let manifestPath = ArtifactSearch.joined(folder, Self.manifestName)
            result.diagnostics += environment.diagnostics
            if let read = environment.environment {
                result.environments.append(read)
            } else {
                result.diagnostics.append(Diagnostic(.note, "'\(folder)' is not read as rendered output", at: .file(FileLocation(path: manifestPath))))
            }
        }
        if !foreign.isEmpty {
            let root = paths.count == 1 ? paths[0] : ""
            let jobs = RuleParallel.map(foreign.map { ForeignJob(path: $0.path, explicit: $0.explicit, searchRoot: $0.searchRoot) }) { readForeign($0) }
            var environment = ArtifactEnvironment(name: nil, root: root)
            for job in jobs {
                result.diagnostics += job.diagnostics
                result.skipped += job.skipped
                if let dashboard = job.dashboard { environment.dashboards.append(dashboard) }
                if let ruleFile = job.ruleFile { environment.ruleFiles.append(ruleFile) }
                if let testFile = job.testFile { environment.testFiles.append(testFile) }
            }
            environment.dashboards.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            environment.ruleFiles.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            environment.testFiles.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            result.environments.append(environment)
        }
        return result
    }

    /// Reads a rendered environment held in memory (an in-process render): `files` maps paths
    /// relative to the environment folder to their bytes and must hold `manifest.json`. Artifact
    /// paths are `root` joined with the relative path.
    public func read(renderedFiles files: [String: [UInt8]], root: String) -> Result {
        let environment = readRendered(root: root) { relative in
            guard let bytes = files[relative] else { return .failure(ReadFailure(reason: "cannot read '\(ArtifactSearch.joined(root, relative))': not rendered")) }
            return .success(bytes)
        }
        return Result(environments: environment.environment.map { [$0] } ?? [], diagnostics: environment.diagnostics, skipped: [])
    }

    static let manifestName = "manifest.json"

    private func exists(_ path: String) -> Bool {
        if case .failure(let failure) = FileBytes.read(path, limit: 0), failure.kind == .unreadable { return false }
        return true
    }

    // MARK: Rendered environments

    private struct ReadFailure: Error, Sendable {
        var reason: String
    }

    private func readRendered(
        root: String, bytes: @escaping @Sendable (String) -> Swift.Result<[UInt8], ReadFailure>
    ) -> (environment: ArtifactEnvironment?, diagnostics: [Diagnostic]) {
        let manifestPath = ArtifactSearch.joined(root, Self.manifestName)
        let manifestBytes: [UInt8]
        switch bytes(Self.manifestName) {
        case .success(let read): manifestBytes = read
        case .failure(let failure): return (nil, [Diagnostic(.error, failure.reason, at: .file(FileLocation(path: manifestPath)), id: DiagnosticID.fileUnreadable)])
        }
        let json = JSONReader().read(manifestBytes, path: manifestPath)
        guard let document = json.document else { return (nil, json.diagnostics) }
        let (manifest, problems) = OutputManifest.read(document)
        guard let manifest else { return (nil, json.diagnostics + problems) }
        var environment = ArtifactEnvironment(name: manifest.environment, root: root, manifest: manifest)
        let wanted = manifest.artifacts.filter { Self.readKinds.contains($0.kind) && !skipping.contains(ArtifactSearch.joined(root, $0.path)) }
        let jobs = RuleParallel.map(wanted) { entry -> RenderedJob in
            let path = ArtifactSearch.joined(root, entry.path)
            switch bytes(entry.path) {
            case .failure(let failure):
                return RenderedJob(diagnostics: [Diagnostic(.error, failure.reason + " (listed in \(manifestPath))", at: .file(FileLocation(path: path)), id: DiagnosticID.fileUnreadable)])
            case .success(let data):
                switch entry.kind {
                case "grafana-dashboard":
                    let components = entry.path.split(separator: "/")
                    let folder = components.count >= 2 ? String(components[components.count - 2]) : nil
                    let read = readDashboard(data, path: path, folder: folder, explicit: true)
                    return RenderedJob(dashboard: read.dashboard, diagnostics: read.diagnostics)
                case "prometheus-tests":
                    let read = readTestFile(data, path: path)
                    return RenderedJob(testFile: read.testFile, diagnostics: read.diagnostics)
                default:
                    let read = readRuleFile(data, path: path)
                    return RenderedJob(ruleFile: read.ruleFile, alternate: entry.kind != "prometheus-rules", diagnostics: read.diagnostics)
                }
            }
        }
        var diagnostics = json.diagnostics + problems
        for job in jobs {
            diagnostics += job.diagnostics
            if let dashboard = job.dashboard { environment.dashboards.append(dashboard) }
            if let ruleFile = job.ruleFile {
                if job.alternate { environment.alternateRuleFiles.append(ruleFile) } else { environment.ruleFiles.append(ruleFile) }
            }
            if let testFile = job.testFile { environment.testFiles.append(testFile) }
        }
        return (environment, diagnostics)
    }

    static let readKinds: Set<String> = ["grafana-dashboard", "prometheus-rules", "prometheus-tests", "kubernetes-prometheusrule", "mimir-rules"]

    private struct RenderedJob: Sendable {
        var dashboard: ArtifactDashboard?
        var ruleFile: ArtifactRuleFile?
        var alternate = false
        var testFile: ArtifactTestFile?
        var diagnostics: [Diagnostic] = []
    }

    // MARK: Foreign files

    private struct ForeignJob: Sendable {
        var path: String
        var explicit: Bool
        var searchRoot: String?
    }

    private struct ForeignResult: Sendable {
        var dashboard: ArtifactDashboard?
        var ruleFile: ArtifactRuleFile?
        var testFile: ArtifactTestFile?
        var diagnostics: [Diagnostic] = []
        var skipped: [Diagnostic] = []
    }

    private func readForeign(_ job: ForeignJob) -> ForeignResult {
        let path = job.path
        let data: [UInt8]
        switch FileBytes.read(path, limit: JSONReader.maximumSize, regularFileOnly: true) {
        case .success(let read): data = read
        case .failure(let failure):
            return ForeignResult(diagnostics: [failure.diagnostic(path: path)])
        }
        switch ArtifactFormatter.kind(ofPath: path) {
        case .dashboard?:
            var folder: String? = nil
            if job.searchRoot != nil {
                let components = path.split(separator: "/")
                if components.count >= 2 { folder = String(components[components.count - 2]) }
            }
            let read = readDashboard(data, path: path, folder: folder, explicit: job.explicit)
            return ForeignResult(dashboard: read.dashboard, diagnostics: read.skipped ? [] : read.diagnostics, skipped: read.skipped ? read.diagnostics : [])
        case .ruleFile?:
            let text = String(decoding: data, as: UTF8.self)
            switch Self.classify(yaml: text) {
            case .ruleFile:
                let read = readRuleFile(data, path: path)
                return ForeignResult(ruleFile: read.ruleFile, diagnostics: read.diagnostics)
            case .testFile:
                let read = readTestFile(data, path: path)
                return ForeignResult(testFile: read.testFile, diagnostics: read.diagnostics)
            case .other(let what):
                let diagnostic = Diagnostic(
                    job.explicit ? .error : .note,
                    "skipped '\(path)': \(what) (expected a Prometheus rule file with 'groups', a PrometheusRule resource, a Mimir namespace or a promtool test file)",
                    at: .file(FileLocation(path: path)), id: Self.notAnArtifactID)
                return job.explicit ? ForeignResult(diagnostics: [diagnostic]) : ForeignResult(skipped: [diagnostic])
            }
        case nil:
            let diagnostic = Diagnostic(.error, "cannot lint '\(path)': expected a dashboard (.json) or a rule file (.yaml, .yml)",
                                        at: .file(FileLocation(path: path)), id: Self.notAnArtifactID)
            return ForeignResult(diagnostics: [diagnostic])
        }
    }

    // MARK: One file

    private func readDashboard(_ data: [UInt8], path: String, folder: String?, explicit: Bool) -> (dashboard: ArtifactDashboard?, diagnostics: [Diagnostic], skipped: Bool) {
        let json = JSONReader().read(data, path: path)
        guard let document = json.document else { return (nil, json.diagnostics, false) }
        guard DashboardReader.looksLikeDashboard(document.root) else {
            let diagnostic = Diagnostic(
                explicit ? .error : .note,
                "skipped '\(path)': not a Grafana dashboard (expected a JSON object with 'panels', 'rows', 'templating' or 'schemaVersion')",
                at: .json(document.rootNode.location), id: Self.notAnArtifactID)
            return (nil, [diagnostic], !explicit)
        }
        let model = DashboardReader().read(document)
        var grafanaFolder = folder
        if let title = document.root["meta"]?["folderTitle"]?.stringValue, document.root["dashboard"] != nil { grafanaFolder = title }
        return (ArtifactDashboard(path: path, folder: grafanaFolder, dashboard: model.dashboard, document: document), json.diagnostics + model.diagnostics, false)
    }

    private func readRuleFile(_ data: [UInt8], path: String) -> (ruleFile: ArtifactRuleFile?, diagnostics: [Diagnostic]) {
        let read = RuleFileReader(path: path).read(data)
        return (ArtifactRuleFile(path: path, file: read.file, text: String(decoding: data, as: UTF8.self)), read.diagnostics)
    }

    private func readTestFile(_ data: [UInt8], path: String) -> (testFile: ArtifactTestFile?, diagnostics: [Diagnostic]) {
        let output = YAMLReader(path: path, limits: .ruleFile).read(String(decoding: data, as: UTF8.self))
        guard let root = output.root else { return (nil, output.diagnostics) }
        let ruleFiles = root.entry("rule_files")?.value.items?.compactMap { $0.scalar?.text } ?? []
        let tests = root.entry("tests")?.value.items?.count ?? 0
        return (ArtifactTestFile(path: path, ruleFiles: ruleFiles, testCount: tests), output.diagnostics)
    }

    /// What a YAML file holds, judged from its top-level keys.
    enum YAMLKind: Equatable {
        case ruleFile, testFile
        case other(String)
    }

    /// Classifies YAML text by its top-level keys (block style), without parsing it: `groups` or
    /// `kind: PrometheusRule`/`List` is a rule file, `rule_files` with `tests` a test file. Flow
    /// style (`{groups: …}`) and anything unusual is left to the rule-file reader.
    static func classify(yaml text: String) -> YAMLKind {
        var keys: Set<String> = []
        var kind: String? = nil
        var sawContent = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let first = line.utf8.first else { continue }
            if first == UInt8(ascii: "#") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r") { continue }
            if line.hasPrefix("---") || line.hasPrefix("...") { continue }
            sawContent = true
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return .ruleFile }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingTrailingSpaces
            keys.insert(key)
            if key == "kind" { kind = String(line[line.index(after: colon)...]).trimmingQuotesAndSpaces }
        }
        if keys.contains("rule_files") || keys.contains("tests") { return keys.contains("tests") ? .testFile : .other("a YAML file with 'rule_files' but no 'tests'") }
        if keys.contains("groups") { return .ruleFile }
        if kind == "PrometheusRule" || kind == "List" { return .ruleFile }
        if !sawContent { return .other("an empty YAML file") }
        if let kind { return .other("a Kubernetes '\(kind)' resource") }
        let shown = keys.sorted().prefix(4).map { "'\($0)'" }.joined(separator: ", ")
        return .other(shown.isEmpty ? "no top-level mapping" : "top-level keys \(shown)")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    fileprivate var trimmingQuotesAndSpaces: String {
        var text = Substring(self)
        if let hash = text.range(of: " #") { text = text[..<hash.lowerBound] }
        text = text.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first { text = text.dropFirst().dropLast() }
        return String(text)
    }
}

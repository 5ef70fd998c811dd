import Foundation
import PeriscopeDSL
import PeriscopeImport
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The import round trip (issue 12, item 5): every dashboard and rule file of `../shared/corpus`
/// is imported, the generated files are built as ONE package against this checkout (written by
/// ``PackageWriter``, as `periscope import` writes it), rendered, and compared with the
/// originals: dashboards after ``DashboardNormalizer`` (Grafana's migrations, ids, `version` and
/// the other normalisations README lists), rule files group by group and rule by rule.
///
/// This is the only test that builds a package of imported code: keep it that way (one build
/// takes minutes). The build uses `.build/import-round-trip` of this checkout as scratch path, so
/// a second run is incremental.
@Suite("Import round trip of ../shared/corpus", .serialized)
struct CorpusRoundTripTests {
    static let shared = Repository.shared()
    static let corpus = shared?.appendingPathComponent("corpus")
    static let available = corpus != nil

    /// The datasource the generated package's environments give dashboards that name none.
    static let defaultDatasource: JSONValue = ["type": "prometheus", "uid": "prometheus"]

    static func dashboardFiles() throws -> [URL] {
        guard let corpus else { return [] }
        let root = corpus.appendingPathComponent("dashboards")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "json" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: available, "../shared/corpus not found; skipping the import round trip"))
    func importBuildRenderCompare() throws {
        let files = try Self.dashboardFiles()
        #expect(files.count >= 30)
        // FileBytes reads into an array (no memory-mapped Data, which crashed here once under the
        // parallel test run).
        let inputs = try files.map { url in
            DashboardImporter.Input(path: url.path, bytes: try FileBytes.read(url.path, limit: JSONReader.maximumSize).get())
        }
        let result = DashboardImporter().importDashboards(inputs)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.formatted() })")
        #expect(result.sources.count == files.count)

        // The corpus rule files, copied as `<mixin>-<file>` so each renders into its own namespace
        // (the importer names the namespace after the file, and every mixin has an alerts.yaml).
        let ruleCopies = try Self.ruleFileCopies()
        var ruleSources: [ImportedSource] = []
        do {
            ruleSources = try RuleImporter().importFiles([ruleCopies.directory.path]).sources.filter { source in
                source.definitions.contains { $0.kind == .ruleGroups }
            }
        } catch {
            Issue.record("the corpus rule files do not import: \(error.diagnostics.map { $0.formatted() })")
        }
        // `--env` (item 3): dev and prod copies of one dashboard that differ in datasource uids,
        // threshold steps, refresh, time range, time zone, unit and a panel option, imported as
        // one definition into the same package; each environment's render must give its copy.
        let envCopies = Self.environmentCopies.map { DashboardImporter.Input(path: "\($0.0).json", bytes: Array($0.1.utf8)) }
        let merged = DashboardImporter().importDashboards(
            envCopies, environments: Self.environmentCopies.map(\.0),
            reservedTypeNames: Set(result.sources.map { String($0.fileName.dropLast(".swift".count)) }))
        #expect(!merged.hasErrors, "\(merged.diagnostics.map { $0.formatted() })")
        #expect(merged.sources.first?.text.contains("env.values.double(") == true)
        #expect(merged.sources.first?.text.contains(#".in("prod")"#) == true)
        var environments = result.environments
        environments.names = merged.environments.names
        environments.datasources.merge(merged.environments.datasources) { corpus, _ in corpus }
        environments.values.merge(merged.environments.values) { corpus, _ in corpus }
        let package = try RoundTripPackage.make(sources: result.sources + merged.sources + ruleSources, environments: environments)
        let build = try package.build()
        #expect(build.status == 0, "the imported corpus does not compile:\n\(build.output.suffix(6000))")
        guard build.status == 0 else { return }
        let render = try package.render()
        #expect(render.status == 0, "render failed:\n\(render.output.suffix(4000))")
        guard render.status == 0 else { return }
        let renderProd = try package.render(environment: "prod")
        #expect(renderProd.status == 0, "render --env prod failed:\n\(renderProd.output.suffix(4000))")
        guard renderProd.status == 0 else { return }

        var exact = 0
        var report: [String] = []
        let normalizer = DashboardNormalizer(defaultDatasource: Self.defaultDatasource, comparing: true)
        for (index, source) in result.sources.enumerated() {
            let original = try #require(JSONReader().read(inputs[index].bytes, path: inputs[index].path).document).root
            let uid = DashboardNormalizer.dashboardObject(original)["uid"]?.stringValue ?? ""
            guard let rendered = package.renderedDashboard(uid: uid) else {
                report.append("\(source.inputPath): not rendered (uid \(uid))")
                continue
            }
            let a = JSONCanonical.value(normalizer.normalize(original))
            let b = JSONCanonical.value(normalizer.normalize(rendered))
            if let difference = JSONCanonical.firstDifference(a, b) {
                report.append("\(inputs[index].path.split(separator: "/").suffix(2).joined(separator: "/")): differs at \(difference)")
            } else {
                exact += 1
            }
        }
        // Rule files: every group, rule, expression, duration, label and annotation back.
        var exactRules = 0
        var ruleFiles = 0
        for copy in ruleCopies.files {
            guard let original = Self.ruleGroups(copy.path), !original.isEmpty else { continue }
            ruleFiles += 1
            let stem = copy.deletingPathExtension().lastPathComponent
            let rendered = package.directory.appendingPathComponent("build/dev/prometheus/rules/\(stem).yaml")
            guard let back = Self.ruleGroups(rendered.path) else {
                report.append("rules/\(stem): not rendered")
                continue
            }
            let firstDifferent = original.indices.first { !back.indices.contains($0) || original[$0] != back[$0] }
            if let index = firstDifferent ?? (original.count == back.count ? nil : original.count) {
                report.append("rules/\(stem): group \(index) differs: \(original.indices.contains(index) ? original[index].prefix(200) : "-") != \(back.indices.contains(index) ? back[index].prefix(200) : "-")")
            } else {
                exactRules += 1
            }
        }
        print("import round trip: \(exactRules) of \(ruleFiles) corpus rule files with groups round-trip exactly")
        #expect(ruleFiles >= 21, "every corpus rule file with groups, kafka and promscale included")
        #expect(exactRules == ruleFiles)
        print("import round trip: package in \(package.directory.path)")
        print("import round trip: \(exact) of \(files.count) corpus dashboards round-trip exactly")
        for (input, environment) in zip(envCopies, Self.environmentCopies.map(\.0)) {
            let original = try #require(JSONReader().read(input.bytes, path: input.path).document).root
            let rendered = try #require(package.renderedDashboard(uid: Self.environmentUID, environment: environment), "--env dashboard not rendered for \(environment)")
            let difference = JSONCanonical.firstDifference(JSONCanonical.value(normalizer.normalize(original)), JSONCanonical.value(normalizer.normalize(rendered)))
            #expect(difference == nil, "--env: the \(environment) render differs from \(input.path): \(difference ?? "")")
        }
        print("import round trip: --env copies (\(Self.environmentCopies.map(\.0).joined(separator: ", "))) each render back from one definition")
        for line in report { print("  " + line) }
        // Every corpus dashboard round-trips (README, "Round trip"): rows at a `y` the flow does
        // not give keep it with `.gridPos(y:)`, a panel without `gridPos` gets Grafana's default.
        // Never lower this floor.
        #expect(exact >= 39, "\(report.joined(separator: "\n"))")
    }
}

extension CorpusRoundTripTests {
    /// The uid of the `--env` dashboard (clear of the corpus's uids).
    static let environmentUID = "periscope-env-round-trip"

    /// The `--env` copies: environment name and JSON (``EnvironmentMergeTests/copy``).
    static let environmentCopies: [(String, String)] = [
        ("dev", EnvironmentMergeTests.copy(dashboard: environmentUID, uid: "env-prom-dev")),
        ("prod", EnvironmentMergeTests.copy(
            dashboard: environmentUID, uid: "env-prom-prod", refresh: "1m", from: "now-24h", timezone: "utc", red: 0.05,
            unit: "percent", calcs: "max", latencyRed: 0.25)),
    ]

    /// The corpus rule files copied into a temporary folder as `<mixin>-<file>.yaml`.
    static func ruleFileCopies() throws -> (directory: URL, files: [URL]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-import-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let corpus else { return (directory, []) }
        let root = corpus.appendingPathComponent("rules")
        var files: [URL] = []
        for mixin in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(mixin)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml") {
                let copy = directory.appendingPathComponent("\(mixin)-\(name)")
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: copy)
                files.append(copy)
            }
        }
        return (directory, files)
    }

    /// Each group of a rule file as one comparable line: name, interval, limit, labels, and per
    /// rule its kind, name, expression (without the trailing line break a block scalar adds),
    /// `for`, `keep_firing_for`, labels and annotations (sorted); nil when the file does not read.
    static func ruleGroups(_ path: String) -> [String]? {
        let result = RuleFileReader(path: path).readFile()
        guard !result.hasErrors else { return nil }
        func pairs(_ labels: [RuleLabel]) -> String { labels.map { "\($0.name)=\($0.value.value)" }.sorted().joined(separator: ",") }
        return result.file.groups.map { group in
            var line = "\(group.name.value)|\(group.interval?.value ?? "")|\(group.limit.map(String.init) ?? "")|\(group.queryOffset?.value ?? "")|\(pairs(group.labels))"
            for rule in group.rules {
                var expr = rule.expr.value
                while expr.hasSuffix("\n") { expr.removeLast() }
                line += "\n  \(rule.kind)|\(rule.name.value)|\(expr)|\(rule.forDuration?.value ?? "")|\(rule.keepFiringFor?.value ?? "")|\(pairs(rule.labels))|\(pairs(rule.annotations))"
            }
            return line
        }
    }
}

/// JSON compared as Grafana reads it: object members in any order, `1.0` equal to `1`.
enum JSONCanonical {
    static func value(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var seen: [String: JSONValue] = [:]
            for member in members { seen[member.key] = Self.value(member.value) }
            return .object(seen.keys.sorted().map { JSONMember($0, seen[$0]!) })
        case .array(let elements): return .array(elements.map(Self.value))
        case .double(let number) where number.rounded() == number && abs(number) < 9e15: return .int(Int(number))
        default: return value
        }
    }

    /// The first JSON pointer where `a` and `b` differ, with both values.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, at pointer: JSONPointer = .root) -> String? {
        switch (a, b) {
        case (.object(let left), .object(let right)):
            let keys = Set(left.map(\.key)).union(right.map(\.key)).sorted()
            for key in keys {
                guard let l = a[key], let r = b[key] else {
                    return "\(pointer.appending(key)): \(a[key] == nil ? "missing in the original" : "missing in the render")"
                }
                if let found = firstDifference(l, r, at: pointer.appending(key)) { return found }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return "\(pointer): \(left.count) elements, rendered \(right.count)" }
            for index in left.indices {
                if let found = firstDifference(left[index], right[index], at: pointer.appending(index)) { return found }
            }
            return nil
        default:
            return a == b ? nil : "\(pointer): \(String(describing: a).prefix(120)) != \(String(describing: b).prefix(120))"
        }
    }
}

/// A package of imported sources that depends on this checkout by path.
struct RoundTripPackage {
    var directory: URL
    var scratch: URL

    var target: String

    /// Writes `sources` with ``PackageWriter`` (the `import` commands' writer) into a new package
    /// in a temporary folder, depending on this checkout (`--periscope-path`).
    static func make(sources: [ImportedSource], environments: ImportedEnvironments) throws -> RoundTripPackage {
        let root = Repository.root()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-import-round-trip-\(UUID().uuidString)")
        let options = PackageWriter.Options(periscopePath: root.path, name: "corpus", environments: environments)
        let written = try PackageWriter.write(sources, to: directory.path, options: options)
        let scratch = root.appendingPathComponent(".build/import-round-trip")
        return RoundTripPackage(directory: URL(fileURLWithPath: written.packageRoot), scratch: scratch, target: written.target)
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.runCombined("/usr/bin/env", arguments, in: directory)
        return (result.status, String(decoding: result.output, as: UTF8.self))
    }

    func build() throws -> (status: Int32, output: String) {
        try run(["swift", "build", "--package-path", directory.path, "--scratch-path", scratch.path])
    }

    func render(environment: String = "dev") throws -> (status: Int32, output: String) {
        let bin = scratch.appendingPathComponent("debug/\(target)").path
        return try run([bin, "render", "--env", environment, "--out", directory.appendingPathComponent("build").path])
    }

    /// The dashboard with `uid` rendered for `environment`, from any folder.
    func renderedDashboard(uid: String, environment: String = "dev") -> JSONValue? {
        let root = directory.appendingPathComponent("build/\(environment)/grafana/dashboards")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == uid + ".json" {
                return JSONReader().read(contentsOfFile: url.path).document?.root
            }
        }
        return nil
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeImport
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// The import round trip (issue 12, item 5): every dashboard of `../shared/corpus` is imported,
/// the generated files are built as ONE package against this checkout, rendered, and each
/// rendered dashboard is compared with its original after ``DashboardNormalizer`` (Grafana's
/// migrations, ids, `version` and the other normalisations README lists).
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
        let inputs = try files.map { url in
            DashboardImporter.Input(path: url.path, bytes: [UInt8](try Data(contentsOf: url)))
        }
        let result = DashboardImporter().importDashboards(inputs)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map { $0.formatted() })")
        #expect(result.sources.count == files.count)

        let package = try RoundTripPackage.make(sources: result.sources, environments: result.environments)
        let build = try package.build()
        #expect(build.status == 0, "the imported corpus does not compile:\n\(build.output.suffix(6000))")
        guard build.status == 0 else { return }
        let render = try package.render()
        #expect(render.status == 0, "render failed:\n\(render.output.suffix(4000))")
        guard render.status == 0 else { return }

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
        print("import round trip: package in \(package.directory.path)")
        print("import round trip: \(exact) of \(files.count) corpus dashboards round-trip exactly")
        for line in report { print("  " + line) }
        #expect(exact == files.count, "\(report.joined(separator: "\n"))")
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func build() throws -> (status: Int32, output: String) {
        try run(["swift", "build", "--package-path", directory.path, "--scratch-path", scratch.path])
    }

    func render() throws -> (status: Int32, output: String) {
        let bin = scratch.appendingPathComponent("debug/\(target)").path
        return try run([bin, "render", "--env", "dev", "--out", directory.appendingPathComponent("build").path])
    }

    /// The rendered dashboard with `uid`, from any folder.
    func renderedDashboard(uid: String) -> JSONValue? {
        let root = directory.appendingPathComponent("build/dev/grafana/dashboards")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == uid + ".json" {
                return JSONReader().read(contentsOfFile: url.path).document?.root
            }
        }
        return nil
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Fixtures, goldens and the built binary for the diff tests.
enum DiffFixtures {
    static let root = Repository.root()
    static let tests = root.appendingPathComponent("Tests/PeriscopeDiffTests")
    static let changeSet = tests.appendingPathComponent("Fixtures/change-set")
    static let goldens = tests.appendingPathComponent("__Goldens__")

    /// The tree read from `path` with the folder reader `diff` uses; fails the test on read errors.
    static func tree(_ path: URL) throws -> DiffTree {
        let result = ArtifactFolderReader().read([path.path])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.description))")
        return DiffTree(result.environments)
    }

    /// The report of the scripted change set (old → new).
    static func changeSetReport() throws -> (report: DiffReport, old: DiffTree, new: DiffTree) {
        let old = try tree(changeSet.appendingPathComponent("old")), new = try tree(changeSet.appendingPathComponent("new"))
        return (try Differ.compare(old: old, new: new), old, new)
    }

    /// A dashboard read from JSON text, as a file of a plain folder.
    static func dashboard(_ json: String, path: String = "dashboard.json", folder: String = "") throws -> DashboardFile {
        let read = JSONReader().read(json, path: path)
        let document = try #require(read.document, "\(read.diagnostics)")
        let result = DashboardReader().read(document)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return DashboardFile(path: path, folder: folder, dashboard: result.dashboard)
    }

    /// A rule file read from YAML text.
    static func ruleFile(_ yaml: String, path: String = "rules.yaml") -> RuleFileEntry {
        let result = RuleFileReader(path: path).read(text: yaml)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return RuleFileEntry(path: path, file: result.file)
    }
}

/// Runs the built `periscope` binary.
enum Binary {
    typealias Result = PeriscopeBinary.Result

    static var path: URL? { PeriscopeBinary.url }

    static func run(_ arguments: [String], in directory: URL = DiffFixtures.root) throws -> Result {
        try PeriscopeBinary.run(arguments, in: directory)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

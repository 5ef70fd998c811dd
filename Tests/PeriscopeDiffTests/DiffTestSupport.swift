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
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var path: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return candidates.map { $0.appendingPathComponent("periscope") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String], in directory: URL = DiffFixtures.root) throws -> Result {
        let binary = try #require(path, "the periscope binary is not built next to the tests (run swift build --build-tests)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

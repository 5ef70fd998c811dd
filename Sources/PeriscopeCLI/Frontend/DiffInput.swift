#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel

/// Reading the sides of `diff` and `preview`, and writing their results atomically.
enum DiffInput {
    /// The trees at `old` and `new`, each with the problems that stop the command.
    ///
    /// Where both are rendered output (`<root>/<env>/manifest.json`, or one environment folder
    /// each), an artifact whose manifest sha256 is the same on both sides and whose bytes on disk
    /// are the same is not parsed on either side: identical bytes cannot differ, and in a pull
    /// request nearly every file is identical. It is still compared as a file (by its sha256),
    /// so it shows up nowhere in the report, as an unchanged file would.
    static func readPair(old: String, new: String) -> (old: (DiffTree?, [Diagnostic]), new: (DiffTree?, [Diagnostic])) {
        let (oldSkipped, newSkipped) = identicalArtifacts(old: old, new: new)
        return (read(old, side: "old", skipping: oldSkipped), read(new, side: "new", skipping: newSkipped))
    }

    /// The paths, on each side, of the rendered artifacts that are byte-for-byte the same.
    static func identicalArtifacts(old: String, new: String) -> (Set<String>, Set<String>) {
        let oldFolders = renderedFolders(old), newFolders = renderedFolders(new)
        var oldSkipped: Set<String> = [], newSkipped: Set<String> = []
        for (name, oldFolder) in oldFolders {
            guard let newFolder = newFolders[name], let oldManifest = manifest(in: oldFolder), let newManifest = manifest(in: newFolder) else { continue }
            let newHashes = Dictionary(newManifest.artifacts.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
            for entry in oldManifest.artifacts where newHashes[entry.path] == entry.sha256 {
                let oldPath = ArtifactSearch.joined(oldFolder, entry.path), newPath = ArtifactSearch.joined(newFolder, entry.path)
                guard case .success(let oldBytes) = FileBytes.read(oldPath, limit: JSONReader.maximumSize, regularFileOnly: true),
                      case .success(let newBytes) = FileBytes.read(newPath, limit: JSONReader.maximumSize, regularFileOnly: true),
                      oldBytes == newBytes else { continue }
                oldSkipped.insert(oldPath)
                newSkipped.insert(newPath)
            }
        }
        return (oldSkipped, newSkipped)
    }

    /// The rendered environment folders at `path` by environment folder name: `path` itself
    /// (named "") when it holds `manifest.json`, else its subfolders that do.
    private static func renderedFolders(_ path: String) -> [String: String] {
        if FileManager.default.fileExists(atPath: ArtifactSearch.joined(path, "manifest.json")) { return ["": path] }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var folders: [String: String] = [:]
        for child in children where FileManager.default.fileExists(atPath: ArtifactSearch.joined(ArtifactSearch.joined(path, child), "manifest.json")) {
            folders[child] = ArtifactSearch.joined(path, child)
        }
        return folders
    }

    private static func manifest(in folder: String) -> OutputManifest? {
        let path = ArtifactSearch.joined(folder, "manifest.json")
        guard case .success(let bytes) = FileBytes.read(path, limit: JSONReader.maximumSize, regularFileOnly: true),
              let document = JSONReader().read(bytes, path: path).document else { return nil }
        return OutputManifest.read(document).manifest
    }

    /// The tree at `path`, or the problems that stop the command (located; exit status 2).
    static func read(_ path: String, side: String, skipping: Set<String> = []) -> (DiffTree?, [Diagnostic]) {
        let result = ArtifactFolderReader(skipping: skipping).read([path])
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return (nil, errors) }
        let tree = DiffTree(result.environments)
        if tree.environments.allSatisfy({ $0.dashboards.isEmpty && $0.ruleFiles.isEmpty && $0.otherFiles.isEmpty }) {
            return (nil, [Diagnostic(
                .error, "'\(path)' (the \(side) side) holds no dashboards or rule files",
                at: .file(FileLocation(path: path)), id: "diff-empty-input",
                notes: ["expected a rendered output folder (<root>/<env>/manifest.json, as `render --out` writes) or a folder of Grafana JSON and Prometheus rule files"])])
        }
        return (tree, [])
    }

    /// Writes `text` to `path` through a temporary file renamed into place; a problem when that fails.
    static func write(_ text: String, to path: String) -> Diagnostic? {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically (Foundation's replaceItemAt fails on Linux).
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return Diagnostic(.error, "cannot write '\(path)': \(reason)", at: .file(FileLocation(path: path)), id: .fileUnwritable)
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return Diagnostic(.error, "cannot write '\(path)': \(error.localizedDescription)", at: .file(FileLocation(path: path)), id: .fileUnwritable)
        }
    }

    /// Trees kept until the process exits, so they are not freed node by node at the end of a
    /// command (the operating system reclaims the memory at once, as compilers do).
    nonisolated(unsafe) private static var kept: [DiffTree] = []

    /// Keeps `trees` alive until the process exits.
    static func keepUntilExit(_ trees: DiffTree...) { kept += trees }

    /// Whether stdout is a terminal that takes colours (not `TERM=dumb`, no `NO_COLOR`).
    static var stdoutIsColorTerminal: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(1) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}

extension DiffInput {
    /// Writes `files` (relative path, text) into a staging folder beside `path` and renames it
    /// into place; an existing `path` is replaced only when it holds `index.html` (an earlier
    /// preview or report). Nothing is left behind when it fails.
    static func writeFolder(_ files: [(path: String, text: String)], to path: String) -> Diagnostic? {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && (!isDirectory.boolValue || !manager.fileExists(atPath: target.appendingPathComponent("index.html").path)) {
            let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? ["?"]
            if !isDirectory.boolValue || !entries.isEmpty {
                return Diagnostic(.error, "'\(path)' exists and is not an earlier preview (it has no index.html); choose another --out or remove it",
                                  at: .file(FileLocation(path: path)), id: .fileUnwritable)
            }
        }
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try? manager.removeItem(at: staging)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            if exists {
                let previous = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
                try manager.moveItem(at: target, to: previous)
                try manager.moveItem(at: staging, to: target)
                try? manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
            return nil
        } catch {
            try? manager.removeItem(at: staging)
            return Diagnostic(.error, "cannot write '\(path)': \(error.localizedDescription)", at: .file(FileLocation(path: path)), id: .fileUnwritable)
        }
    }
}

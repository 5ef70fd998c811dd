import Foundation
import PeriscopeDSL

/// The files of an environments directory.
struct EnvironmentDirectory: Sendable {
    /// The directory as given by the user.
    let path: String

    /// The extensions of environment files.
    static let extensions = [".yaml", ".yml"]

    /// Environment names mapped to their file names (more than one when both `.yaml` and `.yml` exist).
    func listing() throws -> [String: [String]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("environment directory '\(path)' does not exist (expected files such as \(file("base.yaml")) and \(file("prod.yaml")))")
        }
        guard isDirectory.boolValue else {
            throw failure("'\(path)' is not a directory; expected a directory of environment files such as \(file("prod.yaml"))")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw failure("cannot read environment directory '\(path)': \(error.localizedDescription)")
        }
        var names: [String: [String]] = [:]
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            guard let suffix = Self.extensions.first(where: { entry.hasSuffix($0) }) else { continue }
            var isSubdirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file(entry), isDirectory: &isSubdirectory), !isSubdirectory.boolValue else { continue }
            names[String(entry.dropLast(suffix.count)), default: []].append(entry)
        }
        return names
    }

    /// The path of a file in the directory, joined the way the user wrote the directory.
    func file(_ name: String) -> String {
        if path.isEmpty { return name }
        return path.hasSuffix("/") ? path + name : path + "/" + name
    }

    private func failure(_ message: String) -> DiagnosticsError {
        DiagnosticsError([Diagnostic(.error, message, at: .file(FileLocation(path: path)), id: .environmentFileUnreadable)])
    }
}

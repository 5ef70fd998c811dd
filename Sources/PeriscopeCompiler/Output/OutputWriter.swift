#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import PeriscopeModel
import Synchronization

#if canImport(Glibc)
private let posixRename = Glibc.rename
private let posixLink = Glibc.link
#elseif canImport(Darwin)
private let posixRename = Darwin.rename
private let posixLink = Darwin.link
#endif

/// A failure to write or read rendered output.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// What failed, with the path.
    public var description: String

    init(_ description: String) { self.description = description }
}

/// Writes environment outputs under a directory atomically, and compares them with what is there.
///
/// A render is written into a staging folder inside the output directory first; only when
/// every file is written are the environment folders swapped into place by `rename`. A failed
/// render leaves the previous output untouched. Folders of environments not being rendered are
/// left alone. Files whose bytes did not change are hard-linked from the previous output into
/// the staging folder rather than written again, which keeps edit-loop renders cheap; the
/// previous folder's own links are then removed, so no file is ever shared with a later
/// render's output in a way that a later write could change (files are always replaced, never
/// written in place).
public struct OutputWriter: Sendable {
    /// The output directory, e.g. `build`.
    public var directory: String

    /// Creates a writer.
    public init(directory: String) { self.directory = directory }

    /// Writes `outputs`, replacing `<directory>/<environment>/` for each.
    public func write(_ outputs: [EnvironmentOutput]) throws {
        try Self.makeDirectories(directory)
        let staging = directory + "/.periscope-staging-\(getpid())"
        try? Self.removeTree(staging)
        try Self.makeDirectories(staging)
        // Each environment's files are written by their own job; different folders keep the jobs off each other's locks.
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: outputs.count) { index in
            let output = outputs[index]
            let root = staging + "/" + output.environment
            let previous = directory + "/" + output.environment
            var created = Set<String>()
            do {
                for artifact in output.artifacts {
                    let path = root + "/" + artifact.path
                    let parent = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
                    if !created.contains(parent) {
                        try Self.makeDirectories(parent)
                        created.insert(parent)
                    }
                    // An unchanged file is hard-linked from the previous output instead of written
                    // again: no new inode, and removing the previous folder frees none.
                    let old = previous + "/" + artifact.path
                    if Self.hasContents(old, artifact.bytes), posixLink(old, path) == 0 { continue }
                    try Self.writeFile(path, artifact.bytes)
                }
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }
        if let failure = failures.withLock({ $0.first }) {
            try? Self.removeTree(staging)
            throw OutputError(failure)
        }
        // Swap the new folders in; on failure put back what was moved.
        var swapped: [(target: String, backup: String?)] = []
        do {
            for output in outputs {
                let target = directory + "/" + output.environment
                var backup: String?
                if Self.exists(target) {
                    backup = staging + "/.previous-" + output.environment
                    try Self.rename(target, backup!)
                }
                swapped.append((target, backup))
                try Self.rename(staging + "/" + output.environment, target)
            }
        } catch {
            for entry in swapped.reversed() {
                if let backup = entry.backup {
                    if Self.exists(entry.target) { try? Self.removeTree(entry.target) }
                    try? Self.rename(backup, entry.target)
                }
            }
            try? Self.removeTree(staging)
            throw error
        }
        // The previous folders now sit in the staging folder; remove them in parallel.
        let previous = swapped.compactMap(\.backup)
        DispatchQueue.concurrentPerform(iterations: previous.count) { index in
            try? Self.removeTree(previous[index])
        }
        try? Self.removeTree(staging)
    }

    /// The differences between `outputs` and the files on disk, one line each; empty when identical.
    public func differences(from outputs: [EnvironmentOutput]) -> [String] {
        var lines: [String] = []
        for output in outputs {
            let root = directory + "/" + output.environment
            let onDisk = Set(Self.listFiles(root))
            let rendered = Set(output.artifacts.map(\.path))
            for artifact in output.artifacts {
                let path = root + "/" + artifact.path
                guard onDisk.contains(artifact.path) else {
                    lines.append("missing: \(path)")
                    continue
                }
                if !Self.hasContents(path, artifact.bytes) { lines.append("differs: \(path)") }
            }
            for extra in onDisk.subtracting(rendered).sorted() {
                lines.append("not rendered: \(root)/\(extra)")
            }
        }
        return lines
    }

    // MARK: File system helpers

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func makeDirectories(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError("cannot create directory \(path): \(error.localizedDescription)")
        }
    }

    static func rename(_ from: String, _ to: String) throws {
        if posixRename(from, to) != 0 {
            throw OutputError("cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
        }
    }

    static func removeTree(_ path: String) throws {
        guard exists(path) else { return }
        try FileManager.default.removeItem(atPath: path)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        if case .failure(let failure) = FileBytes.write(bytes, to: path, mode: 0o644) {
            throw OutputError("cannot write \(path): \(failure.reason)")
        }
    }

    /// Whether the regular file at `path` holds exactly `bytes`.
    static func hasContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { expected in
            withUnsafeTemporaryAllocation(byteCount: 65_536, alignment: 16) { buffer in
                var offset = 0
                while offset < expected.count {
                    let count = read(descriptor, buffer.baseAddress!, Swift.min(buffer.count, expected.count - offset))
                    if count < 0, errno == EINTR { continue }
                    guard count > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                var probe: UInt8 = 0
                return read(descriptor, &probe, 1) == 0
            }
        }
    }

    /// Regular files under `root`, relative, with `/` separators.
    static func listFiles(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files
    }
}

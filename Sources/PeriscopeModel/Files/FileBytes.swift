import PeriscopeDSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads straight into `[UInt8]` with POSIX calls: no `Data` copy of a large file,
/// and the system's own reason (`No such file or directory`) when it fails. The read is bounded
/// by `limit` even when the file grows meanwhile or is a device, so no input exhausts memory.
/// The JSON, rule-file and environment readers and `fmt` all read files through it.
public enum FileBytes {
    /// Why a file could not be read.
    public struct Failure: Error, Sendable {
        /// What kind of failure it is.
        public enum Kind: Sendable, Equatable {
            /// The system refused: missing, no permission, an I/O error.
            case unreadable
            /// A directory, or (when a regular file is required) a pipe or device.
            case notRegularFile
            /// Larger than the limit; nothing was kept.
            case tooLarge
        }

        /// The kind.
        public var kind: Kind
        /// The system's reason, e.g. `No such file or directory`, or `it is a directory`, or the size.
        public var reason: String
        /// For `tooLarge`, the size in bytes as far as it is known (the file's, or what was read).
        public var size: Int?

        /// Whether the file is larger than the limit (then it was not read at all).
        public var isTooLarge: Bool { kind == .tooLarge }

        /// What went wrong reading `what` (such as "rule file") at `path`, where a regular file
        /// holding `expected` of at most `limit` bytes was wanted: `cannot read rule file 'p':
        /// reason`, `'p' is not a regular file (expected a YAML rule file)`, or
        /// ``FileBytes/tooLargeMessage(_:size:limit:hint:)``.
        public func message(reading what: String, at path: String, expected: String, limit: Int, tooLargeHint: String = "") -> String {
            switch kind {
            case .unreadable: return "cannot read \(what) '\(path)': \(reason)"
            case .notRegularFile: return "'\(path)' is not a regular file (expected \(expected))"
            case .tooLarge: return FileBytes.tooLargeMessage(what, size: size ?? limit + 1, limit: limit, hint: tooLargeHint)
            }
        }

        /// The failure as a located error, `path: error: [file-unreadable] cannot read 'path': reason`.
        public func diagnostic(path: String) -> Diagnostic {
            Diagnostic(.error, "cannot read '\(path)': \(reason)", at: .file(FileLocation(path: path)), id: .fileUnreadable)
        }
    }

    /// `rule file is 5000000 bytes; at most 4194304 are read` and an optional hint after it.
    public static func tooLargeMessage(_ what: String, size: Int, limit: Int, hint: String = "") -> String {
        "\(what) is \(size) bytes; at most \(limit) are read\(hint)"
    }

    /// The bytes of the file at `path`, if it holds at most `limit` bytes. A directory is always
    /// refused; with `regularFileOnly`, so are pipes and devices.
    public static func read(_ path: String, limit: Int, regularFileOnly: Bool = false) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(kind: .unreadable, reason: reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(kind: .unreadable, reason: reason(errno))) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(kind: .notRegularFile, reason: "it is a directory")) }
        if regularFileOnly, status.st_mode & S_IFMT != S_IFREG {
            return .failure(Failure(kind: .notRegularFile, reason: "it is not a regular file"))
        }
        if Int(status.st_size) > limit {
            return .failure(Failure(kind: .tooLarge, reason: "\(status.st_size) bytes", size: Int(status.st_size)))
        }

        // The size is a hint: one byte more lets the usual case see the end in one buffer, and a
        // file that grows meanwhile (or a pipe, which reports 0) is read on in further chunks.
        var capacity = max(Int(status.st_size), 0) + 1
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        var reachedEnd = false
        while !reachedEnd {
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                var filled = 0
                while filled < buffer.count {
                    let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if count == 0 {
                        reachedEnd = true
                        break
                    }
                    filled += count
                }
                initialized = filled
            }
            if failure != 0 { return .failure(Failure(kind: .unreadable, reason: reason(failure))) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > limit { return .failure(Failure(kind: .tooLarge, reason: "more than \(limit) bytes", size: bytes.count)) }
            capacity = max(capacity, 1 << 20)
        }
        return .success(bytes)
    }

    /// Writes `bytes` to `path`, created (mode `mode` less the umask) or truncated, with plain
    /// write(2) calls and no fsync(2): what the render and import write is rebuilt from source,
    /// and Foundation's `Data.write(to:)` syncs every file, which made writing the 600 files of
    /// a large import wait seconds on the disk. Writers that need atomic replacement write to a
    /// temporary path and rename it. The failure's `reason` is the system's message.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o666) -> Result<Void, Failure> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return .failure(Failure(kind: .unreadable, reason: reason(errno))) }
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed { return .failure(Failure(kind: .unreadable, reason: reason(code))) }
        return .success(())
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads straight into `[UInt8]` with POSIX calls: no `Data` copy of a large file,
/// and the system's own reason (`No such file or directory`) when it fails.
enum FileBytes {
    /// Why a file could not be read.
    struct Failure: Error {
        /// The system's reason, e.g. `No such file or directory`.
        var reason: String
        /// Whether the file is larger than the limit (then it was not read at all).
        var isTooLarge = false
    }

    /// The bytes of the file at `path`, if it holds at most `limit` bytes.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(reason: reason(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(reason: reason(errno))) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(Failure(reason: "it is a directory")) }
        if Int(status.st_size) > limit { return .failure(Failure(reason: "\(status.st_size) bytes", isTooLarge: true)) }

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
            if failure != 0 { return .failure(Failure(reason: reason(failure))) }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if bytes.count > limit { return .failure(Failure(reason: "more than \(limit) bytes", isTooLarge: true)) }
            capacity = max(capacity, 1 << 20)
        }
        return .success(bytes)
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// A real Prometheus (Debian's `prometheus` binary, which `make test-deps` installs with
/// promtool) started on 127.0.0.1 for integration tests, scraping exposition files served on
/// 127.0.0.1 by `python3 -m http.server`.
///
/// Everything lives in a temporary folder (configuration, TSDB, exposition files) that `stop()`
/// removes after terminating both processes; call it in a `defer` so it runs on failure too.
/// Without the binary the tests fail with ``missingHint``, unless `PERISCOPE_SKIP_PROMTOOL=1`
/// skips them deliberately (``isSkipped``).
public final class PrometheusServer: @unchecked Sendable {
    /// The first `prometheus` on PATH, or nil.
    public static var path: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/prometheus" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the tests are skipped: the binary is absent and `PERISCOPE_SKIP_PROMTOOL=1` is set.
    public static var isSkipped: Bool { path == nil && Promtool.isSkipped }

    /// What a test says when the binary is missing.
    public static let missingHint = "prometheus is not on PATH: run `make test-deps` (Debian's prometheus package), or set PERISCOPE_SKIP_PROMTOOL=1 to skip"

    /// The server's address, `http://127.0.0.1:<port>`.
    public let url: URL
    /// The temporary folder.
    public let directory: URL
    private let prometheus: Process
    private let files: Process
    private var stopped = false

    /// Starts a file server for `expositions` (file name → text in Prometheus' text format) and a
    /// Prometheus scraping each file every `scrapeInterval` seconds as job `job`.
    public init(expositions: [String: String], job: String = "app", scrapeInterval: Int = 1) throws {
        let binary = try #require(Self.path, Comment(rawValue: Self.missingHint))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-prometheus-\(UUID().uuidString)")
        let exposed = directory.appendingPathComponent("exposed")
        try FileManager.default.createDirectory(at: exposed, withIntermediateDirectories: true)
        for (name, text) in expositions { try Data(text.utf8).write(to: exposed.appendingPathComponent(name)) }

        let filePort = try Self.freePort()
        files = Process()
        files.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        files.arguments = ["python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", exposed.path, String(filePort)]
        files.standardOutput = FileHandle.nullDevice
        files.standardError = FileHandle.nullDevice

        let port = try Self.freePort()
        guard let address = URL(string: "http://127.0.0.1:\(port)") else { throw POSIXError(.EINVAL) }
        url = address
        let targets = expositions.keys.sorted().map { name in
            "  - job_name: \(job)-\(name.replacingOccurrences(of: ".", with: "-"))\n    metrics_path: /\(name)\n    static_configs:\n    - targets: ['127.0.0.1:\(filePort)']\n      labels: {job: \(job)}\n"
        }.joined()
        let config = "global:\n  scrape_interval: \(scrapeInterval)s\n  evaluation_interval: \(scrapeInterval)s\nscrape_configs:\n" + targets
        try Data(config.utf8).write(to: directory.appendingPathComponent("prometheus.yml"))
        prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: binary)
        prometheus.arguments = [
            "--config.file=\(directory.appendingPathComponent("prometheus.yml").path)",
            "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
            "--log.level=warn",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        let log = directory.appendingPathComponent("prometheus.log")
        try Data().write(to: log)
        prometheus.standardError = try FileHandle(forWritingTo: log)
        do {
            try files.run()
            try prometheus.run()
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Stops Prometheus (SIGTERM, then SIGKILL after 5 s) and the file server (SIGKILL), and removes the folder.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        // The file server is killed outright: a child of a Swift test process can inherit a
        // signal mask that blocks SIGTERM, and it holds no state.
        Self.kill(files, gracePeriod: 0)
        Self.kill(prometheus, gracePeriod: 5)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Sends SIGTERM, then SIGKILL once `gracePeriod` seconds have passed, and reaps the process.
    public static func kill(_ process: Process, gracePeriod: Double) {
        guard process.isRunning else { return }
        if gracePeriod > 0 {
            process.terminate()
            let deadline = Date().addingTimeInterval(gracePeriod)
            while process.isRunning, Date() < deadline { usleep(20_000) }
        }
        if process.isRunning { sendKill(process.processIdentifier) }
        process.waitUntilExit()
    }

    /// Polls `condition` every 200 ms until it holds or `timeout` seconds have passed; whether it held.
    public func wait(upTo timeout: Double, until condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !prometheus.isRunning { return false }
            if await condition() { return true }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
        return await condition()
    }

    /// The server's log so far (for a failing test's message).
    public var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? ""
    }

    /// A TCP port on 127.0.0.1 that nothing listens on (bound to port 0, read back, closed).
    public static func freePort() throws -> Int {
        let socket = try ListeningSocket(listening: false)
        return socket.port
    }
}

/// A TCP socket bound to 127.0.0.1 on a free port. With `listening`, the kernel completes
/// connections into the backlog but nothing ever accepts or answers: a server that hangs.
public final class ListeningSocket: @unchecked Sendable {
    /// The port.
    public let port: Int
    private let descriptor: Int32

    /// Binds (and with `listening`, listens on) a free port.
    public init(listening: Bool = true) throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.listening = listening
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        if !listening { close(descriptor) }
    }

    private let listening: Bool

    /// Accepts one connection on a thread of its own (not the concurrency pool, which a blocking
    /// `accept` would starve), reads the request head (up to the blank line), writes `response`
    /// (a whole HTTP response) and closes; the request head, or nil when no connection came
    /// within `timeout` seconds.
    public func answerOne(timeout: Double = 60, with response: String) async -> String? {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: self.serveOne(response, timeout: timeout)) }
            thread.start()
        }
    }

    private func serveOne(_ response: String, timeout: Double) -> String? {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, Int32(timeout * 1000)) == 1 else { return nil }
        let connection = accept(descriptor, nil, nil)
        guard connection >= 0 else { return nil }
        defer { close(connection) }
        var request: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)), request.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        let bytes = Array(response.utf8)
        _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
        return String(decoding: request, as: UTF8.self)
    }

    deinit { if listening { close(descriptor) } }
}

/// SIGKILL to `pid` (a free function: inside `PrometheusServer`, `kill` names its own method).
private func sendKill(_ pid: Int32) {
    _ = kill(pid, SIGKILL)
}

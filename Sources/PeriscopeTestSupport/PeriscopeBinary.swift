import Foundation

/// The `periscope` executable built next to the test bundle, run the way users and CI run it.
public enum PeriscopeBinary {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var stdout: String
        /// Standard error, decoded as UTF-8.
        public var stderr: String
    }

    /// The built binary: `periscope` in the products directory that holds the test bundle (found
    /// from the test process' executable, bundle or `argv[0]`); nil before `swift build --build-tests`.
    public static var url: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return candidates.map { $0.appendingPathComponent("periscope") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `binary` (default: ``url``) with `arguments` in `directory` (default: the current one)
    /// and `stdin` on its standard input (none: an empty one is not opened). The environment is the
    /// test process' (or, with `inheritEnvironment: false`, an empty one) changed by `environment`,
    /// where a nil value removes a variable. Throws when the binary is not built or cannot be started.
    public static func run(
        _ arguments: [String], in directory: URL? = nil, stdin: String? = nil, environment: [String: String?] = [:],
        inheritEnvironment: Bool = true, binary: URL? = nil
    ) throws -> Result {
        guard let executable = binary ?? url else { throw NotBuilt() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty || !inheritEnvironment {
            var merged = inheritEnvironment ? ProcessInfo.processInfo.environment : [:]
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
        }
        let input = Pipe(), out = Pipe(), err = Pipe()
        if stdin != nil { process.standardInput = input }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The error when the binary is not built next to the tests.
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "the periscope binary is not built next to the tests (run swift build --build-tests)" }
    }
}

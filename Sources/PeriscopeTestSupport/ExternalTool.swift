import Foundation

/// Runs a tool found on PATH (`python3`, `node`) for tests that ask the real implementation.
public enum ExternalTool {
    /// Whether `name` runs (`name --version` exits with 0).
    public static func isAvailable(_ name: String) -> Bool {
        (try? run([name, "--version"], input: "").status) == 0
    }

    /// Whether a test that needs a tool runs: when the tool is there, and always in CI (`CI` is
    /// set, as `.ci/run` and GitHub Actions set it), where `make test-deps` must have installed it,
    /// so a missing install fails the test instead of skipping it unseen.
    public static func shouldRun(_ available: Bool) -> Bool {
        available || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// Runs `arguments` (the tool's name first, looked up on PATH) with `input` on stdin; its
    /// status and stdout. stderr is discarded.
    public static func run(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs `executable` with `arguments` in `directory`; its status and its stdout and stderr
    /// together, as bytes (a tool may print bytes that are not UTF-8).
    public static func runCombined(_ executable: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

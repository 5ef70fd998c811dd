import Foundation
import Testing

/// The real promtool (Debian's 2.42, which `make test` installs), for tests whose expected
/// values come from it. Without it those tests fail with ``missingHint``;
/// `PERISCOPE_SKIP_PROMTOOL=1` skips them deliberately (``isSkipped``).
public enum Promtool {
    /// The first `promtool` on PATH, or nil.
    public static var path: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/promtool" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the promtool tests are explicitly skipped (`PERISCOPE_SKIP_PROMTOOL=1`).
    public static var isSkipped: Bool { ProcessInfo.processInfo.environment["PERISCOPE_SKIP_PROMTOOL"] == "1" }

    /// What a test says when promtool is missing.
    public static let missingHint = "promtool is not on PATH: run `make test` (it installs Debian's prometheus package), or set PERISCOPE_SKIP_PROMTOOL=1 to skip"

    /// Runs promtool with `arguments` in `directory`; its exit status and its stdout and stderr
    /// together, as bytes (promtool may print bytes that are not UTF-8).
    public static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: Data) {
        let executable = try #require(path, Comment(rawValue: missingHint))
        return try ExternalTool.runCombined(executable, arguments, in: directory)
    }
}

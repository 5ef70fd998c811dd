import Foundation
import PeriscopeCompiler
import PeriscopeDSL

/// Golden-file comparison for tests.
///
/// `RECORD_SNAPSHOTS=1` rewrites the golden files; a test that records still fails, so that
/// recording is never silent and a green run always means "compared".
public enum Golden {
    /// Whether this run records goldens.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares every file of `outputs` (by environment and path) with the files under `directory`;
    /// returns the problems, one line each (empty when everything matches).
    public static func compare(_ outputs: [EnvironmentOutput], with directory: URL) -> [String] {
        var problems: [String] = []
        var expectedPaths = Set<String>()
        for output in outputs {
            for artifact in output.artifacts {
                let relative = output.environment + "/" + artifact.path
                expectedPaths.insert(relative)
                let url = directory.appendingPathComponent(relative)
                if isRecording {
                    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try? Data(artifact.bytes).write(to: url)
                    problems.append("recorded \(relative)")
                    continue
                }
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    problems.append("missing golden \(relative) (run with RECORD_SNAPSHOTS=1 to record)")
                    continue
                }
                if [UInt8](data) != artifact.bytes {
                    problems.append("differs from golden: \(relative)\n" + firstDifference(expected: [UInt8](data), actual: artifact.bytes))
                }
            }
        }
        for stale in files(under: directory).subtracting(expectedPaths).sorted() {
            if isRecording {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(stale))
                problems.append("removed stale golden \(stale)")
            } else {
                problems.append("golden \(stale) is no longer rendered")
            }
        }
        return problems
    }

    /// Compares one text with a golden file.
    public static func compare(_ text: String, with file: URL) -> [String] {
        if isRecording {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: file)
            return ["recorded \(file.lastPathComponent)"]
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return ["missing golden \(file.path) (run with RECORD_SNAPSHOTS=1 to record)"]
        }
        let expected = [UInt8](data)
        let actual = Array(text.utf8)
        return expected == actual ? [] : ["differs from golden \(file.lastPathComponent)\n" + firstDifference(expected: expected, actual: actual)]
    }

    /// The first differing line of two texts, for readable failures.
    public static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let right = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if left != right { return "  line \(index + 1):\n    expected: \(left)\n    actual:   \(right)" }
        }
        return "  (same lines, different bytes)"
    }

    private static func files(under directory: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var result = Set<String>()
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(relative).path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.hasSuffix(".keep")
            {
                result.insert(relative)
            }
        }
        return result
    }
}

/// Locations of the repository and of `../shared` for tests.
public enum Repository {
    /// The repository root, found from a test file's `#filePath` (`<root>/Tests/<Target>/<File>.swift`).
    public static func root(from filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `../shared` beside the repository, if present.
    public static func shared(from filePath: String = #filePath) -> URL? {
        let url = root(from: filePath).deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

/// Assertions about diagnostics.
public enum DiagnosticMatching {
    /// The first error whose message contains `fragment`, if any.
    public static func error(containing fragment: String, in diagnostics: [Diagnostic]) -> Diagnostic? {
        diagnostics.first { $0.severity == .error && $0.message.contains(fragment) }
    }

    /// The Swift line a diagnostic points at, if it points at Swift source.
    public static func swiftLine(of diagnostic: Diagnostic) -> Int? {
        if case .source(let location)? = diagnostic.location { return location.line }
        return nil
    }
}

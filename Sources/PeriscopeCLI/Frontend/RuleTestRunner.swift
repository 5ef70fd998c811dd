import Foundation
import PeriscopeCompiler

/// Runs `promtool test rules` on every rendered test file and reports per test.
///
/// A file is run whole first; when it fails, each of its tests is run on its own (from a
/// temporary single-test file) so the report says which tests failed, with promtool's message.
struct RuleTestRunner {
    /// The outcome of one test.
    struct Outcome {
        var environment: String
        var file: String
        var test: String
        var passed: Bool
        var message: String
    }

    /// The promtool executable.
    var promtool: String

    /// The install hint printed when promtool is missing.
    static let installHint = """
        promtool is not on PATH; it runs the rule unit tests. Install it with:
          sudo apt-get install prometheus        (Debian/Ubuntu; `make test-deps` does this)
          brew install prometheus                (macOS)
        or download Prometheus from https://prometheus.io/download/ and put promtool on PATH.
        """

    /// The first `promtool` on PATH.
    static func findPromtool(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/promtool"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `DIR/<env>/prometheus/tests/*.yaml`, sorted by environment then file name.
    static func testFiles(under directory: String) -> [(environment: String, path: String)] {
        let manager = FileManager.default
        let environments = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        var files: [(String, String)] = []
        for environment in environments {
            let folder = "\(directory)/\(environment)/prometheus/tests"
            let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            files += names.map { (environment, "\(folder)/\($0)") }
        }
        return files
    }

    /// Runs promtool with `arguments`; returns its exit status and combined output.
    func run(_ arguments: [String], in directory: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "cannot run \(promtool): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Tests one file, per test.
    func test(file: String, environment: String, scratch: String) -> [Outcome] {
        let directory = (file as NSString).deletingLastPathComponent
        let name = (file as NSString).lastPathComponent
        let whole = run(["test", "rules", name], in: directory)
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let single: [PromtoolTestFile.SingleTest]
        do {
            single = try PromtoolTestFile.split(text, directory: directory)
        } catch {
            return [Outcome(environment: environment, file: name, test: "(whole file)", passed: whole.status == 0,
                            message: whole.status == 0 ? "" : Self.trimmed(whole.output) + "\n(cannot run its tests one by one: \(error))")]
        }
        if whole.status == 0 {
            return single.map { Outcome(environment: environment, file: name, test: $0.name, passed: true, message: "") }
        }
        var outcomes: [Outcome] = []
        for (index, test) in single.enumerated() {
            let path = "\(scratch)/\(environment)-\(index + 1)-\(name)"
            do {
                try Data(test.yaml.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                outcomes.append(Outcome(environment: environment, file: name, test: test.name, passed: false, message: "cannot write \(path): \(error)"))
                continue
            }
            let result = run(["test", "rules", path], in: directory)
            outcomes.append(Outcome(environment: environment, file: name, test: test.name, passed: result.status == 0,
                                    message: result.status == 0 ? "" : Self.trimmed(result.output)))
        }
        // A file-level problem (e.g. a rule file that does not load) fails the file even if each test alone passes.
        if outcomes.allSatisfy(\.passed) {
            outcomes.append(Outcome(environment: environment, file: name, test: "(whole file)", passed: false, message: Self.trimmed(whole.output)))
        }
        return outcomes
    }

    /// promtool's output without blank lines and its `Unit Testing:` header.
    static func trimmed(_ output: String) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("Unit Testing:") && !$0.allSatisfy(\.isWhitespace) }
            .joined(separator: "\n")
    }
}

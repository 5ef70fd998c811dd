import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// A real temporary environments directory, removed when the body returns.
struct EnvironmentFixture {
    /// The directory's path, as given to the loader.
    let directory: String
    /// A loader for the directory.
    var loader: EnvironmentLoader { EnvironmentLoader(directory: directory) }

    /// The path the loader shows for `file`.
    func path(_ file: String) -> String { directory + "/" + file }

    /// Creates a directory holding `files` (name -> contents), runs `body`, then deletes it.
    static func with<T>(_ files: [String: String], _ body: (EnvironmentFixture) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("periscope-env-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        for (name, contents) in files {
            try Data(contents.utf8).write(to: url.appendingPathComponent(name))
        }
        return try body(EnvironmentFixture(directory: url.path))
    }

    /// Loads `name` from a directory holding `files`, returning the environment and every diagnostic.
    static func load(_ name: String, from files: [String: String]) throws -> (environment: Environment?, diagnostics: [Diagnostic], fixture: EnvironmentFixture) {
        try with(files) { fixture in
            let collector = DiagnosticCollector()
            let environment = fixture.loader.load(name, diagnostics: collector)
            return (environment, collector.diagnostics, fixture)
        }
    }
}

/// Expects an error at exactly `file:line:column` whose message contains `fragment`.
func expectError(
    _ diagnostics: [Diagnostic], in fixture: EnvironmentFixture, _ file: String, _ line: Int, _ column: Int, _ fragment: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let location = Location.file(FileLocation(path: fixture.path(file), line: line, column: column))
    let matches = diagnostics.filter { $0.severity == .error && $0.location == location && $0.message.contains(fragment) }
    #expect(
        matches.count == 1,
        "expected one error at \(file):\(line):\(column) containing \"\(fragment)\"; got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

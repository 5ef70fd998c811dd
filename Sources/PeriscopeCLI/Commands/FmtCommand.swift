import ArgumentParser
import Foundation
import PeriscopeDSL
import PeriscopeModel

/// `fmt`: writes dashboards and rule files back in Periscope's canonical layout.
struct FmtCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fmt",
            abstract: "Format Grafana dashboards and Prometheus rule files canonically.",
            discussion: """
                Reads each dashboard (.json) and rule file (.yaml, .yml: plain groups files, \
                PrometheusRule resources, Mimir namespace files) and writes it back in Periscope's \
                canonical layout: keys sorted, two-space indentation, numbers as Periscope writes \
                them, the rule-file layout of `render`. The data never changes: the output is read \
                back and compared with the input before anything is written.

                A folder is searched recursively for .json, .yaml and .yml files; files that are \
                not dashboards or rule files are skipped there (named on the command line, they \
                are an error). Hidden folders and .build are skipped.

                With one file and no flag, the formatted text goes to stdout. --check lists the \
                files that would change and exits 1 if any would. --write rewrites them in place, \
                each atomically (a temporary file renamed over the original). A file that cannot \
                be read is reported as path:line:col: error: … and nothing is written for it; the \
                exit status is then 1.

                Examples:
                  \(CatalogContext.program) fmt dashboards/api.json            # print the canonical form
                  \(CatalogContext.program) fmt --check dashboards rules       # CI: exit 1 if anything is not canonical
                  \(CatalogContext.program) fmt --write dashboards rules       # rewrite in place
                """
        )
    }

    @Argument(help: ArgumentHelp("Dashboard and rule files, or folders to search.", valueName: "path"))
    var paths: [String]

    @Flag(help: "List the files that are not canonical and exit 1 if there are any; write nothing.")
    var check = false

    @Flag(help: "Rewrite files that are not canonical, in place and atomically.")
    var write = false

    func validate() throws {
        if check && write { throw ValidationError("--check and --write cannot be combined") }
        if paths.isEmpty { throw ValidationError("name at least one file or folder") }
    }

    func run() throws {
        var diagnostics: [Diagnostic] = []
        var files: [(path: String, explicit: Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, "no such file or folder '\(path)'", at: .file(FileLocation(path: path)), id: .fileUnreadable))
                continue
            }
            if isDirectory.boolValue {
                files += FormatFiles.search(path).map { ($0, false) }
            } else {
                files.append((path, true))
            }
        }
        if !check && !write && files.count != 1 {
            Terminal.report(diagnostics)
            throw ValidationError("printing to stdout takes exactly one file (found \(files.count)); use --check or --write for several")
        }
        let formatter = ArtifactFormatter()
        var changed: [String] = []
        var failed = !diagnostics.isEmpty
        for (path, explicit) in files {
            let bytes: [UInt8]
            switch FileBytes.read(path, limit: JSONReader.maximumSize) {
            case .success(let read): bytes = read
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(path: path))
                failed = true
                continue
            }
            let output = formatter.format(bytes, path: path)
            // In a folder, JSON and YAML files that are not dashboards or rule files are not ours.
            if !explicit, output.kind == nil, output.diagnostics.allSatisfy({ $0.id == ArtifactFormatter.notAnArtifactID || $0.severity != .error }) {
                continue
            }
            diagnostics += output.diagnostics
            guard let formatted = output.formatted else {
                failed = true
                continue
            }
            if !check && !write {
                FileHandle.standardOutput.write(Data(formatted))
                continue
            }
            guard output.changed else { continue }
            changed.append(path)
            if write {
                do {
                    try FormatFiles.replace(path, with: formatted)
                } catch {
                    diagnostics.append(Diagnostic(.error, "cannot write '\(path)': \(error)", at: .file(FileLocation(path: path)), id: .fileUnwritable))
                    failed = true
                }
            }
        }
        for path in changed { Terminal.out(path) }
        Terminal.report(diagnostics)
        if failed || (check && !changed.isEmpty) { throw ExitCode(1) }
    }
}

/// Finding and replacing the files `fmt` works on.
enum FormatFiles {
    /// The `.json`, `.yaml` and `.yml` files under `directory`, sorted, skipping hidden folders
    /// (and so `.build`): ``ArtifactSearch/files(under:)``.
    static func search(_ directory: String) -> [String] { ArtifactSearch.files(under: directory) }

    /// Replaces a file's contents atomically: a temporary file beside it, with the same
    /// permissions, renamed over it. The original is never half-written. A symbolic link is
    /// followed, so the file it points at is replaced and the link stays a link.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).periscope-fmt-\(ProcessInfo.processInfo.processIdentifier)")
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions]
        do {
            try Data(bytes).write(to: temporary)
            if let permissions { try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an import wrote nothing: one or more located errors (ids `import-*` or the reader's own).
public struct ImportFailure: Error, Sendable {
    /// The errors, in the order found.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// What ``PackageWriter/write(_:to:options:)`` did.
public struct PackageWriteResult: Sendable, Equatable {
    /// The package's root folder (absolute).
    public var packageRoot: String
    /// The executable target the files went into.
    public var target: String
    /// Whether the package was created (the `--out` folder held no package).
    public var createdPackage: Bool
    /// Every file written, relative to ``packageRoot``, sorted.
    public var written: [String]
    /// Warnings (e.g. `import-catalog-not-listed`): the import succeeded, but something needs doing.
    public var warnings: [Diagnostic]
}

/// Writes the files of `periscope import` into a Swift package.
///
/// - **New package.** When `output` is not inside a package (no `Package.swift` in it or a
///   folder above it), the package is created there: the `periscope init` scaffold
///   (``PackageScaffold/importFiles(names:dependency:environments:)``: `Package.swift`
///   depending on Periscope, environments that change nothing, a catalog listing
///   `ImportedCatalog.items(env)`, `.gitignore`, `Makefile`) with the imported files in
///   `Sources/<Target>/`. `output` may exist if it holds no package; files in it are kept.
/// - **Existing package.** When `output` is inside a package, the files go into `output` if it
///   is inside `Sources/<Target>/`, else into `Sources/<Target>/` of the package's only target
///   with a `CatalogDefinition`. The listing `Sources/<Target>/ImportedCatalog.swift`
///   (``ImportedCatalogFile``) is regenerated from the files present; a warning says when the
///   catalog does not list it yet. Environment settings are not merged into existing
///   environment files: a warning lists them.
///
/// Each generated file starts with a header naming its input and its definitions (see
/// ``ImportedCatalogFile``). Existing files are never overwritten unless `options.force`; all
/// files are first written to a staging folder beside their destination and then moved into
/// place, so a failing import writes nothing.
///
/// Errors (thrown as ``ImportFailure``): `import-file-exists` (with every such file as a note),
/// `import-file-name-invalid`, `import-file-duplicate`, `import-definition-duplicate`,
/// `import-target-unknown`, `import-marker-invalid`, `import-write-failed`.
public enum PackageWriter {
    /// How to write.
    public struct Options: Sendable, Equatable {
        /// Overwrite existing files (`--force`).
        public var force: Bool
        /// A local Periscope checkout for a new package's dependency (`--periscope-path`),
        /// relative to the current directory or absolute; nil for the published package.
        public var periscopePath: String?
        /// The name a new package is derived from (`--name`); nil for the output folder's name.
        public var name: String?
        /// Settings that differ between environments, for a new package's `environments/`.
        public var environments: ImportedEnvironments?

        /// Creates options.
        public init(force: Bool = false, periscopePath: String? = nil, name: String? = nil, environments: ImportedEnvironments? = nil) {
            self.force = force
            self.periscopePath = periscopePath
            self.name = name
            self.environments = environments
        }
    }

    /// Writes `sources` into the package at or around `output` (relative to the current
    /// directory or absolute). Throws ``ImportFailure`` and writes nothing on any error.
    public static func write(_ sources: [ImportedSource], to output: String, options: Options = Options()) throws(ImportFailure) -> PackageWriteResult {
        let fileManager = FileManager.default
        let outURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        try checkNames(sources)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: outURL.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ImportFailure([.error("--out \(output) is a file; expected a folder", at: FileLocation(path: output), id: "import-out-not-folder")])
        }
        if let root = packageRoot(containing: outURL) {
            return try writeIntoPackage(sources, root: root, out: outURL, output: output, options: options)
        }
        return try createPackage(sources, out: outURL, output: output, options: options)
    }

    // MARK: New package

    /// Writes the `periscope init` scaffold (`templates/monitoring`: an example dashboard, an
    /// alert rule with its unit test, an SLO, environments, Makefile, `.gitignore`, the CI
    /// workflow and a README) into `output`, which may exist. Files that exist are refused
    /// (all listed, `import-file-exists`) unless `options.force`; nothing is written then.
    /// `options.environments` is not used.
    public static func initPackage(at output: String, options: Options = Options()) throws(ImportFailure) -> PackageWriteResult {
        let out = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ImportFailure([.error("\(output) is a file; expected a folder for the new package", at: FileLocation(path: output), id: "import-out-not-folder")])
        }
        let names = PackageNames(deriving: options.name ?? out.lastPathComponent)
        let files = PackageScaffold.files(template: PackageScaffold.initTemplate, names: names, dependency: try dependency(options))
        let written = try install(files, root: out, rootDisplay: output, force: options.force)
        return PackageWriteResult(packageRoot: out.path, target: names.target, createdPackage: true, written: written, warnings: [])
    }

    /// The published package, or the checkout `--periscope-path` names (it must hold a Package.swift).
    private static func dependency(_ options: Options) throws(ImportFailure) -> PeriscopeDependency {
        guard let path = options.periscopePath else { return .published }
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) else {
            throw ImportFailure([.error("--periscope-path \(path) holds no Package.swift; expected a checkout of Periscope", at: FileLocation(path: path), id: "import-periscope-path-invalid")])
        }
        return .path(url.path)
    }

    private static func createPackage(_ sources: [ImportedSource], out: URL, output: String, options: Options) throws(ImportFailure) -> PackageWriteResult {
        let names = PackageNames(deriving: options.name ?? out.lastPathComponent)
        let dependency = try dependency(options)
        var files = PackageScaffold.importFiles(names: names, dependency: dependency, environments: options.environments)
        var listing: [(path: String, definitions: [ImportedDefinition])] = []
        for source in sources {
            files.append((path: "Sources/\(names.target)/\(source.fileName)", text: ImportedCatalogFile.header(for: source) + source.text))
            listing.append((path: source.fileName, definitions: source.definitions))
        }
        try checkDuplicateDefinitions(listing)
        files.append((path: "Sources/\(names.target)/\(ImportedCatalogFile.fileName)", text: ImportedCatalogFile.text(listing: listing)))
        let written = try install(files, root: out, rootDisplay: output, force: options.force)
        return PackageWriteResult(packageRoot: out.path, target: names.target, createdPackage: true, written: written, warnings: [])
    }

    // MARK: Existing package

    private static func writeIntoPackage(_ sources: [ImportedSource], root: URL, out: URL, output: String, options: Options) throws(ImportFailure) -> PackageWriteResult {
        let sourcesURL = root.appendingPathComponent("Sources", isDirectory: true)
        let (target, folder) = try targetFolder(root: root, sourcesURL: sourcesURL, out: out, output: output)
        let targetURL = sourcesURL.appendingPathComponent(target, isDirectory: true)
        let folderPrefix = relativePath(of: folder, to: targetURL)

        // The listing: files present (minus those this import replaces) plus the new ones.
        var listing: [(path: String, definitions: [ImportedDefinition])] = []
        var invalid: [Diagnostic] = []
        let newPaths = Set(sources.map { join(folderPrefix, $0.fileName) })
        var referencesListing = false
        for path in swiftFiles(under: targetURL) where path != ImportedCatalogFile.fileName {
            guard let text = try? String(contentsOf: targetURL.appendingPathComponent(path), encoding: .utf8) else { continue }
            if text.contains("ImportedCatalog.items(") { referencesListing = true }
            if newPaths.contains(path) { continue }
            let found = ImportedCatalogFile.definitions(in: text)
            for line in found.invalid {
                invalid.append(.error("malformed import marker '\(line)'; expected '\(ImportedCatalogFile.markerPrefix)<dashboard|ruleGroups|ruleTests> <expression>'",
                                      at: FileLocation(path: display(root, output, "Sources/\(target)/\(path)")), id: "import-marker-invalid"))
            }
            if !found.definitions.isEmpty { listing.append((path: path, definitions: found.definitions)) }
        }
        if !invalid.isEmpty { throw ImportFailure(invalid) }
        for source in sources { listing.append((path: join(folderPrefix, source.fileName), definitions: source.definitions)) }
        try checkDuplicateDefinitions(listing)

        var files: [(path: String, text: String)] = sources.map {
            (path: "Sources/\(target)/" + join(folderPrefix, $0.fileName), text: ImportedCatalogFile.header(for: $0) + $0.text)
        }
        let catalogPath = "Sources/\(target)/\(ImportedCatalogFile.fileName)"
        let catalogText = ImportedCatalogFile.text(listing: listing)
        // The listing is ours to rewrite when it carries the generated header.
        let catalogURL = root.appendingPathComponent(catalogPath)
        var overwritable: Set<String> = []
        if let existing = try? String(contentsOf: catalogURL, encoding: .utf8), existing.hasPrefix(ImportedCatalogFile.generatedHeader) {
            overwritable.insert(catalogPath)
        }
        files.append((path: catalogPath, text: catalogText))
        let written = try install(files, root: root, rootDisplay: display(root, output, ""), force: options.force, overwritable: overwritable)

        var warnings: [Diagnostic] = []
        if !referencesListing {
            warnings.append(Diagnostic(.warning, "the catalog of target \(target) does not list the imported definitions yet; add `\(ImportedCatalogFile.reference)` to its `Catalog { … }`",
                                       at: .file(FileLocation(path: display(root, output, catalogPath))), id: "import-catalog-not-listed"))
        }
        if let environments = options.environments, !(environments.datasources.isEmpty && environments.values.isEmpty && environments.folders.isEmpty) {
            let files = PackageScaffold.environmentFiles(environments).map { "environments/\($0.name).yaml:\n" + $0.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { "  " + $0 }.joined(separator: "\n") }
            warnings.append(Diagnostic(.warning, "the environment settings of the imported definitions were not merged into the package's environments/; add them by hand",
                                       at: .file(FileLocation(path: display(root, output, "environments"))), id: "import-environments-not-merged", notes: files))
        }
        return PackageWriteResult(packageRoot: root.path, target: target, createdPackage: false, written: written, warnings: warnings)
    }

    /// The target and folder the files go into: `out` inside `Sources/<Target>/`, or the
    /// package's only target that defines a catalog.
    private static func targetFolder(root: URL, sourcesURL: URL, out: URL, output: String) throws(ImportFailure) -> (String, URL) {
        let sourcesPath = sourcesURL.path + "/"
        if out.path.hasPrefix(sourcesPath) {
            let target = String(out.path.dropFirst(sourcesPath.count).split(separator: "/").first ?? "")
            if !target.isEmpty { return (target, out) }
        }
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: sourcesURL.path)) ?? []).sorted().filter { name in
            let url = sourcesURL.appendingPathComponent(name, isDirectory: true)
            return swiftFiles(under: url).contains { path in
                (try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8))?.contains("CatalogDefinition") == true
            }
        }
        guard targets.count == 1, let target = targets.first else {
            let message = targets.isEmpty
                ? "the package at \(display(root, output, "")) has no target with a CatalogDefinition to import into"
                : "cannot tell which target of the package at \(display(root, output, "")) to import into: \(targets.joined(separator: ", "))"
            throw ImportFailure([.error(message, at: FileLocation(path: output), id: "import-target-unknown",
                                        notes: ["give the target's folder as --out, e.g. --out \(display(root, output, "Sources/\(targets.first ?? "Monitoring")"))"])])
        }
        return (target, sourcesURL.appendingPathComponent(target, isDirectory: true))
    }

    // MARK: Checks

    private static func checkNames(_ sources: [ImportedSource]) throws(ImportFailure) {
        var errors: [Diagnostic] = []
        var seen: [String: String] = [:]
        for source in sources {
            let name = source.fileName
            let stem = name.hasSuffix(".swift") ? String(name.dropLast(6)) : ""
            if stem.isEmpty || name.contains("/") || name.contains("\\") || name.hasPrefix(".") || name == ImportedCatalogFile.fileName
                || !stem.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "+") }) {
                errors.append(.error("cannot write '\(name)': a generated file name must be a plain `Name.swift` (and not \(ImportedCatalogFile.fileName))",
                                     at: FileLocation(path: source.inputPath), id: "import-file-name-invalid"))
            } else if let first = seen[name.lowercased()] {
                errors.append(.error("\(source.inputPath) and \(first) would both be written to \(name)", at: FileLocation(path: source.inputPath), id: "import-file-duplicate"))
            } else {
                seen[name.lowercased()] = source.inputPath
            }
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
    }

    private static func checkDuplicateDefinitions(_ listing: [(path: String, definitions: [ImportedDefinition])]) throws(ImportFailure) {
        var first: [String: String] = [:]
        var errors: [Diagnostic] = []
        for file in listing {
            for definition in file.definitions {
                if let other = first[definition.expression] {
                    errors.append(.error("\(definition.expression) is declared by both \(other) and \(file.path); the catalog would list it twice",
                                         at: FileLocation(path: file.path), id: "import-definition-duplicate"))
                } else {
                    first[definition.expression] = file.path
                }
            }
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
    }

    // MARK: Writing

    /// Writes `files` (paths relative to `root`) into a staging folder, then moves them into
    /// place; refuses existing files unless `force` or listed in `overwritable`.
    private static func install(_ files: [(path: String, text: String)], root: URL, rootDisplay: String, force: Bool, overwritable: Set<String> = []) throws(ImportFailure) -> [String] {
        let fileManager = FileManager.default
        let existing = files.map(\.path).filter { fileManager.fileExists(atPath: root.appendingPathComponent($0).path) }.sorted()
        let refused = force ? [] : existing.filter { !overwritable.contains($0) }
        if !refused.isEmpty {
            throw ImportFailure([.error("\(refused.count) file\(refused.count == 1 ? "" : "s") already exist\(refused.count == 1 ? "s" : ""); nothing was written (use --force to overwrite)",
                                        at: FileLocation(path: rootDisplay), id: "import-file-exists", notes: refused.map { join(rootDisplay, $0) })])
        }
        let parent = root.deletingLastPathComponent()
        let rootExists = fileManager.fileExists(atPath: root.path)
        let staging = (rootExists ? root : parent).appendingPathComponent(".periscope-import-\(UUID().uuidString)", isDirectory: true)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if case .failure(let failure) = FileBytes.write(Array(file.text.utf8), to: url.path) {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "\(url.path): \(failure.reason)"])
                }
            }
            if !rootExists {
                try fileManager.moveItem(at: staging, to: root)
            } else {
                defer { try? fileManager.removeItem(at: staging) }
                for file in files {
                    let destination = root.appendingPathComponent(file.path)
                    try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                    // rename(2) replaces an existing file atomically.
                    if rename(staging.appendingPathComponent(file.path).path, destination.path) != 0 {
                        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                    }
                }
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw ImportFailure([.error("cannot write the package: \(error.localizedDescription)", at: FileLocation(path: rootDisplay), id: "import-write-failed")])
        }
        return files.map(\.path).sorted()
    }

    // MARK: Paths

    /// The package `output` is inside (the nearest folder at or above it with a `Package.swift`),
    /// where ``write(_:to:options:)`` would add files; nil when it would create a package.
    public static func existingPackageRoot(for output: String) -> String? {
        let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)).standardizedFileURL
        return packageRoot(containing: url)?.path
    }

    /// The nearest folder at or above `url` that holds a `Package.swift`.
    static func packageRoot(containing url: URL) -> URL? {
        var current = url
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) { return current }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path || current.path == "/" { return nil }
            current = parent
        }
    }

    /// Swift files under `folder`, relative to it, sorted; hidden folders and `.build` skipped.
    static func swiftFiles(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { result.append(String(path.dropFirst(prefix.count))) }
        }
        return result.sorted()
    }

    private static func relativePath(of url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path, basePath = base.standardizedFileURL.path
        if path == basePath { return "" }
        return path.hasPrefix(basePath + "/") ? String(path.dropFirst(basePath.count + 1)) : ""
    }

    private static func join(_ folder: String, _ path: String) -> String {
        if folder.isEmpty || folder == "." { return path }
        if path.isEmpty { return folder }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// `path` (relative to the package root) as the user would write it: relative to the
    /// current directory when the root is below it, else absolute.
    private static func display(_ root: URL, _ output: String, _ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let full = path.isEmpty ? root.path : root.appendingPathComponent(path).path
        if full == cwd { return "." }
        return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
    }
}


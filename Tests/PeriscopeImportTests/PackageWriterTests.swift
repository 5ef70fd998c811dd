import Foundation
import PeriscopeDSL
@testable import PeriscopeImport
import PeriscopeTestSupport
import Testing

/// A fresh temporary folder per test.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("periscope-import-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder`, relative to it, with its text, sorted by path.
func snapshot(_ folder: URL) -> [String: String] {
    var result: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    let prefix = folder.standardizedFileURL.path + "/"
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        result[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = (try? String(contentsOf: url, encoding: .utf8)) ?? "<binary>"
    }
    return result
}

@Suite("Package writer")
struct PackageWriterTests {
    static let node = ImportedSource(
        fileName: "NodeExporter.swift", text: "import Periscope\n\nenum NodeExporter {}\n",
        definitions: [ImportedDefinition(kind: .dashboard, expression: "NodeExporter.dashboard(env)")], inputPath: "in/node.json")
    static let rules = ImportedSource(
        fileName: "NodeRules.swift", text: "import Periscope\n\nenum NodeRules {}\n",
        definitions: [ImportedDefinition(kind: .ruleGroups, expression: "NodeRules.groups(env)"), ImportedDefinition(kind: .ruleTests, expression: "NodeRules.tests(env)")],
        inputPath: "in/node-rules.yaml")

    @Test("A folder without a package gets the scaffold, neutral environments and the listing")
    func createsPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("my monitoring")
        let result = try PackageWriter.write([Self.node, Self.rules], to: out.path, options: .init(periscopePath: Repository.root().path))
        #expect(result.createdPackage)
        #expect(result.target == "MyMonitoring")
        #expect(result.written == [
            ".gitignore", "Makefile", "Package.swift",
            "Sources/MyMonitoring/ImportedCatalog.swift", "Sources/MyMonitoring/MyMonitoring.swift",
            "Sources/MyMonitoring/NodeExporter.swift", "Sources/MyMonitoring/NodeRules.swift",
            "environments/base.yaml", "environments/dev.yaml", "environments/prod.yaml", "environments/staging.yaml",
        ])
        let files = snapshot(out)
        let manifest = try #require(files["Package.swift"])
        #expect(manifest.contains("name: \"my-monitoring\""))
        #expect(manifest.contains(".package(path: \"\(Repository.root().standardizedFileURL.path)\")"))
        #expect(manifest.contains(".product(name: \"Periscope\", package: \"\(Repository.root().lastPathComponent)\")"))
        #expect(files["Sources/MyMonitoring/NodeExporter.swift"] == """
            // Imported by `periscope import` from in/node.json.
            // periscope-import: dashboard NodeExporter.dashboard(env)
            import Periscope

            enum NodeExporter {}

            """)
        #expect(files["Sources/MyMonitoring/ImportedCatalog.swift"]?.contains("""
                @CatalogBuilder
                static func items(_ env: Environment) -> [CatalogItem] {
                    // NodeExporter.swift
                    NodeExporter.dashboard(env)

                    // NodeRules.swift
                    NodeRules.groups(env)
                    NodeRules.tests(env)
                }
            """) == true)
        #expect(files["Sources/MyMonitoring/MyMonitoring.swift"]?.contains("struct MyMonitoring: CatalogDefinition") == true)
        #expect(files["environments/prod.yaml"] == "# The prod environment.\nextends: base\n")
        for (path, text) in files where path.hasPrefix("environments/") {
            #expect(!text.contains("uidPrefix") || text.contains("uidPrefix: \"\"\n"))
            for word in ["selectors", "ruleLabels", "severities", "refresh"] {
                #expect(!text.split(separator: "\n").contains { !$0.hasPrefix("#") && $0.contains(word) }, "\(path) sets \(word)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("environments/.periscope-import").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["my monitoring"])
    }

    @Test("The published package by default; --name derives the names")
    func publishedDependency() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PackageWriter.write([Self.node], to: folder.appendingPathComponent("x").path, options: .init(name: "Periscope"))
        #expect(result.target == "PeriscopeMonitoring")
        let manifest = try String(contentsOf: folder.appendingPathComponent("x/Package.swift"), encoding: .utf8)
        #expect(manifest.contains(".package(url: \"https://github.com/periscope-dev/periscope\", from: \"0.1.0\")"))
        #expect(manifest.contains("package: \"periscope\")"))
        #expect(manifest.contains("name: \"periscope\""))
    }

    @Test("Importing into an existing package adds the files and regenerates the listing; again is idempotent")
    func existingPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pkg")
        _ = try PackageWriter.write([Self.node], to: out.path)
        let first = snapshot(out)
        #expect(first["Sources/Pkg/ImportedCatalog.swift"]?.contains("NodeRules") == false)

        let result = try PackageWriter.write([Self.rules], to: out.path)
        #expect(!result.createdPackage)
        #expect(result.written == ["Sources/Pkg/ImportedCatalog.swift", "Sources/Pkg/NodeRules.swift"])
        #expect(result.warnings.isEmpty)
        let second = snapshot(out)
        let listing = try #require(second["Sources/Pkg/ImportedCatalog.swift"])
        #expect(listing.contains("NodeExporter.dashboard(env)") && listing.contains("NodeRules.groups(env)"))

        // The same import again: refused without --force, byte-identical with it.
        #expect(throws: ImportFailure.self) { try PackageWriter.write([Self.rules], to: out.path) }
        #expect(snapshot(out) == second)
        _ = try PackageWriter.write([Self.rules], to: out.path, options: .init(force: true))
        #expect(snapshot(out) == second)

        // A deleted file drops out of the listing on the next import.
        try FileManager.default.removeItem(at: out.appendingPathComponent("Sources/Pkg/NodeExporter.swift"))
        _ = try PackageWriter.write([Self.rules], to: out.appendingPathComponent("Sources/Pkg").path, options: .init(force: true))
        #expect(snapshot(out)["Sources/Pkg/ImportedCatalog.swift"]?.contains("NodeExporter") == false)
    }

    @Test("A file in a subfolder of the target is listed with its path")
    func subfolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("pkg")
        _ = try PackageWriter.write([Self.node], to: out.path)
        let result = try PackageWriter.write([Self.rules], to: out.appendingPathComponent("Sources/Pkg/Rules").path)
        #expect(result.written.contains("Sources/Pkg/Rules/NodeRules.swift"))
        #expect(snapshot(out)["Sources/Pkg/ImportedCatalog.swift"]?.contains("// Rules/NodeRules.swift") == true)
    }

    @Test("Existing files are listed and nothing is written")
    func refusesOverwrite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("environments"), withIntermediateDirectories: true)
        try Data("keep\n".utf8).write(to: folder.appendingPathComponent("environments/dev.yaml"))
        try Data("keep\n".utf8).write(to: folder.appendingPathComponent("Makefile"))
        let before = snapshot(folder)
        do {
            _ = try PackageWriter.write([Self.node], to: folder.path)
            Issue.record("expected import-file-exists")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "import-file-exists")
            #expect(diagnostic.message.hasPrefix("2 files already exist"))
            #expect(diagnostic.notes.map { String($0.suffix(20)) }.contains { $0.hasSuffix("/Makefile") })
            #expect(diagnostic.notes.contains { $0.hasSuffix("/environments/dev.yaml") })
        }
        #expect(snapshot(folder) == before)
        let result = try PackageWriter.write([Self.node], to: folder.path, options: .init(force: true))
        #expect(result.createdPackage)
        #expect(snapshot(folder)["Makefile"] != "keep\n")
    }

    @Test("Unsafe or clashing file names and duplicate definitions write nothing", arguments: [
        ("../Escape.swift", "import-file-name-invalid"),
        ("Node.json", "import-file-name-invalid"),
        (".Hidden.swift", "import-file-name-invalid"),
        ("ImportedCatalog.swift", "import-file-name-invalid"),
        ("NodeExporter.swift", "import-file-duplicate"),
        ("Other.swift", "import-definition-duplicate"),
    ])
    func badNames(name: String, id: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var other = Self.node
        other.fileName = name
        other.inputPath = "in/other.json"
        do {
            _ = try PackageWriter.write([Self.node, other], to: folder.appendingPathComponent("out").path)
            Issue.record("expected \(id)")
        } catch {
            #expect(error.diagnostics.map(\.id) == [DiagnosticID(rawValue: id)])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("A package with several catalogs asks for the target")
    func ambiguousTarget() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("// swift-tools-version:6.0\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
        for target in ["A", "B"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Sources/\(target)"), withIntermediateDirectories: true)
            try Data("struct \(target): CatalogDefinition {}\n".utf8).write(to: folder.appendingPathComponent("Sources/\(target)/\(target).swift"))
        }
        #expect { try PackageWriter.write([Self.node], to: folder.path) } throws: { error in
            (error as? ImportFailure)?.diagnostics.first?.id == "import-target-unknown"
        }
        let result = try PackageWriter.write([Self.node], to: folder.appendingPathComponent("Sources/B").path)
        #expect(result.target == "B")
        #expect(result.warnings.map(\.id) == ["import-catalog-not-listed"])
    }

    @Test("Environment settings: equal ones in base, the rest per environment")
    func environments() {
        var environments = ImportedEnvironments(names: ["dev", "prod"])
        environments.datasources["metrics"] = ["dev": ImportedDatasource(type: "prometheus", uid: "prom-dev"), "prod": ImportedDatasource(type: "prometheus", uid: "prom-prod")]
        environments.datasources["logs"] = ["dev": ImportedDatasource(type: "loki", uid: "loki"), "prod": ImportedDatasource(type: "loki", uid: "loki")]
        environments.values["threshold"] = ["dev": .number(2000), "prod": .number(0.5)]
        environments.values["team"] = ["dev": .string("yes"), "prod": .string("yes")]
        environments.folders = ["dev": "Node (dev)", "prod": "Node"]
        let files = Dictionary(uniqueKeysWithValues: PackageScaffold.environmentFiles(environments).map { ($0.name, $0.text) })
        #expect(files.keys.sorted() == ["base", "dev", "prod"])
        #expect(files["base"]?.hasSuffix("grafana:\n  uidPrefix: \"\"\n  datasources:\n    logs: { type: loki, uid: loki }\nvalues:\n  team: \"yes\"\n") == true)
        #expect(files["dev"] == "# The dev environment.\nextends: base\ngrafana:\n  folder: Node (dev)\n  datasources:\n    metrics: { type: prometheus, uid: prom-dev }\nvalues:\n  threshold: 2000\n")
        #expect(files["prod"] == "# The prod environment.\nextends: base\ngrafana:\n  folder: Node\n  datasources:\n    metrics: { type: prometheus, uid: prom-prod }\nvalues:\n  threshold: 0.5\n")
    }

    @Test("Package names are derived safely", arguments: [
        ("my monitoring", "my-monitoring", "MyMonitoring"),
        ("Checkout-Service", "checkout-service", "CheckoutService"),
        ("42 things", "42-things", "Monitoring_42Things"),
        ("🚀", "monitoring", "Monitoring"),
        ("PromQL", "promql", "PromQLMonitoring"),
        ("Yams", "yams", "YamsMonitoring"),
    ])
    func packageNames(text: String, package: String, target: String) {
        let names = PackageNames(deriving: text)
        #expect(names.package == package)
        #expect(names.target == target)
    }
}

@Suite("Scaffold templates")
struct ScaffoldTemplateTests {
    @Test("The copy embedded in the binary equals templates/ (run `make templates` after editing templates/)")
    func embeddedCopyMatches() throws {
        let root = Repository.root().appendingPathComponent("templates")
        let onDisk = snapshot(root)
        #expect(!onDisk.isEmpty)
        #expect(onDisk.keys.sorted() == ScaffoldTemplates.files.keys.sorted())
        for (path, text) in onDisk {
            #expect(ScaffoldTemplates.files[path] == text, "templates/\(path) differs from its embedded copy; run `make templates`")
        }
    }
}

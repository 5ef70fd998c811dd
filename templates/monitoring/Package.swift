// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "monitoring",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/periscope-dev/periscope", from: "0.1.0"),
    ],
    targets: [
        .executableTarget(
            name: "Monitoring",
            dependencies: [.product(name: "Periscope", package: "periscope")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

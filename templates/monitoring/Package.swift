// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "__PACKAGE__",
    platforms: [.macOS(.v15)],
    dependencies: [
        __PERISCOPE_DEPENDENCY__,
    ],
    targets: [
        .executableTarget(
            name: "__TARGET__",
            dependencies: [.product(name: "Periscope", package: "__PERISCOPE_PACKAGE__")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

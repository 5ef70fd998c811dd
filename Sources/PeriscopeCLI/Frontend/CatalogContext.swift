import PeriscopeDSL

/// The catalog the command line works on, handed over by the entry point.
///
/// Commands are created by argument parsing, so the catalog reaches them through a task-local
/// value set for the duration of `Periscope.main(catalog:)`, not through a global.
public struct CatalogContext: Sendable {
    /// The catalog function.
    public var catalog: CatalogFunction
    /// The program name shown in help and examples (`periscope`, `monitoring`, …).
    public var programName: String

    /// Creates a context.
    public init(catalog: @escaping CatalogFunction, programName: String) {
        self.catalog = catalog
        self.programName = programName
    }

    /// The context of the running command.
    @TaskLocal public static var current: CatalogContext?

    /// The name help and examples use for the running program: the catalog executable's own
    /// name (`Monitoring`), or `periscope`.
    static var program: String { current?.programName ?? "periscope" }

    /// The context, or a usage error explaining that no catalog was handed over.
    static func require() throws -> CatalogContext {
        guard let current else { throw CommandFailure("no catalog: call PeriscopeCLI.main(catalog:) from your executable's entry point") }
        return current
    }
}

/// An error already reported to the user; the command exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

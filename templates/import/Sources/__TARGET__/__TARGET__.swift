import Periscope

/// The monitoring catalog of this package: `swift run __TARGET__ render --env all --out build`.
///
/// `periscope import` wrote the definitions it imported into this folder and lists them in
/// `ImportedCatalog.swift`, which it regenerates on every import. Add your own definitions
/// below, next to `ImportedCatalog.items(env)`.
@main
struct __TARGET__: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            ImportedCatalog.items(env)
        }
    }
}

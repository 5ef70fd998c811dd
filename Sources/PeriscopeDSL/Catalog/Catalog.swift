/// Everything a monitoring repository defines for one environment.
///
/// ```swift
/// static func catalog(_ env: Environment) -> Catalog {
///     Catalog {
///         GoRuntime.dashboard(env)
///         if env.is(.prod) { Capacity.dashboard(env) }
///     }
/// }
/// ```
public struct Catalog: Sendable {
    /// The dashboards, in order.
    public var dashboards: [Dashboard]

    /// Creates a catalog.
    public init(@CatalogBuilder _ content: () -> [CatalogItem]) {
        self.init(items: content())
    }

    /// Creates a catalog from items.
    public init(items: [CatalogItem]) {
        var dashboards: [Dashboard] = []
        for item in items {
            switch item {
            case .dashboard(let dashboard): dashboards.append(dashboard)
            }
        }
        self.dashboards = dashboards
    }
}

/// One definition of a catalog.
public enum CatalogItem: Sendable {
    case dashboard(Dashboard)
}

/// Collects the definitions of a catalog.
@resultBuilder
public enum CatalogBuilder: ListBuilder {
    public typealias Element = CatalogItem
    public static func buildExpression(_ expression: Dashboard) -> [CatalogItem] { [.dashboard(expression)] }
    public static func buildExpression(_ expression: [Dashboard]) -> [CatalogItem] { expression.map(CatalogItem.dashboard) }
}

/// A function from an environment to the catalog rendered for it.
public typealias CatalogFunction = @Sendable (Environment) -> Catalog

/// A type that defines a catalog; the CLI's entry point renders it.
///
/// ```swift
/// @main
/// struct Monitoring: CatalogDefinition {
///     static func catalog(_ env: Environment) -> Catalog { … }
/// }
/// ```
public protocol CatalogDefinition: Sendable {
    /// The catalog for one environment. Must be a pure function of `environment`.
    static func catalog(_ environment: Environment) -> Catalog
}

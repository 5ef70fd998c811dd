/// Everything a monitoring repository defines for one environment.
///
/// ```swift
/// static func catalog(_ env: Environment) -> Catalog {
///     Catalog {
///         GoRuntime.dashboard(env)
///         if env.is(.prod) { Capacity.dashboard(env) }
///         GoRuntime.rules(env)
///         GoRuntime.ruleTests(env)
///         Checkout.availabilitySLO(env)
///     }
/// }
/// ```
public struct Catalog: Sendable, Modifiable {
    /// The dashboards, in order.
    public var dashboards: [Dashboard]
    /// The Prometheus rule groups, in order.
    public var ruleGroups: [RuleGroup]
    /// The promtool unit tests, in order.
    public var ruleTests: [RuleTests]
    /// The SLOs, in order; each expands into rule groups when the rules are compiled.
    public var slos: [SLO]
    /// The optional rule outputs rendered besides `prometheus/rules/` (none by default).
    public var ruleOutputs: RuleOutputs

    /// Creates a catalog.
    public init(@CatalogBuilder _ content: () -> [CatalogItem]) {
        self.init(items: content())
    }

    /// Creates a catalog from items.
    public init(items: [CatalogItem]) {
        var dashboards: [Dashboard] = []
        var ruleGroups: [RuleGroup] = []
        var ruleTests: [RuleTests] = []
        var slos: [SLO] = []
        for item in items {
            switch item {
            case .dashboard(let dashboard): dashboards.append(dashboard)
            case .ruleGroup(let group): ruleGroups.append(group)
            case .ruleTests(let tests): ruleTests.append(tests)
            case .slo(let slo): slos.append(slo)
            }
        }
        self.dashboards = dashboards
        self.ruleGroups = ruleGroups
        self.ruleTests = ruleTests
        self.slos = slos
        self.ruleOutputs = []
    }

    /// Also renders the rules as Kubernetes `PrometheusRule` resources and/or the Mimir ruler layout.
    ///
    /// ```swift
    /// Catalog { … }.ruleOutputs([.kubernetes, .mimir])
    /// ```
    public func ruleOutputs(_ outputs: RuleOutputs) -> Self { with { $0.ruleOutputs.formUnion(outputs) } }
}

/// Optional renderings of the rule groups, besides `prometheus/rules/<namespace>.yaml`.
public struct RuleOutputs: OptionSet, Sendable, Hashable {
    /// The outputs as bits: ``kubernetes`` is bit 0, ``mimir`` bit 1.
    public let rawValue: Int
    /// A set of outputs from their bits; use ``kubernetes`` and ``mimir`` rather than numbers.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `kubernetes/<namespace>.yaml`: a `monitoring.coreos.com/v1` `PrometheusRule` per namespace.
    public static let kubernetes = RuleOutputs(rawValue: 1 << 0)
    /// `mimir/rules/<namespace>.yaml`: `namespace:` + `groups:` files that `mimirtool rules sync` reads.
    public static let mimir = RuleOutputs(rawValue: 1 << 1)
}

/// One definition of a catalog.
public enum CatalogItem: Sendable {
    /// A Grafana dashboard.
    case dashboard(Dashboard)
    /// A Prometheus rule group.
    case ruleGroup(RuleGroup)
    /// The promtool unit tests of a rule namespace.
    case ruleTests(RuleTests)
    /// A service level objective.
    case slo(SLO)
}

/// Collects the definitions of a catalog.
@resultBuilder
public enum CatalogBuilder: ListBuilder {
    public typealias Element = CatalogItem
}

extension CatalogItem: BuilderContent { public typealias Builder = CatalogBuilder }

extension Dashboard: BuilderContent {
    public typealias Builder = CatalogBuilder
    public var builderElements: [CatalogItem] { [.dashboard(self)] }
}

extension RuleGroup: BuilderContent {
    public typealias Builder = CatalogBuilder
    public var builderElements: [CatalogItem] { [.ruleGroup(self)] }
}

extension RuleTests: BuilderContent {
    public typealias Builder = CatalogBuilder
    public var builderElements: [CatalogItem] { [.ruleTests(self)] }
}

extension SLO: BuilderContent {
    public typealias Builder = CatalogBuilder
    public var builderElements: [CatalogItem] { [.slo(self)] }
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

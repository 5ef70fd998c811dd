import PeriscopeDSL

/// One Swift file that `periscope import` generates: a dashboard, a set of rule groups or a
/// promtool unit-test file turned into Periscope definitions.
///
/// The importers (dashboards, rule files, rule tests) produce these; ``ImportedSource`` values
/// are then written into a package, and the package's catalog lists every
/// ``ImportedDefinition`` they declare, so `swift build` and `render` work at once.
public struct ImportedSource: Sendable, Equatable {
    /// The file name inside the package's sources, e.g. `NodeExporterDashboard.swift`; a safe
    /// Swift file name (no path separators), unique within one import.
    public var fileName: String
    /// The Swift source text, ending with a newline.
    public var text: String
    /// The definitions the file declares, in the order the catalog should list them.
    public var definitions: [ImportedDefinition]
    /// The input file the definitions came from (as given on the command line), for messages.
    public var inputPath: String

    /// Creates a generated file.
    public init(fileName: String, text: String, definitions: [ImportedDefinition], inputPath: String) {
        self.fileName = fileName
        self.text = text
        self.definitions = definitions
        self.inputPath = inputPath
    }
}

/// A definition a generated file declares, as the catalog lists it.
public struct ImportedDefinition: Sendable, Equatable, Hashable {
    /// What the definition is; decides where the catalog puts it.
    public enum Kind: String, Sendable, Equatable, Hashable {
        /// A `Dashboard`, listed as a catalog item.
        case dashboard
        /// One `RuleGroup` or several (a rule file), listed as catalog items.
        case ruleGroups
        /// Alert unit tests (`RuleTests`), listed as catalog items.
        case ruleTests
    }

    /// What the definition is.
    public var kind: Kind
    /// The Swift expression that yields it inside `static func catalog(_ env: Environment) -> Catalog`,
    /// with the environment in scope as `env`, e.g. `NodeExporter.dashboard(env)`.
    public var expression: String

    /// Creates a definition.
    public init(kind: Kind, expression: String) {
        self.kind = kind
        self.expression = expression
    }
}

/// What differs between the environments of a multi-environment import (`--env NAME` given
/// once per input copy), written into `environments/<name>.yaml` of the generated package.
///
/// Each member maps an environment name to its values; a key absent from an environment's map
/// is not set there. Keys are the overlay's own (`grafana.datasources.<name>.uid`,
/// `values.<key>`), see README "Environments".
public struct ImportedEnvironments: Sendable, Equatable {
    /// The environment names, in the order they were given.
    public var names: [String]
    /// Logical datasource name → environment → datasource (`type`, `uid`), for
    /// `grafana.datasources`.
    public var datasources: [String: [String: ImportedDatasource]]
    /// `values:` key → environment → value text as YAML would hold it (a number, a string).
    public var values: [String: [String: EnvironmentScalar]]
    /// Environment → the Grafana folder the copies were in, when known.
    public var folders: [String: String]

    /// Creates an empty set for `names`.
    public init(names: [String], datasources: [String: [String: ImportedDatasource]] = [:], values: [String: [String: EnvironmentScalar]] = [:], folders: [String: String] = [:]) {
        self.names = names
        self.datasources = datasources
        self.values = values
        self.folders = folders
    }
}

/// A Grafana datasource as an environment file declares it (`grafana.datasources.<name>`).
public struct ImportedDatasource: Sendable, Equatable, Hashable {
    /// The plugin type, e.g. `prometheus`; nil when unknown.
    public var type: String?
    /// The datasource uid; nil when the dashboard referred to it by name only or by a variable.
    public var uid: String?

    /// Creates a datasource.
    public init(type: String?, uid: String?) {
        self.type = type
        self.uid = uid
    }
}

/// A scalar value of an environment file's `values:` map.
public enum EnvironmentScalar: Sendable, Equatable, Hashable {
    /// A number, written as Swift and YAML write it (`0.05`, `80`).
    case number(Double)
    /// A string, written quoted when YAML would read it as something else.
    case string(String)
    /// A boolean.
    case bool(Bool)
}

import PeriscopeDSL

/// Loads `environments/<name>.yaml` files, merges their `extends` chains and validates them strictly.
///
/// Every problem in every file is reported to a `DiagnosticCollector` with its `file:line:col`;
/// an environment with any error loads as nil.
/// ```swift
/// let loader = EnvironmentLoader(directory: "environments")
/// let collector = DiagnosticCollector()
/// let environments = loader.loadAll(try loader.defaultNames(), diagnostics: collector)
/// ```
public struct EnvironmentLoader: Sendable {
    /// The dotted path of every setting the schema knows under `grafana`, `prometheus` and
    /// `alerting` (what `EnvironmentSetting` names).
    public static var settingPaths: [String] { EnvironmentSchema.settingPaths }

    /// The directory holding the environment files, as given; diagnostics show paths under it.
    public let directory: String

    /// Creates a loader for `directory`, e.g. `environments`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Every environment in the directory (each `*.yaml` and `*.yml` file), sorted by name.
    ///
    /// Throws a `DiagnosticsError` when the directory does not exist or cannot be read.
    public func availableNames() throws -> [String] {
        try EnvironmentDirectory(path: directory).listing().keys.sorted()
    }

    /// The environments that `--env all` renders: every available environment except `base`
    /// and those whose name starts with `_`.
    ///
    /// `base` and `_`-prefixed files are abstract overlays that others extend; they usually
    /// lack settings (datasource uids, selectors) that only a concrete environment provides.
    /// They still load on their own, but a datasource they leave without `type` or `uid` is
    /// left out of `grafana.datasources` instead of being an error.
    public func defaultNames() throws -> [String] {
        try availableNames().filter(Self.isConcrete)
    }

    /// Whether `name` is rendered by default (see `defaultNames()`).
    public static func isConcrete(_ name: String) -> Bool {
        name != "base" && !name.hasPrefix("_")
    }

    /// Loads one environment; returns nil after reporting every problem to `diagnostics`.
    public func load(_ name: String, diagnostics: DiagnosticCollector) -> Environment? {
        loadAll([name], diagnostics: diagnostics).first
    }

    /// Loads several environments in one pass, reporting every problem of every file once.
    ///
    /// Returns the environments that loaded without errors, in the order of `names`
    /// (a repeated name is loaded once).
    public func loadAll(_ names: [String], diagnostics: DiagnosticCollector) -> [Environment] {
        let session = EnvironmentLoadSession(directory: EnvironmentDirectory(path: directory), collector: diagnostics)
        var seen: Set<String> = []
        var environments: [Environment] = []
        for name in names where seen.insert(name).inserted {
            if let environment = session.environment(named: name) { environments.append(environment) }
        }
        return environments
    }
}

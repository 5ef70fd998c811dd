/// The name of an environment, e.g. `dev`, `staging` or `prod`.
public struct EnvironmentName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as written in `environments/<name>.yaml`.
    public var rawValue: String

    /// Creates a name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates a name from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// `dev`.
    public static let dev: EnvironmentName = "dev"
    /// `staging`.
    public static let staging: EnvironmentName = "staging"
    /// `prod`.
    public static let prod: EnvironmentName = "prod"

    /// The name as written (`prod`), as diagnostics print it.
    public var description: String { rawValue }
}

/// A reference to a Grafana datasource as Grafana's JSON model writes it: `{type, uid}`.
public struct GrafanaDatasource: Sendable, Hashable {
    /// The plugin type, e.g. `prometheus` or `loki`.
    public var type: String
    /// The datasource uid, or a variable such as `${datasource}`.
    public var uid: String

    /// Creates a reference.
    public init(type: String, uid: String) {
        self.type = type
        self.uid = uid
    }
}

/// The `grafana:` section of an environment file.
public struct GrafanaSettings: Sendable, Hashable {
    /// The folder dashboards are provisioned into (`grafana.folder`).
    public var folder: String?
    /// A prefix put before every dashboard uid (`grafana.uidPrefix`), e.g. `dev-`.
    public var uidPrefix: String
    /// The default dashboard refresh interval (`grafana.refresh`).
    public var refresh: RefreshInterval?
    /// Logical datasource names mapped to Grafana datasources (`grafana.datasources`).
    public var datasources: [String: GrafanaDatasource]

    /// Creates settings.
    public init(folder: String? = nil, uidPrefix: String = "", refresh: RefreshInterval? = nil, datasources: [String: GrafanaDatasource] = [:]) {
        self.folder = folder
        self.uidPrefix = uidPrefix
        self.refresh = refresh
        self.datasources = datasources
    }
}

/// The PromQL and rule-file feature level an environment targets (`prometheus.target`).
public enum PrometheusTarget: String, Sendable, Hashable, CaseIterable {
    /// Prometheus 2.42 (Debian's promtool): no 3.x syntax, no `query_offset` or group labels.
    case v2_42 = "2.42"
    /// Prometheus 3.x, the default.
    case v3 = "3"
}

/// The `prometheus:` section of an environment file.
public struct PrometheusSettings: Sendable, Hashable {
    /// The feature level to emit and accept.
    public var target: PrometheusTarget
    /// The scrape interval, used to check range durations (`prometheus.scrapeInterval`).
    public var scrapeInterval: PrometheusDuration?
    /// Matchers injected into every selector of generated PromQL, sorted by label name.
    public var selectors: [LabelPair]
    /// Static labels added to every rule, sorted by label name.
    public var ruleLabels: [LabelPair]

    /// Creates settings.
    public init(target: PrometheusTarget = .v3, scrapeInterval: PrometheusDuration? = nil, selectors: [LabelPair] = [], ruleLabels: [LabelPair] = []) {
        self.target = target
        self.scrapeInterval = scrapeInterval
        self.selectors = selectors
        self.ruleLabels = ruleLabels
    }
}

/// A label name and value.
public struct LabelPair: Sendable, Hashable {
    /// The label name.
    public var name: String
    /// The label value.
    public var value: String

    /// Creates a pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The `alerting:` section of an environment file.
public struct AlertingSettings: Sendable, Hashable {
    /// Severity tiers mapped to the label value an alert carries, e.g. `page: critical`.
    public var severities: [String: String]

    /// Creates settings.
    public init(severities: [String: String] = [:]) { self.severities = severities }
}

/// One environment, as loaded from `environments/<name>.yaml` and its `extends` chain.
///
/// Definitions are pure functions of an `Environment`:
/// ```swift
/// static func catalog(_ env: Environment) -> Catalog {
///     Catalog {
///         Dashboard("Checkout", uid: "checkout") { … }
///             .refresh(env.is(.prod) ? "10s" : "1m")
///     }
/// }
/// ```
public struct Environment: Sendable {
    /// The environment's name (the file name without `.yaml`).
    public var name: EnvironmentName
    /// The `grafana:` settings.
    public var grafana: GrafanaSettings
    /// The `prometheus:` settings.
    public var prometheus: PrometheusSettings
    /// The `alerting:` settings.
    public var alerting: AlertingSettings
    /// The free-form `values:`, typed on access.
    public var values: EnvironmentValues
    /// The files that make up this environment, the environment's own file first, then its bases.
    public var files: [String]
    /// Where each setting was written, keyed by dotted path (`grafana.datasources.metrics`).
    public var locations: [String: FileLocation]

    /// Creates an environment; the loader in the compiler builds these from YAML.
    public init(
        name: EnvironmentName,
        grafana: GrafanaSettings = GrafanaSettings(),
        prometheus: PrometheusSettings = PrometheusSettings(),
        alerting: AlertingSettings = AlertingSettings(),
        values: [EnvironmentEntry] = [],
        files: [String] = [],
        locations: [String: FileLocation] = [:],
        diagnostics: DiagnosticCollector = DiagnosticCollector()
    ) {
        self.name = name
        self.grafana = grafana
        self.prometheus = prometheus
        self.alerting = alerting
        self.files = files
        self.locations = locations
        self.values = EnvironmentValues(entries: values, environment: name, file: files.first, diagnostics: diagnostics)
    }

    /// Whether this is the named environment.
    public func `is`(_ other: EnvironmentName) -> Bool { name == other }

    /// Whether this is one of the named environments.
    public func isAny(of names: EnvironmentName...) -> Bool { names.contains(name) }

    /// Where a setting was written, e.g. `location(of: .grafanaDatasources)`; the first file of
    /// the `extends` chain when the setting was not written.
    public func location(of setting: EnvironmentSetting) -> FileLocation? {
        locations[setting.path] ?? files.first.map { FileLocation(path: $0) }
    }

    /// The collector that `values` reads report problems to.
    public var diagnostics: DiagnosticCollector { values.diagnostics }

    /// A copy whose value reads report to `collector`; the compiler gives every run its own.
    public func reporting(to collector: DiagnosticCollector) -> Environment {
        var copy = self
        copy.values = EnvironmentValues(entries: values.entries, environment: name, file: values.file, diagnostics: collector)
        return copy
    }
}

/// The `values:` section of an environment: free-form values that definitions read by key.
///
/// A read of a missing key or of a value of the wrong type is reported as an error at the
/// Swift line that made it, and returns a placeholder so evaluation can report every problem:
/// ```swift
/// let threshold = env.values.double("p99LatencySeconds")
/// let team = env.values.string("team", default: "platform")
/// ```
public struct EnvironmentValues: Sendable {
    /// The entries in file order.
    public let entries: [EnvironmentEntry]
    let environment: EnvironmentName
    let file: String?
    let diagnostics: DiagnosticCollector

    init(entries: [EnvironmentEntry], environment: EnvironmentName, file: String?, diagnostics: DiagnosticCollector) {
        self.entries = entries
        self.environment = environment
        self.file = file
        self.diagnostics = diagnostics
    }

    /// The raw value of `key`, or nil when it is absent.
    public subscript(key: String) -> EnvironmentValue? { entries.first { $0.key == key }?.value }

    /// Whether `key` is defined.
    public func contains(_ key: String) -> Bool { self[key] != nil }

    /// The sorted keys.
    public var keys: [String] { entries.map(\.key).sorted() }

    /// Reads `key` as `T`; a missing key or a wrong type is an error at the caller's line.
    public func value<T: EnvironmentValueConvertible>(
        _ key: String, as type: T.Type = T.self,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> T {
        let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard let entry = entries.first(where: { $0.key == key }) else {
            let defined = keys.isEmpty ? "it defines no values" : "defined: \(keys.joined(separator: ", "))"
            diagnostics.emit(.error(
                "environment '\(environment)' has no value '\(key)' (expected \(T.expectedDescription) under `values:` in \(file ?? "its file"); \(defined))",
                at: location, problem: "value-missing/\(key)/\(environment)"))
            return T.placeholder
        }
        guard let converted = T(environmentValue: entry.value) else {
            let written = entry.location.map { " at \($0)" } ?? ""
            diagnostics.emit(.error(
                "environment '\(environment)' value '\(key)' is \(entry.value.kindDescription)\(written), expected \(T.expectedDescription)",
                at: location, problem: "value-type/\(key)/\(environment)/\(T.expectedDescription)"))
            return T.placeholder
        }
        return converted
    }

    /// Reads `key` as `T`, or returns `defaultValue` when it is absent; a wrong type is still an error.
    public func value<T: EnvironmentValueConvertible>(
        _ key: String, default defaultValue: T,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> T {
        guard contains(key) else { return defaultValue }
        return value(key, as: T.self, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Reads a number.
    public func double(_ key: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Double {
        value(key, as: Double.self, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Reads an integer.
    public func int(_ key: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Int {
        value(key, as: Int.self, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Reads a string.
    public func string(_ key: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> String {
        value(key, as: String.self, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Reads a boolean.
    public func bool(_ key: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Bool {
        value(key, as: Bool.self, fileID: fileID, filePath: filePath, line: line, column: column)
    }
}

/// A setting of an environment file that definitions and the compiler refer to, by its dotted
/// path; the key under which the loader records where the setting was written.
///
/// Only the settings below exist, so a misspelt path cannot silently fall back to the file.
public struct EnvironmentSetting: Sendable, Hashable, CustomStringConvertible {
    /// The dotted path, e.g. `grafana.datasources`.
    public let path: String

    private init(_ path: String) { self.path = path }

    /// `grafana.folder`.
    public static let grafanaFolder = EnvironmentSetting("grafana.folder")
    /// `grafana.uidPrefix`.
    public static let grafanaUIDPrefix = EnvironmentSetting("grafana.uidPrefix")
    /// `grafana.refresh`.
    public static let grafanaRefresh = EnvironmentSetting("grafana.refresh")
    /// `grafana.datasources`.
    public static let grafanaDatasources = EnvironmentSetting("grafana.datasources")
    /// `prometheus.target`.
    public static let prometheusTarget = EnvironmentSetting("prometheus.target")
    /// `prometheus.scrapeInterval`.
    public static let prometheusScrapeInterval = EnvironmentSetting("prometheus.scrapeInterval")
    /// `prometheus.selectors`.
    public static let prometheusSelectors = EnvironmentSetting("prometheus.selectors")
    /// `prometheus.ruleLabels`.
    public static let prometheusRuleLabels = EnvironmentSetting("prometheus.ruleLabels")
    /// `alerting.severities`.
    public static let alertingSeverities = EnvironmentSetting("alerting.severities")

    /// Every setting, for checking them against the environment schema.
    public static let all: [EnvironmentSetting] = [
        grafanaFolder, grafanaUIDPrefix, grafanaRefresh, grafanaDatasources, prometheusTarget,
        prometheusScrapeInterval, prometheusSelectors, prometheusRuleLabels, alertingSeverities,
    ]

    /// The dotted path.
    public var description: String { path }
}

import Foundation
import PeriscopeModel

/// The package and target names of a new monitoring package, derived from `--name` or the
/// folder's name.
///
/// `--name "My service!"` gives the package `my-service` and the executable target (and
/// `Sources/` folder) `MyService`; a name that would clash with a module of Periscope or of its
/// dependencies (`Periscope`, `PromQL`, `Yams`, …) gets `Monitoring` appended, since a package
/// cannot hold two modules of one name.
public struct PackageNames: Sendable, Equatable {
    /// The package name in `Package.swift` (lower-case words joined by `-`).
    public var package: String
    /// The executable target, its `Sources/` folder and its `@main` type.
    public var target: String

    /// The module names a user target must not take: Periscope's own and its dependencies'.
    public static let reservedModules: Set<String> = [
        "Periscope", "PeriscopeDSL", "PeriscopeModel", "PeriscopeCompiler", "PeriscopeCLI", "PeriscopeImport",
        "PeriscopeExamples", "PeriscopeWorkloads", "PeriscopeTestSupport", "PromQL", "ArgumentParser",
        "ArgumentParserToolInfo", "Yams", "CYaml", "Foundation", "Swift", "Testing", "XCTest", "Dispatch",
    ]

    /// Derives the names from free text (a `--name` or a folder name); `Monitoring` when the text
    /// has no letter or digit.
    public init(deriving text: String) {
        package = SwiftIdentifier.kebab(text)
        var target = SwiftIdentifier.upperCamel(text, fallback: "Monitoring")
        if target.hasPrefix("_") { target = "Monitoring" + target }
        if Self.reservedModules.contains(target) { target += "Monitoring" }
        self.target = target
    }

    /// Names given explicitly.
    public init(package: String, target: String) {
        self.package = package
        self.target = target
    }
}

/// Where a generated package gets Periscope from.
public enum PeriscopeDependency: Sendable, Equatable {
    /// The published package, ``published`` from ``publishedVersion``.
    case published
    /// A local checkout (`--periscope-path DIR`), as an absolute path.
    case path(String)

    /// The URL of the published package.
    public static let publishedURL = "https://github.com/periscope-dev/periscope"
    /// The lowest published version the scaffold accepts.
    public static let publishedVersion = "0.1.0"

    /// The `.package(…)` entry of `Package.swift`.
    public var packageEntry: String {
        switch self {
        case .published: ".package(url: \"\(Self.publishedURL)\", from: \"\(Self.publishedVersion)\")"
        case .path(let path): ".package(path: \"\(Self.escaped(path))\")"
        }
    }

    /// The package identity `.product(name: "Periscope", package: …)` names: `periscope` for the
    /// published package, the last path component for a path dependency (SwiftPM's rule).
    public var packageIdentity: String {
        switch self {
        case .published: "periscope"
        case .path(let path): Self.escaped(URL(fileURLWithPath: path).lastPathComponent)
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

/// The files of a new package, from the templates embedded in the binary (`templates/`, see
/// ``ScaffoldTemplates``).
///
/// A template's paths and texts carry placeholders: `__TARGET__` (the executable target),
/// `__PACKAGE__` (the package name), `__PERISCOPE_DEPENDENCY__` (the `.package(…)` entry) and
/// `__PERISCOPE_PACKAGE__` (its identity).
public enum PackageScaffold {
    /// The scaffold `periscope init` writes: `templates/monitoring`.
    public static let initTemplate = "monitoring"

    /// The files of `templates/<template>/`, placeholders replaced, by path relative to the
    /// package root, sorted by path.
    public static func files(template: String, names: PackageNames, dependency: PeriscopeDependency) -> [(path: String, text: String)] {
        let prefix = template + "/"
        return ScaffoldTemplates.files
            .filter { $0.key.hasPrefix(prefix) }
            .map { (path: substitute(String($0.key.dropFirst(prefix.count)), names, dependency), text: substitute($0.value, names, dependency)) }
            .sorted { $0.path < $1.path }
    }

    /// The scaffold of a package that `periscope import` creates: `Package.swift`, `.gitignore`
    /// and `Makefile` of `templates/monitoring`, the catalog of `templates/import` (which lists
    /// `ImportedCatalog.items(env)`) and environment files that change nothing
    /// (``environmentFiles(_:)``), so the first render reproduces the imported files.
    public static func importFiles(names: PackageNames, dependency: PeriscopeDependency, environments: ImportedEnvironments?) -> [(path: String, text: String)] {
        let shared: Set<String> = ["Package.swift", ".gitignore", "Makefile"]
        var result = files(template: initTemplate, names: names, dependency: dependency).filter { shared.contains($0.path) }
        result += files(template: "import", names: names, dependency: dependency)
        result += environmentFiles(environments).map { (path: "environments/\($0.name).yaml", text: $0.text) }
        return result.sorted { $0.path < $1.path }
    }

    /// Environment files for imported definitions: `base.yaml` and one file per environment
    /// (`dev`, `staging`, `prod` unless ``ImportedEnvironments/names`` says otherwise) that
    /// `extends: base`.
    ///
    /// They set no `refresh`, `selectors`, `ruleLabels` or severity mapping and an empty
    /// `uidPrefix`, so
    /// the compiler changes nothing of what was imported: uids, rule labels and expressions
    /// render as they were read. A datasource, value or folder equal in every environment is
    /// written once in `base.yaml` (as is one given for an environment named `base`); the rest
    /// in each environment's own file. `prometheus.target` stays at its default, `3`.
    public static func environmentFiles(_ environments: ImportedEnvironments?) -> [(name: String, text: String)] {
        let given = environments ?? ImportedEnvironments(names: [])
        var names = given.names.filter { $0 != "base" }
        if names.isEmpty { names = ["dev", "staging", "prod"] }
        func split<Value: Equatable>(_ perEnvironment: [String: Value]) -> (base: Value?, own: [String: Value]) {
            if let value = perEnvironment["base"] { return (value, perEnvironment.filter { $0.key != "base" && $0.value != value }) }
            let values = names.compactMap { perEnvironment[$0] }
            if values.count == names.count, let first = values.first, values.allSatisfy({ $0 == first }) { return (first, [:]) }
            return (nil, perEnvironment)
        }
        let folders = split(given.folders)
        let datasources = given.datasources.mapValues(split)
        let values = given.values.mapValues(split)

        /// The value for `environment`, or the base value when `environment` is nil.
        func pick<Value>(_ split: (base: Value?, own: [String: Value]), _ environment: String?) -> Value? {
            if let environment { return split.own[environment] }
            return split.base
        }
        func body(_ environment: String?) -> String {
            // base says the neutral uid prefix out loud (an environment file may not be empty).
            var grafana: [String] = environment == nil ? ["  uidPrefix: \"\""] : []
            let folder = pick(folders, environment)
            if let folder { grafana.append("  folder: \(YAMLQuoting.string(folder))") }
            var sources: [String] = []
            for name in datasources.keys.sorted() {
                let entry = datasources[name].flatMap { pick($0, environment) }
                guard let entry else { continue }
                var fields: [String] = []
                if let type = entry.type { fields.append("type: \(flowScalar(type))") }
                if let uid = entry.uid { fields.append("uid: \(flowScalar(uid))") }
                sources.append("    \(YAMLQuoting.string(name)): { \(fields.joined(separator: ", ")) }")
            }
            if !sources.isEmpty { grafana += ["  datasources:"] + sources }
            var lines: [String] = []
            if !grafana.isEmpty { lines += ["grafana:"] + grafana }
            var valueLines: [String] = []
            for key in values.keys.sorted() {
                let entry = values[key].flatMap { pick($0, environment) }
                guard let entry else { continue }
                valueLines.append("  \(YAMLQuoting.string(key)): \(yaml(entry))")
            }
            if !valueLines.isEmpty { lines += ["values:"] + valueLines }
            return lines.map { $0 + "\n" }.joined()
        }

        var result: [(name: String, text: String)] = [(
            "base", """
            # Shared by every environment. Written by `periscope import`: it sets no uid prefix,
            # refresh, selectors, rule labels or severity mapping, so rendering reproduces the
            # imported files. Add what your environments share here (see Periscope's README,
            # "Environments").

            """ + body(nil)
        )]
        for name in names {
            result.append((name, "# The \(name) environment.\nextends: base\n" + body(name)))
        }
        return result
    }

    /// A scalar inside a flow mapping (`{ type: …, uid: … }`), where `,`, `[`, `]`, `{` and `}`
    /// end a plain scalar (an export's uid `${DS_PROMETHEUS}`): quoted when it holds one.
    private static func flowScalar(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? YAMLQuoting.doubleQuoted(text) : YAMLQuoting.string(text)
    }

    private static func yaml(_ scalar: EnvironmentScalar) -> String {
        switch scalar {
        case .bool(let value): return value ? "true" : "false"
        case .string(let text): return YAMLQuoting.string(text)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return "\(value)"
        }
    }

    private static func substitute(_ text: String, _ names: PackageNames, _ dependency: PeriscopeDependency) -> String {
        text.replacingOccurrences(of: "__PERISCOPE_DEPENDENCY__", with: dependency.packageEntry)
            .replacingOccurrences(of: "__PERISCOPE_PACKAGE__", with: dependency.packageIdentity)
            .replacingOccurrences(of: "__PACKAGE__", with: names.package)
            .replacingOccurrences(of: "__TARGET__", with: names.target)
    }
}

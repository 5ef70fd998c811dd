import PeriscopeDSL
import PeriscopeModel

/// One rendered file of an environment's output.
public struct Artifact: Sendable, Equatable {
    /// What kind of file it is, as listed in `manifest.json`.
    public enum Kind: String, Sendable, Equatable {
        case grafanaDashboard = "grafana-dashboard"
        case grafanaProvisioning = "grafana-provisioning"
        case prometheusRules = "prometheus-rules"
        case prometheusTests = "prometheus-tests"
        case kubernetesPrometheusRule = "kubernetes-prometheusrule"
        case mimirRules = "mimir-rules"
        case manifest
    }

    /// The path relative to the environment's output folder, with `/` separators.
    public var path: String
    /// The kind.
    public var kind: Kind
    /// The bytes.
    public var bytes: [UInt8]
    /// The definition it came from, if any.
    public var source: SourceLocation?
    /// The lowercase hex SHA-256 of `bytes`, computed when the artifact is made (in parallel with others).
    public let sha256: String
    /// The Swift definitions of the artifact's nodes, by pointer (for rule files, pointers into
    /// the YAML document tree), written to `manifest.json` as `locations` so lint findings on the
    /// rendered file point at the Swift line. Only nodes whose definition differs from their
    /// nearest listed ancestor's (the artifact's `source` for the root) are listed.
    public var nodeSources: [ArtifactNodeSource] = []
    /// Lint checks switched off in Swift (`.lintDisabled`), by pointer, written as `suppressions`.
    public var suppressions: [OutputManifest.Suppression] = []

    /// Creates an artifact.
    public init(path: String, kind: Kind, bytes: [UInt8], source: SourceLocation? = nil) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
        self.source = source
        self.sha256 = SHA256.hexDigest(bytes)
    }
}

/// Everything rendered for one environment.
public struct EnvironmentOutput: Sendable, Equatable {
    /// The environment name; also the folder name under the output directory.
    public var environment: String
    /// The artifacts, sorted by path, `manifest.json` included.
    public var artifacts: [Artifact]

    /// Creates an output.
    public init(environment: String, artifacts: [Artifact]) {
        self.environment = environment
        self.artifacts = artifacts
    }
}

/// Builds `manifest.json`: every artifact's path, kind, sha256 and source location, sorted by path.
public enum Manifest {
    /// The manifest artifact for `artifacts` (which must not include a manifest).
    public static func artifact(environment: String, artifacts: [Artifact]) -> Artifact {
        artifact(environment: environment, artifacts: artifacts, settings: [])
    }

    /// The environment's settings lint reads back from the manifest: `prometheus.target` and
    /// `scrapeInterval`, `grafana.datasources` and `alerting.severities` (members omitted when unset).
    public static func settings(of environment: Environment) -> [JSONMember] {
        var prometheus = [JSONMember("target", .string(environment.prometheus.target.rawValue))]
        if let interval = environment.prometheus.scrapeInterval { prometheus.append(JSONMember("scrapeInterval", .string(interval.rawValue))) }
        var members: [JSONMember] = []
        if !environment.alerting.severities.isEmpty {
            members.append(JSONMember("alerting", .object([JSONMember("severities", .object(
                environment.alerting.severities.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) }))])))
        }
        if !environment.grafana.datasources.isEmpty {
            members.append(JSONMember("grafana", .object([JSONMember("datasources", .object(
                environment.grafana.datasources.sorted { $0.key < $1.key }.map {
                    JSONMember($0.key, .object([JSONMember("type", .string($0.value.type)), JSONMember("uid", .string($0.value.uid))]))
                }))])))
        }
        members.append(JSONMember("prometheus", .object(prometheus)))
        return members
    }

    /// The manifest artifact for `artifacts` with the environment's `settings` (``settings(of:)``).
    public static func artifact(environment: String, artifacts: [Artifact], settings: [JSONMember]) -> Artifact {
        let entries: [JSONValue] = artifacts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.map { artifact in
            var members = [
                JSONMember("kind", .string(artifact.kind.rawValue)),
                JSONMember("path", .string(artifact.path)),
                JSONMember("sha256", .string(artifact.sha256)),
            ]
            if let source = artifact.source { members.append(JSONMember("source", .string(source.stableDescription))) }
            if !artifact.nodeSources.isEmpty {
                members.append(JSONMember("locations", .object(artifact.nodeSources.map { JSONMember($0.pointer.description, .string($0.source.stableDescription)) })))
            }
            if !artifact.suppressions.isEmpty {
                members.append(JSONMember("suppressions", .array(artifact.suppressions.map { suppression in
                    var fields = [
                        JSONMember("pointer", .string(suppression.pointer.description)),
                        JSONMember("reason", .string(suppression.reason)),
                        JSONMember("rule", .string(suppression.rule)),
                    ]
                    if let source = suppression.source { fields.append(JSONMember("source", .string(source.stableDescription))) }
                    return .object(fields)
                })))
            }
            return .object(members)
        }
        let json: JSONValue = .object([
            JSONMember("artifacts", .array(entries)),
            JSONMember("environment", .string(environment)),
            JSONMember("generator", "periscope"),
            JSONMember("manifestVersion", 1),
        ] + settings)
        return Artifact(path: "manifest.json", kind: .manifest, bytes: JSONWriter().data(json))
    }
}

/// The Swift definition of one node of an artifact.
public struct ArtifactNodeSource: Sendable, Equatable {
    /// The node: a JSON pointer into the artifact (or into a YAML rule file's document tree).
    public var pointer: JSONPointer
    /// The definition.
    public var source: SourceLocation

    /// Creates a node source.
    public init(pointer: JSONPointer, source: SourceLocation) {
        self.pointer = pointer
        self.source = source
    }
}

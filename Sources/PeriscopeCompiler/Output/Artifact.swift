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
        let entries: [JSONValue] = artifacts.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.map { artifact in
            var members = [
                JSONMember("kind", .string(artifact.kind.rawValue)),
                JSONMember("path", .string(artifact.path)),
                JSONMember("sha256", .string(artifact.sha256)),
            ]
            if let source = artifact.source { members.append(JSONMember("source", .string(source.stableDescription))) }
            return .object(members)
        }
        let json: JSONValue = .object([
            JSONMember("artifacts", .array(entries)),
            JSONMember("environment", .string(environment)),
            JSONMember("generator", "periscope"),
            JSONMember("manifestVersion", 1),
        ])
        return Artifact(path: "manifest.json", kind: .manifest, bytes: JSONWriter().data(json))
    }
}

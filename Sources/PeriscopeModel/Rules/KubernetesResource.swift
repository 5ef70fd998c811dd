import PeriscopeDSL

/// The Kubernetes envelope of a PrometheusRule (or of a List of them).
public struct KubernetesResource: Sendable, Hashable {
    /// The API version prometheus-operator serves PrometheusRule under.
    public static let prometheusRuleAPIVersion = "monitoring.coreos.com/v1"

    /// `apiVersion`, e.g. `monitoring.coreos.com/v1` (or `v1` for a List); nil when not written.
    public var apiVersion: LocatedText?
    /// `kind`: `PrometheusRule` or `List`.
    public var kind: LocatedText
    /// `metadata`.
    public var metadata: KubernetesMetadata
    /// Keys of `spec` other than `groups`, kept as read.
    public var specExtra: [YAMLEntry]
    /// Whether the resource has a `spec` key (always, for resources built in code).
    public var hasSpec = true

    /// Creates an envelope.
    public init(apiVersion: LocatedText?, kind: LocatedText, metadata: KubernetesMetadata = KubernetesMetadata(), specExtra: [YAMLEntry] = []) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.specExtra = specExtra
    }
}

/// `metadata` of a Kubernetes resource: the keys the model types plus the rest as read.
public struct KubernetesMetadata: Sendable, Hashable {
    /// `name`.
    public var name: LocatedText?
    /// `namespace`.
    public var namespace: LocatedText?
    /// `labels`, in order.
    public var labels: [RuleLabel]
    /// `annotations`, in order.
    public var annotations: [RuleLabel]
    /// Other keys (`uid`, `resourceVersion`, …), kept as read.
    public var extra: [YAMLEntry]
    /// Where `metadata` starts.
    public var location: Location?

    /// Creates metadata.
    public init(name: LocatedText? = nil, namespace: LocatedText? = nil, labels: [RuleLabel] = [], annotations: [RuleLabel] = [],
                extra: [YAMLEntry] = [], location: Location? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.extra = extra
        self.location = location
    }
}

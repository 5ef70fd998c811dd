import PeriscopeDSL

/// A rule file: one or more YAML documents, each holding rule groups in one of the shapes
/// Prometheus-compatible tools read.
///
/// The compiler builds one per rule namespace (one `.ruleGroups` document); `RuleFileReader`
/// reads any file into one, keeping its shape so that `RuleFileWriter` writes it back in the
/// same format.
public struct RuleFile: Sendable, Hashable {
    /// The rule namespace (the compiler's file name stem), or the path of a file read from disk.
    public var name: String
    /// The documents, in order. An empty file has none.
    public var documents: [RuleDocument]

    /// Creates a rule file.
    public init(name: String, documents: [RuleDocument]) {
        self.name = name
        self.documents = documents
    }

    /// A plain Prometheus rule file (`groups:`) holding `groups`.
    public init(name: String, groups: [RuleGroupNode]) {
        self.init(name: name, documents: [RuleDocument(shape: .ruleGroups, groups: groups)])
    }

    /// Every group of every document (and of every item of a `List`), in file order.
    public var groups: [RuleGroupNode] { documents.flatMap(\.allGroups) }

    /// Where the first group starts (the manifest's source of a compiled file).
    public var location: Location? { groups.first?.location }
}

/// One YAML document of a rule file.
public struct RuleDocument: Sendable, Hashable {
    /// The format of the document.
    public enum Shape: String, Sendable, Hashable {
        /// Prometheus' rule file: `groups:` (rulefmt.RuleGroups).
        case ruleGroups
        /// A Mimir or Cortex ruler namespace file, as `mimirtool rules` and `cortextool rules`
        /// read and write it: `namespace:` and `groups:`.
        case mimirNamespace
        /// A prometheus-operator custom resource: `apiVersion: monitoring.coreos.com/v1`,
        /// `kind: PrometheusRule`, `metadata`, `spec.groups`.
        case prometheusRule
        /// A Kubernetes `kind: List` whose `items` are PrometheusRule resources (`kubectl get -o yaml`).
        case list
        /// A document that is `null` (or empty): no rules, accepted by promtool.
        case null
        /// A document that is `{}`: no rules, accepted by promtool.
        case emptyMap
    }

    /// The format.
    public var shape: Shape
    /// How `groups` (for a `List`, `items`) was written.
    public var groupsForm: ListKeyForm = .list
    /// The groups (`groups:` or `spec.groups:`); empty for `.list`, `.null` and `.emptyMap`.
    public var groups: [RuleGroupNode]
    /// `namespace:` of a Mimir namespace file.
    public var namespace: LocatedText?
    /// `apiVersion`, `kind` and `metadata` of a PrometheusRule or List.
    public var resource: KubernetesResource?
    /// The resources of a `List`, each a `.prometheusRule` document.
    public var items: [RuleDocument]
    /// Top-level keys the model does not type, kept as read.
    public var extra: [YAMLEntry]
    /// Where the document starts.
    public var location: Location?

    /// Creates a document.
    public init(shape: Shape, groups: [RuleGroupNode] = [], namespace: LocatedText? = nil, resource: KubernetesResource? = nil,
                items: [RuleDocument] = [], extra: [YAMLEntry] = [], location: Location? = nil) {
        self.shape = shape
        self.groups = groups
        self.namespace = namespace
        self.resource = resource
        self.items = items
        self.extra = extra
        self.location = location
    }

    /// A Mimir namespace document.
    public static func mimirNamespace(_ name: String, groups: [RuleGroupNode]) -> RuleDocument {
        RuleDocument(shape: .mimirNamespace, groups: groups, namespace: LocatedText(name))
    }

    /// A `monitoring.coreos.com/v1` PrometheusRule named `name` with metadata `labels`.
    public static func prometheusRule(_ name: String, labels: [RuleLabel] = [], groups: [RuleGroupNode]) -> RuleDocument {
        let metadata = KubernetesMetadata(name: LocatedText(name), labels: labels)
        return RuleDocument(shape: .prometheusRule, groups: groups,
                            resource: KubernetesResource(apiVersion: LocatedText(KubernetesResource.prometheusRuleAPIVersion), kind: "PrometheusRule", metadata: metadata))
    }

    /// This document's groups, then those of its items.
    public var allGroups: [RuleGroupNode] { items.isEmpty ? groups : groups + items.flatMap(\.allGroups) }
}

/// How a key that holds a list (`groups`, `rules`) was written: a list (the default for values
/// built in code), `null`, or not at all. The writer reproduces it, so a file read and written
/// back keeps its data.
public enum ListKeyForm: String, Sendable, Hashable {
    /// `key: [...]` (or a block list).
    case list
    /// `key:` or `key: null`.
    case null
    /// No such key.
    case absent
}

/// How a key that holds a map of labels or annotations was written when the map is empty: not
/// at all (the default for values built in code), as `{}`, or as `null`. A non-empty map is
/// always written; the writer reproduces the empty forms so the data does not change.
public enum MapKeyForm: String, Sendable, Hashable {
    /// Written only when it has entries.
    case automatic
    /// `key: {}`.
    case emptyMap
    /// `key:` or `key: null`.
    case null
}

import PeriscopeDSL
import PeriscopeModel

/// One document of an SLO spec file, read by `SlothSpecReader`: its format, its SLOs and, for
/// a Kubernetes resource, the metadata its PrometheusRule takes over.
public struct SLOSpecDocument: Sendable {
    /// The spec formats Periscope reads.
    public enum Format: Sendable, Hashable {
        /// Sloth's `version: prometheus/v1` spec.
        case slothPrometheus
        /// Sloth's `sloth.slok.dev/v1` PrometheusServiceLevel resource.
        case slothKubernetes
        /// An OpenSLO `openslo/v1alpha` SLO.
        case openSLOv1alpha
        /// OpenSLO `openslo/v1` SLO (and SLI) documents.
        case openSLOv1

        /// The `sloth_spec` label of `sloth_slo_info`, as Sloth writes it.
        public var spec: String {
            switch self {
            case .slothPrometheus: SlothSpecReader.version
            case .slothKubernetes: SlothSpelling.kubernetesAPIVersion
            case .openSLOv1alpha: OpenSLOReader.v1alpha
            case .openSLOv1: OpenSLOReader.v1
            }
        }

        /// The `sloth_mode` label of `sloth_slo_info`, as Sloth's CLI writes it.
        public var mode: String {
            switch self {
            case .slothPrometheus: "cli-gen-prom"
            case .slothKubernetes: "cli-gen-k8s"
            case .openSLOv1alpha, .openSLOv1: "cli-gen-openslo"
            }
        }
    }

    /// The format.
    public var format: Format
    /// The SLOs, in document order.
    public var slos: [SLO]
    /// The name, namespace, labels and annotations of a PrometheusServiceLevel; nil for other formats.
    public var resource: KubernetesMetadata?

    /// Creates a document.
    public init(format: Format, slos: [SLO], resource: KubernetesMetadata? = nil) {
        self.format = format
        self.slos = slos
        self.resource = resource
    }
}

/// The key names of Sloth's two spellings of one spec: `prometheus/v1` (snake_case, with
/// `version`) and the `sloth.slok.dev/v1` PrometheusServiceLevel's `spec` (camelCase).
struct SlothSpelling {
    static let kubernetesAPIVersion = "sloth.slok.dev/v1"
    static let sloKeys = ["name", "description", "objective", "plugins", "labels", "sli", "alerting"]
    static let sliKeys = ["raw", "events", "plugin"]
    static let alertKeys = ["disable", "labels", "annotations"]

    let specName: String
    let hasVersion: Bool
    let sloPlugins: String
    let errorQuery: String
    let totalQuery: String
    let errorRatioQuery: String
    let pageAlert: String
    let ticketAlert: String
    /// The other format's spellings, which Sloth ignores in this one: skipped with a warning
    /// rather than refused like other unknown keys (Sloth's own `validate/good` fixture has
    /// `pageAlert` in a `prometheus/v1` spec).
    let ignoredSpellings: [String: String]

    var specKeys: [String] { (hasVersion ? ["version"] : []) + ["service", "labels", sloPlugins, "slos"] }
    var alertingKeys: [String] { ["name", "labels", "annotations", pageAlert, ticketAlert] }

    static let prometheus = SlothSpelling(
        specName: "the spec", hasVersion: true, sloPlugins: "slo_plugins", errorQuery: "error_query", totalQuery: "total_query",
        errorRatioQuery: "error_ratio_query", pageAlert: "page_alert", ticketAlert: "ticket_alert",
        ignoredSpellings: ["pageAlert": "page_alert", "ticketAlert": "ticket_alert"])

    static let kubernetes = SlothSpelling(
        specName: "spec of the PrometheusServiceLevel", hasVersion: false, sloPlugins: "sloPlugins", errorQuery: "errorQuery", totalQuery: "totalQuery",
        errorRatioQuery: "errorRatioQuery", pageAlert: "pageAlert", ticketAlert: "ticketAlert", ignoredSpellings: [:])
}

import PeriscopeImport
import Testing

@Suite("Swift identifiers")
struct SwiftIdentifierTests {
    @Test("Identifiers from titles and names", arguments: [
        // text, lowerCamel, UpperCamel
        ("Node Exporter", "nodeExporter", "NodeExporter"),
        ("node-exporter_full", "nodeExporterFull", "NodeExporterFull"),
        ("HighHTTPErrorRate", "highHTTPErrorRate", "HighHTTPErrorRate"),
        ("HTTP requests", "httpRequests", "HTTPRequests"),
        ("KubePodCrashLooping", "kubePodCrashLooping", "KubePodCrashLooping"),
        ("default", "default_", "Default"),
        ("self", "self_", "Self_"),
        ("Type", "type", "Type_"),
        ("init", "init_", "Init"),
        ("5xx errors", "_5xxErrors", "_5xxErrors"),
        ("2", "_2", "_2"),
        ("🚀 Launch 🚀", "launch", "Launch"),
        ("🔥", "item", "Item"),
        ("", "item", "Item"),
        ("Décès / Über", "decesUber", "DecesUber"),
        ("p99 latency (ms)", "p99LatencyMs", "P99LatencyMs"),
        ("job:http_requests:rate5m", "jobHttpRequestsRate5m", "JobHttpRequestsRate5m"),
    ])
    func identifiers(text: String, lower: String, upper: String) {
        #expect(SwiftIdentifier.lowerCamel(text) == lower)
        #expect(SwiftIdentifier.upperCamel(text) == upper)
        #expect(SwiftIdentifier.isSafe(lower))
        #expect(SwiftIdentifier.isSafe(upper))
    }

    @Test("Duplicates get 2, 3, … and skip taken names")
    func duplicates() {
        var scope = SwiftIdentifierScope(reserved: ["groups", "requests2"])
        #expect(scope.unique("requests") == "requests")
        #expect(scope.unique("requests") == "requests3")
        #expect(scope.unique("groups") == "groups2")
        var files = SwiftIdentifierScope(caseInsensitive: true)
        #expect(files.unique("Node") == "Node")
        #expect(files.unique("node") == "node2")
    }

    @Test("Safety check", arguments: [("a", true), ("_a1", true), ("1a", false), ("default", false), ("a-b", false), ("é", false), ("", false)])
    func safety(text: String, safe: Bool) {
        #expect(SwiftIdentifier.isSafe(text) == safe)
    }
}

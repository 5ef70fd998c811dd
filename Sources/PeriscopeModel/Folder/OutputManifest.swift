import PeriscopeDSL

/// The `manifest.json` of a rendered environment folder, as read back by `lint` and `diff`.
///
/// Shape (manifestVersion 1; every member after `sha256` is optional, so manifests written
/// before they existed still read):
///
/// ```json
/// {
///   "alerting": { "severities": { "page": "critical", "ticket": "warning" } },
///   "artifacts": [
///     { "kind": "grafana-dashboard", "path": "grafana/dashboards/Checkout/api.json", "sha256": "…",
///       "source": "Monitoring/Checkout.swift:12:5",
///       "locations": { "": "Monitoring/Checkout.swift:12:5", "/panels/0": "Monitoring/Checkout.swift:20:9" },
///       "suppressions": [ { "pointer": "/panels/0", "reason": "…", "rule": "panel-unit" } ] }
///   ],
///   "environment": "prod",
///   "generator": "periscope",
///   "grafana": { "datasources": { "metrics": { "type": "prometheus", "uid": "prom-prod" } } },
///   "manifestVersion": 1,
///   "prometheus": { "scrapeInterval": "30s", "target": "3" }
/// }
/// ```
///
/// `locations` maps JSON pointers into the artifact (for YAML rule files, pointers into the YAML
/// document tree, e.g. `/groups/0/rules/3`) to the Swift definition (`#fileID:line:column`) the
/// node was lowered from; a node without an entry belongs to its nearest ancestor that has one.
public struct OutputManifest: Sendable, Hashable {
    /// A lint check switched off in Swift (`.lintDisabled("rule-id", reason: "…")`) for a node and
    /// everything below it.
    public struct Suppression: Sendable, Hashable {
        /// The node (a JSON pointer into the artifact, or into the YAML document tree).
        public var pointer: JSONPointer
        /// The lint rule id.
        public var rule: String
        /// Why, as written in Swift.
        public var reason: String
        /// Where the modifier was written, when known.
        public var source: SourceLocation?

        /// Creates a suppression.
        public init(pointer: JSONPointer, rule: String, reason: String, source: SourceLocation? = nil) {
            self.pointer = pointer
            self.rule = rule
            self.reason = reason
            self.source = source
        }
    }

    /// One artifact of the environment.
    public struct Entry: Sendable, Hashable {
        /// The path relative to the environment folder, `/`-separated.
        public var path: String
        /// The kind (`grafana-dashboard`, `prometheus-rules`, `prometheus-tests`,
        /// `kubernetes-prometheusrule`, `mimir-rules`, `grafana-provisioning`).
        public var kind: String
        /// The lowercase hex SHA-256 of the file.
        public var sha256: String
        /// The Swift definition the artifact came from (`#fileID:line:column`).
        public var source: SourceLocation?
        /// Swift locations of the artifact's nodes, by pointer.
        public var locations: [JSONPointer: SourceLocation]
        /// Inline suppressions declared in Swift, in pointer order.
        public var suppressions: [Suppression]

        /// Creates an entry.
        public init(path: String, kind: String, sha256: String, source: SourceLocation? = nil,
                    locations: [JSONPointer: SourceLocation] = [:], suppressions: [Suppression] = []) {
            self.path = path
            self.kind = kind
            self.sha256 = sha256
            self.source = source
            self.locations = locations
            self.suppressions = suppressions
        }

        /// The Swift location of the node at `pointer` or of its nearest ancestor that has one
        /// (the artifact's `source` at the last); nil when none is recorded.
        public func sourceLocation(of pointer: JSONPointer) -> SourceLocation? {
            var current: JSONPointer? = pointer
            while let candidate = current {
                if let found = locations[candidate] { return found }
                current = candidate.parent
            }
            return source
        }
    }

    /// The environment name.
    public var environment: String
    /// The artifacts, in path order.
    public var artifacts: [Entry]
    /// `prometheus.target` of the environment (`2.42`, `3`), when recorded.
    public var prometheusTarget: String?
    /// `prometheus.scrapeInterval` of the environment (a Prometheus duration), when recorded.
    public var scrapeInterval: String?
    /// `grafana.datasources` of the environment: logical name to (type, uid).
    public var datasources: [String: (type: String, uid: String)] {
        get { Dictionary(uniqueKeysWithValues: datasourceList.map { ($0.name, ($0.type, $0.uid)) }) }
    }
    /// `grafana.datasources` in name order.
    public var datasourceList: [(name: String, type: String, uid: String)] {
        get { datasourceEntries.map { ($0.name, $0.type, $0.uid) } }
    }
    /// `alerting.severities` of the environment: tier to severity label value.
    public var severities: [String: String]

    var datasourceEntries: [DatasourceEntry]
    struct DatasourceEntry: Sendable, Hashable {
        var name: String
        var type: String
        var uid: String
    }

    /// Creates a manifest.
    public init(environment: String, artifacts: [Entry], prometheusTarget: String? = nil, scrapeInterval: String? = nil,
                datasources: [(name: String, type: String, uid: String)] = [], severities: [String: String] = [:]) {
        self.environment = environment
        self.artifacts = artifacts
        self.prometheusTarget = prometheusTarget
        self.scrapeInterval = scrapeInterval
        self.datasourceEntries = datasources.map { DatasourceEntry(name: $0.name, type: $0.type, uid: $0.uid) }
        self.severities = severities
    }

    /// The entry of the artifact at `path` (relative to the environment folder).
    public func entry(path: String) -> Entry? { artifacts.first { $0.path == path } }

    /// Id of the error for a `manifest.json` that is not a Periscope manifest.
    public static let invalidID: DiagnosticID = "manifest-invalid"

    /// Reads a manifest document; problems are located errors with id `manifest-invalid` (or the
    /// JSON reader's ids), and nil is returned when it is not a manifest at all.
    public static func read(_ document: JSONDocument) -> (manifest: OutputManifest?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root = document.rootNode
        func problem(_ message: String, _ node: JSONNode) {
            diagnostics.append(Diagnostic(.error, message, at: .json(node.location), id: invalidID))
        }
        guard case .object = root.value, let artifactsNode = root["artifacts"], case .array = artifactsNode.value else {
            problem("not a Periscope manifest: expected an object with an 'artifacts' array", root)
            return (nil, diagnostics)
        }
        let environment = root.value["environment"]?.stringValue ?? ""
        var entries: [Entry] = []
        for node in artifactsNode.elements {
            guard let path = node.value["path"]?.stringValue, let kind = node.value["kind"]?.stringValue else {
                problem("a manifest artifact needs a string 'path' and 'kind'", node)
                continue
            }
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                problem("artifact path '\(path)' leaves the environment folder", node)
                continue
            }
            var entry = Entry(path: path, kind: kind, sha256: node.value["sha256"]?.stringValue ?? "")
            entry.source = node.value["source"]?.stringValue.flatMap(Self.sourceLocation)
            if let locations = node["locations"], case .object(let members) = locations.value {
                // A rendered W1 environment holds about 100,000 locations: members are read from
                // the value, and a located node is made only for an error.
                entry.locations.reserveCapacity(members.count)
                var fileIDs = FileIDReuse()
                for (position, member) in members.enumerated() {
                    guard let pointer = Self.pointer(parsing: member.key), case .string(let text) = member.value,
                          let source = Self.sourceLocation(text, reusing: &fileIDs) else {
                        problem("a location must map a JSON pointer to 'Module/File.swift:line:column'", locations.members[position].node)
                        continue
                    }
                    entry.locations[pointer] = source
                }
            }
            if let suppressions = node["suppressions"] {
                for item in suppressions.elements {
                    guard let pointerText = item.value["pointer"]?.stringValue, let pointer = JSONPointer(parsing: pointerText),
                          let rule = item.value["rule"]?.stringValue, let reason = item.value["reason"]?.stringValue else {
                        problem("a suppression needs 'pointer', 'rule' and 'reason' strings", item)
                        continue
                    }
                    entry.suppressions.append(Suppression(pointer: pointer, rule: rule, reason: reason,
                                                          source: item.value["source"]?.stringValue.flatMap(Self.sourceLocation)))
                }
            }
            entries.append(entry)
        }
        var manifest = OutputManifest(environment: environment, artifacts: entries)
        manifest.prometheusTarget = root.value["prometheus"]?["target"]?.stringValue
        manifest.scrapeInterval = root.value["prometheus"]?["scrapeInterval"]?.stringValue
        if let members = root.value["grafana"]?["datasources"]?.objectMembers {
            manifest.datasourceEntries = members.compactMap { member in
                guard let type = member.value["type"]?.stringValue, let uid = member.value["uid"]?.stringValue else { return nil }
                return DatasourceEntry(name: member.key, type: type, uid: uid)
            }
        }
        if let members = root.value["alerting"]?["severities"]?.objectMembers {
            for member in members { if let value = member.value.stringValue { manifest.severities[member.key] = value } }
        }
        return (manifest, diagnostics)
    }

    /// `JSONPointer(parsing:)` with a byte-level path for ASCII text (manifest pointers are
    /// `/panels/3/targets/0`); other text goes through `JSONPointer(parsing:)` itself, so the
    /// result is the same.
    static func pointer(parsing text: String) -> JSONPointer? {
        var text = text
        let fast: JSONPointer?? = text.withUTF8 { bytes -> JSONPointer?? in
            if bytes.isEmpty { return .some(.root) }
            guard bytes[0] == UInt8(ascii: "/") else { return .some(nil) }
            var tokens: [String] = []
            var start = 1
            var index = 1
            var hasEscape = false
            while index <= bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "/")
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "~") { hasEscape = true }
                if byte == UInt8(ascii: "/") {
                    if hasEscape { return nil }
                    tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                }
                index += 1
            }
            return .some(JSONPointer(tokens: tokens))
        }
        if let fast { return fast }
        return JSONPointer(parsing: text)
    }

    /// The fileID of the previous location read, reused when the next one names the same file
    /// (locations of one artifact come from a few Swift files): one string instead of one per entry.
    struct FileIDReuse {
        var last: String = ""
    }

    /// ``sourceLocation(_:)`` with a byte-level path for `File:line:column` with decimal line and
    /// column; any other text goes through ``sourceLocation(_:)`` itself, so the result is the same.
    static func sourceLocation(_ text: String, reusing fileIDs: inout FileIDReuse) -> SourceLocation? {
        var text = text
        let last = fileIDs.last
        let fast: (fileID: String, line: UInt, column: UInt)? = text.withUTF8 { bytes in
            // The two last colons; line and column are 1 to 18 ASCII digits.
            var index = bytes.count - 1
            var column: UInt = 0
            var line: UInt = 0
            var digits = 0
            while index >= 0, bytes[index] >= 0x30, bytes[index] <= 0x39 { index -= 1; digits += 1 }
            guard index >= 0, bytes[index] == UInt8(ascii: ":"), digits > 0, digits <= 18 else { return nil }
            for position in (index + 1)..<bytes.count { column = column * 10 + UInt(bytes[position] - 0x30) }
            let columnColon = index
            index -= 1
            digits = 0
            while index >= 0, bytes[index] >= 0x30, bytes[index] <= 0x39 { index -= 1; digits += 1 }
            // A non-ASCII character before the colon could join it in one Character (a prepended
            // mark), which the Character-level split would not split at: left to it.
            guard index > 0, bytes[index] == UInt8(ascii: ":"), digits > 0, digits <= 18, bytes[index - 1] < 0x80 else { return nil }
            for position in (index + 1)..<columnColon { line = line * 10 + UInt(bytes[position] - 0x30) }
            let fileBytes = UnsafeBufferPointer(rebasing: bytes[0..<index])
            let sameFile = last.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(fileBytes) } ?? false
            return (sameFile ? last : String(decoding: fileBytes, as: UTF8.self), line, column)
        }
        guard let fast else { return sourceLocation(text) }
        fileIDs.last = fast.fileID
        return SourceLocation(fileID: fast.fileID, filePath: fast.fileID, line: fast.line, column: fast.column)
    }

    /// Parses `Module/File.swift:line:column` (``SourceLocation/stableDescription``); the file path
    /// is the fileID until ``ArtifactEnvironment/resolvingSourcePaths(in:)`` finds the file.
    public static func sourceLocation(_ text: String) -> SourceLocation? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = UInt(parts[parts.count - 2]), let column = UInt(parts[parts.count - 1]) else { return nil }
        let fileID = parts.dropLast(2).joined(separator: ":")
        guard !fileID.isEmpty else { return nil }
        return SourceLocation(fileID: fileID, filePath: fileID, line: line, column: column)
    }
}

import PeriscopeDSL
import Yams

extension YAMLReader {
    /// One walk over composed Yams nodes, sharing a node budget across the documents of a stream.
    struct Walk {
        let reader: YAMLReader
        var budget: Int
        var budgetReported = false
        var diagnostics: [Diagnostic] = []

        init(reader: YAMLReader) {
            self.reader = reader
            self.budget = reader.limits.maximumNodes
        }

        private var limits: Limits { reader.limits }

        mutating func convert(_ node: Node, depth: Int) -> YAMLTree? {
            let here = reader.location(node.mark)
            guard budget > 0 else {
                if !budgetReported {
                    budgetReported = true
                    diagnostics.append(.error(
                        "the document expands to more than \(limits.maximumNodes) YAML nodes (through aliases); \(limits.fileKind) must stay small",
                        at: here, id: YAMLDiagnosticID.tooLarge))
                }
                return nil
            }
            budget -= 1
            switch node {
            case .scalar(let scalar):
                let value = YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain, tag: scalar.tag.rawValue)
                return YAMLTree(content: .scalar(value), location: here)
            case .alias:
                // Yams substitutes the anchored node for every alias while composing; this is a safeguard.
                diagnostics.append(.error("unresolved YAML alias", at: here, id: YAMLDiagnosticID.syntax))
                return nil
            case .sequence(let sequence):
                guard depth < limits.maximumDepth else { return tooDeep(at: here) }
                var items: [YAMLTree] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    if let tree = convert(item, depth: depth + 1) { items.append(tree) }
                }
                return YAMLTree(content: .sequence(items), location: here)
            case .mapping(let mapping):
                guard depth < limits.maximumDepth else { return tooDeep(at: here) }
                var entries: [YAMLEntry] = []
                entries.reserveCapacity(mapping.count)
                var seen = SeenKeys()
                for (keyNode, valueNode) in mapping {
                    let keyLocation = reader.location(keyNode.mark)
                    guard case .scalar(let keyScalar) = keyNode else {
                        diagnostics.append(.error("a map key must be a plain string, got \(kindName(of: keyNode))",
                                                  at: keyLocation, id: YAMLDiagnosticID.keyNotString))
                        continue
                    }
                    let key = keyScalar.string
                    // Yams only rejects keys that are equal with the same YAML type; `1` and `"1"` both
                    // name the key "1" here, so check again on the text. Maps are small: a linear scan
                    // beats hashing every key.
                    if let firstLocation = seen.location(of: key, in: entries) {
                        diagnostics.append(.error(
                            "duplicate key '\(key)' (first written at \(firstLocation.line):\(firstLocation.column)); a key may appear only once in a map",
                            at: keyLocation, id: YAMLDiagnosticID.duplicateKey))
                        continue
                    }
                    guard let value = convert(valueNode, depth: depth + 1) else { continue }
                    seen.insert(key, keyLocation, before: entries)
                    entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: value))
                }
                return YAMLTree(content: .mapping(entries), location: here)
            }
        }

        private mutating func tooDeep(at location: FileLocation) -> YAMLTree? {
            diagnostics.append(.error("YAML nested more than \(limits.maximumDepth) levels deep; \(limits.fileKind) must stay shallow",
                                      at: location, id: YAMLDiagnosticID.tooDeep))
            return nil
        }
    }
}

/// The keys of one map so far: a linear scan for the usual small map, a dictionary once the map
/// grows (a map with 100,000 keys must not take quadratic time).
struct SeenKeys {
    private var index: [String: FileLocation] = [:]
    private static let linearLimit = 16

    func location(of key: String, in entries: [YAMLEntry]) -> FileLocation? {
        if entries.count <= Self.linearLimit { return entries.first { $0.key == key }?.keyLocation }
        return index[key]
    }

    /// Records `key`, which is about to be appended after `entries`.
    mutating func insert(_ key: String, _ location: FileLocation, before entries: [YAMLEntry]) {
        if entries.count == Self.linearLimit {
            for entry in entries { index[entry.key] = entry.keyLocation }
        }
        if entries.count >= Self.linearLimit { index[key] = location }
    }
}

/// What a Yams node is, for messages about keys that are not strings.
private func kindName(of node: Node) -> String {
    switch node {
    case .scalar: "a scalar"
    case .mapping: "a map"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}

import PeriscopeDSL

extension YAMLTree {
    /// Whether two trees are the same YAML data, as a typed loader (Prometheus, kubectl) reads it.
    ///
    /// Scalars compare by their YAML 1.2 core-schema value (`5m` and `"5m"` are the same string;
    /// `1` and `"1"` are not), maps as unordered key sets (YAML 1.2, 3.2.1.1: key order is not
    /// content), sequences in order. Where a value was written does not take part.
    public func hasSameData(as other: YAMLTree) -> Bool {
        switch (content, other.content) {
        case (.scalar(let a), .scalar(let b)):
            return a.resolved == b.resolved
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.hasSameData(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            guard a.count == b.count else { return false }
            var theirs: [String: YAMLTree] = [:]
            for entry in b { theirs[entry.key] = entry.value }
            return a.allSatisfy { entry in theirs[entry.key].map { entry.value.hasSameData(as: $0) } ?? false }
        default:
            return false
        }
    }
}

import PeriscopeModel
/// Merges environment documents along an `extends` chain at the YAML level.
///
/// Maps merge key by key, scalars and lists replace, and `null` removes the key. Each entry of
/// the result keeps the key location of the last file that wrote it, so errors and
/// `Environment.locations` point at the overlay that decided the value.
enum YAMLMerge {
    /// `overlay` applied on top of `base`.
    static func merge(_ base: YAMLTree, with overlay: YAMLTree) -> YAMLTree {
        guard let baseEntries = base.entries, let overlayEntries = overlay.entries else { return overlay }
        var merged = baseEntries
        // Keys are unique within a document (the reader reports duplicates), so an index is exact.
        var indices = Dictionary(merged.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in overlayEntries {
            if let index = indices[entry.key] {
                merged[index] = YAMLEntry(
                    key: entry.key,
                    keyLocation: entry.keyLocation,
                    value: merge(merged[index].value, with: entry.value))
            } else {
                indices[entry.key] = merged.count
                merged.append(entry)
            }
        }
        return YAMLTree(content: .mapping(merged), location: overlay.location)
    }

    /// The documents of a chain, the most basic first, merged into one.
    static func merge(chain documents: [YAMLTree]) -> YAMLTree? {
        guard let first = documents.first else { return nil }
        return removingNulls(documents.dropFirst().reduce(first) { merge($0, with: $1) })
    }

    /// The tree without null-valued keys, at every level: null means "not set".
    static func removingNulls(_ tree: YAMLTree) -> YAMLTree {
        switch tree.content {
        case .scalar:
            return tree
        case .sequence(let items):
            return YAMLTree(content: .sequence(items.map(removingNulls)), location: tree.location)
        case .mapping(let entries):
            let kept = entries.compactMap { entry -> YAMLEntry? in
                guard !entry.value.isNull else { return nil }
                return YAMLEntry(key: entry.key, keyLocation: entry.keyLocation, value: removingNulls(entry.value))
            }
            return YAMLTree(content: .mapping(kept), location: tree.location)
        }
    }
}

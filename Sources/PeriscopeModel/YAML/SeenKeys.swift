import PeriscopeDSL

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

import PeriscopeDSL

extension JSONValue {
    /// Whether two values are the same JSON data, as a JSON parser would see them.
    ///
    /// - Numbers compare by value: `1`, `1.0` and `1e0` are equal (RFC 8259 has one number
    ///   type); numbers kept as written (`.number`) compare by their decimal value when a
    ///   `Double` holds both exactly enough, else by text.
    /// - Objects compare as maps: key order does not matter, and of duplicate keys the last one
    ///   counts (what Grafana's Go and JavaScript parsers keep).
    /// - Arrays compare element by element, in order.
    public func isSemanticallyEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)) where a == b: return true
        case (.int, _), (.double, _), (.number, _):
            guard let a = doubleValue, let b = other.doubleValue else { return false }
            if case .int(let x) = self, case .int(let y) = other { return x == y }
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSemanticallyEqual(to: $1) }
        case (.object(let a), .object(let b)):
            let left = Self.lastWins(a), right = Self.lastWins(b)
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let theirs = right[key], value.isSemanticallyEqual(to: theirs) else { return false }
            }
            return true
        default:
            return false
        }
    }

    private static func lastWins(_ members: [JSONMember]) -> [String: JSONValue] {
        var map: [String: JSONValue] = [:]
        map.reserveCapacity(members.count)
        for member in members { map[member.key] = member.value }
        return map
    }
}

import PeriscopeDSL
import PeriscopeModel

/// A JSON object whose members the generator takes one by one as it turns them into typed
/// modifiers; what is left (`leftovers`) goes to the escape hatches, so nothing is lost.
struct JSONConsumer {
    /// The object being consumed.
    let root: JSONValue
    /// Paths taken so far.
    private(set) var consumed: Set<[String]> = []
    /// Every proper prefix of a taken path: objects partly taken.
    private var touched: Set<[String]> = []

    init(_ root: JSONValue) { self.root = root }

    /// The value at `path`, without taking it.
    func peek(_ path: [String]) -> JSONValue? {
        var current: JSONValue? = root
        for key in path { current = current?[key] }
        return current
    }

    /// Whether `path` is still there to take.
    func has(_ path: [String]) -> Bool { peek(path) != nil && !consumed.contains(path) }

    /// Takes the value at `path`: it will not appear among the leftovers.
    mutating func take(_ path: [String]) -> JSONValue? {
        guard let value = peek(path), !consumed.contains(path) else { return nil }
        consume(path)
        return value
    }

    /// Marks `path` taken.
    mutating func consume(_ path: [String]) {
        consumed.insert(path)
        for length in 0..<path.count { touched.insert(Array(path[0..<length])) }
    }

    /// Everything not taken, as the smallest untouched subtrees: (path, value) in document order.
    ///
    /// An object with a key holding a `.` (which an option path cannot spell) is given whole;
    /// its taken members are given again with the values they had, which is harmless, as
    /// escape hatches are applied after the typed modifiers and write the same values.
    func leftovers(under prefix: [String] = []) -> [([String], JSONValue)] {
        guard let value = peek(prefix), !consumed.contains(prefix) else { return [] }
        guard touched.contains(prefix), case .object(let members) = value else { return [(prefix, value)] }
        if members.contains(where: { $0.key.contains(".") || $0.key.isEmpty }) { return [(prefix, value)] }
        var seen = Set<String>()
        var result: [([String], JSONValue)] = []
        // The last of duplicate keys counts.
        for member in members.reversed() where seen.insert(member.key).inserted {
            result = leftovers(under: prefix + [member.key]) + result
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PeriscopeDSL
import PeriscopeModel

/// A JSON object whose members the generator takes one by one as it turns them into typed
/// modifiers; what is left (`leftovers`) goes to the escape hatches, so nothing is lost.
struct JSONConsumer {
    /// The object being consumed.
    let root: JSONValue
    /// The paths taken so far, as a tree: a node on the way to a taken path, taken itself or
    /// touched (an object partly taken: a taken path runs below it).
    private var taken = Node()

    private struct Node {
        var isTaken = false
        var children: [String: Node] = [:]
    }

    init(_ root: JSONValue) { self.root = root }

    /// The value at `path`, without taking it.
    func peek(_ path: [String]) -> JSONValue? {
        var current = root
        for key in path {
            guard let next = Self.member(key, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// `value[key]`: the last member whose key has exactly the bytes of `key` (as
    /// `JSONMember.hasKey` decides), compared on contiguous UTF-8 rather than byte by byte
    /// through the views.
    static func member(_ key: String, of value: JSONValue) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        var index = members.endIndex
        while index > members.startIndex {
            index -= 1
            if members[index].key == key, sameBytes(members[index].key, key) { return members[index].value }
        }
        return nil
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let left = x.baseAddress, let right = y.baseAddress else { return x.count == y.count }
                return memcmp(left, right, x.count) == 0
            }
        }
    }

    /// Whether `path` is still there to take.
    func has(_ path: [String]) -> Bool { peek(path) != nil && !isTaken(path) }

    /// Takes the value at `path`: it will not appear among the leftovers.
    mutating func take(_ path: [String]) -> JSONValue? {
        guard let value = peek(path), !isTaken(path) else { return nil }
        consume(path)
        return value
    }

    /// Marks `path` taken.
    mutating func consume(_ path: [String]) {
        Self.mark(&taken, path[...])
    }

    private static func mark(_ node: inout Node, _ path: ArraySlice<String>) {
        guard let first = path.first else {
            node.isTaken = true
            return
        }
        mark(&node.children[first, default: Node()], path.dropFirst())
    }

    private func node(at path: [String]) -> Node? {
        var node = taken
        for key in path {
            guard let child = node.children[key] else { return nil }
            node = child
        }
        return node
    }

    private func isTaken(_ path: [String]) -> Bool { node(at: path)?.isTaken ?? false }

    /// Everything not taken, as the smallest untouched subtrees: (path, value) in document order.
    ///
    /// An object with a key holding a `.` (which an option path cannot spell) is given whole;
    /// its taken members are given again with the values they had, which is harmless, as
    /// escape hatches are applied after the typed modifiers and write the same values.
    func leftovers(under prefix: [String] = []) -> [([String], JSONValue)] {
        guard let value = peek(prefix) else { return [] }
        var result: [([String], JSONValue)] = []
        Self.collect(value, node: node(at: prefix), path: prefix, into: &result)
        return result
    }

    private static func collect(_ value: JSONValue, node: Node?, path: [String], into result: inout [([String], JSONValue)]) {
        if node?.isTaken == true { return }
        guard let node, !node.children.isEmpty, case .object(let members) = value else {
            result.append((path, value))
            return
        }
        if members.contains(where: { $0.key.isEmpty || $0.key.utf8.contains(UInt8(ascii: ".")) }) {
            result.append((path, value))
            return
        }
        // The last of duplicate keys counts, at its place (pairwise for the usual small object).
        var isLast = [Bool](repeating: true, count: members.count)
        if members.count <= 32 {
            for index in members.indices where members[(index + 1)...].contains(where: { $0.key == members[index].key }) { isLast[index] = false }
        } else {
            var seen = Set<String>()
            for index in members.indices.reversed() where !seen.insert(members[index].key).inserted { isLast[index] = false }
        }
        for index in members.indices where isLast[index] {
            let member = members[index]
            collect(member.value, node: node.children[member.key], path: path + [member.key], into: &result)
        }
    }
}

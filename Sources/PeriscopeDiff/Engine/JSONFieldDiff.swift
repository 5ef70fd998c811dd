import PeriscopeDSL
import PeriscopeModel

/// Field-by-field comparison of two JSON values, as paths.
///
/// Objects compare key by key (key order does not matter; of duplicate keys the last counts, as
/// in Grafana's parsers), arrays element by element, and scalars by value (`1` equals `1.0`).
/// A path is written as in JavaScript: `fieldConfig.defaults.thresholds.steps[1].value`, with
/// `["…"]` for keys that are not plain identifiers.
enum JSONFieldDiff {
    /// The changed leaves between `old` and `new`, sorted by path; `ignoring` lists top-level keys to skip.
    static func changes(old: JSONValue?, new: JSONValue?, prefix: String = "", ignoring: Set<String> = []) -> [FieldChange] {
        var result: [FieldChange] = []
        compare(old, new, path: prefix, ignoring: ignoring, into: &result)
        return result
    }

    private static func compare(_ old: JSONValue?, _ new: JSONValue?, path: String, ignoring: Set<String>, into result: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (.object(let a)?, .object(let b)?):
            let left = lastWins(a), right = lastWins(b)
            let keys = Set(left.keys).union(right.keys).subtracting(ignoring).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for key in keys {
                let (a, b) = (left[key], right[key])
                // Equal subtrees (most of them) are skipped before their path is built.
                if let a, let b, same(a, b) { continue }
                compare(a, b, path: join(path, key: key), ignoring: [], into: &result)
            }
        case (.array(let a)?, .array(let b)?):
            for index in 0..<max(a.count, b.count) {
                // `JSONValue` is nil-literal convertible (`null`): spell the missing element as `.none`.
                let left: JSONValue? = index < a.count ? .some(a[index]) : .none
                let right: JSONValue? = index < b.count ? .some(b[index]) : .none
                compare(left, right, path: "\(path)[\(index)]", ignoring: [], into: &result)
            }
        case (let a?, let b?):
            if !same(a, b) { result.append(FieldChange(path: path, old: compact(a), new: compact(b))) }
        case (let a?, nil):
            result.append(FieldChange(path: path, old: compact(a), new: nil))
        case (nil, let b?):
            result.append(FieldChange(path: path, old: nil, new: compact(b)))
        }
    }

    /// Whether two values are the same JSON data. Exact equality (same key order, same number
    /// cases) is tried first: it allocates nothing and holds for everything a writer left
    /// unchanged, which is nearly everything in a pull request.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        a == b || a.isSemanticallyEqual(to: b)
    }

    /// `path.key`, or `path["key"]` when the key is not a plain identifier.
    static func join(_ path: String, key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "_" || $0 == "$" }
            && !("0"..."9").contains(key.unicodeScalars.first ?? "a")
        if plain { return path.isEmpty ? key : path + "." + key }
        return path + "[" + compact(.string(key)) + "]"
    }

    /// The value as one line of JSON, keys sorted: `{"color":"red","value":80}`.
    static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .object(let members):
            let map = lastWins(members)
            out.append(UInt8(ascii: "{"))
            for (index, key) in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(.string(key), into: &out)
                out.append(UInt8(ascii: ":"))
                if let member = map[key] { write(member, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            // Scalars: the writer's number and string format, without its final newline.
            var bytes = JSONWriter(indent: 0).data(value)
            if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            out.append(contentsOf: bytes)
        }
    }

    static func lastWins(_ members: [JSONMember]) -> [String: JSONValue] {
        var map: [String: JSONValue] = [:]
        map.reserveCapacity(members.count)
        for member in members { map[member.key] = member.value }
        return map
    }
}

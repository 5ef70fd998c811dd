/// An ordered JSON value: the currency of option escape hatches and of lowered artifacts.
///
/// Objects keep their members in an array, so nothing depends on hash order. The writer in
/// the compiler emits object keys in lexicographic order (see `JSONWriter`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A number kept exactly as written in a file, because neither `Int` nor `Double` holds it
    /// exactly (`12345678901234567890`, `1e400`, `0.1000000000000000000001`). The text is valid
    /// JSON number syntax; writers write it unchanged.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// An object from key/value pairs; a later duplicate key replaces an earlier one.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var object = JSONValue.object([])
        for (key, value) in pairs { object[key] = value }
        return object
    }

    /// The member named `key` of an object (nil for other values); setting on a non-object
    /// replaces it with an object, setting nil removes the member.
    ///
    /// Keys match by their UTF-8 bytes (RFC 8259, 8.3), not by Unicode canonical equivalence, and
    /// of duplicate keys (which only files read from disk hold) the last one counts, as in
    /// Grafana's Go and JavaScript parsers.
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.last { $0.hasKey(key) }?.value
        }
        set {
            var members: [JSONMember]
            if case .object(let existing) = self { members = existing } else { members = [] }
            if let index = members.lastIndex(where: { $0.hasKey(key) }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
            self = .object(members)
        }
    }

    /// The value at a dotted path such as `legend.displayMode`.
    public subscript(path path: OptionPath) -> JSONValue? {
        get {
            var current: JSONValue? = self
            for component in path.components { current = current?[component] }
            return current
        }
        set { setValue(newValue, at: path.components[...]) }
    }

    private mutating func setValue(_ value: JSONValue?, at components: ArraySlice<String>) {
        guard let first = components.first else {
            if let value { self = value }
            return
        }
        if components.count == 1 {
            self[first] = value
            return
        }
        var child = self[first] ?? .object([])
        if case .object = child {} else { child = .object([]) }
        child.setValue(value, at: components.dropFirst())
        self[first] = child
    }

    /// Merges `other` into this value: objects merge member by member, anything else replaces.
    public func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(let theirs) = other, case .object = self else { return other }
        var result = self
        for member in theirs {
            if let mine = result[member.key] {
                result[member.key] = mine.merging(member.value)
            } else {
                result[member.key] = member.value
            }
        }
        return result
    }

    /// Whether this is an object with no members.
    public var isEmptyObject: Bool {
        if case .object(let members) = self { return members.isEmpty }
        return false
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }

    /// Whether the member's key is `key`, byte for byte (RFC 8259, 8.3: keys are compared by
    /// their code units, so precomposed and decomposed "é" are two keys).
    @inlinable
    public func hasKey(_ key: String) -> Bool {
        // `==` is the fast check for the usual ASCII keys; bytes decide the rest.
        self.key == key && self.key.utf8.elementsEqual(key.utf8)
    }
}

/// A dotted path into a JSON object, e.g. `"legend.calcs"` or `"custom.lineWidth"`.
public struct OptionPath: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The keys from the outermost to the innermost.
    public var components: [String]

    /// Creates a path from its keys.
    public init(_ components: [String]) { self.components = components }

    /// Creates a path by splitting on `.`.
    public init(_ dotted: String) { self.components = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// Creates a path by splitting a literal on `.`.
    public init(stringLiteral value: String) { self.init(value) }

    /// The dotted form.
    public var description: String { components.joined(separator: ".") }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONValue.object([])
        for (key, value) in elements { object[key] = value }
        self = object
    }
}

/// A Swift value that can be written as JSON; used by typed option modifiers.
public protocol JSONRepresentable: Sendable {
    /// The JSON form.
    var jsonValue: JSONValue { get }
}

extension JSONValue: JSONRepresentable { public var jsonValue: JSONValue { self } }
extension Bool: JSONRepresentable { public var jsonValue: JSONValue { .bool(self) } }
extension Int: JSONRepresentable { public var jsonValue: JSONValue { .int(self) } }
extension Double: JSONRepresentable { public var jsonValue: JSONValue { .double(self) } }
extension String: JSONRepresentable { public var jsonValue: JSONValue { .string(self) } }
extension Array: JSONRepresentable where Element: JSONRepresentable {
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}
extension Optional: JSONRepresentable where Wrapped: JSONRepresentable {
    public var jsonValue: JSONValue { self?.jsonValue ?? .null }
}
extension RawRepresentable where RawValue == String {
    /// The raw string as JSON.
    public var jsonValue: JSONValue { .string(rawValue) }
}

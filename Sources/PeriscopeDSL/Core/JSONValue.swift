/// An ordered JSON value: the currency of option escape hatches and of lowered artifacts.
///
/// Objects keep their members in an array, so nothing depends on hash order. The writer in
/// the compiler emits object keys in lexicographic order (see `JSONWriter`).
public enum JSONValue: Sendable, Hashable {
    /// JSON `null` (what a nil `Optional` of a ``JSONRepresentable`` type writes).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written in decimal.
    case int(Int)
    /// A floating-point number. `JSONWriter` writes an integral value below 2^53 as an integer
    /// (`1000`, not `1000.0`) and others in their shortest form that reads back the same (`0.05`);
    /// JSON has no infinity or NaN, and the compiler reports them as errors.
    case double(Double)
    /// A number kept exactly as written in a file, because neither `Int` nor `Double` holds it
    /// exactly (`12345678901234567890`, `1e400`, `0.1000000000000000000001`). The text is valid
    /// JSON number syntax; writers write it unchanged.
    case number(String)
    /// A string; the writer escapes it as JSON requires.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object, its members in the order they were set (a later duplicate key counts, see
    /// ``subscript(_:)``).
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
            var members: [JSONMember] = []
            if case .object(let existing) = self {
                members = existing
                // Drop this value's reference first, so the members are changed in place rather
                // than copied on every write.
                self = .null
            }
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
        let mine = self.key.utf8, theirs = key.utf8
        guard mine.count == theirs.count else { return false }
        // Native strings hold contiguous UTF-8: compare the buffers; others byte by byte.
        if let same = mine.withContiguousStorageIfAvailable({ a in theirs.withContiguousStorageIfAvailable { b in a.elementsEqual(b) } }), let same {
            return same
        }
        return mine.elementsEqual(theirs)
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
    /// `nil` written where a `JSONValue` is expected: ``null``.
    public init(nilLiteral: ()) { self = .null }
    /// `true` or `false` written where a `JSONValue` is expected: ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal: ``int(_:)``.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A floating-point literal such as `0.5`: ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string literal: ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal such as `["mean", "max"]`: ``array(_:)``.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal such as `["mode": "single", "sort": "none"]`: an object with the
    /// members in the order written; a later duplicate key replaces an earlier one.
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

extension JSONValue: JSONRepresentable {
    /// The value itself.
    public var jsonValue: JSONValue { self }
}
/// A Swift `Bool` written as a JSON `true` or `false`.
extension Bool: JSONRepresentable {
    /// `true` or `false`.
    public var jsonValue: JSONValue { .bool(self) }
}
/// A Swift `Int` written as a JSON integer.
extension Int: JSONRepresentable {
    /// The integer, in decimal.
    public var jsonValue: JSONValue { .int(self) }
}
/// A Swift `Double` written as a JSON number.
extension Double: JSONRepresentable {
    /// The number (an integral value below 2^53 is written as an integer).
    public var jsonValue: JSONValue { .double(self) }
}
/// A Swift `String` written as a JSON string.
extension String: JSONRepresentable {
    /// The string.
    public var jsonValue: JSONValue { .string(self) }
}
/// An array of JSON-representable values written as a JSON array.
extension Array: JSONRepresentable where Element: JSONRepresentable {
    /// The elements' JSON forms, in order.
    public var jsonValue: JSONValue { .array(map(\.jsonValue)) }
}
/// An optional written as its wrapped value, or JSON `null` when nil.
extension Optional: JSONRepresentable where Wrapped: JSONRepresentable {
    /// The wrapped value's JSON form, or `null`.
    public var jsonValue: JSONValue { self?.jsonValue ?? .null }
}
/// String-backed enumerations (units, legend placements, reducers) written as their raw value.
extension RawRepresentable where RawValue == String {
    /// The raw string as JSON.
    public var jsonValue: JSONValue { .string(rawValue) }
}

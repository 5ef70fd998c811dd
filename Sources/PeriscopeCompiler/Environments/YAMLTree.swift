import PeriscopeDSL

/// A YAML node with its position, detached from Yams so that merging and validation are
/// plain value manipulations and every node knows the file it came from.
struct YAMLTree: Sendable, Hashable {
    /// The shape of a node.
    enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLTree])
        case mapping([YAMLEntry])
    }

    var content: Content
    /// Where the node starts (for a mapping or sequence, its first token).
    var location: FileLocation

    /// The entries when this is a mapping.
    var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The scalar when this is one.
    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// Whether this is a YAML null (`~`, `null`, or nothing at all), which removes a key.
    var isNull: Bool { scalar?.resolved == .null }

    /// The entry for `key` in a mapping.
    func entry(_ key: String) -> YAMLEntry? { entries?.first { $0.key == key } }

    /// What the node is, for "got …" in messages.
    var kindDescription: String {
        switch content {
        case .mapping: "a map"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.kindDescription
        }
    }
}

/// One key of a YAML mapping.
struct YAMLEntry: Sendable, Hashable {
    var key: String
    /// Where the key is written; errors about the key itself and `Environment.locations` use it.
    var keyLocation: FileLocation
    var value: YAMLTree
}

/// A YAML scalar as written, plus enough of its syntax to type it.
struct YAMLScalar: Sendable, Hashable {
    /// The text after YAML unescaping (`"a\tb"` gives a tab).
    var text: String
    /// Whether it was written without quotes or block indicators; only plain scalars are typed.
    var isPlain: Bool
    /// The explicit tag (`!!int`, `!custom`), empty when none was written.
    var tag: String

    /// The scalar typed with the YAML 1.2 core schema.
    var resolved: YAMLScalarValue { YAMLCoreSchema.resolve(self) }

    /// What the scalar is, for "got …" in messages.
    var kindDescription: String {
        switch resolved {
        case .null: "null"
        case .bool: "a boolean (\(text))"
        case .int, .double: "a number (\(text))"
        case .string: "a string ('\(text)')"
        case .invalid: "'\(text)'"
        }
    }
}

/// A scalar typed by `YAMLCoreSchema`.
enum YAMLScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// The scalar cannot be typed: an explicit tag that does not fit, or an out-of-range integer.
    case invalid(String)
}

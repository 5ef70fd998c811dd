import PeriscopeDSL

/// A YAML node with its position, detached from Yams so that merging, validation and writing
/// are plain value manipulations and every node knows the file, line and column it came from.
///
/// The tree is lossless for what rule files and environment files can hold: scalars keep their
/// text, whether they were plain and their explicit tag; maps keep their keys in order. Anchors
/// and aliases are expanded (Yams substitutes the anchored node) and comments are dropped.
public struct YAMLTree: Sendable, Hashable {
    /// The shape of a node.
    public enum Content: Sendable, Hashable {
        /// A scalar: a string, number, boolean or null as written.
        case scalar(YAMLScalar)
        /// A sequence (`- a` or `[a, b]`).
        case sequence([YAMLTree])
        /// A mapping (`a: 1` or `{a: 1}`), keys in document order.
        case mapping([YAMLEntry])
    }

    /// The node.
    public var content: Content
    /// Where the node starts (for a mapping or sequence, its first token).
    public var location: FileLocation

    /// Creates a node.
    public init(content: Content, location: FileLocation) {
        self.content = content
        self.location = location
    }

    /// The entries when this is a mapping.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items when this is a sequence.
    public var items: [YAMLTree]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The scalar when this is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// Whether this is a YAML null (`~`, `null`, or nothing at all), which removes a key.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// The entry for `key` in a mapping.
    public func entry(_ key: String) -> YAMLEntry? { entries?.first { $0.key == key } }

    /// What the node is, for "got …" in messages.
    public var kindDescription: String {
        switch content {
        case .mapping: "a map"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.kindDescription
        }
    }

    /// The same tree with every location replaced by `location`, for comparisons that ignore positions.
    public func relocated(to location: FileLocation) -> YAMLTree {
        switch content {
        case .scalar: return YAMLTree(content: content, location: location)
        case .sequence(let items):
            return YAMLTree(content: .sequence(items.map { $0.relocated(to: location) }), location: location)
        case .mapping(let entries):
            return YAMLTree(content: .mapping(entries.map {
                YAMLEntry(key: $0.key, keyLocation: location, value: $0.value.relocated(to: location))
            }), location: location)
        }
    }
}

/// One key of a YAML mapping.
public struct YAMLEntry: Sendable, Hashable {
    /// The key text (keys are always scalars here).
    public var key: String
    /// Where the key is written; errors about the key itself and `Environment.locations` use it.
    public var keyLocation: FileLocation
    /// The value.
    public var value: YAMLTree

    /// Creates an entry.
    public init(key: String, keyLocation: FileLocation, value: YAMLTree) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A YAML scalar as written, plus enough of its syntax to type it.
public struct YAMLScalar: Sendable, Hashable {
    /// The text after YAML unescaping (`"a\tb"` gives a tab).
    public var text: String
    /// Whether it was written without quotes or block indicators; only plain scalars are typed.
    public var isPlain: Bool
    /// The explicit tag (`!!int`, `!custom`), empty when none was written.
    public var tag: String

    /// Creates a scalar.
    public init(text: String, isPlain: Bool, tag: String = "") {
        self.text = text
        self.isPlain = isPlain
        self.tag = tag
    }

    /// The scalar typed with the YAML 1.2 core schema.
    public var resolved: YAMLScalarValue { YAMLCoreSchema.resolve(self) }

    /// Whether this is a YAML null (`~`, `null`, nothing, or `!!null`); a fast path of `resolved == .null`.
    public var isNull: Bool {
        if tag.isEmpty {
            guard isPlain else { return false }
            switch text {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        }
        return tag == YAMLCoreSchema.nullTag && resolved == .null
    }

    /// What the scalar is, for "got …" in messages.
    public var kindDescription: String {
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
public enum YAMLScalarValue: Sendable, Hashable {
    /// `~`, `null` or nothing.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A decimal, `0o` octal or `0x` hex integer that fits `Int`.
    case int(Int)
    /// A float, including `.inf` and `.nan`.
    case double(Double)
    /// Any other text, and every quoted or block scalar.
    case string(String)
    /// The scalar cannot be typed: an explicit tag that does not fit, or an out-of-range integer.
    case invalid(String)
}

/// A value from an environment file's free-form `values:` section, as YAML typed it.
///
/// Plain scalars are typed by the YAML 1.2 core schema (so `yes` and `on` are strings, not
/// booleans); quoted scalars are strings. There is no null: a null in a map removes the key an
/// `extends` base set, and a null in a list is an error.
public indirect enum EnvironmentValue: Sendable, Hashable {
    /// `true` or `false` (also `True`, `TRUE`, …); a quoted `"true"` is a ``string(_:)``.
    case bool(Bool)
    /// A whole number (`3`, `-1`, `0x1F`, `0o17`); it also reads as a `Double`.
    case int(Int)
    /// A number with a fraction or exponent (`0.5`, `1e3`), or `.inf` / `.nan`.
    case double(Double)
    /// Any other scalar, plain or quoted (`platform`, `"42"`).
    case string(String)
    /// A sequence, in file order.
    case list([EnvironmentValue])
    /// A mapping, its keys in file order after merging the `extends` chain.
    case map([EnvironmentEntry])

    /// A short name of the kind, for error messages ("a number", "a string", …).
    public var kindDescription: String {
        switch self {
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .list: "a list"
        case .map: "a map"
        }
    }
}

/// One key of a map-valued `EnvironmentValue`, with where it was written.
public struct EnvironmentEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: EnvironmentValue
    /// Where the key was written (the last file of the `extends` chain that set it).
    public var location: FileLocation?

    /// Creates an entry.
    public init(key: String, value: EnvironmentValue, location: FileLocation? = nil) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// A type that can be read from `Environment.values`.
public protocol EnvironmentValueConvertible: Sendable {
    /// What the type expects, for error messages ("a number").
    static var expectedDescription: String { get }
    /// Converts, or returns nil when the YAML value has another type.
    init?(environmentValue: EnvironmentValue)
    /// The value used after a failed read so that evaluation can go on and report every problem.
    static var placeholder: Self { get }
}

/// Reads a number: a YAML float, or an integer widened to `Double`.
extension Double: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a number" }
    public init?(environmentValue: EnvironmentValue) {
        switch environmentValue {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        default: return nil
        }
    }
    public static var placeholder: Double { 0 }
}

/// Reads a whole number; `3.0` is a float in YAML and does not read as an `Int`.
extension Int: EnvironmentValueConvertible {
    public static var expectedDescription: String { "an integer" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .int(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: Int { 0 }
}

/// Reads `true` or `false`.
extension Bool: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a boolean" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .bool(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: Bool { false }
}

/// Reads a string scalar; a number or boolean is not converted (quote it in YAML to read it as
/// a string).
extension String: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a string" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .string(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: String { "" }
}

/// Reads a list whose items all read as `Element`.
extension Array: EnvironmentValueConvertible where Element: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a list of \(Element.expectedDescription)s" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .list(let items) = environmentValue else { return nil }
        var result: [Element] = []
        for item in items {
            guard let element = Element(environmentValue: item) else { return nil }
            result.append(element)
        }
        self = result
    }
    public static var placeholder: [Element] { [] }
}

/// A value from an environment file's free-form `values:` section, as YAML typed it.
public indirect enum EnvironmentValue: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([EnvironmentValue])
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

extension Int: EnvironmentValueConvertible {
    public static var expectedDescription: String { "an integer" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .int(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: Int { 0 }
}

extension Bool: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a boolean" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .bool(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: Bool { false }
}

extension String: EnvironmentValueConvertible {
    public static var expectedDescription: String { "a string" }
    public init?(environmentValue: EnvironmentValue) {
        guard case .string(let value) = environmentValue else { return nil }
        self = value
    }
    public static var placeholder: String { "" }
}

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

import PeriscopeDSL

/// Grafana's classic dashboard JSON model as the artifact model sees it.
///
/// A `Grafana.Dashboard` is built by the compiler from the Swift DSL or read from any dashboard
/// file (`DashboardReader`), and lint, diff, fmt and import work on it alone. Each type keeps the
/// object it was built from as a `JSONValue` (`json`): that value is what writers write, so keys
/// that are not typed here, plugin options and legacy shapes survive read → write unchanged.
/// The typed properties are views of it, for the parts that lint, diff and import need, and
/// each node carries the `Location` a finding or a diff line points at: the Swift line for
/// compiled dashboards, the file, JSON pointer and line:column for read ones.
///
/// Equality of model values compares content only; where a value came from (its location)
/// does not take part, so a dashboard read back from disk equals the one that was written.
public enum Grafana {}

extension JSONValue {
    /// The text of a string value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// An integer, or a double with an integral value that fits `Int` (JSON has one number type).
    public var intValue: Int? {
        switch self {
        case .int(let number): return number
        case .double(let number):
            guard number.rounded() == number, abs(number) < 9_007_199_254_740_992 else { return nil }
            return Int(number)
        default: return nil
        }
    }

    /// Any number as a `Double` (a `.number` kept as written is converted, possibly rounding).
    public var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        case .number(let text): return Double(text)
        default: return nil
        }
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The elements of an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object, in order.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// What the value is, for "got …" in messages.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

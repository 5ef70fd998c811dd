import PeriscopeDSL

/// A scalar of a rule file (a name, an expression, a duration) with where it is written.
public struct LocatedText: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text, after YAML unescaping.
    public var value: String
    /// Where the value starts: a YAML line:column for a read file, the Swift line for the DSL.
    public var location: Location?
    /// Whether the file wrote it as a plain scalar that YAML types as something other than a
    /// string (`1`, `true`, `null`, `0x1f`); the writer then keeps it plain so the data does not change.
    public var isPlainLiteral: Bool

    /// Creates a located value.
    public init(_ value: String, at location: Location? = nil, isPlainLiteral: Bool = false) {
        self.value = value
        self.location = location
        self.isPlainLiteral = isPlainLiteral
    }

    /// A value with no location (tests, values built in code).
    public init(stringLiteral value: String) { self.init(value) }
}

/// One label or annotation of a rule, group or resource: a name and a value, in file order.
///
/// Prometheus' rulefmt reads them as `map[string]string`; the model keeps the written order
/// so that a file read and written back changes nothing but layout.
public struct RuleLabel: Sendable, Hashable {
    /// The label name, e.g. `severity`.
    public var name: String
    /// The value with its location (a template for annotations).
    public var value: LocatedText
    /// Where the name is written.
    public var nameLocation: Location?

    /// Creates a label.
    public init(name: String, value: LocatedText, nameLocation: Location? = nil) {
        self.name = name
        self.value = value
        self.nameLocation = nameLocation
    }

    /// Creates a label whose name and value share one location (the DSL's modifier line).
    public init(_ name: String, _ value: String, at location: Location? = nil) {
        self.init(name: name, value: LocatedText(value, at: location), nameLocation: location)
    }
}

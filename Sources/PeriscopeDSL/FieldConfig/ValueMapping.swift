/// What a value mapping shows instead of the value.
public struct MappingResult: Sendable, Hashable {
    /// The text to display.
    public var text: String?
    /// The colour to display it in.
    public var color: Color?
    /// An icon (used by some panels).
    public var icon: String?

    /// Creates a result.
    public init(text: String? = nil, color: Color? = nil, icon: String? = nil) {
        self.text = text
        self.color = color
        self.icon = icon
    }
}

/// Special values a mapping can match: `options.match` of a `special` mapping (Grafana's
/// `SpecialValueMatch`).
public enum SpecialValue: String, Sendable, Hashable {
    /// `null`: a missing value.
    case null
    /// `nan`: a value that is not a number.
    case nan
    /// `null+nan`: either of the above.
    case nullAndNaN = "null+nan"
    /// `true`: the boolean true.
    case `true`
    /// `false`: the boolean false.
    case `false`
    /// `empty`: an empty string.
    case empty
}

/// One exact value of a `.values` mapping and what it shows.
public struct ValueMatch: Sendable, Hashable {
    /// The raw value, as text.
    public var value: String
    /// What to show.
    public var result: MappingResult

    /// Creates a match.
    public init(_ value: String, _ result: MappingResult) {
        self.value = value
        self.result = result
    }
}

/// A value mapping: show text or a colour instead of a raw value.
///
/// ```swift
/// .mappings([.value("0", text: "Down", color: .red), .value("1", text: "Up", color: .green)])
/// ```
public enum ValueMapping: Sendable, Hashable {
    /// Exact values.
    case values([ValueMatch])
    /// A numeric range, either bound open.
    case range(from: Double?, to: Double?, MappingResult)
    /// A regular expression on the text value.
    case regex(String, MappingResult)
    /// A special value such as null or NaN.
    case special(SpecialValue, MappingResult)

    /// Maps one exact value.
    public static func value(_ value: String, text: String? = nil, color: Color? = nil) -> ValueMapping {
        .values([ValueMatch(value, MappingResult(text: text, color: color))])
    }
}

/// Types plain scalars with the YAML 1.2 core schema.
///
/// Yams' default resolver follows YAML 1.1, where `yes`, `no`, `on` and `off` are booleans
/// and `1:30` is the integer 90. Those surprises ("the Norway problem") have no place in
/// configuration, so environment files use the 1.2 core schema: `true`/`false`, decimal,
/// `0o` octal and `0x` hex integers, floats including `.inf` and `.nan`, and `~`/`null`/empty
/// for null. Quoted and block scalars are always strings.
public enum YAMLCoreSchema {
    /// The core schema's `str` tag.
    public static let stringTag = "tag:yaml.org,2002:str"
    /// The core schema's `int` tag.
    public static let intTag = "tag:yaml.org,2002:int"
    /// The core schema's `float` tag.
    public static let floatTag = "tag:yaml.org,2002:float"
    /// The core schema's `bool` tag.
    public static let boolTag = "tag:yaml.org,2002:bool"
    /// The core schema's `null` tag.
    public static let nullTag = "tag:yaml.org,2002:null"

    /// Types `scalar` by its explicit tag, or by its text when it is plain and untagged.
    public static func resolve(_ scalar: YAMLScalar) -> YAMLScalarValue {
        let text = scalar.text
        switch scalar.tag {
        case "":
            return scalar.isPlain ? resolvePlain(text) : .string(text)
        case "!", stringTag:
            return .string(text)
        case nullTag:
            return null(text) ?? .invalid("'\(text)' is not a YAML null")
        case boolTag:
            return bool(text) ?? .invalid("'\(text)' is not a YAML boolean (true or false)")
        case intTag:
            return integer(text) ?? .invalid("'\(text)' is not a YAML integer")
        case floatTag:
            if let value = integer(text), case .int(let int) = value { return .double(Double(int)) }
            return float(text) ?? .invalid("'\(text)' is not a YAML float")
        default:
            return .invalid("the YAML tag '\(scalar.tag)' is not supported (use plain or quoted values)")
        }
    }

    private static func resolvePlain(_ text: String) -> YAMLScalarValue {
        if let value = null(text) { return value }
        if let value = bool(text) { return value }
        if let value = integer(text) { return value }
        if let value = float(text) { return value }
        return .string(text)
    }

    private static func null(_ text: String) -> YAMLScalarValue? {
        ["", "~", "null", "Null", "NULL"].contains(text) ? .null : nil
    }

    private static func bool(_ text: String) -> YAMLScalarValue? {
        switch text {
        case "true", "True", "TRUE": .bool(true)
        case "false", "False", "FALSE": .bool(false)
        default: nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; a well-formed integer that does not fit
    /// `Int` is reported rather than silently turned into a float.
    private static func integer(_ text: String) -> YAMLScalarValue? {
        let bytes = Array(text.utf8)
        var digits = bytes[...]
        var radix = 10
        if text.hasPrefix("0o") {
            digits = bytes.dropFirst(2)
            radix = 8
        } else if text.hasPrefix("0x") {
            digits = bytes.dropFirst(2)
            radix = 16
        } else if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            digits = bytes.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
        let body = String(decoding: digits, as: UTF8.self)
        guard let magnitude = Int(body, radix: radix) else {
            // `Int.min` has no positive counterpart, so parse signed decimals whole.
            if radix == 10, let value = Int(text) { return .int(value) }
            return .invalid("the integer \(text) is too large (at most \(Int.max))")
        }
        return .int(text.hasPrefix("-") ? -magnitude : magnitude)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` or `.nan`.
    private static func float(_ text: String) -> YAMLScalarValue? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerPart = bytes.prefix { isDigit($0, radix: 10) }
        bytes = bytes.dropFirst(integerPart.count)
        var fractionPart = ArraySlice<UInt8>()
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionPart = bytes.prefix { isDigit($0, radix: 10) }
            bytes = bytes.dropFirst(fractionPart.count)
        }
        guard !integerPart.isEmpty || (hasPoint && !fractionPart.isEmpty) else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty, bytes.allSatisfy({ isDigit($0, radix: 10) }) else { return nil }
            bytes = []
        }
        guard bytes.isEmpty else { return nil }
        // Swift's parser accepts "1." and ".5" but not a trailing "e"; the grammar above already
        // excluded everything it would misread (hex floats, "inf", underscores).
        let normalized = text.hasSuffix(".") ? text + "0" : text
        return Double(normalized).map { .double($0) }
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch radix {
        case 8: byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
        case 16: (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
        default: byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }
}

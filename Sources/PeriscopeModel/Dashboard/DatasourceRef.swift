import PeriscopeDSL

extension Grafana {
    /// A panel's, target's, variable's or annotation's `datasource`, in every shape Grafana reads.
    ///
    /// Since Grafana 8.3 (schemaVersion 33) a reference is an object `{"type", "uid"}`; older
    /// dashboards name the datasource with a string, and `null` (or no key) means the default
    /// datasource. Special references are `-- Mixed --` (each target has its own),
    /// `-- Grafana --` and `-- Dashboard --`; variables such as `${DS_PROMETHEUS}`, `$datasource`
    /// or `[[datasource]]` stand for a datasource chosen by a template variable or an import input.
    public enum DatasourceRef: Sendable, Hashable, CustomStringConvertible {
        /// `{"type": …, "uid": …}`; either may be missing.
        case object(type: String?, uid: String?)
        /// A legacy string: a datasource name (or uid), or a special or variable reference.
        case name(String)
        /// An explicit `null`: the default datasource.
        case null

        /// Reads a `datasource` value; nil for shapes Grafana does not accept (numbers, arrays…).
        public init?(json: JSONValue) {
            switch json {
            case .null: self = .null
            case .string(let name): self = .name(name)
            case .object:
                let type = json["type"]
                let uid = json["uid"]
                if let type, !type.isNull, type.stringValue == nil { return nil }
                if let uid, !uid.isNull, uid.stringValue == nil { return nil }
                self = .object(type: type?.stringValue, uid: uid?.stringValue)
            default: return nil
            }
        }

        /// The uid, or for a legacy string the name (Grafana resolves either).
        public var identifier: String? {
            switch self {
            case .object(_, let uid): uid
            case .name(let name): name
            case .null: nil
            }
        }

        /// The plugin type (`prometheus`, `loki`, `datasource` for special ones), when written.
        public var type: String? {
            if case .object(let type, _) = self { return type }
            return nil
        }

        /// Whether this is the Mixed datasource, with a datasource per target.
        public var isMixed: Bool { identifier == "-- Mixed --" }

        /// Whether this is the default datasource (`null`, or an object with neither type nor uid).
        public var isDefault: Bool {
            switch self {
            case .null: true
            case .object(let type, let uid): type == nil && uid == nil
            case .name(let name): name == "default"
            }
        }

        /// The template variable or import input named by the reference (`DS_PROM` for
        /// `${DS_PROM}`, `datasource` for `$datasource` or `[[datasource]]`), if it is one.
        public var variableName: String? { identifier.flatMap(Grafana.variableReference) }

        /// The reference as written: `type/uid`, the name, or `null`.
        public var description: String {
            switch self {
            case .object(let type, let uid): "\(type ?? "")/\(uid ?? "")"
            case .name(let name): name
            case .null: "null"
            }
        }
    }

    /// The variable named by a whole-string variable reference: `$name`, `${name}`,
    /// `${name:format}` or `[[name]]` (Grafana's template syntaxes); nil otherwise.
    public static func variableReference(_ text: String) -> String? {
        // ASCII text, the usual case, is read as bytes: there bytes and characters agree.
        if let ascii = text.utf8.withContiguousStorageIfAvailable({ asciiVariableReference($0) }), let result = ascii { return result }
        func isName(_ name: Substring) -> Bool {
            !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        if text.hasPrefix("${"), text.hasSuffix("}") {
            let inner = text.dropFirst(2).dropLast()
            let name = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return isName(name) ? String(name) : nil
        }
        if text.hasPrefix("[["), text.hasSuffix("]]") {
            let inner = text.dropFirst(2).dropLast(2)
            let name = inner.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return isName(name) ? String(name) : nil
        }
        if text.hasPrefix("$") {
            let name = text.dropFirst()
            return isName(name) ? String(name) : nil
        }
        return nil
    }

    /// ``variableReference(_:)`` of ASCII text read as bytes; nil (the outer optional) when the
    /// text is not ASCII.
    private static func asciiVariableReference(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func name(_ range: Range<Int>, upToColon: Bool) -> String? {
            var end = range.lowerBound
            while end < range.upperBound, !(upToColon && bytes[end] == UInt8(ascii: ":")) {
                let byte = bytes[end]
                guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") else {
                    return nil
                }
                end += 1
            }
            return end > range.lowerBound ? String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self) : nil
        }
        let count = bytes.count
        if count >= 3, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "{"), bytes[count - 1] == UInt8(ascii: "}") {
            return .some(name(2..<(count - 1), upToColon: true))
        }
        if count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == UInt8(ascii: "["), bytes[count - 2] == UInt8(ascii: "]"), bytes[count - 1] == UInt8(ascii: "]") {
            return .some(name(2..<(count - 2), upToColon: true))
        }
        if count >= 1, bytes[0] == UInt8(ascii: "$") {
            return .some(name(1..<count, upToColon: false))
        }
        return .some(nil)
    }
}

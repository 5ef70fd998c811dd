/// What the values of a high-cardinality label have in common, for the hint under a
/// `live-label-values-over-budget` finding: ids in path segments (`/user/1234/profile` is
/// `/user/:id/profile`), whole values that are ids, and `code` values outside an allow-list.
public enum LabelValuePatterns {
    /// The kind of id a path segment or a whole value is.
    public enum IdentifierKind: String, Sendable, Hashable {
        /// Digits only (`1234`).
        case id
        /// A UUID in its 8-4-4-4-12 hex form.
        case uuid
        /// 16 or more hex digits (an MD5/SHA digest, a Mongo ObjectId, a trace id).
        case hash
    }

    /// The kind of id `segment` is, or nil for a word.
    public static func identifierKind(of segment: Substring) -> IdentifierKind? {
        let bytes = Array(segment.utf8)
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .id }
        if bytes.count == 36, [8, 13, 18, 23].allSatisfy({ bytes[$0] == UInt8(ascii: "-") }),
           bytes.enumerated().allSatisfy({ [8, 13, 18, 23].contains($0.offset) || isHex($0.element) }) {
            return .uuid
        }
        if bytes.count >= 16, bytes.allSatisfy(isHex), bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return .hash }
        return nil
    }

    /// `value` with every id segment between `/` (and before `?`) replaced by `:id`, `:uuid` or
    /// `:hash`; a value without `/` is replaced whole when it is an id. Query strings are dropped.
    public static func normalised(_ value: String) -> String {
        let path = value.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(value)
        guard path.contains("/") else {
            return identifierKind(of: path).map { ":\($0.rawValue)" } ?? value
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            identifierKind(of: segment).map { ":\($0.rawValue)" } ?? String(segment)
        }.joined(separator: "/")
    }

    /// A template that stands for several values, and how many.
    public struct Template: Sendable, Hashable {
        /// The normalised form (`/user/:id/profile`).
        public var template: String
        /// How many distinct values it stands for.
        public var values: Int
    }

    /// The analysis of one label's values.
    public struct Analysis: Sendable, Hashable {
        /// The templates that collapse at least two values, most values first (then by text).
        public var templates: [Template]
        /// The distinct values left after normalising.
        public var normalisedCount: Int
        /// Values outside the allow-list (for code labels), sorted; empty otherwise.
        public var unexpectedCodes: [String]
    }

    /// Analyses `values` of label `label`.
    public static func analyse(label: String, values: [String], allowedCodes: Set<String>) -> Analysis {
        var counts: [String: Int] = [:]
        for value in values { counts[normalised(value), default: 0] += 1 }
        let templates = counts.filter { $0.value > 1 }.map { Template(template: $0.key, values: $0.value) }
            .sorted { $0.values != $1.values ? $0.values > $1.values : $0.template < $1.template }
        let unexpected = LiveBudgets.isCodeLabel(label) ? values.filter { !allowedCodes.contains($0) }.sorted() : []
        return Analysis(templates: templates, normalisedCount: counts.count, unexpectedCodes: unexpected)
    }

    /// Up to `count` values spread over the sorted list (first, last and between), for the message.
    public static func sample(of values: [String], count: Int = 5) -> [String] {
        let sorted = values.sorted()
        guard sorted.count > count, count > 1 else { return sorted }
        return (0..<count).map { sorted[$0 * (sorted.count - 1) / (count - 1)] }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }
}

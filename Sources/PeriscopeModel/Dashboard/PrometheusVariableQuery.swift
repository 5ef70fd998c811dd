extension Grafana {
    /// A Prometheus query variable's query in Grafana's classic string form, split as Grafana's
    /// Prometheus datasource splits it (`metric_find_query.ts` and `migrations/variableMigration.ts`
    /// of the `@grafana/prometheus` package), so its PromQL parts can be read and edited.
    ///
    /// Grafana tries these forms in order; each must span the whole query up to trailing
    /// whitespace, and `.+` parts do not cross a line break (JavaScript's `.`):
    ///
    /// | Form | Grafana's pattern | PromQL part |
    /// |---|---|---|
    /// | `label_names(regex)` | `^label_names\((.+)\)\s*$` | none: a metric-name regex, Grafana builds `{__name__=~".*regex.*"}` itself |
    /// | `label_names()` | `^label_names\(\)\s*$` | none |
    /// | `label_values(selector, label)` | `^label_values\((?:(.+),\s*)?([a-zA-Z_$][a-zA-Z0-9_]*)\)\s*$` | the series selector (`match[]`), unless it is `{}` |
    /// | `label_values(label)` | the same, without the selector | none, one can be added |
    /// | `metrics(regex)` | `^metrics\((.+)\)\s*$` | none: a metric-name regex |
    /// | `query_result(expr)` | `^query_result\((.+)\)\s*$` | the expression |
    /// | anything else | | the whole query, a series selector (`/api/v1/series?match[]=…`) |
    ///
    /// Ranges are byte offsets into the query's UTF-8.
    public struct PrometheusVariableQuery: Sendable, Equatable {
        /// The forms Grafana tells apart.
        public enum Kind: Sendable, Equatable {
            /// `label_names()` or `label_names(regex)`.
            case labelNames
            /// `label_values(label)` or `label_values(selector, label)`.
            case labelValues
            /// `metrics(regex)`: metric names matching the regex.
            case metrics
            /// `query_result(expr)`: the results of an instant query.
            case queryResult
            /// Any other query: a series selector whose series Grafana lists.
            case series
        }

        /// The form.
        public let kind: Kind
        /// The argument: the regex of `label_names` and `metrics`, the selector of
        /// `label_values` (nil when absent), the expression of `query_result`, the whole query
        /// of a series query.
        public let argument: Range<Int>?
        /// The label of `label_values`.
        public let label: Range<Int>?
        /// The range of PromQL Grafana sends to Prometheus (a series selector or an
        /// expression), if any. A `label_values` selector is not sent when it is `{}` with
        /// spaces around or inside it (Grafana's `isFilterDefined`).
        public let promQLRange: Range<Int>?

        /// Splits `query` the way Grafana does.
        public init(_ query: String) {
            let bytes = Array(query.utf8)
            let end = bytes.count - Self.whiteSpaceWidth(query.unicodeScalars.reversed(), keeping: 0)
            if let inner = Self.arguments(of: "label_names", in: bytes, end: end) {
                self.init(kind: .labelNames, argument: inner.isEmpty ? nil : inner, label: nil, promQLRange: nil)
            } else if let inner = Self.arguments(of: "label_values", in: bytes, end: end), let split = Self.labelValues(bytes, inner) {
                self = split
            } else if let inner = Self.arguments(of: "metrics", in: bytes, end: end, nonEmpty: true) {
                self.init(kind: .metrics, argument: inner, label: nil, promQLRange: nil)
            } else if let inner = Self.arguments(of: "query_result", in: bytes, end: end, nonEmpty: true) {
                self.init(kind: .queryResult, argument: inner, label: nil, promQLRange: inner)
            } else if let kind = Self.emptyForms[query] {
                // Grafana answers these with no options instead of a series query.
                self.init(kind: kind, argument: nil, label: nil, promQLRange: nil)
            } else {
                self.init(kind: .series, argument: 0..<bytes.count, label: nil, promQLRange: 0..<bytes.count)
            }
        }

        private init(kind: Kind, argument: Range<Int>?, label: Range<Int>?, promQLRange: Range<Int>?) {
            (self.kind, self.argument, self.label, self.promQLRange) = (kind, argument, label, promQLRange)
        }

        private static let emptyForms: [String: Kind] = ["label_values()": .labelValues, "metrics()": .metrics, "query_result()": .queryResult]

        /// `name(` … `)` spanning `bytes[..<end]`: the range inside the parentheses. With
        /// `nonEmpty`, it is Grafana's `(.+)`: not empty, no line break.
        private static func arguments(of name: String, in bytes: [UInt8], end: Int, nonEmpty: Bool = false) -> Range<Int>? {
            let prefix = Array(name.utf8) + [UInt8(ascii: "(")]
            guard end >= prefix.count + 1, bytes.starts(with: prefix), bytes[end - 1] == UInt8(ascii: ")") else { return nil }
            let inner = prefix.count..<(end - 1)
            return !nonEmpty || isDotPlus(bytes[inner]) ? inner : nil
        }

        /// `label_values`'s arguments, split by `(?:(.+),\s*)?(.+)`: the selector's greedy `.+`
        /// runs to the last comma that leaves a selector and a label without line breaks; the
        /// label is the rest after white space (which may span lines), keeping one character.
        /// With no such comma the whole argument is the label.
        private static func labelValues(_ bytes: [UInt8], _ inner: Range<Int>) -> Self? {
            for comma in (inner.lowerBound + 1..<Swift.max(inner.lowerBound + 1, inner.upperBound - 1)).reversed() where bytes[comma] == UInt8(ascii: ",") {
                let selector = inner.lowerBound..<comma
                let rest = String(decoding: bytes[(comma + 1)..<inner.upperBound], as: UTF8.self)
                let label = (comma + 1 + whiteSpaceWidth(rest.unicodeScalars, keeping: 1))..<inner.upperBound
                guard isDotPlus(bytes[selector]), isDotPlus(bytes[label]) else { continue }
                let isDefined = bytes[selector].filter { $0 != UInt8(ascii: " ") } != Array("{}".utf8)
                return Self(kind: .labelValues, argument: selector, label: label, promQLRange: isDefined ? selector : nil)
            }
            return isDotPlus(bytes[inner]) ? Self(kind: .labelValues, argument: nil, label: inner, promQLRange: nil) : nil
        }

        /// Whether JavaScript's `.+` matches all of `bytes`: not empty, and no line terminator
        /// (LF, CR, U+2028, U+2029), which `.` does not match.
        private static func isDotPlus(_ bytes: ArraySlice<UInt8>) -> Bool {
            !bytes.isEmpty && !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { [0x0A, 0x0D, 0x2028, 0x2029].contains($0.value) }
        }

        /// The UTF-8 width of the leading JavaScript `\s` characters of `scalars` (ASCII white
        /// space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF),
        /// leaving at least `keeping` scalars.
        private static func whiteSpaceWidth<S: Sequence<Unicode.Scalar>>(_ scalars: S, keeping: Int) -> Int {
            let all = Array(scalars)
            var width = 0
            for scalar in all.dropLast(keeping) {
                let value = scalar.value
                let isSpace = value == 0x20 || (0x09...0x0D).contains(value) || (0x2000...0x200A).contains(value)
                    || [0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF].contains(value)
                guard isSpace else { break }
                width += scalar.utf8.count
            }
            return width
        }
    }
}

/// Safe Swift identifiers for generated dashboard code, derived from titles: `"5xx errors / route"` → `errors5xxRoute`-like
/// camel case, with keywords, leading digits, emoji and duplicates handled.
enum DashboardIdentifier {
    /// Swift's reserved words (declarations, statements, expressions and types, and the
    /// contextual ones that cannot name a `static var` unescaped), from The Swift Programming
    /// Language, "Lexical Structure: Keywords and Punctuation".
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "_", "Type", "Protocol",
    ]

    /// The words of `title`: runs of ASCII letters and digits; everything else (spaces,
    /// punctuation, emoji, other scripts) separates words. A camel-case word boundary inside a run
    /// (`requestRate`) is kept as written.
    static func words(_ title: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in title.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A lower-camel-case identifier for a `static var`/`func`, e.g. `"Request rate (5m)"` →
    /// `requestRate5m`; `fallback` when the title has no usable letters or digits (`"🔥"`, `""`).
    ///
    /// A name that starts with a digit gets `fallback` in front (`"5xx"` → `panel5xx`); a keyword
    /// gets `fallback` appended (`"default"` → `defaultPanel`).
    static func lowerCamel(_ title: String, fallback: String) -> String {
        let parts = words(title)
        guard !parts.isEmpty else { return fallback }
        var name = ""
        for (index, word) in parts.enumerated() {
            if index == 0 {
                // Keep an all-caps first word as a lower-cased acronym (`CPU usage` → `cpuUsage`).
                name += word == word.uppercased() ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst()
            } else {
                name += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) {
            name = fallback + name.prefix(1).uppercased() + name.dropFirst()
        }
        if keywords.contains(name) { name += fallback.prefix(1).uppercased() + fallback.dropFirst() }
        return name
    }

    /// An upper-camel-case type name, e.g. `"Kafka topic / overview"` → `KafkaTopicOverview`;
    /// `fallback` when the title has no usable letters or digits. A name that starts with a digit
    /// gets `fallback` in front; a name in `reserved` (a type of the DSL the file imports) gets
    /// `fallback` appended.
    static func upperCamel(_ title: String, fallback: String, reserved: Set<String> = []) -> String {
        let parts = words(title)
        guard !parts.isEmpty else { return fallback }
        var name = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = fallback + name }
        if keywords.contains(name) || reserved.contains(name) { name += fallback }
        return name
    }

    /// `name`, or `name2`, `name3`, … the first one not in `taken`; inserts the result into `taken`.
    static func unique(_ name: String, in taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate) {
            candidate = name + String(counter)
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// The public type names of the DSL that a generated enum must not shadow.
    static let dslTypeNames: Set<String> = [
        "Dashboard", "Row", "Panel", "TimeSeries", "Stat", "Gauge", "BarGauge", "BarChart", "Table", "Text", "Heatmap",
        "Histogram", "PieChart", "Logs", "StateTimeline", "StatusHistory", "AlertList", "PrometheusQuery", "LokiQuery",
        "Query", "Unit", "Color", "Environment", "Catalog", "Variable", "Annotation", "DashboardLink", "DataLink",
        "Thresholds", "Transformation", "Periscope", "RuleGroup", "AlertRule", "RecordingRule", "SLO", "Severity",
        "GridPos", "Repeat", "JSONValue", "FieldProperty", "FieldMatcher", "ValueMapping", "EnvironmentName",
        "QueryVariable", "CustomVariable", "DatasourceVariable", "IntervalVariable", "ConstantVariable",
        "TextboxVariable", "AdhocVariable", "DatasourceReference", "Monitoring", "String", "Int", "Double", "Bool",
        "Array", "Dictionary", "Set", "Optional", "Never", "Error",
    ]
}

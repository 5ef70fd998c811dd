import PeriscopeDSL

/// Reads a metrics inventory (`metrics.yaml`, shape in `MetricsInventory`) with the line and
/// column of every metric and label.
///
/// Every problem is a located diagnostic `path:line:col: error: [inventory-…] message` naming
/// what was expected (ids in `InventoryDiagnosticID`; YAML syntax errors keep the `yaml-*`
/// ids), and reading goes on so that one run reports them all; an entry with an error is left
/// out of the inventory. Bad input never traps.
public struct MetricsInventoryReader: Sendable {
    /// The path shown in locations.
    public var path: String
    /// Larger files are refused before parsing (bytes; 32 MiB by default, far above any real inventory).
    public var maximumFileSize: Int

    /// Creates a reader for the file at `path` (read from disk by `readFile()`, or named only).
    public init(path: String, maximumFileSize: Int = 32 << 20) {
        self.path = path
        self.maximumFileSize = maximumFileSize
    }

    /// The YAML caps: metrics inventories are four levels deep; 4 million nodes is about 500,000 labels.
    public static let limits = YAMLReader.Limits(maximumDepth: 32, maximumNodes: 4_000_000, fileKind: "metrics inventories")

    /// What reading gave.
    public struct Result: Sendable {
        /// The inventory, without the entries that have errors.
        public var inventory: MetricsInventory
        /// Problems, in file order.
        public var diagnostics: [Diagnostic]
        /// Whether any diagnostic is an error.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the file at `path` from disk.
    public func readFile() -> Result {
        switch FileBytes.read(path, limit: maximumFileSize, regularFileOnly: true) {
        case .success(let bytes):
            return read(bytes)
        case .failure(let failure):
            return self.failure(failure.message(reading: "metrics inventory", at: path, expected: "a metrics.yaml inventory", limit: maximumFileSize))
        }
    }

    /// Reads a file's bytes: they must be UTF-8 without NUL bytes.
    public func read(_ bytes: [UInt8]) -> Result {
        guard bytes.count <= maximumFileSize else {
            return failure(FileBytes.tooLargeMessage("metrics inventory", size: bytes.count, limit: maximumFileSize))
        }
        if let problem = UTF8Check.firstProblem(in: bytes) {
            let location = UTF8Check.location(ofByte: problem.offset, in: bytes, path: path)
            let message = bytes[problem.offset] == 0 ? "metrics inventory contains a NUL byte (expected UTF-8 text)"
                : "metrics inventory is not valid UTF-8 (expected UTF-8 text)"
            return Result(inventory: MetricsInventory(), diagnostics: [.error(message, at: location, id: InventoryDiagnosticID.fileUnreadable)])
        }
        return read(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Reads YAML text.
    public func read(text: String) -> Result {
        if let offset = text.utf8.firstIndex(of: 0) {
            let location = UTF8Check.location(ofByte: text.utf8.distance(from: text.utf8.startIndex, to: offset), in: Array(text.utf8), path: path)
            return Result(inventory: MetricsInventory(),
                          diagnostics: [.error("metrics inventory contains a NUL byte (expected UTF-8 text)", at: location, id: InventoryDiagnosticID.fileUnreadable)])
        }
        let yaml = YAMLReader(path: path, limits: Self.limits).read(text)
        var parser = InventoryParser()
        let inventory = yaml.root.map { parser.inventory($0) } ?? MetricsInventory()
        return Result(inventory: inventory, diagnostics: yaml.diagnostics + parser.diagnostics)
    }

    private func failure(_ message: String) -> Result {
        Result(inventory: MetricsInventory(), diagnostics: [.error(message, at: FileLocation(path: path), id: InventoryDiagnosticID.fileUnreadable)])
    }
}

/// Turns the YAML tree of a `metrics.yaml` into a `MetricsInventory`.
struct InventoryParser {
    var diagnostics: [Diagnostic] = []

    static let rootKeys = ["metrics"]
    static let metricKeys = ["type", "help", "unit", "series", "labels"]
    static let labelKeys = ["values", "max"]

    private mutating func error(_ message: String, at location: FileLocation, _ id: DiagnosticID) {
        diagnostics.append(.error(message, at: location, id: id))
    }

    private mutating func unknownKey(_ entry: YAMLEntry, in place: String, expected: [String]) {
        error("unknown key '\(entry.key)' in \(place) (expected one of: \(expected.joined(separator: ", ")))\(KeySuggestion.hint(for: entry.key, among: expected))",
              at: entry.keyLocation, InventoryDiagnosticID.keyUnknown)
    }

    /// The entries of a map; nil (and a type error) for anything else; empty for null.
    private mutating func entries(_ tree: YAMLTree, _ what: String, expected: String) -> [YAMLEntry]? {
        if let entries = tree.entries { return entries }
        if tree.isNull { return [] }
        error("\(what): expected \(expected), got \(tree.kindDescription)", at: tree.location, InventoryDiagnosticID.typeMismatch)
        return nil
    }

    mutating func inventory(_ root: YAMLTree) -> MetricsInventory {
        guard let rootEntries = entries(root, "metrics inventory", expected: "a map with 'metrics'") else { return MetricsInventory() }
        var metrics: [InventoryMetric] = []
        for entry in rootEntries {
            guard entry.key == "metrics" else {
                unknownKey(entry, in: "the metrics inventory", expected: Self.rootKeys)
                continue
            }
            guard let metricEntries = entries(entry.value, "metrics", expected: "a map from metric names to their type, help and labels") else { continue }
            for metricEntry in metricEntries {
                if let metric = metric(metricEntry) { metrics.append(metric) }
            }
        }
        checkDuplicates(metrics)
        return MetricsInventory(metrics: metrics)
    }

    private mutating func metric(_ entry: YAMLEntry) -> InventoryMetric? {
        let name = entry.key
        var valid = true
        if !RuleNames.isValidMetricName(name) {
            error("invalid metric name '\(name)' (expected a name matching [a-zA-Z_:][a-zA-Z0-9_:]*)", at: entry.keyLocation, InventoryDiagnosticID.nameInvalid)
            valid = false
        }
        let what = "metric '\(name)'"
        guard let fields = entries(entry.value, what, expected: "a map with type, help and labels") else { return nil }
        var metric = InventoryMetric(name: name, type: .unknown, location: .file(entry.keyLocation))
        for field in fields {
            switch field.key {
            case "type":
                guard let text = text(field.value, "type of \(what)", expected: "a metric type") else { valid = false; continue }
                if let type = MetricType(metadataType: text) {
                    metric.type = type
                } else {
                    let names = MetricType.allCases.map(\.rawValue)
                    error("unknown type '\(text)' of \(what) (expected one of: \(names.joined(separator: ", ")))\(KeySuggestion.hint(for: text, among: names))",
                          at: field.value.location, InventoryDiagnosticID.metricTypeUnknown)
                    valid = false
                }
            case "help":
                if let text = text(field.value, "help of \(what)", expected: "a string") { metric.help = text } else if !field.value.isNull { valid = false }
            case "unit":
                if let text = text(field.value, "unit of \(what)", expected: "a string") { metric.unit = text } else if !field.value.isNull { valid = false }
            case "series":
                if let count = count(field.value, "series of \(what)") { metric.series = count } else { valid = false }
            case "labels":
                guard let labelEntries = entries(field.value, "labels of \(what)", expected: "a map from label names to { values, max }") else {
                    valid = false
                    continue
                }
                for labelEntry in labelEntries {
                    guard let label = label(labelEntry, of: what) else { valid = false; continue }
                    metric.labels[label.name] = label
                }
            default:
                unknownKey(field, in: what, expected: Self.metricKeys)
                valid = false
            }
        }
        return valid ? metric : nil
    }

    private mutating func label(_ entry: YAMLEntry, of metric: String) -> InventoryLabel? {
        var valid = true
        if !RuleNames.isValidLabelName(entry.key) {
            error("invalid label name '\(entry.key)' of \(metric) (expected a name matching [a-zA-Z_][a-zA-Z0-9_]*)", at: entry.keyLocation, InventoryDiagnosticID.nameInvalid)
            valid = false
        }
        let what = "label '\(entry.key)' of \(metric)"
        guard let fields = entries(entry.value, what, expected: "a map { values: N, max: N }") else { return nil }
        var maximum: Int?
        var values: Int?
        for field in fields {
            switch field.key {
            case "max":
                maximum = count(field.value, "max of \(what)")
                if maximum == nil { valid = false }
            case "values":
                values = count(field.value, "values of \(what)")
                if values == nil { valid = false }
            default:
                unknownKey(field, in: what, expected: Self.labelKeys)
                valid = false
            }
        }
        guard valid else { return nil }
        guard let maximum else {
            if !fields.contains(where: { $0.key == "max" }) {
                error("\(what) has no budget (expected 'max: N', the most distinct values it may have)", at: entry.keyLocation, InventoryDiagnosticID.budgetMissing)
            }
            return nil
        }
        return InventoryLabel(name: entry.key, maximumValues: maximum, values: values, location: .file(entry.keyLocation))
    }

    /// A scalar's text; nil (and a type error) for a map or list, nil for null.
    private mutating func text(_ tree: YAMLTree, _ what: String, expected: String) -> String? {
        guard let scalar = tree.scalar else {
            error("\(what): expected \(expected), got \(tree.kindDescription)", at: tree.location, InventoryDiagnosticID.typeMismatch)
            return nil
        }
        return scalar.isNull ? nil : scalar.text
    }

    /// A non-negative integer; nil after reporting anything else.
    private mutating func count(_ tree: YAMLTree, _ what: String) -> Int? {
        guard let scalar = tree.scalar else {
            error("\(what): expected a non-negative integer, got \(tree.kindDescription)", at: tree.location, InventoryDiagnosticID.typeMismatch)
            return nil
        }
        if case .int(let value) = scalar.resolved, scalar.isPlain {
            if value >= 0 { return value }
            error("\(what) is \(value) (expected a non-negative integer)", at: tree.location, InventoryDiagnosticID.countInvalid)
            return nil
        }
        error("\(what): expected a non-negative integer, got \(scalar.kindDescription)", at: tree.location, InventoryDiagnosticID.countInvalid)
        return nil
    }

    /// Entries whose name is a sample of another entry's family (`foo_bucket` next to histogram `foo`).
    private mutating func checkDuplicates(_ metrics: [InventoryMetric]) {
        var byName: [String: InventoryMetric] = [:]
        for metric in metrics { byName[metric.name] = metric }
        for metric in metrics {
            for suffix in MetricsInventory.allSuffixes where metric.name.hasSuffix(suffix) && metric.name.count > suffix.count {
                let base = String(metric.name.dropLast(suffix.count))
                guard let family = byName[base], family.type.sampleSuffixes.contains(suffix), case .file(let location)? = metric.location else { continue }
                let first = family.location.map { " (written at \($0.line):\($0.column))" } ?? ""
                error("metric '\(metric.name)' is the \(suffix) sample of \(family.type.rawValue) '\(base)'\(first); list a family once, under one name",
                      at: location, InventoryDiagnosticID.metricDuplicate)
            }
        }
    }
}

/// "Did you mean …?" for misspelled keys (the compiler's environment files use the same rule:
/// case-insensitive equality, or an edit distance of at most a third of the word, 1 to 3).
public enum KeySuggestion {
    /// `"; did you mean 'x'?"` for the closest candidate, or "" when none is close.
    public static func hint(for word: String, among candidates: [String]) -> String {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered && $0 != word }) { return "; did you mean '\(exact)'?" }
        let limit = min(3, max(1, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best.map { "; did you mean '\($0.candidate)'?" } ?? ""
    }

    /// Optimal string alignment distance (a swap of neighbours is one edit).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}

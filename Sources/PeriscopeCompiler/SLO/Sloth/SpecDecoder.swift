import PeriscopeDSL
import PeriscopeModel

/// Typed, located reads of a YAML tree for the SLO spec readers: every wrong type and unknown
/// key becomes an error at the node's line and column, naming what was expected.
struct SpecDecoder {
    var diagnostics: [Diagnostic] = []

    /// The number of errors so far.
    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    mutating func error(_ message: String, at location: FileLocation, id: DiagnosticID = SLODiagnosticID.specInvalid) {
        diagnostics.append(.error(message, at: location, id: id))
    }

    /// The entries of a map, keyed by name, with unknown keys reported; nil (and an error)
    /// for anything but a map. A null is an empty map.
    ///
    /// Keys in `ignoring` (a spelling mapped to the key meant) are skipped with a warning.
    mutating func fields(_ tree: YAMLTree, _ what: String, allowed: [String], ignoring: [String: String] = [:]) -> [String: YAMLEntry]? {
        if tree.isNull { return [:] }
        guard let entries = tree.entries else {
            error("\(what): expected a map, got \(tree.kindDescription)", at: tree.location)
            return nil
        }
        var result: [String: YAMLEntry] = [:]
        for entry in entries {
            if let meant = ignoring[entry.key] {
                diagnostics.append(Diagnostic(.warning, "'\(entry.key)' in \(what) is ignored, as Sloth ignores it (expected '\(meant)' in this spec format; '\(entry.key)' is the Kubernetes resource's spelling)",
                                              at: .file(entry.keyLocation), id: SLODiagnosticID.specInvalid))
                continue
            }
            guard allowed.contains(entry.key) else {
                error("unknown key '\(entry.key)' in \(what) (expected one of: \(allowed.joined(separator: ", "))\(Suggestion.hint(for: entry.key, among: allowed)))",
                      at: entry.keyLocation)
                continue
            }
            if !entry.value.isNull { result[entry.key] = entry }
        }
        return result
    }

    /// A string scalar (quoted, or plain text that YAML does not read as a number, boolean or null).
    mutating func string(_ entry: YAMLEntry?, _ what: String) -> String? {
        guard let entry else { return nil }
        if let scalar = entry.value.scalar, case .string(let text) = scalar.resolved { return text }
        error("\(what): expected a string, got \(entry.value.kindDescription)", at: entry.value.location)
        return nil
    }

    /// A number scalar.
    mutating func number(_ entry: YAMLEntry?, _ what: String) -> Double? {
        guard let entry else { return nil }
        switch entry.value.scalar?.resolved {
        case .int(let value)?: return Double(value)
        case .double(let value)?: return value
        default:
            error("\(what): expected a number, got \(entry.value.kindDescription)", at: entry.value.location)
            return nil
        }
    }

    /// A boolean scalar.
    mutating func bool(_ entry: YAMLEntry?, _ what: String) -> Bool? {
        guard let entry else { return nil }
        if case .bool(let value)? = entry.value.scalar?.resolved { return value }
        error("\(what): expected true or false, got \(entry.value.kindDescription)", at: entry.value.location)
        return nil
    }

    /// A map of strings (labels, annotations), with label names checked when `labelNames`.
    mutating func stringMap(_ entry: YAMLEntry?, _ what: String, labelNames: Bool = true) -> [String: String] {
        guard let entry, let entries = entry.value.entries else {
            if let entry { error("\(what): expected a map of strings, got \(entry.value.kindDescription)", at: entry.value.location) }
            return [:]
        }
        var result: [String: String] = [:]
        for item in entries {
            if labelNames, !RuleNames.isValidLabelName(item.key) || item.key == "__name__" {
                error("invalid label name '\(item.key)' in \(what) (expected a name matching [a-zA-Z_][a-zA-Z0-9_]*)", at: item.keyLocation)
            }
            if let value = string(item, "\(what).\(item.key)") { result[item.key] = value }
        }
        return result
    }

    /// A duration scalar, in milliseconds.
    mutating func duration(_ entry: YAMLEntry?, _ what: String) -> PrometheusDuration? {
        guard let entry, let text = string(entry, what) else { return nil }
        let duration = PrometheusDuration(text)
        if let problem = duration.problem {
            error("\(what) '\(text)' is not a duration: \(problem) (expected e.g. 5m, 1h or 30d)", at: entry.value.location)
            return nil
        }
        return duration
    }
}

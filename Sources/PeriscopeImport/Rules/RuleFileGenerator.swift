import Foundation
import PeriscopeDSL
import PeriscopeModel
import PromQL

/// The Swift file for one rule file (see ``RuleImporter``).
struct RuleFileGenerator {
    let type: String
    let path: String
    let file: RuleFile
    let defaultNamespace: String
    let mappedSeverityTiers: Set<String>

    /// The severity tiers the DSL names (`Severity.page`, …).
    static let namedTiers: Set<String> = ["page", "ticket", "info", "warning", "critical"]

    /// The groups of the file with the namespace each renders into, in file order.
    func groupsWithNamespaces() -> [(group: RuleGroupNode, namespace: String)] {
        func walk(_ document: RuleDocument, _ inherited: String) -> [(RuleGroupNode, String)] {
            var namespace = inherited
            if let name = document.namespace?.value, !name.isEmpty { namespace = name }
            if let name = document.resource?.metadata.name?.value, !name.isEmpty { namespace = name }
            return document.groups.map { ($0, namespace) } + document.items.flatMap { walk($0, namespace) }
        }
        return file.documents.flatMap { walk($0, defaultNamespace) }
    }

    /// The generated file; nil when the file has no groups (nothing to render).
    func source() throws(ImportFailure) -> ImportedSource? {
        let groups = groupsWithNamespaces()
        if groups.isEmpty { return nil }
        try check(groups.map(\.group))

        var members = SwiftIdentifierScope(reserved: ["namespace", "groups", type])
        let namespaces = groups.map(\.namespace).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let single = namespaces.count == 1
        let groupNames = groups.map { members.unique(SwiftIdentifier.lowerCamel($0.group.name.value + " group")) }
        // Rules of one name (a warning/critical pair) are told apart by their severity.
        var nameCounts: [String: Int] = [:]
        for (group, _) in groups { for rule in group.rules { nameCounts[rule.name.value, default: 0] += 1 } }

        var out: [String] = ["import Periscope", ""]
        out.append("/// The rules of \(Self.commentText(path)), imported by `periscope import rules`.")
        out.append("enum \(type) {")
        if single {
            out.append("    /// The rule namespace: `prometheus/rules/\(Self.commentText(namespaces[0])).yaml`.")
            out.append("    static let namespace = \(SwiftLiteral.string(namespaces[0]))")
            out.append("")
        }
        out.append("    /// The rule groups, in the order of the file.")
        out.append("    static func groups(_ env: Environment) -> [RuleGroup] {")
        out.append("        [")
        out += groupNames.map { "            \($0)," }
        out.append("        ]")
        out.append("    }")

        for (index, entry) in groups.enumerated() {
            let group = entry.group
            var ruleNames: [String] = []
            var ruleTexts: [String] = []
            for rule in group.rules {
                var base = SwiftIdentifier.lowerCamel(rule.name.value, fallback: rule.kind == .alert ? "alert" : "recording")
                if nameCounts[rule.name.value, default: 0] > 1, let severity = rule.label("severity") {
                    base += SwiftIdentifier.upperCamel(severity, fallback: "")
                }
                let name = members.unique(base)
                ruleNames.append(name)
                ruleTexts.append(declaration(of: rule, as: name))
            }
            out.append("")
            out.append("    // MARK: \(Self.commentText(group.name.value))")
            out.append("")
            out.append("    static var \(groupNames[index]): RuleGroup {")
            let namespace = single ? "namespace" : SwiftLiteral.string(entry.namespace)
            if ruleNames.isEmpty {
                out.append("        RuleGroup(\(SwiftLiteral.string(group.name.value)), namespace: \(namespace)) {}")
            } else {
                out.append("        RuleGroup(\(SwiftLiteral.string(group.name.value)), namespace: \(namespace)) {")
                out += ruleNames.map { "            \($0)" }
                out.append("        }")
            }
            if let interval = group.interval { out.append("        .interval(\(SwiftLiteral.string(interval.value)))") }
            if let limit = group.limit { out.append("        .limit(\(limit))") }
            if let offset = group.queryOffset { out.append("        .queryOffset(\(SwiftLiteral.string(offset.value)))") }
            out += labelLines(group.labels.map { ($0.name, $0.value.value) }, indentation: "        ")
            out.append("    }")
            for text in ruleTexts {
                out.append("")
                out.append(text)
            }
        }
        out.append("}")
        let definitions = [ImportedDefinition(kind: .ruleGroups, expression: "\(type).groups(env)")]
        return ImportedSource(fileName: type + ".swift", text: out.joined(separator: "\n") + "\n", definitions: definitions, inputPath: path)
    }

    /// `static let name = AlertRule(…)` with its modifiers.
    func declaration(of rule: RuleNode, as name: String) -> String {
        let expr = Self.trimmingTrailingLineBreaks(rule.expr.value)
        let exprLiteral = SwiftLiteral.string(expr, indentation: "        ")
        var lines: [String] = []
        switch rule.kind {
        case .alert: lines.append("    static let \(name) = AlertRule(\(SwiftLiteral.string(rule.name.value)), expr: \(exprLiteral))")
        case .record: lines.append("    static let \(name) = RecordingRule(\(SwiftLiteral.string(rule.name.value)), expr: \(exprLiteral))")
        }
        let indentation = "        "
        if let duration = rule.forDuration { lines.append(indentation + ".for(\(SwiftLiteral.string(duration.value)))") }
        if let duration = rule.keepFiringFor { lines.append(indentation + ".keepFiringFor(\(SwiftLiteral.string(duration.value)))") }
        var labels = rule.labels.map { ($0.name, $0.value.value) }
        if rule.kind == .alert, let index = labels.firstIndex(where: { $0.0 == "severity" }), let tier = severityModifier(labels[index].1) {
            lines.append(indentation + ".severity(\(tier))")
            labels.remove(at: index)
        }
        var annotations = rule.annotations.map { ($0.name, $0.value.value) }
        for (key, modifier) in [("summary", "summary"), ("description", "description"), ("runbook_url", "runbook")] {
            guard let index = annotations.firstIndex(where: { $0.0 == key }) else { continue }
            lines.append(indentation + ".\(modifier)(\(SwiftLiteral.string(annotations[index].1, indentation: indentation + "    ")))")
            annotations.remove(at: index)
        }
        for (key, value) in annotations.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            lines.append(indentation + ".annotation(\(SwiftLiteral.string(key)), \(SwiftLiteral.string(value, indentation: indentation + "    ")))")
        }
        lines += labelLines(labels, indentation: indentation)
        return lines.joined(separator: "\n")
    }

    /// `.severity(.critical)`, `.severity("P1")`; nil when the value must stay a plain label (a
    /// tier an environment maps to something else, a template, an empty value).
    func severityModifier(_ value: String) -> String? {
        if value.isEmpty || value.contains("{{") || mappedSeverityTiers.contains(value) { return nil }
        return Self.namedTiers.contains(value) ? "." + value : SwiftLiteral.string(value)
    }

    /// `.label(k, v)` for one label, `.labels([…])` for several, sorted by name.
    func labelLines(_ labels: [(String, String)], indentation: String) -> [String] {
        switch labels.count {
        case 0: return []
        case 1: return [indentation + ".label(\(SwiftLiteral.string(labels[0].0)), \(SwiftLiteral.string(labels[0].1)))"]
        default: return [indentation + ".labels(\(SwiftLiteral.dictionary(labels, indentation: indentation + "    ")))"]
        }
    }

    /// Rules of one group with the same kind, name, labels and expression: promtool only lints
    /// them ("duplicate rules"), but Periscope's render refuses a copy (`rule-name-duplicate`),
    /// so the import says so at the second one (`import-rule-duplicate`, a warning). The same
    /// name and labels with another expression render, with the render's own warning.
    func duplicateWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (group, _) in groupsWithNamespaces() {
            var seen: [String: Location?] = [:]
            for rule in group.rules {
                let labels = rule.labels.map { "\($0.name)=\($0.value.value)" }.sorted().joined(separator: ",")
                let key = "\(rule.kind.rawValue)|\(rule.name.value)|\(labels)|\(rule.expr.value)"
                if let first = seen[key] {
                    var diagnostic = Diagnostic(.warning, "\(rule.kind == .alert ? "alert" : "recording rule") '\(rule.name.value)' repeats an earlier rule of group '\(group.name.value)' with the same labels and expression; promtool only lints this, but render refuses the copy (rule-name-duplicate): remove it, or give one of them a distinguishing label",
                                                at: rule.location ?? .file(FileLocation(path: path)), id: "import-rule-duplicate")
                    if let first { diagnostic.related = [Diagnostic.Related("first declared at", first)] }
                    warnings.append(diagnostic)
                } else {
                    seen[key] = rule.location
                }
            }
        }
        return warnings
    }

    /// Keys the DSL cannot express and PromQL that does not parse.
    func check(_ groups: [RuleGroupNode]) throws(ImportFailure) {
        var errors: [Diagnostic] = []
        func unsupported(_ entries: [YAMLEntry], _ owner: String) {
            for entry in entries {
                errors.append(.error("'\(entry.key)' of \(owner) cannot be imported: Periscope's rules have no such setting (expected the keys Prometheus' rule format defines)",
                                     at: entry.keyLocation, id: RuleImporter.unsupportedKeyID))
            }
        }
        for group in groups {
            unsupported(group.extra, "group '\(group.name.value)'")
            for rule in group.rules {
                let owner = "\(rule.kind == .alert ? "alert" : "recording rule") '\(rule.name.value)'"
                unsupported(rule.extra, owner)
                do {
                    _ = try PromQL.parse(rule.expr.value, options: ParseOptions(target: .v3))
                } catch {
                    let location = rule.expr.location ?? rule.location ?? .file(FileLocation(path: path))
                    let lines = rule.expr.value.split(separator: "\n", omittingEmptySubsequences: false)
                    var notes: [String] = []
                    if error.line >= 1, error.line <= lines.count {
                        notes = [String(lines[error.line - 1]), String(repeating: " ", count: max(0, error.column - 1)) + "^"]
                    }
                    errors.append(Diagnostic(.error, "invalid PromQL in \(owner): \(error.message) (line \(error.line), column \(error.column) of the expression)",
                                             at: location, id: RuleDiagnosticID.exprInvalid, notes: notes))
                }
            }
        }
        if !errors.isEmpty { throw ImportFailure(errors) }
    }

    static func trimmingTrailingLineBreaks(_ text: String) -> String {
        var result = Substring(text)
        while result.hasSuffix("\n") { result = result.dropLast() }
        return String(result)
    }

    /// Text safe inside a `//` comment (one line).
    static func commentText(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}

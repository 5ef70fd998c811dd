import PeriscopeDSL
import PeriscopeModel

/// Finds the artifact node a finding is about, for suppressions and Swift locations.
///
/// A node is a file plus a pointer: for dashboards the JSON pointer of the finding; for rule
/// files `/groups/g` or `/groups/g/rules/r` of the group or rule whose lines hold the finding
/// (groups counted over every document of the file).
struct NodeResolver: Sendable {
    struct Node: Sendable {
        var path: String
        var pointer: JSONPointer
    }

    /// A `# periscope-lint disable` comment, or a `.lintDisabled` recorded in the manifest.
    struct Suppression: Sendable {
        var pointer: JSONPointer
        var rules: [String]
        var hasReason: Bool
    }

    private var ruleLines: [String: [(line: Int, pointer: JSONPointer)]] = [:]
    private var entries: [String: OutputManifest.Entry] = [:]
    private var suppressions: [String: [Suppression]] = [:]
    private(set) var suppressionFindings: [LintFinding] = []

    init(environment: ArtifactEnvironment, knownRules: Set<String>) {
        for dashboard in environment.dashboards {
            if let entry = environment.manifestEntry(forPath: dashboard.path) { register(entry, path: dashboard.path, knownRules: knownRules) }
        }
        for file in environment.ruleFiles {
            var lines: [(line: Int, pointer: JSONPointer)] = []
            for (groupIndex, group) in file.file.groups.enumerated() {
                let groupPointer = JSONPointer(tokens: ["groups", String(groupIndex)])
                if let line = group.location?.line, line > 0 { lines.append((line, groupPointer)) }
                for (ruleIndex, rule) in group.rules.enumerated() {
                    if let line = rule.location?.line, line > 0 { lines.append((line, groupPointer.appending("rules").appending(ruleIndex))) }
                }
            }
            lines.sort { $0.line < $1.line }
            ruleLines[file.path] = lines
            if let entry = environment.manifestEntry(forPath: file.path) {
                register(entry, path: file.path, knownRules: knownRules)
            } else {
                commentSuppressions(file, lines: lines, knownRules: knownRules)
            }
        }
    }

    private mutating func register(_ entry: OutputManifest.Entry, path: String, knownRules: Set<String>) {
        entries[path] = entry
        for suppression in entry.suppressions {
            let hasReason = !suppression.reason.allSatisfy(\.isWhitespace)
            suppressions[path, default: []].append(Suppression(pointer: suppression.pointer, rules: [suppression.rule], hasReason: hasReason))
            let location: Location = suppression.source.map { .source($0) } ?? .file(FileLocation(path: path))
            let subject = LintSubject(file: path)
            if !hasReason {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionReasonID, severity: .error,
                    message: ".lintDisabled(\"\(suppression.rule)\") needs a reason: say why the rule does not apply here", location: location, subject: subject))
            }
            if !knownRules.contains(suppression.rule) {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionRuleID, severity: .error,
                    message: ".lintDisabled names an unknown lint rule '\(suppression.rule)'\(KeySuggestion.hint(for: suppression.rule, among: knownRules.sorted()))",
                    location: location, subject: subject))
            }
        }
    }

    /// `# periscope-lint disable rule-a, rule-b: reason` on a rule's line (a trailing comment: that
    /// rule) or on its own line (the next rule or group below it).
    private mutating func commentSuppressions(_ file: ArtifactRuleFile, lines: [(line: Int, pointer: JSONPointer)], knownRules: Set<String>) {
        guard file.text.contains("periscope-lint") else { return }
        let textLines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in YAMLComments.lines(in: file.text) where number - 1 < textLines.count {
            let line = textLines[number - 1]
            guard let marker = line.range(of: "periscope-lint"), let hash = line[..<marker.lowerBound].lastIndex(of: "#") else { continue }
            let column = line.distance(from: line.startIndex, to: hash) + 1
            let location = Location.file(FileLocation(path: file.path, line: number, column: column))
            let subject = LintSubject(file: file.path)
            var rest = line[marker.upperBound...].drop { $0 == " " || $0 == "\t" }
            guard rest.hasPrefix("disable") else {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionReasonID, severity: .error,
                    message: "expected '# periscope-lint disable rule-id: reason'", location: location, subject: subject))
                continue
            }
            rest = rest.dropFirst("disable".count)
            let (idsText, reasonText) = rest.firstIndex(of: ":").map { (rest[..<$0], rest[rest.index(after: $0)...]) } ?? (rest, "")
            let ids = idsText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let reason = reasonText.trimmingCharacters(in: .whitespacesAndNewlines)
            if ids.isEmpty {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionRuleID, severity: .error,
                    message: "'# periscope-lint disable' names no rule (expected '# periscope-lint disable rule-id: reason')", location: location, subject: subject))
                continue
            }
            for id in ids where !knownRules.contains(id) {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionRuleID, severity: .error,
                    message: "'# periscope-lint disable' names an unknown lint rule '\(id)'\(KeySuggestion.hint(for: id, among: knownRules.sorted()))",
                    location: location, subject: subject))
            }
            if reason.isEmpty {
                suppressionFindings.append(LintFinding(rule: LintEngine.suppressionReasonID, severity: .error,
                    message: "'# periscope-lint disable \(ids.joined(separator: ", "))' needs a reason after ':' (why the rule does not apply here); it is not applied",
                    location: location, subject: subject))
            }
            let ownLine = line[..<hash].allSatisfy { $0 == " " || $0 == "\t" }
            let target = ownLine ? lines.first { $0.line > number } : lines.last { $0.line <= number }
            guard let target else { continue }
            suppressions[file.path, default: []].append(Suppression(pointer: target.pointer, rules: ids, hasReason: !reason.isEmpty))
        }
    }

    /// The node of a location in one of the environment's artifacts; nil for other places.
    func node(of location: Location) -> Node? {
        switch location {
        case .json(let json): return Node(path: json.path, pointer: json.pointer)
        case .file(let file):
            guard let lines = ruleLines[file.path] else { return Node(path: file.path, pointer: .root) }
            let found = lines.last { $0.line <= file.line }
            return Node(path: file.path, pointer: found?.pointer ?? .root)
        case .source: return nil
        }
    }

    /// Whether a suppression with a reason covers `rule` at `node` (the node or an ancestor).
    func isSuppressed(rule: String, node: Node?) -> Bool {
        guard let node, let list = suppressions[node.path] else { return false }
        return list.contains { suppression in
            suppression.hasReason && suppression.rules.contains(rule) && node.pointer.tokens.starts(with: suppression.pointer.tokens)
        }
    }

    /// The Swift definition of `node` when its file is rendered output.
    func sourceLocation(of node: Node?) -> SourceLocation? {
        guard let node, let entry = entries[node.path] else { return nil }
        return entry.sourceLocation(of: node.pointer)
    }
}

import Foundation

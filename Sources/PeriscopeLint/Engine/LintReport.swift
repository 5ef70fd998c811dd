import Foundation
import PeriscopeDSL
import PeriscopeModel

/// The findings of a lint run, merged over environments and sorted, and their output formats.
public struct LintReport: Sendable {
    /// One reported finding.
    public struct Entry: Sendable, Hashable {
        /// The rule id.
        public var rule: DiagnosticID
        /// The configured severity.
        public var severity: Diagnostic.Severity
        /// The message.
        public var message: String
        /// Where: the Swift line for rendered output, else the file with a YAML line or JSON pointer.
        public var location: Location
        /// What it is about; `file` relative to the environment folder (rendered) or as given.
        public var subject: LintSubject
        /// Hints.
        public var notes: [String]
        /// Other places.
        public var related: [Diagnostic.Related]
        /// The environments it was found in (empty for foreign files).
        public var environments: [String]

        /// The finding as a diagnostic.
        public var diagnostic: Diagnostic {
            var diagnostic = Diagnostic(severity, message, at: location, id: rule, notes: notes, related: related)
            diagnostic.environments = environments
            return diagnostic
        }
    }

    /// The findings, sorted by path, line, column, rule id and message.
    public var entries: [Entry]

    /// Creates a report; `entries` are sorted.
    public init(entries: [Entry]) {
        self.entries = entries.sorted(by: LintReport.precedes)
    }

    /// The report with `more` entries added (merged over environments and sorted like the rest).
    public func adding(_ more: [Entry]) -> LintReport {
        LintReport(entries: LintReport.merged(entries + more))
    }

    /// The number of findings of `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int { entries.filter { $0.severity == severity }.count }

    /// `path` as shown (a leading `./` dropped).
    static func displayPath(_ path: String) -> String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        let (pa, pb) = (sortPath(a.location), sortPath(b.location))
        if pa != pb { return pa.utf8.lexicographicallyPrecedes(pb.utf8) }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if case .json(let x) = a.location, case .json(let y) = b.location, x.pointer != y.pointer { return x.pointer < y.pointer }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.message != b.message { return a.message.utf8.lexicographicallyPrecedes(b.message.utf8) }
        return a.environments.joined(separator: ",") < b.environments.joined(separator: ",")
    }

    private static func sortPath(_ location: Location) -> String {
        if case .source(let source) = location { return source.filePath }
        return location.path
    }

    /// The same finding from several environments (same rule, location and message: a Swift
    /// line rendered into each) reported once, listing the environments.
    static func merged(_ entries: [Entry]) -> [Entry] {
        var result: [Entry] = []
        var index: [Entry: Int] = [:]
        for entry in entries {
            var key = entry
            key.environments = []
            key.subject = LintSubject(file: "")
            if let at = index[key] {
                for environment in entry.environments where !result[at].environments.contains(environment) { result[at].environments.append(environment) }
                continue
            }
            index[key] = result.count
            result.append(entry)
        }
        return result
    }

    // MARK: Baseline

    /// What identifies a finding across runs, ignoring line numbers (which shift): rule, file
    /// (relative to the environment folder, with the environment), group, name and message.
    public struct BaselineKey: Sendable, Hashable {
        var rule: String
        var environment: String
        var file: String
        var group: String?
        var name: String?
        var message: String
    }

    /// The keys of every finding, one per environment it was found in.
    public var baselineKeys: [BaselineKey] {
        entries.flatMap { entry in
            (entry.environments.isEmpty ? [""] : entry.environments).map {
                BaselineKey(rule: entry.rule.rawValue, environment: $0, file: Self.displayPath(entry.subject.file), group: entry.subject.group,
                            name: entry.subject.name, message: entry.message)
            }
        }
    }

    /// This report without the findings `baseline` already had (each old finding absorbs one
    /// new finding with the same key, so a second copy of a problem is still new).
    public func subtracting(_ baseline: LintReport) -> LintReport {
        var remaining: [BaselineKey: Int] = [:]
        for key in baseline.baselineKeys { remaining[key, default: 0] += 1 }
        var kept: [Entry] = []
        for entry in entries {
            var environments: [String] = []
            for environment in entry.environments.isEmpty ? [""] : entry.environments {
                let key = BaselineKey(rule: entry.rule.rawValue, environment: environment, file: Self.displayPath(entry.subject.file),
                                      group: entry.subject.group, name: entry.subject.name, message: entry.message)
                if let count = remaining[key], count > 0 {
                    remaining[key] = count - 1
                } else {
                    environments.append(environment)
                }
            }
            guard !environments.isEmpty else { continue }
            var copy = entry
            copy.environments = entry.environments.isEmpty ? [] : environments
            kept.append(copy)
        }
        return LintReport(entries: kept)
    }

    // MARK: Formats

    /// The output formats of `periscope lint --format`.
    public enum Format: String, Sendable, CaseIterable {
        /// `path:line:col: severity: [rule-id] message`, notes indented below; a summary line.
        case text
        /// One JSON object: `findings` (rule, severity, message, path, line, column, pointer,
        /// environments, subject, notes) and `summary` (errors, warnings, notes).
        case json
        /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule-id::message`.
        case github
    }

    /// The summary line: `3 errors, 1 warning` (and notes when there are any).
    public var summary: String {
        let errors = count(.error), warnings = count(.warning), notes = count(.note)
        var text = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if notes > 0 { text += ", \(notes) note\(notes == 1 ? "" : "s")" }
        return text
    }

    /// The report in `format`, Swift paths relative to `directory`.
    public func rendered(_ format: Format, relativeTo directory: String?) -> String {
        switch format {
        case .text:
            var lines = entries.map { $0.diagnostic.formatted(relativeTo: directory) }
            lines.append(summary)
            return lines.joined(separator: "\n") + "\n"
        case .github:
            var lines = entries.map { entry -> String in
                let level = entry.severity == .error ? "error" : entry.severity == .warning ? "warning" : "notice"
                var properties = ["file=" + Self.githubProperty(Self.displayPath(path(entry.location, directory)))]
                if entry.location.line > 0 { properties.append("line=\(entry.location.line)") }
                if entry.location.column > 0 { properties.append("col=\(entry.location.column)") }
                properties.append("title=" + Self.githubProperty(entry.rule.rawValue))
                var message = entry.message
                if case .json(let json) = entry.location, !json.pointer.tokens.isEmpty { message += " (at #\(json.pointer))" }
                if !entry.environments.isEmpty { message += " [\(entry.environments.joined(separator: ", "))]" }
                for note in entry.notes { message += "\n" + note }
                return "::\(level) \(properties.joined(separator: ","))::\(Self.githubData(message))"
            }
            lines.append(summary)
            return lines.joined(separator: "\n") + "\n"
        case .json:
            let findings: [JSONValue] = entries.map { entry in
                var members: [JSONMember] = [
                    JSONMember("column", .int(entry.location.column)),
                    JSONMember("environments", .array(entry.environments.map(JSONValue.string))),
                    JSONMember("line", .int(entry.location.line)),
                    JSONMember("message", .string(entry.message)),
                    JSONMember("notes", .array(entry.notes.map(JSONValue.string))),
                    JSONMember("path", .string(Self.displayPath(path(entry.location, directory)))),
                    JSONMember("rule", .string(entry.rule.rawValue)),
                    JSONMember("severity", .string(entry.severity.rawValue)),
                ]
                if case .json(let json) = entry.location { members.append(JSONMember("pointer", .string(json.pointer.description))) }
                var subject = [JSONMember("file", .string(Self.displayPath(entry.subject.file)))]
                if let group = entry.subject.group { subject.append(JSONMember("group", .string(group))) }
                if let name = entry.subject.name { subject.append(JSONMember("name", .string(name))) }
                members.append(JSONMember("subject", .object(subject)))
                return .object(members)
            }
            let json: JSONValue = .object([
                JSONMember("findings", .array(findings)),
                JSONMember("summary", .object([
                    JSONMember("errors", .int(count(.error))), JSONMember("notes", .int(count(.note))), JSONMember("warnings", .int(count(.warning))),
                ])),
            ])
            return String(decoding: JSONWriter().data(json), as: UTF8.self)
        }
    }

    private func path(_ location: Location, _ directory: String?) -> String {
        if case .source(let source) = location { return directory.map { source.displayPath(relativeTo: $0) } ?? source.filePath }
        return location.path
    }

    /// A workflow command's message: `%`, `\r` and `\n` escaped (GitHub's `escapeData`).
    public static func githubData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A workflow command's property value: also `:` and `,` escaped (GitHub's `escapeProperty`).
    public static func githubProperty(_ text: String) -> String {
        githubData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

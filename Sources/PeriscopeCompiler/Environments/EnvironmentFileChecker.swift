import PeriscopeModel
import PeriscopeDSL

/// The `extends:` of one file: the environment it names and where that name is written.
struct ExtendsReference: Sendable, Hashable {
    var name: String
    var location: FileLocation
}

/// Checks one environment file against `EnvironmentSchema`, collecting every problem.
struct EnvironmentFileChecker {
    private(set) var diagnostics: [Diagnostic] = []

    /// Checks the document's root and returns its `extends:` reference, if it has a valid one.
    mutating func check(root: YAMLTree) -> ExtendsReference? {
        guard let entries = root.entries else {
            error("the top level of an environment file must be a map of settings (\(EnvironmentSchema.list(EnvironmentSchema.topLevelKeys))), got \(root.kindDescription)", at: root.location)
            return nil
        }
        var reference: ExtendsReference?
        for entry in entries {
            if entry.key == EnvironmentSchema.extendsKey {
                reference = checkExtends(entry.value)
            } else if entry.key == EnvironmentSchema.valuesKey {
                checkValues(entry)
            } else if let section = EnvironmentSchema.sections.first(where: { $0.name == entry.key }) {
                checkSection(section, entry)
            } else {
                unknownKey(entry, in: "at the top level", expected: EnvironmentSchema.topLevelKeys)
            }
        }
        return reference
    }

    // MARK: - Sections

    private mutating func checkExtends(_ value: YAMLTree) -> ExtendsReference? {
        if value.isNull { return nil }
        // Like other names, taken as written: `extends: 2024` names 2024.yaml.
        guard let scalar = value.scalar, !scalar.text.isEmpty, scalar.tag.isEmpty || scalar.tag == YAMLCoreSchema.stringTag else {
            error("extends must name another environment, such as base, got \(value.kindDescription)", at: value.location)
            return nil
        }
        let name = scalar.text
        guard !name.contains("/"), !name.contains("\\") else {
            error("extends must name an environment in the same directory, such as base, got '\(name)'", at: value.location)
            return nil
        }
        return ExtendsReference(name: name, location: value.location)
    }

    private mutating func checkSection(_ section: EnvironmentSchema.Section, _ entry: YAMLEntry) {
        if entry.value.isNull { return }
        guard let settings = entry.value.entries else {
            let keys = EnvironmentSchema.list(section.keys.map(\.name))
            error("\(section.name) must be a map with \(keys), got \(entry.value.kindDescription)", at: entry.value.location)
            return
        }
        for setting in settings {
            guard let rule = section.keys.first(where: { $0.name == setting.key })?.rule else {
                unknownKey(setting, in: "in \(section.name)", expected: section.keys.map(\.name))
                continue
            }
            if setting.value.isNull { continue }
            check(setting.value, against: rule, path: "\(section.name).\(setting.key)")
        }
    }

    private mutating func check(_ value: YAMLTree, against rule: EnvironmentSchema.Rule, path: String) {
        switch rule {
        case .text:
            _ = text(value, path: path, expected: "a string")
        case .uidPrefix:
            guard let prefix = text(value, path: path, expected: "a string such as dev-", allowEmpty: true) else { return }
            if !EnvironmentSchema.isValidUidPrefix(prefix) {
                error("\(path) may contain only letters, digits, '-' and '_' (it becomes part of dashboard uids and file names), got '\(prefix)'", at: value.location)
            } else if prefix.count > EnvironmentSchema.maximumUidPrefixLength {
                error("\(path) is \(prefix.count) characters long; a Grafana uid has at most \(EnvironmentSchema.maximumUidPrefixLength)", at: value.location)
            }
        case .refresh:
            guard let refresh = text(value, path: path, expected: "a duration string such as 30s") else { return }
            if !EnvironmentSchema.isValidRefresh(refresh) {
                error("\(path) must be a Grafana refresh interval: a positive whole number and one unit of s, m, h or d, such as 30s or 1m, got '\(refresh)'", at: value.location)
            }
        case .duration:
            guard let duration = text(value, path: path, expected: "a duration string such as 30s") else { return }
            if let problem = PrometheusDuration(duration).problem {
                error("\(path) must be a Prometheus duration such as 30s, 1m30s or 1h, got '\(duration)' (\(problem))", at: value.location)
            } else if PrometheusDuration(duration).milliseconds == 0 {
                error("\(path) must be greater than zero, got '\(duration)'", at: value.location)
            }
        case .target:
            // A YAML number as written (`2.42`, `3`) is as good as the quoted string.
            let written = value.scalar?.text
            if written.map(EnvironmentSchema.targets.contains) != true {
                let got = value.scalar.map { "'\($0.text)'" } ?? value.kindDescription
                error("\(path) must be \(EnvironmentSchema.list(EnvironmentSchema.targets.map { "\"\($0)\"" })), got \(got)", at: value.location)
            }
        case .datasources:
            checkDatasources(value, path: path)
        case .labels:
            checkLabels(value, path: path)
        case .severities:
            guard let tiers = map(value, path: path, expected: "a map of severity tiers to label values such as { page: critical }") else { return }
            for tier in tiers where !tier.value.isNull {
                _ = text(tier.value, path: "\(path).\(tier.key)", expected: "a label value such as critical")
            }
        }
    }

    private mutating func checkDatasources(_ value: YAMLTree, path: String) {
        guard let datasources = map(value, path: path, expected: "a map of logical names to { type, uid }, such as metrics: { type: prometheus, uid: prom-prod }") else { return }
        for datasource in datasources where !datasource.value.isNull {
            let datasourcePath = "\(path).\(datasource.key)"
            guard let fields = map(datasource.value, path: datasourcePath, expected: "a map such as { type: prometheus, uid: prom-prod }") else { continue }
            for field in fields {
                guard EnvironmentSchema.datasourceKeys.contains(field.key) else {
                    unknownKey(field, in: "in \(datasourcePath) (a datasource has only 'type' and 'uid')", expected: nil)
                    continue
                }
                if field.value.isNull { continue }
                let example = field.key == "type" ? "a datasource plugin type such as prometheus" : "a datasource uid such as prom-prod"
                _ = text(field.value, path: "\(datasourcePath).\(field.key)", expected: example)
            }
        }
    }

    private mutating func checkLabels(_ value: YAMLTree, path: String) {
        guard let labels = map(value, path: path, expected: "a map of label names to values such as { env: prod }") else { return }
        for label in labels {
            if !EnvironmentSchema.isValidLabelName(label.key) {
                error("'\(label.key)' in \(path) is not a valid label name (expected [a-zA-Z_][a-zA-Z0-9_]*)", at: label.keyLocation)
            }
            if label.value.isNull { continue }
            _ = text(label.value, path: "\(path).\(label.key)", expected: "a label value", allowEmpty: true)
        }
    }

    // MARK: - Values

    private mutating func checkValues(_ entry: YAMLEntry) {
        if entry.value.isNull { return }
        guard entry.value.entries != nil else {
            error("values must be a map of names to values such as { p99LatencySeconds: 0.8 }, got \(entry.value.kindDescription)", at: entry.value.location)
            return
        }
        checkFreeForm(entry.value, path: EnvironmentSchema.valuesKey)
    }

    /// Values are free-form, but every scalar must be typeable and a list may not hold null,
    /// because `EnvironmentValue` has no null: in a map, null means "remove this key".
    private mutating func checkFreeForm(_ value: YAMLTree, path: String) {
        switch value.content {
        case .scalar(let scalar):
            if case .invalid(let reason) = scalar.resolved { error("\(path): \(reason)", at: value.location) }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                if item.isNull {
                    error("\(path)[\(index)] is null; a list in values may not contain null", at: item.location)
                } else {
                    checkFreeForm(item, path: "\(path)[\(index)]")
                }
            }
        case .mapping(let entries):
            for entry in entries {
                if entry.key == "<<" {
                    error(mergeKeyMessage, at: entry.keyLocation, id: .environmentMergeKeyUnsupported)
                } else if entry.key.isEmpty {
                    error("\(path) has an empty key", at: entry.keyLocation)
                } else {
                    checkFreeForm(entry.value, path: "\(path).\(entry.key)")
                }
            }
        }
    }

    // MARK: - Helpers

    private let mergeKeyMessage = "YAML merge keys (<<) are not supported in environment files; use extends: to share settings"

    /// The scalar's text (numbers and booleans as written), or nil after reporting a wrong type.
    private mutating func text(_ value: YAMLTree, path: String, expected: String, allowEmpty: Bool = false) -> String? {
        guard let scalar = value.scalar else {
            error("\(path) must be \(expected), got \(value.kindDescription)", at: value.location)
            return nil
        }
        if case .invalid(let reason) = scalar.resolved {
            error("\(path): \(reason)", at: value.location)
            return nil
        }
        if scalar.text.isEmpty, !allowEmpty {
            error("\(path) must not be empty; expected \(expected)", at: value.location)
            return nil
        }
        return scalar.text
    }

    /// The mapping's entries, or nil after reporting a wrong type.
    private mutating func map(_ value: YAMLTree, path: String, expected: String) -> [YAMLEntry]? {
        guard let entries = value.entries else {
            error("\(path) must be \(expected), got \(value.kindDescription)", at: value.location)
            return nil
        }
        for entry in entries where entry.key == "<<" {
            error(mergeKeyMessage, at: entry.keyLocation, id: .environmentMergeKeyUnsupported)
        }
        return entries.filter { $0.key != "<<" }
    }

    private mutating func unknownKey(_ entry: YAMLEntry, in place: String, expected: [String]?) {
        if entry.key == "<<" {
            error(mergeKeyMessage, at: entry.keyLocation, id: .environmentMergeKeyUnsupported)
            return
        }
        let candidates = expected ?? EnvironmentSchema.datasourceKeys
        let expectation = expected.map { " (expected \(EnvironmentSchema.list($0)))" } ?? ""
        error("unknown key '\(entry.key)' \(place)\(expectation)\(Suggestion.hint(for: entry.key, among: candidates))", at: entry.keyLocation, id: .environmentKeyUnknown)
    }

    private mutating func error(_ message: String, at location: FileLocation, id: DiagnosticID = .environmentValueInvalid) {
        diagnostics.append(.error(message, at: location, id: id))
    }
}

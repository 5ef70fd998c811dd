import PeriscopeModel

/// Compares the rule files of one environment, rule by rule.
///
/// A rule is identified by its group (file and group name), kind, name and labels, so the
/// `warning` and `critical` alerts of the same name are told apart. Matching runs in passes:
/// 1. same group, kind, name and labels (the n-th of equal identities with the n-th);
/// 2. same group, kind and name: the labels changed;
/// 3. another group, same kind, name and labels: the rule moved between groups;
/// 4. another group, same kind and name: it moved and its labels changed.
/// What is left was added or removed.
enum RuleDiffer {
    struct Entry {
        var file: String
        var group: RuleGroupNode
        var rule: RuleNode
        var groupKey: String { file + "\u{1F}" + group.name.value }
        var nameKey: String { rule.kind.rawValue + "\u{1F}" + rule.name.value }
        var identityKey: String {
            nameKey + "\u{1F}" + rule.labels.map { $0.name + "=" + $0.value.value }.sorted().joined(separator: "\u{1F}")
        }
    }

    static func compare(old: [RuleFileEntry], new: [RuleFileEntry]) -> [RuleGroupDiff] {
        let before = entries(old), after = entries(new)
        var pairs: [(old: Int?, new: Int?)] = []
        var oldFree = Set(before.indices), newFree = Set(after.indices)

        func pass(sameGroup: Bool, key: (Entry) -> String) {
            var oldByKey: [String: [Int]] = [:]
            for index in before.indices where oldFree.contains(index) {
                let entry = before[index]
                oldByKey[(sameGroup ? entry.groupKey : "") + "\u{1E}" + key(entry), default: []].append(index)
            }
            for index in after.indices where newFree.contains(index) {
                let entry = after[index]
                let lookup = (sameGroup ? entry.groupKey : "") + "\u{1E}" + key(entry)
                guard var candidates = oldByKey[lookup], !candidates.isEmpty else { continue }
                let oldIndex = candidates.removeFirst()
                oldByKey[lookup] = candidates
                oldFree.remove(oldIndex)
                newFree.remove(index)
                pairs.append((oldIndex, index))
            }
        }
        pass(sameGroup: true, key: \.identityKey)
        pass(sameGroup: true, key: \.nameKey)
        pass(sameGroup: false, key: \.identityKey)
        pass(sameGroup: false, key: \.nameKey)
        pairs += newFree.map { (nil, $0) } + oldFree.map { ($0, nil) }

        let oldDistinguishing = distinguishingLabels(before), newDistinguishing = distinguishingLabels(after)

        // Group the rule changes by the group they are in now (the old group for removed rules).
        var diffsByGroup: [String: [(order: Int, diff: RuleDiff)]] = [:]
        for pair in pairs {
            switch (pair.old, pair.new) {
            case (let o?, let n?):
                let a = before[o], b = after[n]
                guard let diff = changedRule(old: a, new: b, labels: newDistinguishing(b)) else { continue }
                diffsByGroup[b.groupKey, default: []].append((n, diff))
            case (nil, let n?):
                let b = after[n]
                diffsByGroup[b.groupKey, default: []].append((n, wholeRule(b, labels: newDistinguishing(b), change: .added)))
            case (let o?, nil):
                let a = before[o]
                diffsByGroup[a.groupKey, default: []].append((after.count + o, wholeRule(a, labels: oldDistinguishing(a), change: .removed)))
            case (nil, nil):
                continue
            }
        }

        let oldGroups = groups(old), newGroups = groups(new)
        var result: [RuleGroupDiff] = []
        for key in Set(oldGroups.keys).union(newGroups.keys) {
            let a = oldGroups[key], b = newGroups[key]
            guard let (file, group) = b ?? a else { continue }
            let change: ChangeKind = a == nil ? .added : b == nil ? .removed : .changed
            let fields = (a != nil && b != nil) ? groupFieldChanges(old: a!.group, new: b!.group) : []
            let rules = (diffsByGroup[key] ?? []).sorted { $0.order < $1.order }.map(\.diff)
            if change == .changed && fields.isEmpty && rules.isEmpty { continue }
            result.append(RuleGroupDiff(file: file, group: group.name.value, change: change, fields: fields, rules: rules))
        }
        return result.sorted { ($0.file, $0.group) < ($1.file, $1.group) }
    }

    private static func entries(_ files: [RuleFileEntry]) -> [Entry] {
        files.sorted { $0.path < $1.path }.flatMap { file in
            file.file.groups.flatMap { group in group.rules.map { Entry(file: file.path, group: group, rule: $0) } }
        }
    }

    private static func groups(_ files: [RuleFileEntry]) -> [String: (file: String, group: RuleGroupNode)] {
        var result: [String: (file: String, group: RuleGroupNode)] = [:]
        for file in files {
            for group in file.file.groups {
                let key = file.path + "\u{1F}" + group.name.value
                if result[key] == nil { result[key] = (file.path, group) }
            }
        }
        return result
    }

    /// For each rule, the labels that tell it apart from other rules of the same kind and name:
    /// those whose values differ among them (`severity` for a warning/critical pair).
    private static func distinguishingLabels(_ entries: [Entry]) -> (Entry) -> [String: String] {
        var byName: [String: [Entry]] = [:]
        for entry in entries { byName[entry.nameKey, default: []].append(entry) }
        var keysByName: [String: Set<String>] = [:]
        for (name, group) in byName where group.count > 1 {
            var keys = Set<String>()
            let allNames = Set(group.flatMap { $0.rule.labels.map(\.name) })
            for label in allNames where Set(group.map { $0.rule.label(label) ?? "\u{0}" }).count > 1 { keys.insert(label) }
            keysByName[name] = keys
        }
        return { entry in
            guard let keys = keysByName[entry.nameKey] else { return [:] }
            var labels: [String: String] = [:]
            for label in entry.rule.labels where keys.contains(label.name) { labels[label.name] = label.value.value }
            return labels
        }
    }

    private static func wholeRule(_ entry: Entry, labels: [String: String], change: ChangeKind) -> RuleDiff {
        RuleDiff(kind: entry.rule.kind.rawValue, name: entry.rule.name.value, labels: labels, change: change, movedFrom: nil, fields: [],
                 expr: ExpressionDiff(lines: LineDiff.lines(of: normalized(entry.rule.expr.value), as: change == .added ? .added : .removed)))
    }

    private static func changedRule(old: Entry, new: Entry, labels: [String: String]) -> RuleDiff? {
        var fields: [FieldChange] = []
        func compare(_ path: String, _ a: String?, _ b: String?) {
            if a != b { fields.append(FieldChange(path: path, old: a, new: b)) }
        }
        compare("for", old.rule.forDuration?.value, new.rule.forDuration?.value)
        compare("keep_firing_for", old.rule.keepFiringFor?.value, new.rule.keepFiringFor?.value)
        for (prefix, a, b) in [("labels", old.rule.labels, new.rule.labels), ("annotations", old.rule.annotations, new.rule.annotations)] {
            var left: [String: String] = [:], right: [String: String] = [:]
            for label in a { left[label.name] = label.value.value }
            for label in b { right[label.name] = label.value.value }
            for key in Set(left.keys).union(right.keys).sorted() { compare(prefix + "." + key, left[key], right[key]) }
        }
        let (a, b) = (normalized(old.rule.expr.value), normalized(new.rule.expr.value))
        let expr = a == b ? nil : ExpressionDiff(lines: LineDiff.lines(old: a, new: b))
        let movedFrom = old.groupKey == new.groupKey ? nil : "\(old.file) › \(old.group.name.value)"
        if fields.isEmpty && expr == nil && movedFrom == nil { return nil }
        return RuleDiff(kind: new.rule.kind.rawValue, name: new.rule.name.value, labels: labels, change: .changed, movedFrom: movedFrom,
                        fields: fields, expr: expr)
    }

    private static func groupFieldChanges(old: RuleGroupNode, new: RuleGroupNode) -> [FieldChange] {
        var fields: [FieldChange] = []
        func compare(_ path: String, _ a: String?, _ b: String?) {
            if a != b { fields.append(FieldChange(path: path, old: a, new: b)) }
        }
        compare("interval", old.interval?.value, new.interval?.value)
        compare("query_offset", old.queryOffset?.value, new.queryOffset?.value)
        compare("limit", old.limit.map(String.init), new.limit.map(String.init))
        var left: [String: String] = [:], right: [String: String] = [:]
        for label in old.labels { left[label.name] = label.value.value }
        for label in new.labels { right[label.name] = label.value.value }
        for key in Set(left.keys).union(right.keys).sorted() { compare("labels." + key, left[key], right[key]) }
        return fields
    }

    /// The expression without trailing spaces on its lines and without leading or trailing blank
    /// lines: what a YAML block scalar's chomping or an editor's whitespace changes, not the query.
    static func normalized(_ expression: String) -> String {
        var lines = expression.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line.removeLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

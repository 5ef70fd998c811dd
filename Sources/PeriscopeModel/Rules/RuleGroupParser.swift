import PeriscopeDSL

/// Which tool's group keys a document may use besides Prometheus' own.
enum RuleGroupFlavour {
    /// Prometheus' rulefmt: unknown keys are errors.
    case prometheus
    /// prometheus-operator's PrometheusRule: Thanos' `partial_response_strategy` is allowed.
    case `operator`
    /// Mimir/Cortex: `source_tenants`, `evaluation_delay` and `align_evaluation_time_on_interval` are allowed.
    case mimir

    /// The keys kept as extra values without complaint.
    var extraGroupKeys: Set<String> {
        switch self {
        case .prometheus: []
        case .operator: ["partial_response_strategy"]
        case .mimir: ["source_tenants", "evaluation_delay", "align_evaluation_time_on_interval"]
        }
    }
}

extension RuleDocumentParser {
    static let groupKeys = ["name", "interval", "query_offset", "limit", "labels", "rules"]
    static let ruleKeys = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    mutating func groups(_ tree: YAMLTree, flavour: RuleGroupFlavour) -> [RuleGroupNode] {
        guard let items = tree.items else {
            if !tree.isNull { typeMismatch("groups", expected: "a list of rule groups", got: tree) }
            return []
        }
        // Groups are independent: big files parse them in parallel chunks, problems merged in order.
        let path = self.path
        let parts = RuleParallel.map(RuleParallel.chunks(items.count)) { range -> ([RuleGroupNode], [Diagnostic]) in
            var parser = RuleDocumentParser(path: path)
            let groups = items[range].compactMap { parser.group($0, flavour: flavour) }
            return (groups, parser.diagnostics)
        }
        var groups: [RuleGroupNode] = []
        groups.reserveCapacity(items.count)
        for (part, problems) in parts {
            groups += part
            diagnostics += problems
        }
        var seen: [String: FileLocation] = [:]
        for group in groups {
            let name = group.name.value
            guard case .file(let location)? = group.name.location ?? group.location else { continue }
            if name.isEmpty {
                error("rule group name is empty (expected a name unique within the file; rulefmt: Groupname must not be empty)",
                      at: location, RuleDiagnosticID.groupNameEmpty)
            } else if let first = seen[name] {
                error("duplicate rule group name '\(name)' (first written at \(first.line):\(first.column); expected group names to be unique within a file)",
                      at: location, RuleDiagnosticID.groupNameDuplicate)
            } else {
                seen[name] = location
            }
        }
        return groups
    }

    mutating func group(_ tree: YAMLTree, flavour: RuleGroupFlavour) -> RuleGroupNode? {
        guard let entries = tree.entries else {
            typeMismatch("rule group", expected: "a map with name and rules", got: tree)
            return nil
        }
        var group = RuleGroupNode(name: LocatedText("", at: .file(tree.location)), rules: [], location: .file(tree.location))
        var groupName = "a group"
        group.rulesForm = .absent
        if let name = tree.entry("name"), let text = text(name.value, "group name", expected: "a string") {
            group.name = text
            groupName = "group '\(text.value)'"
        }
        for entry in entries {
            // A null optional key means "not set" to Prometheus; it is kept as written.
            if ["interval", "query_offset", "limit"].contains(entry.key), entry.value.isNull {
                group.extra.append(entry)
                continue
            }
            switch entry.key {
            case "name": continue
            case "interval": group.interval = duration(entry.value, "interval of \(groupName)")
            case "query_offset": group.queryOffset = duration(entry.value, "query_offset of \(groupName)")
            case "limit":
                group.limitLocation = .file(entry.value.location)
                if case .int(let limit)? = entry.value.scalar?.resolved {
                    group.limit = limit
                } else if !entry.value.isNull {
                    typeMismatch("limit of \(groupName)", expected: "an integer (0 for no limit)", got: entry.value)
                }
            case "labels":
                group.labels = labels(entry.value, "labels of \(groupName)", kind: "label")
                group.labelsForm = Self.mapForm(entry.value)
            case "rules":
                group.rulesForm = entry.value.isNull ? .null : .list
                guard let items = entry.value.items else {
                    if !entry.value.isNull { typeMismatch("rules of \(groupName)", expected: "a list of rules", got: entry.value) }
                    continue
                }
                group.rules.reserveCapacity(items.count)
                for item in items {
                    if let rule = rule(item, in: groupName) { group.rules.append(rule) }
                }
            default:
                if !flavour.extraGroupKeys.contains(entry.key) {
                    unknownField(entry, in: "rulefmt.RuleGroup", expected: Self.groupKeys)
                }
                group.extra.append(entry)
            }
        }
        return group
    }

    /// How a labels or annotations value was written, for an empty one.
    static func mapForm(_ tree: YAMLTree) -> MapKeyForm {
        if tree.isNull { return .null }
        return tree.entries?.isEmpty == true ? .emptyMap : .automatic
    }

    private mutating func duration(_ tree: YAMLTree, _ what: String) -> LocatedText? {
        guard let text = text(tree, what, expected: "a duration such as 30s, 5m or 1h30m") else { return nil }
        if let problem = DurationSyntax.problem(in: text.value) {
            error("invalid \(what) '\(text.value)': \(problem) (expected a Prometheus duration such as 30s, 5m or 1h30m)",
                  at: tree.location, RuleDiagnosticID.durationInvalid)
        }
        return text
    }

    private mutating func rule(_ tree: YAMLTree, in groupName: String) -> RuleNode? {
        guard let entries = tree.entries else {
            typeMismatch("rule in \(groupName)", expected: "a map with alert or record, and expr", got: tree)
            return nil
        }
        var alert: LocatedText?
        var record: LocatedText?
        var rule = RuleNode(kind: .alert, name: LocatedText(""), expr: LocatedText(""), location: .file(tree.location))
        var exprSeen = false
        var ruleName = "a rule in \(groupName)"
        if let entry = tree.entry("alert") { alert = text(entry.value, "alert in \(groupName)", expected: "an alert name") }
        if let entry = tree.entry("record") { record = text(entry.value, "record in \(groupName)", expected: "a metric name") }
        if let name = alert ?? record { ruleName = "\(alert != nil ? "alert" : "recording rule") '\(name.value)'" }
        for entry in entries {
            if entry.key == "for" || entry.key == "keep_firing_for", entry.value.isNull {
                rule.extra.append(entry)
                continue
            }
            switch entry.key {
            case "alert", "record": continue
            case "expr":
                exprSeen = true
                if let expr = text(entry.value, "expr of \(ruleName)", expected: "a PromQL expression") { rule.expr = expr }
            case "for": rule.forDuration = duration(entry.value, "for of \(ruleName)")
            case "keep_firing_for": rule.keepFiringFor = duration(entry.value, "keep_firing_for of \(ruleName)")
            case "labels":
                rule.labels = labels(entry.value, "labels of \(ruleName)", kind: "label")
                rule.labelsForm = Self.mapForm(entry.value)
            case "annotations":
                rule.annotations = labels(entry.value, "annotations of \(ruleName)", kind: "annotation")
                rule.annotationsForm = Self.mapForm(entry.value)
            default:
                unknownField(entry, in: "rulefmt.RuleNode", expected: Self.ruleKeys)
                rule.extra.append(entry)
            }
        }
        let hasAlert = !(alert?.value.isEmpty ?? true)
        let hasRecord = !(record?.value.isEmpty ?? true)
        switch (hasAlert, hasRecord) {
        case (true, true):
            error("\(ruleName) has both alert and record (expected exactly one of them)", at: tree.location, RuleDiagnosticID.kindInvalid)
            rule.name = alert!
        case (false, false):
            error("\(ruleName) has neither alert nor record (expected one of them, with a name)", at: tree.location, RuleDiagnosticID.kindInvalid)
            if let name = alert ?? record {
                rule.name = name
                rule.kind = record != nil ? .record : .alert
            }
        case (true, false):
            rule.name = alert!
        case (false, true):
            rule.kind = .record
            rule.name = record!
            checkRecording(rule, tree: tree, ruleName: ruleName)
        }
        if rule.expr.value.allSatisfy(\.isWhitespace) {
            let location = exprSeen ? (tree.entry("expr")?.value.location ?? tree.location) : tree.location
            error("expr of \(ruleName) is \(exprSeen ? "empty" : "missing") (expected a PromQL expression)", at: location, RuleDiagnosticID.exprMissing)
        }
        return rule
    }

    /// rulefmt's checks of a recording rule: a metric name, no `for`, `keep_firing_for` or annotations.
    private mutating func checkRecording(_ rule: RuleNode, tree: YAMLTree, ruleName: String) {
        if !RuleNames.isValidMetricName(rule.name.value), case .file(let location)? = rule.name.location {
            error("invalid metric name '\(rule.name.value)' for a recording rule (expected [a-zA-Z_:][a-zA-Z0-9_:]*, by convention level:metric:operations)",
                  at: location, RuleDiagnosticID.nameInvalid)
        }
        for key in ["for", "keep_firing_for", "annotations"] {
            if let entry = tree.entry(key) {
                error("\(ruleName) has '\(key)' (expected none: only alerting rules \(key == "annotations" ? "carry annotations" : "wait before firing"))",
                      at: entry.keyLocation, RuleDiagnosticID.fieldNotAllowed)
            }
        }
    }
}

import PeriscopeDSL

/// Turns the YAML documents of a rule file into `RuleDocument`s, reporting what rulefmt,
/// prometheus-operator and mimirtool would refuse.
struct RuleDocumentParser {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    // MARK: Diagnostics and scalars

    mutating func error(_ message: String, at location: FileLocation, _ id: DiagnosticID) {
        diagnostics.append(.error(message, at: location, id: id))
    }

    mutating func typeMismatch(_ what: String, expected: String, got tree: YAMLTree) {
        error("\(what): expected \(expected), got \(tree.kindDescription)", at: tree.location, RuleDiagnosticID.typeMismatch)
    }

    /// A scalar as located text; nil (and a type error) for a map or list, nil for null.
    mutating func text(_ tree: YAMLTree, _ what: String, expected: String) -> LocatedText? {
        guard let scalar = tree.scalar else {
            typeMismatch(what, expected: expected, got: tree)
            return nil
        }
        if scalar.isPlain, scalar.tag.isEmpty, scalar.isNull { return nil }
        return located(scalar, at: tree.location)
    }

    func located(_ scalar: YAMLScalar, at location: FileLocation) -> LocatedText {
        let literal = scalar.isPlain && scalar.tag.isEmpty && YAMLText.isTypedPlain(scalar) && YAMLText.isWritablePlain(scalar.text)
        return LocatedText(scalar.text, at: .file(location), isPlainLiteral: literal)
    }

    /// The entries of a map; an empty list (and a type error) for anything else, none for null.
    mutating func entries(_ tree: YAMLTree, _ what: String) -> [YAMLEntry] {
        if let entries = tree.entries { return entries }
        if !tree.isNull { typeMismatch(what, expected: "a map", got: tree) }
        return []
    }

    /// A map of names to strings (labels, annotations), in order; names checked when `checksNames`.
    mutating func labels(_ tree: YAMLTree, _ what: String, kind: String, checksNames: Bool = true) -> [RuleLabel] {
        var labels: [RuleLabel] = []
        for entry in entries(tree, what) {
            if checksNames, !RuleNames.isValidLabelName(entry.key) {
                error("invalid \(kind) name '\(entry.key)' in \(what) (expected a name matching [a-zA-Z_][a-zA-Z0-9_]*)",
                      at: entry.keyLocation, RuleDiagnosticID.labelNameInvalid)
            }
            let value: LocatedText
            if let scalar = entry.value.scalar {
                value = located(scalar, at: entry.value.location)
            } else {
                typeMismatch("\(kind) '\(entry.key)' in \(what)", expected: "a string", got: entry.value)
                continue
            }
            labels.append(RuleLabel(name: entry.key, value: value, nameLocation: .file(entry.keyLocation)))
        }
        return labels
    }

    // MARK: Documents

    mutating func document(_ tree: YAMLTree) -> RuleDocument {
        let location = Location.file(tree.location)
        if tree.isNull { return RuleDocument(shape: .null, location: location) }
        guard let entries = tree.entries else {
            error("a rule file document must be a map with 'groups' (or a PrometheusRule resource), got \(tree.kindDescription)",
                  at: tree.location, RuleDiagnosticID.documentShapeUnknown)
            return RuleDocument(shape: .null, location: location)
        }
        if entries.isEmpty { return RuleDocument(shape: .emptyMap, location: location) }
        if tree.entry("kind") != nil || tree.entry("apiVersion") != nil { return resource(entries, at: tree.location) }
        if tree.entry("namespace") != nil { return mimirNamespace(entries, at: tree.location) }
        var document = RuleDocument(shape: .ruleGroups, location: location)
        document.groupsForm = .absent
        for entry in entries {
            if entry.key == "groups" {
                document.groupsForm = entry.value.isNull ? .null : .list
                document.groups = groups(entry.value, flavour: .prometheus)
            } else {
                unknownField(entry, in: "rulefmt.RuleGroups", expected: ["groups"])
                document.extra.append(entry)
            }
        }
        return document
    }

    mutating func unknownField(_ entry: YAMLEntry, in type: String, expected: [String]) {
        error("field \(entry.key) not found in type \(type) (expected one of: \(expected.joined(separator: ", ")))",
              at: entry.keyLocation, RuleDiagnosticID.fieldUnknown)
    }

    private mutating func mimirNamespace(_ entries: [YAMLEntry], at location: FileLocation) -> RuleDocument {
        var document = RuleDocument(shape: .mimirNamespace, location: .file(location))
        document.groupsForm = .absent
        for entry in entries {
            if entry.key == "namespace", entry.value.isNull {
                document.extra.append(entry)
                continue
            }
            switch entry.key {
            case "namespace": document.namespace = text(entry.value, "namespace", expected: "a namespace name")
            case "groups":
                document.groupsForm = entry.value.isNull ? .null : .list
                document.groups = groups(entry.value, flavour: .mimir)
            default:
                unknownField(entry, in: "rwrulefmt.RuleNamespace", expected: ["namespace", "groups"])
                document.extra.append(entry)
            }
        }
        return document
    }

    /// A PrometheusRule or a List of them. Unknown top-level keys (`status`) and `spec` keys are
    /// kept without complaint: the API server, not rulefmt, owns them.
    private mutating func resource(_ entries: [YAMLEntry], at location: FileLocation) -> RuleDocument {
        let kindEntry = entries.first { $0.key == "kind" }
        let kind = kindEntry.flatMap { $0.value.scalar?.text } ?? ""
        guard kind == "PrometheusRule" || kind == "List" else {
            let what = kindEntry == nil ? "a resource without kind" : "unsupported kind '\(kind)'"
            error("\(what) (expected kind: PrometheusRule from \(KubernetesResource.prometheusRuleAPIVersion), or a List of them)",
                  at: kindEntry?.value.location ?? location, RuleDiagnosticID.documentShapeUnknown)
            return RuleDocument(shape: .null, extra: entries, location: .file(location))
        }
        var document = RuleDocument(shape: kind == "List" ? .list : .prometheusRule, location: .file(location))
        var resource = KubernetesResource(apiVersion: nil, kind: LocatedText(kind))
        resource.hasSpec = false
        document.groupsForm = .absent
        for entry in entries {
            if ["apiVersion", "metadata", "spec"].contains(entry.key), entry.value.isNull {
                document.extra.append(entry)
                continue
            }
            switch entry.key {
            case "apiVersion": resource.apiVersion = text(entry.value, "apiVersion", expected: "an API version")
            case "kind": resource.kind = text(entry.value, "kind", expected: "PrometheusRule or List") ?? LocatedText(kind)
            case "metadata": resource.metadata = metadata(entry.value)
            case "spec" where kind == "PrometheusRule":
                resource.hasSpec = true
                for specEntry in self.entries(entry.value, "spec") {
                    if specEntry.key == "groups" {
                        document.groupsForm = specEntry.value.isNull ? .null : .list
                        document.groups = groups(specEntry.value, flavour: .operator)
                    } else {
                        resource.specExtra.append(specEntry)
                    }
                }
            case "items" where kind == "List":
                document.groupsForm = entry.value.isNull ? .null : .list
                guard let items = entry.value.items else {
                    if !entry.value.isNull { typeMismatch("items", expected: "a list of PrometheusRule resources", got: entry.value) }
                    continue
                }
                for item in items {
                    let parsed = self.document(item)
                    if parsed.shape == .prometheusRule {
                        document.items.append(parsed)
                    } else if item.entries != nil {
                        error("a List item must be a PrometheusRule resource (expected kind: PrometheusRule)", at: item.location,
                              RuleDiagnosticID.documentShapeUnknown)
                    }
                }
            default:
                document.extra.append(entry)
            }
        }
        document.resource = resource
        return document
    }

    private mutating func metadata(_ tree: YAMLTree) -> KubernetesMetadata {
        var metadata = KubernetesMetadata(location: .file(tree.location))
        for entry in entries(tree, "metadata") {
            if entry.key == "name" || entry.key == "namespace", entry.value.isNull {
                metadata.extra.append(entry)
                continue
            }
            switch entry.key {
            case "name": metadata.name = text(entry.value, "metadata.name", expected: "a resource name")
            case "namespace": metadata.namespace = text(entry.value, "metadata.namespace", expected: "a namespace")
            case "labels": metadata.labels = labels(entry.value, "metadata.labels", kind: "label", checksNames: false)
            case "annotations": metadata.annotations = labels(entry.value, "metadata.annotations", kind: "annotation", checksNames: false)
            default: metadata.extra.append(entry)
            }
        }
        return metadata
    }
}

import PeriscopeDSL

/// Writes rule files from the model: Prometheus rule files, PrometheusRule resources, Mimir
/// namespace files, `List`s of resources and multi-document files, each in its own format.
///
/// The writer is dumb and deterministic: keys in Prometheus' documented order (`alert`/`record`,
/// `expr`, `for`, `keep_firing_for`, `labels`, `annotations`; for groups `name`, `interval`,
/// `query_offset`, `limit`, `labels`, `rules`), then any keys the model kept as read, labels
/// and annotations in model order, durations and numbers exactly as written, two-space
/// indentation and no line folding. A multi-line value becomes a literal block scalar (`|-`)
/// so PromQL reads as written; any other string is plain when that reads back as the same
/// string, else double-quoted. Documents are separated by `---`; an empty file stays empty.
///
/// This is the layout of `periscope fmt` for rule files: `bytes(_:)` of a file read by
/// `RuleFileReader` gives the same data in the same format, laid out canonically.
public enum RuleFileWriter {
    /// The file's UTF-8 bytes.
    public static func bytes(_ file: RuleFile) -> [UInt8] {
        if file.documents.count == 1, file.documents[0].shape == .ruleGroups, file.documents[0].extra.isEmpty,
           file.documents[0].groupsForm == .list {
            return ruleGroupsBytes(file.documents[0].groups)
        }
        var out = YAMLText()
        for (index, document) in file.documents.enumerated() {
            if index > 0 { out.line(0, "---") }
            self.document(document, into: &out)
        }
        return out.bytes
    }

    /// `periscope fmt` for one rule file: the canonical bytes of what the reader read (same
    /// format, documents and unknown keys), or nil when the file has errors and must not be rewritten.
    public static func formatted(_ result: RuleFileReader.Result) -> [UInt8]? {
        result.hasErrors ? nil : bytes(result.file)
    }

    /// The file as text.
    public static func text(_ file: RuleFile) -> String { String(decoding: bytes(file), as: UTF8.self) }

    /// A plain rule file (`groups:`); big files are written in parallel chunks of groups, joined in order.
    public static func ruleGroupsBytes(_ groups: [RuleGroupNode]) -> [UInt8] {
        guard groups.count > 64 else {
            var out = YAMLText()
            out.line(0, "groups:")
            self.groups(groups, indent: 2, into: &out)
            return out.bytes
        }
        let parts = RuleParallel.map(RuleParallel.chunks(groups.count)) { range -> [UInt8] in
            var out = YAMLText()
            self.groups(Array(groups[range]), indent: 2, into: &out)
            return out.bytes
        }
        var bytes = Array("groups:\n".utf8)
        bytes.reserveCapacity(parts.reduce(bytes.count) { $0 + $1.count })
        for part in parts { bytes.append(contentsOf: part) }
        return bytes
    }

    /// One document at the top level.
    static func document(_ document: RuleDocument, into out: inout YAMLText) {
        switch document.shape {
        case .null:
            out.line(0, "null")
        case .emptyMap:
            out.line(0, "{}")
        case .ruleGroups:
            groupsKey(document, indent: 0, into: &out)
            extra(document.extra, indent: 0, into: &out)
        case .mimirNamespace:
            if let namespace = document.namespace { out.keyValue(0, "namespace", namespace) }
            groupsKey(document, indent: 0, into: &out)
            extra(document.extra, indent: 0, into: &out)
        case .prometheusRule, .list:
            resource(document, indent: 0, listItem: false, into: &out)
        }
    }

    /// A PrometheusRule or List: `apiVersion`, `kind`, `metadata`, then `spec.groups` or `items`.
    static func resource(_ document: RuleDocument, indent: Int, listItem: Bool, into out: inout YAMLText) {
        let resource = document.resource ?? KubernetesResource(
            apiVersion: LocatedText(KubernetesResource.prometheusRuleAPIVersion),
            kind: LocatedText(document.shape == .list ? "List" : "PrometheusRule"))
        // In a List, the first key written carries the item's dash.
        var dash = listItem
        func place(_ key: String) -> (Int, String) {
            defer { dash = false }
            return dash ? (indent - 2, "- " + key) : (indent, key)
        }
        if let apiVersion = resource.apiVersion {
            let (column, key) = place("apiVersion")
            out.keyValue(column, key, apiVersion)
        }
        let (column, key) = place("kind")
        out.keyValue(column, key, resource.kind)
        metadata(resource.metadata, indent: indent, into: &out)
        if document.shape == .list {
            switch document.groupsForm {
            case .list:
                out.line(indent, "items:")
                if document.items.isEmpty { out.appendToLastLine(" []") }
                for item in document.items { self.resource(item, indent: indent + 4, listItem: true, into: &out) }
            case .null: out.line(indent, "items: null")
            case .absent: break
            }
        } else if resource.hasSpec {
            out.line(indent, "spec:")
            if document.groupsForm == .absent && resource.specExtra.isEmpty {
                out.appendToLastLine(" {}")
            } else {
                groupsKey(document, indent: indent + 2, into: &out)
                extra(resource.specExtra, indent: indent + 2, into: &out)
            }
        }
        extra(document.extra, indent: indent, into: &out)
    }

    /// `groups:` and the groups, as the document wrote the key (a list, `null`, or nothing).
    static func groupsKey(_ document: RuleDocument, indent: Int, into out: inout YAMLText) {
        switch document.groupsForm {
        case .list:
            out.line(indent, "groups:")
            groups(document.groups, indent: indent + 2, into: &out)
        case .null:
            out.line(indent, "groups: null")
        case .absent:
            break
        }
    }

    /// `metadata:` with `name`, `namespace`, `labels`, `annotations`, then other keys; omitted when empty.
    static func metadata(_ metadata: KubernetesMetadata, indent: Int, into out: inout YAMLText) {
        guard metadata.name != nil || metadata.namespace != nil || !metadata.labels.isEmpty || !metadata.annotations.isEmpty
            || !metadata.extra.isEmpty || metadata.location != nil else { return }
        out.line(indent, "metadata:")
        let inner = indent + 2
        if metadata.name == nil, metadata.namespace == nil, metadata.labels.isEmpty, metadata.annotations.isEmpty, metadata.extra.isEmpty {
            out.appendToLastLine(" {}")
            return
        }
        if let name = metadata.name { out.keyValue(inner, "name", name) }
        if let namespace = metadata.namespace { out.keyValue(inner, "namespace", namespace) }
        labels("labels", metadata.labels, indent: inner, into: &out)
        labels("annotations", metadata.annotations, indent: inner, into: &out)
        extra(metadata.extra, indent: inner, into: &out)
    }

    static func groups(_ groups: [RuleGroupNode], indent: Int, into out: inout YAMLText) {
        if groups.isEmpty {
            out.appendToLastLine(" []")
            return
        }
        for group in groups {
            out.keyValue(indent, "- name", group.name)
            let inner = indent + 2
            if let interval = group.interval { duration(inner, "interval", interval, into: &out) }
            if let offset = group.queryOffset { duration(inner, "query_offset", offset, into: &out) }
            if let limit = group.limit { out.line(inner, "limit: \(limit)") }
            labels("labels", group.labels, form: group.labelsForm, indent: inner, into: &out)
            switch group.rulesForm {
            case .list where group.rules.isEmpty: out.line(inner, "rules: []")
            case .list:
                out.line(inner, "rules:")
                for rule in group.rules { self.rule(rule, indent: inner + 2, into: &out) }
            case .null: out.line(inner, "rules: null")
            case .absent: break
            }
            extra(group.extra, indent: inner, into: &out)
        }
    }

    static func rule(_ rule: RuleNode, indent: Int, into out: inout YAMLText) {
        out.keyValue(indent, rule.kind == .alert ? "- alert" : "- record", rule.name)
        let inner = indent + 2
        out.keyValue(inner, "expr", rule.expr)
        if let duration = rule.forDuration { self.duration(inner, "for", duration, into: &out) }
        if let duration = rule.keepFiringFor { self.duration(inner, "keep_firing_for", duration, into: &out) }
        labels("labels", rule.labels, form: rule.labelsForm, indent: inner, into: &out)
        labels("annotations", rule.annotations, form: rule.annotationsForm, indent: inner, into: &out)
        extra(rule.extra, indent: inner, into: &out)
    }

    private static func labels(_ key: String, _ labels: [RuleLabel], form: MapKeyForm = .automatic, indent: Int, into out: inout YAMLText) {
        guard !labels.isEmpty else {
            switch form {
            case .automatic: break
            case .emptyMap: out.line(indent, key + ": {}")
            case .null: out.line(indent, key + ": null")
            }
            return
        }
        out.line(indent, key + ":")
        for label in labels { out.keyValue(indent + 2, label.name, label.value) }
    }

    private static func duration(_ indent: Int, _ key: String, _ value: LocatedText, into out: inout YAMLText) {
        if value.isPlainLiteral {
            out.keyValue(indent, key, value)
        } else {
            out.duration(indent, key, value.value)
        }
    }

    private static func extra(_ entries: [YAMLEntry], indent: Int, into out: inout YAMLText) {
        for entry in entries { out.entry(indent, entry.key, entry.value) }
    }
}

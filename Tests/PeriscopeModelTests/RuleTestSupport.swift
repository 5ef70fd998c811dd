import Foundation
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing
import Yams

/// YAML data as Yams loads it, comparable: what "semantically equal" means for a rule file.
indirect enum YAMLData: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([YAMLData])
    case map([String: YAMLData])

    /// Every document of `text`, loaded by Yams with its default (YAML 1.1) resolver.
    static func documents(_ text: String) throws -> [YAMLData] {
        try Yams.load_all(yaml: text).map { YAMLData($0) }
    }

    init(_ value: Any?) {
        switch value {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = value.isNaN ? .string("NaN") : .double(value)
        case let value as String: self = .string(value)
        case let value as [Any?]: self = .list(value.map { YAMLData($0) })
        case let value as [AnyHashable: Any?]:
            var map: [String: YAMLData] = [:]
            for (key, item) in value { map["\(key.base)"] = YAMLData(item) }
            self = .map(map)
        case let value?: self = .string("\(type(of: value)):\(value)")
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let map): "{" + map.keys.sorted().map { "\($0): \(map[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}

/// The rule-file corpus of `../shared/corpus/rules`.
enum RuleCorpus {
    static let directory: URL? = Repository.shared().map { $0.appendingPathComponent("corpus") }

    /// Every `prometheus-rules` entry of the corpus manifest: path, alerting and recording rule counts.
    static let files: [Entry] = {
        guard let directory,
              let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = manifest["files"] as? [[String: Any]] else { return [] }
        return files.compactMap { file in
            guard file["kind"] as? String == "prometheus-rules", let path = file["path"] as? String else { return nil }
            return Entry(path: path, alerts: file["alerting_rules"] as? Int ?? -1, records: file["recording_rules"] as? Int ?? -1,
                         promtool: file["promtool_2_42"] as? String ?? "")
        }
    }()

    struct Entry: Sendable, CustomTestStringConvertible {
        var path: String
        var alerts: Int
        var records: Int
        var promtool: String
        var testDescription: String { path }
    }

    static var isAvailable: Bool { !files.isEmpty }
}

/// Reads `text` as a rule file named `path`.
func readRules(_ text: String, path: String = "rules.yaml") -> RuleFileReader.Result {
    RuleFileReader(path: path).read(text: text)
}

/// `file` with every location removed, for comparisons of content only.
func withoutLocations(_ file: RuleFile) -> RuleFile {
    func text(_ value: LocatedText?) -> LocatedText? { value.map { LocatedText($0.value, isPlainLiteral: $0.isPlainLiteral) } }
    func labels(_ labels: [RuleLabel]) -> [RuleLabel] { labels.map { RuleLabel(name: $0.name, value: text($0.value)!) } }
    func extra(_ entries: [YAMLEntry]) -> [YAMLEntry] {
        entries.map { YAMLEntry(key: $0.key, keyLocation: FileLocation(path: ""), value: $0.value.relocated(to: FileLocation(path: ""))) }
    }
    func group(_ group: RuleGroupNode) -> RuleGroupNode {
        RuleGroupNode(name: text(group.name)!, interval: text(group.interval), queryOffset: text(group.queryOffset), limit: group.limit,
                      labels: labels(group.labels), rules: group.rules.map { rule in
                          var node = RuleNode(kind: rule.kind, name: text(rule.name)!, expr: text(rule.expr)!, forDuration: text(rule.forDuration),
                                              keepFiringFor: text(rule.keepFiringFor), labels: labels(rule.labels), annotations: labels(rule.annotations),
                                              extra: extra(rule.extra))
                          node.labelsForm = rule.labelsForm
                          node.annotationsForm = rule.annotationsForm
                          return node
                      }, extra: extra(group.extra)).with(rulesForm: group.rulesForm, labelsForm: group.labelsForm)
    }
    func strip(_ document: RuleDocument) -> RuleDocument {
        var resource = document.resource
        if var metadata = resource?.metadata {
            metadata = KubernetesMetadata(name: text(metadata.name), namespace: text(metadata.namespace), labels: labels(metadata.labels),
                                          annotations: labels(metadata.annotations), extra: extra(metadata.extra))
            resource = KubernetesResource(apiVersion: text(resource!.apiVersion), kind: text(resource!.kind)!, metadata: metadata,
                                          specExtra: extra(resource!.specExtra))
        }
        var stripped = RuleDocument(shape: document.shape, groups: document.groups.map(group), namespace: text(document.namespace), resource: resource,
                            items: document.items.map(strip), extra: extra(document.extra))
        stripped.groupsForm = document.groupsForm
        if let hasSpec = document.resource?.hasSpec { stripped.resource?.hasSpec = hasSpec }
        return stripped
    }
    return RuleFile(name: "", documents: file.documents.map(strip))
}

extension RuleGroupNode {
    func with(rulesForm: ListKeyForm, labelsForm: MapKeyForm) -> RuleGroupNode {
        var copy = self
        copy.rulesForm = rulesForm
        copy.labelsForm = labelsForm
        return copy
    }
}

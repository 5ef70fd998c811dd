import Foundation
import PeriscopeDSL
import PeriscopeModel

/// The Swift file for one promtool unit-test file: `RuleTests` with one declaration per test
/// case (`AlertTest` with `InputSeries`, `ExpectAlerts`/`ExpectNoAlerts`, `ExpectSamples`).
///
/// Supported keys are those promtool's test format defines and the DSL can say: `rule_files`
/// (exactly one, whose namespace the tests load), `evaluation_interval`, `tests` with `name`,
/// `interval`, `input_series` (`series`, `values`), `alert_rule_test` (`eval_time`, `alertname`,
/// `exp_alerts` with `exp_labels` and `exp_annotations`) and `promql_expr_test` (`expr`,
/// `eval_time`, `exp_samples` with `labels` and `value`). Others (`group_eval_order`,
/// `external_labels`, `external_url`, native-histogram samples) are `import-key-unsupported`
/// errors. A test without a name is named `test N` (its position).
struct RuleTestGenerator {
    let type: String
    let path: String
    let root: YAMLTree
    let namespaceOfRuleFile: (String) -> String

    private final class Errors {
        var list: [Diagnostic] = []
        func add(_ message: String, at location: FileLocation, id: DiagnosticID = RuleImporter.unsupportedKeyID) {
            list.append(.error(message, at: location, id: id))
        }
    }

    func source() throws(ImportFailure) -> ImportedSource {
        let errors = Errors()
        let entries = root.entries ?? []
        var namespace = RuleImporter.safeNamespace(RuleImporter.stem(of: path))
        var evaluationInterval: String?
        var tests: [YAMLTree] = []
        for entry in entries {
            switch entry.key {
            case "rule_files":
                let files = (entry.value.items ?? []).compactMap { $0.scalar?.text }
                if files.count == 1, let file = files.first {
                    namespace = namespaceOfRuleFile(file)
                } else {
                    errors.add("rule_files lists \(files.count) files; an imported test file must load exactly one rule file (Periscope's RuleTests test one namespace)",
                               at: entry.value.location)
                }
            case "evaluation_interval": evaluationInterval = scalar(entry.value, "evaluation_interval", errors)
            case "tests": tests = entry.value.items ?? []
            default: errors.add("'\(entry.key)' of a promtool test file cannot be imported: Periscope's RuleTests have no such setting", at: entry.keyLocation)
            }
        }

        var members = SwiftIdentifierScope(reserved: ["tests", type])
        var declarations: [String] = []
        var names: [String] = []
        for (index, test) in tests.enumerated() {
            let name = test.entry("name")?.value.scalar?.text ?? "test \(index + 1)"
            let identifier = members.unique(SwiftIdentifier.lowerCamel(name, fallback: "test"))
            names.append(identifier)
            declarations.append(declaration(of: test, name: name, identifier: identifier, errors: errors))
        }
        if !errors.list.isEmpty { throw ImportFailure(errors.list) }

        var out: [String] = ["import Periscope", ""]
        out.append("/// The promtool unit tests of \(RuleFileGenerator.commentText(path)), imported by `periscope import rules`.")
        out.append("enum \(type) {")
        out.append("    /// The tests of namespace `\(RuleFileGenerator.commentText(namespace))`: `prometheus/tests/\(RuleFileGenerator.commentText(namespace)).yaml`.")
        out.append("    static func tests(_ env: Environment) -> RuleTests {")
        let interval = evaluationInterval.map { ", evaluationInterval: \(SwiftLiteral.string($0))" } ?? ""
        if names.isEmpty {
            out.append("        RuleTests(namespace: \(SwiftLiteral.string(namespace))\(interval)) {}")
        } else {
            out.append("        RuleTests(namespace: \(SwiftLiteral.string(namespace))\(interval)) {")
            out += names.map { "            \($0)" }
            out.append("        }")
        }
        out.append("    }")
        for declaration in declarations {
            out.append("")
            out.append(declaration)
        }
        out.append("}")
        return ImportedSource(fileName: type + ".swift", text: out.joined(separator: "\n") + "\n",
                              definitions: [ImportedDefinition(kind: .ruleTests, expression: "\(type).tests(env)")], inputPath: path)
    }

    private func declaration(of test: YAMLTree, name: String, identifier: String, errors: Errors) -> String {
        var interval: String?
        var body: [String] = []
        for entry in test.entries ?? [] {
            switch entry.key {
            case "name": break
            case "interval": interval = scalar(entry.value, "interval", errors)
            case "input_series":
                for item in entry.value.items ?? [] {
                    var series = "", values = ""
                    for field in item.entries ?? [] {
                        switch field.key {
                        case "series": series = scalar(field.value, "series", errors) ?? ""
                        case "values": values = scalar(field.value, "values", errors) ?? ""
                        default: errors.add("'\(field.key)' of an input series cannot be imported", at: field.keyLocation)
                        }
                    }
                    body.append("            InputSeries(\(SwiftLiteral.string(series)), values: \(SwiftLiteral.string(values)))")
                }
            case "alert_rule_test":
                for item in entry.value.items ?? [] { body += alertTest(item, errors) }
            case "promql_expr_test":
                for item in entry.value.items ?? [] { body += exprTest(item, errors) }
            default:
                errors.add("'\(entry.key)' of a promtool test cannot be imported: Periscope's AlertTest has no such setting", at: entry.keyLocation)
            }
        }
        let intervalText = interval.map { ", interval: \(SwiftLiteral.string($0))" } ?? ""
        var lines = ["    static var \(identifier): AlertTest {"]
        if body.isEmpty {
            lines.append("        AlertTest(\(SwiftLiteral.string(name))\(intervalText)) {}")
        } else {
            lines.append("        AlertTest(\(SwiftLiteral.string(name))\(intervalText)) {")
            lines += body
            lines.append("        }")
        }
        lines.append("    }")
        return lines.joined(separator: "\n")
    }

    private func alertTest(_ item: YAMLTree, _ errors: Errors) -> [String] {
        var evalTime = "", alertname = ""
        var alerts: [String] = []
        for field in item.entries ?? [] {
            switch field.key {
            case "eval_time": evalTime = scalar(field.value, "eval_time", errors) ?? ""
            case "alertname": alertname = scalar(field.value, "alertname", errors) ?? ""
            case "exp_alerts":
                for alert in field.value.items ?? [] {
                    var labels: [(String, String)] = [], annotations: [(String, String)] = []
                    for part in alert.entries ?? [] {
                        switch part.key {
                        case "exp_labels": labels = pairs(part.value, errors)
                        case "exp_annotations": annotations = pairs(part.value, errors)
                        default: errors.add("'\(part.key)' of an expected alert cannot be imported", at: part.keyLocation)
                        }
                    }
                    var arguments: [String] = []
                    if !labels.isEmpty { arguments.append("labels: " + SwiftLiteral.dictionary(labels, indentation: "                    ")) }
                    if !annotations.isEmpty { arguments.append("annotations: " + SwiftLiteral.dictionary(annotations, indentation: "                    ")) }
                    alerts.append("                ExpectedAlert(\(arguments.joined(separator: ", ")))")
                }
            default: errors.add("'\(field.key)' of an alert_rule_test cannot be imported", at: field.keyLocation)
            }
        }
        let head = "ExpectAlerts(\(SwiftLiteral.string(alertname)), at: \(SwiftLiteral.string(evalTime)))"
        if alerts.isEmpty { return ["            ExpectNoAlerts(\(SwiftLiteral.string(alertname)), at: \(SwiftLiteral.string(evalTime)))"] }
        return ["            \(head) {"] + alerts + ["            }"]
    }

    private func exprTest(_ item: YAMLTree, _ errors: Errors) -> [String] {
        var expr = "", evalTime = ""
        var samples: [String] = []
        for field in item.entries ?? [] {
            switch field.key {
            case "expr": expr = scalar(field.value, "expr", errors) ?? ""
            case "eval_time": evalTime = scalar(field.value, "eval_time", errors) ?? ""
            case "exp_samples":
                for sample in field.value.items ?? [] {
                    var labels = "", value = 0.0
                    for part in sample.entries ?? [] {
                        switch part.key {
                        case "labels": labels = scalar(part.value, "labels", errors) ?? ""
                        case "value":
                            let text = scalar(part.value, "value", errors) ?? ""
                            if let number = Self.number(text) { value = number } else {
                                errors.add("value '\(text)' of an expected sample is not a number", at: part.value.location, id: RuleDiagnosticID.testInvalid)
                            }
                        default: errors.add("'\(part.key)' of an expected sample cannot be imported (Periscope's ExpectedSample has labels and a float value)", at: part.keyLocation)
                        }
                    }
                    samples.append("                ExpectedSample(\(SwiftLiteral.string(labels)), value: \(SwiftLiteral.double(value)))")
                }
            default: errors.add("'\(field.key)' of a promql_expr_test cannot be imported", at: field.keyLocation)
            }
        }
        let head = "            ExpectSamples(\(SwiftLiteral.string(RuleFileGenerator.trimmingTrailingLineBreaks(expr), indentation: "                ")), at: \(SwiftLiteral.string(evalTime)))"
        return samples.isEmpty ? [head + " {}"] : [head + " {"] + samples + ["            }"]
    }

    /// Go's ParseFloat forms promtool accepts: `1`, `0.5`, `1e6`, `+Inf`, `-Inf`, `NaN`.
    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case "+inf", "inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default: return Double(text)
        }
    }

    private func scalar(_ tree: YAMLTree, _ key: String, _ errors: Errors) -> String? {
        guard let scalar = tree.scalar else {
            errors.add("\(key) must be a single value, got \(tree.kindDescription)", at: tree.location, id: RuleDiagnosticID.testInvalid)
            return nil
        }
        return scalar.text
    }

    private func pairs(_ tree: YAMLTree, _ errors: Errors) -> [(String, String)] {
        if tree.isNull { return [] }
        guard let entries = tree.entries else {
            errors.add("expected a map of names to values, got \(tree.kindDescription)", at: tree.location, id: RuleDiagnosticID.testInvalid)
            return []
        }
        return entries.map { ($0.key, $0.value.scalar?.text ?? "") }
    }
}

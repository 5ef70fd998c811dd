import PeriscopeDSL
import PeriscopeLint
import PeriscopeModel
import PromQL
import Testing

/// Builds `LintInput`s for rule tests from small rule files and dashboards written inline,
/// parsing every expression once as the engine does (Grafana variables replaced by
/// placeholders through `GrafanaVariables`).
enum LintTestInput {
    /// An input of rule files (path, YAML text) and dashboards (path, JSON text).
    static func make(
        rules: [(String, String)] = [], dashboards: [(String, String)] = [], options: LintOptions = LintOptions()
    ) -> LintInput {
        var ruleFiles: [LintRuleFile] = []
        for (path, text) in rules {
            let result = RuleFileReader(path: path).read(text: text)
            if result.hasErrors { Issue.record("rule file \(path) does not read: \(result.diagnostics.map(\.description))") }
            ruleFiles.append(LintRuleFile(path: path, file: result.file))
        }
        var lintDashboards: [LintDashboard] = []
        for (path, text) in dashboards {
            let read = JSONReader().read(text, path: path)
            guard let document = read.document else {
                Issue.record("dashboard \(path) does not read: \(read.diagnostics.map(\.description))")
                continue
            }
            let result = DashboardReader().read(document)
            lintDashboards.append(LintDashboard(path: path, folder: nil, dashboard: result.dashboard))
        }
        var queries: [LintQuery] = []
        let parseOptions = ParseOptions(target: options.target)
        for (dashboardIndex, dashboard) in lintDashboards.enumerated() {
            for (panelIndex, panel) in dashboard.dashboard.panels.enumerated() {
                for (targetIndex, target) in panel.targets.enumerated() {
                    guard let expr = target.expr, let location = target.exprLocation ?? Optional(target.location) else { continue }
                    queries.append(query(.panelTarget(dashboard: dashboardIndex, panel: panelIndex, target: targetIndex), text: expr, location: location, options: parseOptions))
                }
            }
            for (variableIndex, variable) in dashboard.dashboard.variables.enumerated() where variable.type == "query" {
                guard let text = variable.query else { continue }
                let parts = Grafana.PrometheusVariableQuery(text)
                guard let range = parts.promQLRange else { continue }
                let part = String(decoding: Array(text.utf8)[range], as: UTF8.self)
                queries.append(query(.variable(dashboard: dashboardIndex, variable: variableIndex), text: part, location: variable.location, options: parseOptions))
            }
        }
        for (fileIndex, file) in ruleFiles.enumerated() {
            for (groupIndex, group) in file.file.groups.enumerated() {
                for (ruleIndex, rule) in group.rules.enumerated() {
                    let location = rule.expr.location ?? .file(FileLocation(path: file.path, line: 0, column: 0))
                    queries.append(query(.rule(file: fileIndex, group: groupIndex, rule: ruleIndex), text: rule.expr.value, location: location, options: parseOptions, substitutes: false))
                }
            }
        }
        return LintInput(environment: nil, dashboards: lintDashboards, ruleFiles: ruleFiles, queries: queries, options: options)
    }

    static func query(_ origin: LintQuery.Origin, text: String, location: Location, options: ParseOptions, substitutes: Bool = true) -> LintQuery {
        let parsed = substitutes ? GrafanaVariables.placeholders(in: text) : text
        do {
            let expr = try PromQL.parse(parsed, options: options)
            return LintQuery(origin: origin, text: text, parsedText: parsed, location: location, expression: expr, parseError: nil)
        } catch {
            return LintQuery(origin: origin, text: text, parsedText: parsed, location: location, expression: nil, parseError: error)
        }
    }

    /// The findings of `rule` on `input`, as `(line, message)`.
    static func findings(of rule: any LintRule, in input: LintInput) -> [LintFinding] {
        var findings = LintFindings(rule: rule.id, severity: rule.defaultSeverity)
        rule.check(input, into: &findings)
        for finding in findings.findings { #expect(finding.rule == rule.id) }
        return findings.findings
    }

    /// A rule file with one group holding `rules` (YAML list items, indented for `rules:`).
    static func ruleFile(_ rules: String) -> String {
        "groups:\n- name: g\n  rules:\n" + rules
    }

    /// A dashboard with one timeseries panel per (expr, legendFormat).
    static func dashboard(_ targets: [(String, String?)], variables: String = "") -> String {
        var panels: [String] = []
        for (index, (expr, legend)) in targets.enumerated() {
            let legendField = legend.map { ", \"legendFormat\": \(jsonString($0))" } ?? ""
            panels.append("""
                    {"id": \(index + 1), "type": "timeseries", "title": "P\(index)", "gridPos": {"x": 0, "y": \(index * 8), "w": 12, "h": 8},
                     "targets": [{"refId": "A", "expr": \(jsonString(expr))\(legendField)}]}
                """)
        }
        return """
            {"uid": "d", "title": "D", "schemaVersion": 39,
             "templating": {"list": [\(variables)]},
             "panels": [
            \(panels.joined(separator: ",\n"))
             ]}
            """
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension LintTestInput {
    /// The 1-based lines of `text` marked `# expect` (a YAML comment, or a PromQL comment
    /// inside a block scalar).
    static func markedLines(in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("# expect") }.map { $0.offset + 1 }
    }

    /// Checks that `rule` reports exactly on the lines of `rules` (one group's rule list) marked
    /// `# expect`, once per marked line, and returns the findings.
    @discardableResult
    static func expectMarkedFindings(
        of rule: any LintRule, rules: String, options: LintOptions = LintOptions(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [LintFinding] {
        let file = ruleFile(rules)
        let findings = findings(of: rule, in: make(rules: [("rules.yaml", file)], options: options))
        let lines = findings.map(\.location.line).sorted()
        #expect(lines == markedLines(in: file), "\(findings.map { $0.diagnostic.formatted() })", sourceLocation: sourceLocation)
        return findings
    }
}

extension LintTestInput {
    /// The JSON pointer of a finding in a dashboard, or "" for other locations.
    static func pointer(of finding: LintFinding) -> String {
        guard case .json(let location) = finding.location else { return "" }
        return location.pointer.description
    }
}

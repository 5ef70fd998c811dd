import PeriscopeDSL
import PeriscopeModel
import PromQL

/// The naming, dashboard and rule-structure rules, for the registry.
public enum StructureRules {
    /// Every such rule, in id order.
    public static let all: [any LintRule] = [
        AlertAnnotationsRule(),          // alert-annotations
        AlertForTooShortRule(),          // alert-for-too-short
        AlertNameCamelCaseRule(),        // alert-name-camel-case
        AlertRunbookRule(),              // alert-runbook
        AlertSeverityLabelRule(),        // alert-severity-label
        DashboardTitleUniqueRule(),      // dashboard-title-unique
        DashboardUIDRule(),              // dashboard-uid
        DashboardUIDUniqueRule(),        // dashboard-uid-unique
        DashboardVariableUndefinedRule(),// dashboard-variable-undefined
        DashboardVariableUnusedRule(),   // dashboard-variable-unused
        DatasourceHardcodedRule(),       // datasource-hardcoded
        DatasourceUnresolvedRule(),      // datasource-unresolved
        MetricBaseUnitsRule(),           // metric-base-units
        PanelGridBoundsRule(),           // panel-grid-bounds
        PanelGridOverlapRule(),          // panel-grid-overlap
        PanelIDUniqueRule(),             // panel-id-unique
        PanelTitleRule(),                // panel-title
        PanelUnitRule(),                 // panel-unit
        RecordingRuleNameRule(),         // recording-rule-name
        SnakeCaseNamesRule(),            // snake-case-names
    ]
}

/// One rule of a rule file, with its group and file.
struct RuleSite: Sendable {
    let file: LintRuleFile
    let fileIndex: Int
    let groupIndex: Int
    let ruleIndex: Int
    let group: RuleGroupNode
    let rule: RuleNode

    var subject: LintSubject { LintSubject(file: file.path, group: group.name.value, name: rule.name.value) }
    /// Where the rule starts; the file when unknown.
    var location: Location { rule.location ?? rule.name.location ?? .file(FileLocation(path: file.path)) }
    /// Where the rule's name is written.
    var nameLocation: Location { rule.name.location ?? location }
}

extension LintInput {
    /// Every rule of every rule file, in file order; computed once per input (several rules read it).
    var ruleSites: [RuleSite] { shared.ruleSites(of: self) }

    /// Every rule of every rule file, in file order, computed afresh.
    var allRuleSites: [RuleSite] {
        var sites: [RuleSite] = []
        for (fileIndex, file) in ruleFiles.enumerated() {
            for (groupIndex, group) in file.groups.enumerated() {
                for (ruleIndex, rule) in group.rules.enumerated() {
                    sites.append(RuleSite(file: file, fileIndex: fileIndex, groupIndex: groupIndex, ruleIndex: ruleIndex, group: group, rule: rule))
                }
            }
        }
        return sites
    }
}

extension RuleLabel {
    /// Where the label's value is written, else its name, else nil.
    var valueLocation: Location? { value.location ?? nameLocation }
}

extension LintDashboard {
    /// The subject of findings about the dashboard.
    var subject: LintSubject { LintSubject(file: path, name: dashboard.uid) }
    /// The subject of findings about one panel (named by its title).
    func subject(_ panel: Grafana.Panel) -> LintSubject { LintSubject(file: path, group: dashboard.uid, name: panel.title) }
    /// The subject of findings about the panel at `index` of `dashboard.panels`, or about the dashboard when nil.
    func subject(panelAt index: Int?) -> LintSubject {
        guard let index else { return subject }
        return LintSubject(file: path, group: dashboard.uid, name: dashboard.panels[index].title)
    }
}

/// Name checks shared by the naming rules.
enum Names {
    /// `[a-z_][a-z0-9_]*`: Prometheus' naming convention for metric parts and labels.
    static func isSnakeCase(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7A) else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }
    }

    /// `snake_case` suggestion for `name` (`httpRequests` → `http_requests`, `Foo-Bar` → `foo_bar`).
    static func snakeCased(_ name: String) -> String {
        var out = ""
        var previousLower = false
        for character in name {
            if character.isUppercase {
                if previousLower { out.append("_") }
                out += character.lowercased()
                previousLower = false
            } else if character.isLetter || character.isNumber {
                out.append(character)
                previousLower = character.isLowercase || character.isNumber
            } else {
                if !out.hasSuffix("_") { out.append("_") }
                previousLower = false
            }
        }
        return out
    }
}

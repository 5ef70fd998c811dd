import PeriscopeDSL
import PeriscopeModel

/// `alert-name-camel-case`: alert names are CamelCase.
public struct AlertNameCamelCaseRule: LintRule {
    public init() {}
    public var id: DiagnosticID { "alert-name-camel-case" }
    public var category: LintCategory { .naming }
    public var defaultSeverity: Diagnostic.Severity { .warning }
    public var doc: LintRuleDoc {
        LintRuleDoc(
            summary: "Alert names are CamelCase: an uppercase letter first, then letters and digits.",
            why: "The convention of Prometheus' own alerting docs, kube-prometheus and the awesome-prometheus-alerts collection; alert names appear in Alertmanager routes, silences and pages, where one style makes them easy to match and read.",
            bad: "alert: high_error_rate",
            good: "alert: HighErrorRate",
            fix: "Rename the alert (and any Alertmanager route or inhibition that names it).")
    }

    static func isCamelCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isUppercase, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    static func suggestion(_ name: String) -> String {
        name.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    public func check(_ input: LintInput, into findings: inout LintFindings) {
        for site in input.ruleSites where site.rule.kind == .alert && !Self.isCamelCase(site.rule.name.value) {
            findings.report("alert name '\(site.rule.name.value)' is not CamelCase (expected e.g. '\(Self.suggestion(site.rule.name.value))')",
                            at: site.nameLocation, subject: site.subject)
        }
    }
}

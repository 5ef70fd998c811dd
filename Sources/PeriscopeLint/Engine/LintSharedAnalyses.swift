import Synchronization

/// Analyses that more than one rule needs, computed once per ``LintInput`` on first use.
///
/// Rules run in parallel: the first rule to ask computes a value while the others wait for it,
/// then all share it. Every value is a pure function of the input, so which rule asks first
/// changes nothing. ``LintInput`` starts a new, empty set whenever its artifacts change.
final class LintSharedAnalyses: Sendable {
    private let variableReferences = Mutex<[DashboardVariableReferences]?>(nil)
    private let ruleSites = Mutex<[RuleSite]?>(nil)

    /// Every rule of every rule file, in file order (``LintInput/ruleSites``).
    func ruleSites(of input: LintInput) -> [RuleSite] {
        ruleSites.withLock { cached in
            if let cached { return cached }
            let made = input.allRuleSites
            cached = made
            return made
        }
    }

    /// The template variables each dashboard defines and uses, in the order of `input.dashboards`.
    func variableReferences(of input: LintInput) -> [DashboardVariableReferences] {
        variableReferences.withLock { cached in
            if let cached { return cached }
            let made = input.dashboards.map { DashboardVariableReferences($0.dashboard) }
            cached = made
            return made
        }
    }
}

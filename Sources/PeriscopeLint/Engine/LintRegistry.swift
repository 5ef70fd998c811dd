/// Every lint rule, in id order: what `periscope lint` runs and `--list-rules` lists.
public enum LintRegistry {
    /// The rules: naming, dashboard and rule checks, and the PromQL rules (``PromQLRules``).
    public static let rules: [any LintRule] = (PromQLRules.all + StructureRules.all).sorted { $0.id < $1.id }

    /// Every check findings are reported under: the rules, then the live checks of
    /// `lint --prometheus` (``LiveCheck``), each group in id order.
    public static let checks: [any LintCheck] = rules + LiveCheck.all.sorted { $0.id < $1.id }

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> (any LintRule)? { rules.first { $0.id.rawValue == id } }

    /// The rule or live check with `id`, if any.
    public static func check(_ id: String) -> (any LintCheck)? { checks.first { $0.id.rawValue == id } }

    /// Every id of a rule or live check, in order (for configuration, suppressions and "did you mean").
    public static var ids: [String] { checks.map(\.id.rawValue).sorted() }
}

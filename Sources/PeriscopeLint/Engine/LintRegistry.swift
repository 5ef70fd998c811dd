/// Every lint rule, in id order: what `periscope lint` runs and `--list-rules` lists.
public enum LintRegistry {
    /// The rules: naming, dashboard and rule checks, and the PromQL rules (``PromQLRules``).
    public static let rules: [any LintRule] = (PromQLRules.all + StructureRules.all).sorted { $0.id < $1.id }

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> (any LintRule)? { rules.first { $0.id.rawValue == id } }

    /// Every id, in order (for configuration checks and "did you mean").
    public static var ids: [String] { rules.map(\.id.rawValue) }
}

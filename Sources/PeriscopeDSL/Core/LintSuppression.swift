/// A `periscope lint` check switched off for one definition, with the reason: what
/// `.lintDisabled("rule-id", reason: "…")` records on a panel, dashboard, alerting or recording rule.
///
/// The compiler writes it into the environment's `manifest.json` at the node the definition was
/// lowered to, so `periscope lint build/` honours it for that node and everything below it. A
/// reason is required: an empty one is itself reported by lint (`lint-suppression-reason`).
public struct LintSuppression: Sendable, Hashable {
    /// The lint rule id, e.g. `panel-unit` (`periscope lint --list-rules` lists them).
    public var rule: String
    /// Why the check does not apply here.
    public var reason: String
    /// Where the modifier was written.
    public var location: SourceLocation

    /// Creates a suppression.
    public init(rule: String, reason: String, location: SourceLocation) {
        self.rule = rule
        self.reason = reason
        self.location = location
    }
}

extension AlertRule {
    /// Switches the lint rule `rule` off for this alert, with the reason (required).
    ///
    /// ```swift
    /// AlertRule("DiskWillFillIn4Hours", expr: "predict_linear(node_filesystem_free_bytes[6h], 4 * 3600) < 0")
    ///     .lintDisabled("alert-runbook", reason: "ticket-only alert, the description is the runbook")
    /// ```
    public func lintDisabled(_ rule: String, reason: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        with { $0.lintSuppressions.append(LintSuppression(rule: rule, reason: reason, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))) }
    }
}

extension RecordingRule {
    /// Switches the lint rule `rule` off for this recording rule, with the reason (required).
    public func lintDisabled(_ rule: String, reason: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        with { $0.lintSuppressions.append(LintSuppression(rule: rule, reason: reason, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))) }
    }
}

extension PanelConvertible {
    /// Switches the lint rule `rule` off for this panel and its queries, with the reason (required).
    ///
    /// ```swift
    /// Stat("Build").query("build_info").lintDisabled("panel-unit", reason: "shows a version string")
    /// ```
    public func lintDisabled(_ rule: String, reason: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        with { $0.panel.lintSuppressions.append(LintSuppression(rule: rule, reason: reason, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))) }
    }
}

extension Dashboard {
    /// Switches the lint rule `rule` off for this dashboard and everything in it, with the reason (required).
    public func lintDisabled(_ rule: String, reason: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Self {
        with { $0.lintSuppressions.append(LintSuppression(rule: rule, reason: reason, location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))) }
    }
}

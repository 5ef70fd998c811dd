import PeriscopeDSL
import PeriscopeModel

/// Renders a `DiffReport` as JSON with a stable schema (`diffVersion` 1, documented in the README).
///
/// Keys are written in lexicographic order by `JSONWriter`, arrays in the report's order; absent
/// values are `null`, never missing keys, so consumers can rely on every key being present.
public struct DiffJSONRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The JSON text, ending in a newline.
    public func render(_ report: DiffReport) -> String {
        JSONWriter().string(.object([
            JSONMember("diffVersion", 1),
            JSONMember("changed", .bool(report.hasChanges)),
            JSONMember("environments", .array(report.environments.map(environment))),
        ]))
    }

    private func environment(_ environment: EnvironmentDiff) -> JSONValue {
        let summary = DiffSummary(environment)
        return .object([
            JSONMember("name", .string(environment.name)),
            JSONMember("change", .string(environment.change.rawValue)),
            JSONMember("changed", .bool(environment.hasChanges)),
            JSONMember("summary", .object([
                JSONMember("dashboards", counts(summary.dashboards)), JSONMember("panels", counts(summary.panels)),
                JSONMember("rules", counts(summary.rules)), JSONMember("files", counts(summary.files)),
            ])),
            JSONMember("dashboards", .array(environment.dashboards.map(dashboard))),
            JSONMember("ruleGroups", .array(environment.ruleGroups.map(ruleGroup))),
            JSONMember("files", .array(environment.files.map { .object([JSONMember("path", .string($0.path)), JSONMember("change", .string($0.change.rawValue))]) })),
        ])
    }

    private func counts(_ counts: DiffSummary.Counts) -> JSONValue {
        .object([JSONMember("added", .int(counts.added)), JSONMember("removed", .int(counts.removed)), JSONMember("changed", .int(counts.changed))])
    }

    private func dashboard(_ dashboard: DashboardDiff) -> JSONValue {
        .object([
            JSONMember("uid", .string(dashboard.uid)),
            JSONMember("title", .string(dashboard.title)),
            JSONMember("path", .string(dashboard.path)),
            JSONMember("change", .string(dashboard.change.rawValue)),
            JSONMember("panelCount", .int(dashboard.panelCount)),
            JSONMember("folder", dashboard.folderMove.map { .object([JSONMember("old", .string($0.old)), JSONMember("new", .string($0.new))]) } ?? .null),
            JSONMember("fields", fields(dashboard.fields)),
            JSONMember("panels", .array(dashboard.panels.map(panel))),
            JSONMember("variables", .array(dashboard.variables.map(named))),
            JSONMember("links", .array(dashboard.links.map(named))),
            JSONMember("annotations", .array(dashboard.annotations.map(named))),
        ])
    }

    private func panel(_ panel: PanelDiff) -> JSONValue {
        .object([
            JSONMember("identity", .array(panel.identity.map { .string($0) })),
            JSONMember("occurrence", .int(panel.occurrence)),
            JSONMember("change", .string(panel.change.rawValue)),
            JSONMember("type", .string(panel.type)),
            JSONMember("gridPos", .object([JSONMember("old", rect(panel.oldGridPos)), JSONMember("new", rect(panel.newGridPos))])),
            JSONMember("fields", fields(panel.fields)),
            JSONMember("targets", .array(panel.targets.map { target in
                .object([
                    JSONMember("refId", .string(target.refId)), JSONMember("change", .string(target.change.rawValue)),
                    JSONMember("expr", expression(target.expr)), JSONMember("fields", fields(target.fields)),
                ])
            })),
        ])
    }

    private func rect(_ rect: GridRect?) -> JSONValue {
        guard let rect else { return .null }
        return .object([JSONMember("x", .int(rect.x)), JSONMember("y", .int(rect.y)), JSONMember("w", .int(rect.w)), JSONMember("h", .int(rect.h))])
    }

    private func named(_ item: NamedDiff) -> JSONValue {
        .object([JSONMember("name", .string(item.name)), JSONMember("change", .string(item.change.rawValue)), JSONMember("fields", fields(item.fields))])
    }

    private func ruleGroup(_ group: RuleGroupDiff) -> JSONValue {
        .object([
            JSONMember("file", .string(group.file)),
            JSONMember("group", .string(group.group)),
            JSONMember("change", .string(group.change.rawValue)),
            JSONMember("fields", fields(group.fields)),
            JSONMember("rules", .array(group.rules.map { rule in
                .object([
                    JSONMember("kind", .string(rule.kind)),
                    JSONMember("name", .string(rule.name)),
                    JSONMember("labels", .object(rule.labels.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
                    JSONMember("change", .string(rule.change.rawValue)),
                    JSONMember("movedFrom", rule.movedFrom.map { .string($0) } ?? .null),
                    JSONMember("fields", fields(rule.fields)),
                    JSONMember("expr", expression(rule.expr)),
                ])
            })),
        ])
    }

    private func fields(_ changes: [FieldChange]) -> JSONValue {
        .array(changes.map { change in
            .object([
                JSONMember("path", .string(change.path)),
                JSONMember("old", change.old.map { .string($0) } ?? .null),
                JSONMember("new", change.new.map { .string($0) } ?? .null),
            ])
        })
    }

    private func expression(_ diff: ExpressionDiff?) -> JSONValue {
        guard let diff else { return .null }
        return .array(diff.lines.map { .object([JSONMember("op", .string($0.operation.rawValue)), JSONMember("text", .string($0.text))]) })
    }
}

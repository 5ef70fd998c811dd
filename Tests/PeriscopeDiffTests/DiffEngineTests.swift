import PeriscopeDSL
import PeriscopeDiff
import PeriscopeModel
import Testing

/// The matching rules of the diff engine, one behaviour per test.
@Suite struct DiffEngineTests {
    private func diff(dashboards old: [DashboardFile], _ new: [DashboardFile]) throws -> [DashboardDiff] {
        try Differ.compare(old: DiffTree(environments: [DiffEnvironment(name: "", dashboards: old)]),
                           new: DiffTree(environments: [DiffEnvironment(name: "", dashboards: new)])).environments.first?.dashboards ?? []
    }

    private func diff(rules old: String, _ new: String) throws -> [RuleGroupDiff] {
        try Differ.compare(old: DiffTree(environments: [DiffEnvironment(name: "", ruleFiles: [DiffFixtures.ruleFile(old)])]),
                           new: DiffTree(environments: [DiffEnvironment(name: "", ruleFiles: [DiffFixtures.ruleFile(new)])])).environments.first?.ruleGroups ?? []
    }

    private func panel(_ title: String, x: Int = 0, y: Int = 0, expr: String = "up", extra: String = "") -> String {
        #"{"type": "timeseries", "title": "\#(title)", "gridPos": {"x": \#(x), "y": \#(y), "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "\#(expr)"}]\#(extra)}"#
    }

    private func dashboard(_ panels: [String], extra: String = "") throws -> DashboardFile {
        try DiffFixtures.dashboard(#"{"uid": "u", "title": "T"\#(extra), "panels": [\#(panels.joined(separator: ", "))]}"#)
    }

    @Test func volatileFieldsAndKeyOrderAreIgnored() throws {
        let old = try DiffFixtures.dashboard(#"{"id": 1, "version": 3, "iteration": 1690000000000, "uid": "u", "title": "T", "panels": [{"id": 2, "pluginVersion": "10.0.0", "type": "stat", "title": "A", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "fieldConfig": {"defaults": {"decimals": 1}}}]}"#)
        let new = try DiffFixtures.dashboard(#"{"panels": [{"gridPos": {"h": 4, "w": 6, "x": 0, "y": 0}, "fieldConfig": {"defaults": {"decimals": 1.0}}, "title": "A", "type": "stat", "pluginVersion": "11.4.0", "id": 9}], "title": "T", "uid": "u", "version": 12, "id": 40, "iteration": 1790000000000}"#)
        #expect(try diff(dashboards: [old], [new]).isEmpty)
    }

    @Test func panelsMatchByRowPathAndTitleNotPosition() throws {
        let old = try dashboard([panel("A", x: 0), panel("B", x: 12)])
        let new = try dashboard([panel("B", x: 0), panel("A", x: 12)])
        let panels = try #require(try diff(dashboards: [old], [new]).first?.panels)
        #expect(panels.map(\.displayName) == ["B", "A"])
        #expect(panels.allSatisfy { $0.isMoved && $0.fields.isEmpty && $0.targets.isEmpty })
    }

    @Test func duplicateTitlesMatchInOrder() throws {
        let old = try dashboard([panel("Same", x: 0, expr: "a"), panel("Same", x: 12, expr: "b")])
        let new = try dashboard([panel("Same", x: 0, expr: "a"), panel("Same", x: 12, expr: "c")])
        let panels = try #require(try diff(dashboards: [old], [new]).first?.panels)
        #expect(panels.map(\.displayName) == ["Same #2"])
        #expect(panels.first?.targets.first?.expr?.lines == [DiffLine(.removed, "b"), DiffLine(.added, "c")])
    }

    @Test func panelMovedToAnotherRowIsAMoveNotAddAndRemove() throws {
        let row = { (title: String, y: Int) in #"{"type": "row", "title": "\#(title)", "collapsed": false, "gridPos": {"x": 0, "y": \#(y), "w": 24, "h": 1}, "panels": []}"# }
        let old = try dashboard([row("One", 0), panel("P", y: 1), row("Two", 9)])
        let new = try dashboard([row("One", 0), row("Two", 1), panel("P", y: 2)])
        let panels = try #require(try diff(dashboards: [old], [new]).first?.panels)
        #expect(panels.count == 1)
        #expect(panels.first?.change == .changed && panels.first?.identity == ["Two", "P"])
        #expect(panels.first?.fields.first == FieldChange(path: "row", old: "\"One\"", new: "\"Two\""))
    }

    @Test func fieldPathsNameArrayElementsAndOddKeys() throws {
        let old = try dashboard([panel("P", extra: #", "options": {"legend": {"calcs": ["mean"]}, "a.b": 1}"#)])
        let new = try dashboard([panel("P", extra: #", "options": {"legend": {"calcs": ["mean", "max"]}, "a.b": 2}"#)])
        let fields = try #require(try diff(dashboards: [old], [new]).first?.panels.first?.fields)
        #expect(fields == [FieldChange(path: "options[\"a.b\"]", old: "1", new: "2"), FieldChange(path: "options.legend.calcs[1]", old: nil, new: "\"max\"")])
    }

    @Test func variablesAndLinksCompareByName() throws {
        let old = try dashboard([], extra: #", "templating": {"list": [{"name": "job", "query": "a"}, {"name": "gone"}]}, "links": [{"title": "Docs", "url": "https://a"}]"#)
        let new = try dashboard([], extra: #", "templating": {"list": [{"name": "new"}, {"name": "job", "query": "b"}]}, "links": [{"title": "Docs", "url": "https://b"}]"#)
        let result = try #require(try diff(dashboards: [old], [new]).first)
        #expect(result.variables.map { "\($0.change) \($0.name)" } == ["added new", "changed job", "removed gone"])
        #expect(result.variables[1].fields == [FieldChange(path: "query", old: "\"a\"", new: "\"b\"")])
        #expect(result.links.first?.fields == [FieldChange(path: "url", old: "\"https://a\"", new: "\"https://b\"")])
    }

    @Test func dashboardsMatchByUIDAcrossPaths() throws {
        let old = try DiffFixtures.dashboard(#"{"uid": "u", "title": "T", "panels": []}"#, path: "a/x.json", folder: "a")
        let new = try DiffFixtures.dashboard(#"{"uid": "u", "title": "T", "panels": []}"#, path: "b/y.json", folder: "b")
        let result = try diff(dashboards: [old], [new])
        #expect(result.count == 1 && result.first?.folderMove?.old == "a" && result.first?.folderMove?.new == "b")
    }

    @Test func rulesMatchByGroupNameAndLabels() throws {
        let old = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: x > 1
                    for: 5m
                    labels: {severity: warning}
                  - alert: A
                    expr: x > 2
                    for: 5m
                    labels: {severity: critical}
            """
        let new = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: x > 2
                    for: 10m
                    labels: {severity: critical}
                  - alert: A
                    expr: x > 1
                    for: 5m
                    labels: {severity: warning}
                    annotations: {summary: hi}
            """
        let rules = try #require(try diff(rules: old, new).first?.rules)
        #expect(rules.map(\.displayName) == ["alert A{severity=\"critical\"}", "alert A{severity=\"warning\"}"])
        #expect(rules[0].fields == [FieldChange(path: "for", old: "5m", new: "10m")] && rules[0].expr == nil)
        #expect(rules[1].fields == [FieldChange(path: "annotations.summary", old: nil, new: "hi")])
    }

    @Test func ruleMovedBetweenGroupsAndLabelChanges() throws {
        let old = """
            groups:
              - name: one
                rules:
                  - record: job:x:rate5m
                    expr: sum(rate(x[5m]))
                  - alert: B
                    expr: y > 0
                    labels: {team: a}
              - name: two
                rules: []
            """
        let new = """
            groups:
              - name: one
                rules:
                  - alert: B
                    expr: y > 0
                    keep_firing_for: 5m
                    labels: {team: b}
              - name: two
                rules:
                  - record: job:x:rate5m
                    expr: |
                      sum(rate(x[5m]))
            """
        let groups = try diff(rules: old, new)
        #expect(groups.map(\.group) == ["one", "two"])
        #expect(groups[0].rules.first?.fields == [FieldChange(path: "keep_firing_for", old: nil, new: "5m"), FieldChange(path: "labels.team", old: "a", new: "b")])
        let moved = try #require(groups[1].rules.first)
        #expect(moved.movedFrom == "rules.yaml › one" && moved.expr == nil, "a trailing newline of a block scalar is not a change")
    }

    @Test func kindConflictIsALocatedError() throws {
        let dashboard = try DiffFixtures.dashboard(#"{"uid": "u", "panels": []}"#, path: "x/thing")
        let rules = DiffFixtures.ruleFile("groups: []\n", path: "x/thing")
        var conflict: DiffInputError?
        do {
            _ = try Differ.compare(old: DiffTree(environments: [DiffEnvironment(name: "prod", dashboards: [DashboardFile(path: "thing", folder: "", dashboard: dashboard.dashboard)])]),
                                   new: DiffTree(environments: [DiffEnvironment(name: "prod", ruleFiles: [RuleFileEntry(path: "thing", file: rules.file)])]))
        } catch {
            conflict = error
        }
        let diagnostic = try #require(conflict?.diagnostics.first)
        #expect(diagnostic.id == .diffKindConflict && diagnostic.location?.path == "x/thing")
    }

    @Test func environmentOnOneSideOnly() throws {
        let file = try dashboard([panel("P")])
        let report = try Differ.compare(old: DiffTree(environments: [DiffEnvironment(name: "prod", dashboards: [file])]),
                                        new: DiffTree(environments: [DiffEnvironment(name: "prod", dashboards: [file]), DiffEnvironment(name: "qa", dashboards: [file])]))
        #expect(report.environments.map { "\($0.name) \($0.change) \($0.hasChanges)" } == ["prod changed false", "qa added true"])
        #expect(report.environments[1].dashboards.first?.change == .added)
    }
}

import PeriscopeDSL
@testable import PeriscopeLint
import PeriscopeModel
import Testing

/// The naming, alert and dashboard rules: each fires on the lines marked `# expect` and nowhere else.
@Suite struct StructureRuleTests {
    @Test func metricBaseUnits() {
        LintTestInput.expectMarkedFindings(of: MetricBaseUnitsRule(), rules: """
              - record: job:http_latency_ms:p99   # expect
                expr: max by (job) (x)
              - record: job:http_latency_seconds:p99
                expr: max by (job) (x)
              - record: job:disk_written_kb_total:rate5m   # expect
                expr: sum by (job) (y)
              - alert: Slow
                expr: request_duration_milliseconds_bucket > 3   # expect
              - alert: Fine
                expr: http_request_duration_seconds_bucket > 3 and aws_us_east_requests_total > 1
            """)
    }

    @Test func snakeCaseNames() {
        LintTestInput.expectMarkedFindings(of: SnakeCaseNamesRule(), rules: """
              - record: job:httpRequests:rate5m   # expect
                expr: sum by (job) (x)
              - record: job:http_requests:rate5m
                expr: sum by (job) (x)
              - alert: A
                expr: up == 0
                labels:
                  teamName: checkout   # expect
                  team_name: checkout
            """)
    }

    @Test func recordingRuleName() {
        LintTestInput.expectMarkedFindings(of: RecordingRuleNameRule(), rules: """
              - record: http_errors_5m   # expect
                expr: sum by (job) (x)
              - record: instance:http_errors:rate5m   # expect
                expr: sum by (job) (rate(x[5m]))
              - record: job:http_errors:rate5m
                expr: sum by (job) (rate(x[5m]))
              - record: instance_path:http_errors:rate5m
                expr: sum by (path, instance) (rate(x[5m]))
              - record: job:http_errors:ratio
                expr: sum by (job) (x) / sum by (job) (y)
              - record: slo:sli_error:ratio_rate5m
                expr: sum by (job) (x)
                labels:
                  sloth_id: a
            """)
    }

    @Test func alertNameCamelCase() {
        LintTestInput.expectMarkedFindings(of: AlertNameCamelCaseRule(), rules: """
              - alert: high_error_rate   # expect
                expr: up == 0
              - alert: HighErrorRate
                expr: up == 0
              - alert: Disk5xxErrors
                expr: up == 0
            """)
        #expect(AlertNameCamelCaseRule.suggestion("high_error_rate") == "HighErrorRate")
    }

    @Test func alertSeverityLabel() {
        let findings = LintTestInput.expectMarkedFindings(of: AlertSeverityLabelRule(), rules: """
              - alert: NoSeverity   # expect
                expr: up == 0
              - alert: Bad
                expr: up == 0
                labels:
                  severity: critcal   # expect
              - alert: Good
                expr: up == 0
                labels:
                  severity: warning
            """)
        #expect(findings.last?.message.contains("did you mean 'critical'?") == true)
    }

    @Test func alertAnnotationsAndRunbook() {
        LintTestInput.expectMarkedFindings(of: AlertAnnotationsRule(), rules: """
              - alert: Bare   # expect
                expr: up == 0
              - alert: Done
                expr: up == 0
                annotations: { summary: s, description: d }
            """)
        LintTestInput.expectMarkedFindings(of: AlertRunbookRule(), rules: """
              - alert: Pages   # expect
                expr: up == 0
                labels: { severity: critical }
              - alert: PagesWithRunbook
                expr: up == 0
                labels: { severity: critical }
                annotations: { runbook_url: https://runbooks.example.com/x }
              - alert: Ticket
                expr: up == 0
                labels: { severity: warning }
            """)
    }

    @Test func alertForTooShort() {
        let file = """
            groups:
            - name: fast
              interval: 30s
              rules:
              - alert: A
                expr: up == 0
                for: 1m
            - name: default
              rules:
              - alert: B
                expr: up == 0
                for: 90s   # expect
              - alert: C
                expr: up == 0
                for: 0s
              - alert: D
                expr: up == 0
                for: 2m
            """
        let findings = LintTestInput.findings(of: AlertForTooShortRule(), in: LintTestInput.make(rules: [("r.yaml", file)]))
        #expect(findings.map(\.location.line) == LintTestInput.markedLines(in: file))
        #expect(findings.first?.message.contains("use at least 2m") == true)
    }

    static func dashboard(_ body: String) -> LintInput {
        LintTestInput.make(dashboards: [("d.json", body)])
    }

    @Test func dashboardUID() {
        let long = String(repeating: "a", count: 41)
        let input = LintTestInput.make(dashboards: [
            ("a.json", #"{"uid": "\#(long)", "title": "A", "panels": []}"#),
            ("b.json", #"{"uid": "x/y", "title": "B", "panels": []}"#),
            ("c.json", #"{"title": "C", "panels": []}"#),
            ("d.json", #"{"uid": "ok-uid_1", "title": "D", "panels": []}"#),
        ])
        #expect(LintTestInput.findings(of: DashboardUIDRule(), in: input).map(\.location.path) == ["a.json", "b.json", "c.json"])
    }

    @Test func dashboardTitleAndUIDUnique() {
        var input = LintTestInput.make(dashboards: [
            ("f/a.json", #"{"uid": "a", "title": "API", "panels": []}"#),
            ("f/b.json", #"{"uid": "a", "title": "API", "panels": []}"#),
            ("g/c.json", #"{"uid": "c", "title": "API", "panels": []}"#),
        ])
        input.dashboards[0].folder = "f"
        input.dashboards[1].folder = "f"
        input.dashboards[2].folder = "g"
        #expect(LintTestInput.findings(of: DashboardTitleUniqueRule(), in: input).map(\.location.path) == ["f/b.json"])
        #expect(LintTestInput.findings(of: DashboardUIDUniqueRule(), in: input).map(\.location.path) == ["f/b.json"])
    }

    static let panels = #"""
        {"uid": "d", "title": "D", "templating": {"list": [
           {"name": "job", "type": "query", "query": "label_values(up, job)"},
           {"name": "unused", "type": "custom", "query": "a,b"},
           {"name": "filters", "type": "adhoc"},
           {"name": "ds", "type": "datasource", "query": "prometheus"}]},
         "panels": [
          {"id": 1, "type": "timeseries", "title": "Rate", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
           "datasource": {"type": "prometheus", "uid": "${ds}"},
           "fieldConfig": {"defaults": {"unit": "reqps"}},
           "targets": [{"expr": "rate(x{job=\"$job\"}[$__rate_interval])"}]},
          {"id": 1, "type": "stat", "title": "", "gridPos": {"x": 6, "y": 4, "w": 12, "h": 8},
           "datasource": {"type": "prometheus", "uid": "${missing}"},
           "targets": [{"expr": "sum(x{instance=\"$instance\"})"}]},
          {"id": 3, "type": "text", "title": "", "gridPos": {"x": 18, "y": 20, "w": 12, "h": 2}},
          {"id": 4, "type": "row", "title": "R", "collapsed": true, "gridPos": {"x": 0, "y": 30, "w": 24, "h": 1},
           "panels": [{"id": 5, "type": "gauge", "title": "G", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"expr": "up"}],
                       "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"}}]}
         ]}
        """#

    @Test(arguments: [
        ("panel-title", ["/panels/1"]),
        ("panel-unit", ["/panels/1", "/panels/3/panels/0"]),
        ("panel-id-unique", ["/panels/1"]),
        ("panel-grid-overlap", ["/panels/1/gridPos"]),
        ("panel-grid-bounds", ["/panels/2/gridPos"]),
        ("dashboard-variable-undefined", ["/panels/1", "/panels/1"]),  // $instance and ${missing}
        ("dashboard-variable-unused", ["/templating/list/1"]),
        ("datasource-unresolved", ["/panels/1"]),
        ("datasource-hardcoded", ["/panels/3/panels/0"]),
    ])
    func dashboardRules(id: String, pointers: [String]) throws {
        let rule = try #require(LintRegistry.rule(id))
        let findings = LintTestInput.findings(of: rule, in: Self.dashboard(Self.panels))
        #expect(findings.map(LintTestInput.pointer) == pointers, "\(findings.map { $0.diagnostic.formatted() })")
        #expect(findings.allSatisfy { $0.location.line > 0 })
    }

    @Test func datasourceUIDsOfTheEnvironment() {
        var options = LintOptions()
        options.environmentDatasourceUIDs = ["prom-prod"]
        let input = LintTestInput.make(dashboards: [("d.json", #"""
            {"uid": "d", "title": "D", "panels": [
              {"type": "stat", "title": "A", "datasource": {"type": "prometheus", "uid": "prom-prod"}},
              {"type": "stat", "title": "B", "datasource": {"type": "prometheus", "uid": "prom-dev"}}]}
            """#)], options: options)
        #expect(LintTestInput.findings(of: DatasourceUnresolvedRule(), in: input).map(LintTestInput.pointer) == ["/panels/1"])
    }

    @Test func variableReferences() {
        #expect(DashboardVariableReferences.names(in: "$a ${b} ${c:regex} [[d]] $__interval $1 \\$ [[e:csv]]") == ["a", "b", "c", "d", "e"])
    }

    @Test func everyRuleHasADocAndAUniqueID() {
        let ids = LintRegistry.ids
        #expect(Set(ids).count == ids.count)
        for rule in LintRegistry.checks {
            #expect(!rule.doc.summary.isEmpty && !rule.doc.why.isEmpty && !rule.doc.bad.isEmpty && !rule.doc.good.isEmpty && !rule.doc.fix.isEmpty, "\(rule.id)")
            #expect(rule.id.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(rule.id)")
        }
    }
}

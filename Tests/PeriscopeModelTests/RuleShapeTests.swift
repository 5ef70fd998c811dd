import PeriscopeDSL
import PeriscopeModel
import Testing

/// The shapes a rule file comes in: each reads into the model and writes back in its own format.
@Suite struct RuleShapeTests {
    /// Reads `text`, expects no error, and checks that writing gives the same YAML data and is a fixpoint.
    func roundTrip(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RuleFile {
        let result = readRules(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))", sourceLocation: sourceLocation)
        let written = RuleFileWriter.text(result.file)
        #expect(try YAMLData.documents(written) == YAMLData.documents(text), "\(written)", sourceLocation: sourceLocation)
        #expect(RuleFileWriter.text(readRules(written).file) == written, sourceLocation: sourceLocation)
        return result.file
    }

    @Test func plainRuleFileIsWrittenCanonically() throws {
        let text = """
            groups:
            - name: api
              interval: 1m
              limit: 10
              rules:
              - record: job:up:sum
                expr: sum by (job) (up)
              - alert: Down
                expr: |
                  up
                    == 0
                for: 5m
                keep_firing_for: 10m
                labels: {severity: page, code: 500, paging: true, empty: null}
                annotations:
                  summary: '{{ $labels.job }} is down'

            """
        let file = try roundTrip(text)
        #expect(file.documents.map(\.shape) == [.ruleGroups])
        #expect(RuleFileWriter.text(file) == """
            groups:
              - name: api
                interval: 1m
                limit: 10
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
                  - alert: Down
                    expr: |
                      up
                        == 0
                    for: 5m
                    keep_firing_for: 10m
                    labels:
                      severity: page
                      code: 500
                      paging: true
                      empty: null
                    annotations:
                      summary: "{{ $labels.job }} is down"

            """)
    }

    @Test func prometheusRuleResourceKeepsItsMetadata() throws {
        let text = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: api-rules
              namespace: monitoring
              labels:
                prometheus: k8s
              uid: 1234
            spec:
              groups:
                - name: api
                  rules:
                    - alert: Down
                      expr: up == 0

            """
        let file = try roundTrip(text)
        let document = try #require(file.documents.first)
        #expect(document.shape == .prometheusRule)
        #expect(document.resource?.metadata.name?.value == "api-rules")
        #expect(document.resource?.metadata.namespace?.value == "monitoring")
        #expect(document.resource?.metadata.labels.map(\.name) == ["prometheus"])
        #expect(document.resource?.metadata.extra.map(\.key) == ["uid"])
        #expect(file.groups.first?.rules.first?.name.value == "Down")
    }

    @Test func severalPrometheusRulesInOneFile() throws {
        let resource = { (name: String) in
            """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: \(name)
            spec:
              groups:
                - name: \(name)
                  rules:
                    - record: a:b
                      expr: up
            """
        }
        let file = try roundTrip("---\n" + resource("one") + "\n---\n" + resource("two") + "\n")
        #expect(file.documents.map(\.shape) == [.prometheusRule, .prometheusRule])
        #expect(file.groups.map(\.name.value) == ["one", "two"])
        #expect(RuleFileWriter.text(file).components(separatedBy: "\n---\n").count == 2)
        // The same group name in two resources is no duplicate: each resource is its own rule file.
    }

    @Test func kubernetesListOfPrometheusRules() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: one
                spec:
                  groups:
                    - name: one
                      rules: []
              - apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: two
                spec:
                  groups: []
            metadata:
              resourceVersion: ""

            """
        let file = try roundTrip(text)
        #expect(file.documents.map(\.shape) == [.list])
        #expect(file.documents.first?.items.map { $0.resource?.metadata.name?.value } == ["one", "two"])
        #expect(file.groups.map(\.name.value) == ["one"])
    }

    @Test func mimirNamespaceFile() throws {
        let text = """
            namespace: checkout
            groups:
              - name: api
                source_tenants: [team-a, team-b]
                evaluation_delay: 1m
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)

            """
        let file = try roundTrip(text)
        #expect(file.documents.first?.shape == .mimirNamespace)
        #expect(file.documents.first?.namespace?.value == "checkout")
        #expect(file.groups.first?.extra.map(\.key) == ["source_tenants", "evaluation_delay"])
    }

    @Test(arguments: ["", "null\n", "~\n", "{}\n", "groups: []\n", "---\n", "# only a comment\n", "---\nnull\n---\n{}\n"])
    func emptyFilesAreValid(_ text: String) throws {
        let file = try roundTrip(text)
        #expect(file.groups.isEmpty)
    }

    @Test func unknownKeysAreReportedWhereRulefmtRejectsThemAndKept() throws {
        let text = """
            groups:
              - name: api
                partial_response_strategy: warn
                rules:
                  - alert: Down
                    expr: up == 0
                    severity: page
                    notes: [1, {a: b}, [x]]

            """
        let result = readRules(text)
        #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.id!)" }
            == ["3:5 rule-field-unknown", "7:9 rule-field-unknown", "8:9 rule-field-unknown"])
        #expect(result.diagnostics.first?.formatted() == "rules.yaml:3:5: error: [rule-field-unknown] field partial_response_strategy not found in type rulefmt.RuleGroup (expected one of: name, interval, query_offset, limit, labels, rules)")
        #expect(result.file.groups.first?.extra.map(\.key) == ["partial_response_strategy"])
        #expect(result.file.groups.first?.rules.first?.extra.map(\.key) == ["severity", "notes"])
        let written = RuleFileWriter.text(result.file)
        #expect(try YAMLData.documents(written) == YAMLData.documents(text), "\(written)")
    }

    @Test func prometheusRuleAllowsThanosPartialResponseStrategy() throws {
        let text = """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: x
            spec:
              groups:
                - name: api
                  partial_response_strategy: warn
                  rules: []

            """
        _ = try roundTrip(text)
    }
}

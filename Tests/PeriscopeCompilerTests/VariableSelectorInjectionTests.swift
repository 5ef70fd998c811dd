import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Issue 8, class 4: the environment's `prometheus.selectors` go into query-variable queries and
/// Prometheus annotation exprs, wherever Grafana sends PromQL to Prometheus, as into panel
/// queries, with the same opt-out.
@Suite struct VariableSelectorInjectionTests {
    static let prod = Environment(
        name: "prod",
        grafana: GrafanaSettings(folder: "Team", datasources: [
            "metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod"),
            "logs": GrafanaDatasource(type: "loki", uid: "loki-prod"),
        ]),
        prometheus: PrometheusSettings(selectors: [LabelPair("env", "prod"), LabelPair("region", "eu")]))

    /// Each form of Grafana's variable grammar and where the matchers go.
    @Test(arguments: [
        // label_values(selector, label): into the selector
        ("label_values(go_goroutines, job)", #"label_values(go_goroutines{env="prod", region="eu"}, job)"#),
        (#"label_values(up{job="$job"}, instance)"#, #"label_values(up{job="$job", env="prod", region="eu"}, instance)"#),
        (#"label_values(up{env="dev"},instance)"#, #"label_values(up{env="dev", region="eu"},instance)"#),
        ("label_values(rate(x[$__rate_interval]), job)", #"label_values(rate(x{env="prod", region="eu"}[$__rate_interval]), job)"#),
        (#"label_values({__name__=~"go_.*"}, job)"#, #"label_values({__name__=~"go_.*", env="prod", region="eu"}, job)"#),
        // label_values(label) and Grafana's empty filter: a selector is added
        ("label_values(job)", #"label_values({env="prod", region="eu"}, job)"#),
        ("label_values($label)", #"label_values({env="prod", region="eu"}, $label)"#),
        ("label_values({}, job)", #"label_values({env="prod", region="eu"}, job)"#),
        ("label_values( { } , job)", #"label_values({env="prod", region="eu"}, job)"#),
        // query_result(expr): into the expression
        ("query_result(topk(5, sum by (job) (rate(http_requests_total[$__range]))))",
         #"query_result(topk(5, sum by (job) (rate(http_requests_total{env="prod", region="eu"}[$__range]))))"#),
        ("query_result(up == 0)\n", "query_result(up{env=\"prod\", region=\"eu\"} == 0)\n"),
        // a bare series selector
        (#"up{job=~"$job"}"#, #"up{job=~"$job", env="prod", region="eu"}"#),
        ("go_info", #"go_info{env="prod", region="eu"}"#),
        // no PromQL: metric-name regexes, and Grafana's empty forms
        ("label_names()", "label_names()"),
        ("label_names(http_.*)", "label_names(http_.*)"),
        ("metrics(go_.*)", "metrics(go_.*)"),
        ("query_result()", "query_result()"),
        ("label_values()", "label_values()"),
    ])
    func injectsWhereGrafanaSendsPromQL(query: String, expected: String) {
        let collector = DiagnosticCollector()
        let variable = QueryVariable("v", query: query).variable
        let result = SelectorInjection.rewrite(variableQuery: query, of: variable, environment: Self.prod, diagnostics: collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        #expect(result == expected)
    }

    private func render(_ dashboard: Dashboard, in environment: Environment = prod) -> (Grafana.Dashboard?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: { _ in Catalog { dashboard } }).compile(environment, diagnostics: collector)
        guard let artifact = output?.artifacts.first(where: { $0.kind == .grafanaDashboard }),
              let document = JSONReader().read(artifact.bytes, path: artifact.path).document
        else { return (nil, collector.diagnostics) }
        return (DashboardReader().read(document).dashboard, collector.diagnostics)
    }

    private static let panel = Panel(type: "stat", title: "Up") { PrometheusQuery("up") }

    @Test func renderedVariablesAndAnnotationsCarryTheSelectors() throws {
        let dashboard = Dashboard("D", uid: "d") { Self.panel }
            .variables {
                QueryVariable("job", query: "label_values(up, job)")
                QueryVariable("ds_job", query: "label_values(up, job)", datasource: .variable("ds", type: "prometheus"))
                QueryVariable("raw", query: "label_values(up, job)").injectingSelectors(false)
                QueryVariable("stream", query: "label_values(app)", datasource: .named("logs"))
                CustomVariable("c", values: ["up"])
            }
            .annotations(
                .prometheus("Deploys", expr: "changes(kube_deployment_status_observed_generation[5m]) > 0"),
                .prometheus("Raw", expr: "ALERTS").injectingSelectors(false))
        let (read, diagnostics) = render(dashboard)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let model = try #require(read)
        let queries = Dictionary(uniqueKeysWithValues: model.variables.map { ($0.name, $0.query ?? "") })
        let definitions = Dictionary(uniqueKeysWithValues: model.variables.map { ($0.name, $0.definition ?? "") })
        #expect(queries["job"] == #"label_values(up{env="prod", region="eu"}, job)"#)
        #expect(definitions["job"] == queries["job"], "the editor's definition shows the query Grafana runs")
        #expect(queries["ds_job"] == #"label_values(up{env="prod", region="eu"}, job)"#)
        #expect(queries["raw"] == "label_values(up, job)")
        #expect(queries["stream"] == "label_values(app)", "a Loki variable's query is not PromQL")
        #expect(queries["c"] == "up")
        let exprs = model.annotations.compactMap(\.expr)
        #expect(exprs == [#"changes(kube_deployment_status_observed_generation{env="prod", region="eu"}[5m]) > 0"#, "ALERTS"])
    }

    @Test func withoutSelectorsNothingChanges() throws {
        let plain = Environment(name: "dev", grafana: GrafanaSettings(folder: "Team", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "p")]))
        let dashboard = Dashboard("D", uid: "d") { Self.panel }
            .variables { QueryVariable("job", query: "label_values(up, job)") }
            .annotations(.prometheus("Deploys", expr: "deploys > 0"))
        let model = try #require(render(dashboard, in: plain).0)
        #expect(model.variables.first?.query == "label_values(up, job)")
        #expect(model.annotations.first?.expr == "deploys > 0")
    }

    @Test func unparsablePromQLIsReportedAtTheSwiftLineWithItsID() {
        let variableLine = #line + 3
        let annotationLine = #line + 4
        let dashboard = Dashboard("D", uid: "d") { Self.panel }
            .variables { QueryVariable("job", query: "label_values(sum(up, job)") }
            .annotations(
                .prometheus("Deploys", expr: "rate(x[5m]"))
        let (read, diagnostics) = render(dashboard)
        #expect(read == nil, "nothing is written when a query is broken")
        let variable = diagnostics.first { $0.id == .variableQueryInvalid }
        #expect(variable?.message.contains("invalid PromQL in the query of variable 'job'") == true, "\(diagnostics)")
        #expect(variable.flatMap(DiagnosticMatching.swiftLine(of:)) == variableLine)
        let annotation = diagnostics.first { $0.id == .annotationExprInvalid }
        #expect(annotation?.message.contains("invalid PromQL in annotation 'Deploys'") == true, "\(diagnostics)")
        #expect(annotation.flatMap(DiagnosticMatching.swiftLine(of:)) == annotationLine)
    }
}

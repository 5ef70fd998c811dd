import PeriscopeCompiler
import PeriscopeDSL
import Testing
import PeriscopeModel

@Suite("Annotations and dashboard links lower to Grafana JSON")
struct AnnotationAndLinkLoweringTests {
    @Test func builtInAnnotationMatchesGrafanasOwn() {
        let json = JSONWriter().string(Snippet.lowering().annotation(.builtIn()))
        #expect(json == """
            {
              "builtIn": 1,
              "datasource": {
                "type": "grafana",
                "uid": "-- Grafana --"
              },
              "enable": true,
              "hide": true,
              "iconColor": "rgba(0, 211, 255, 1)",
              "name": "Annotations & Alerts",
              "type": "dashboard"
            }

            """)
    }

    @Test func prometheusAnnotationWritesExprAndStepInTargetAndFormatsOnTop() {
        var annotation = Annotation.prometheus(
            "Deploys", expr: "changes(kube_deployment_status_observed_generation[5m]) > 0",
            titleFormat: "{{deployment}}", textFormat: "rolled out", tagKeys: "namespace,deployment", step: "60s")
        annotation.useValueForTime = false
        let json = JSONWriter().string(Snippet.lowering().annotation(annotation.enabled(false)))
        #expect(json == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "enable": false,
              "hide": false,
              "iconColor": "blue",
              "name": "Deploys",
              "tagKeys": "namespace,deployment",
              "target": {
                "expr": "changes(kube_deployment_status_observed_generation[5m]) > 0",
                "interval": "60s",
                "refId": "Anno"
              },
              "textFormat": "rolled out",
              "titleFormat": "{{deployment}}",
              "useValueForTime": false
            }

            """)
    }

    @Test func annotationWithUndefinedDatasourceReportsItsLine() {
        let diagnostics = DiagnosticCollector()
        let line = #line + 1
        let annotation = Annotation.prometheus("Deploys", expr: "up", datasource: .named("nowhere"))
        _ = Snippet.lowering(diagnostics).annotation(annotation)
        guard case .source(let location)? = diagnostics.diagnostics.first?.location else {
            Issue.record("expected a Swift source location")
            return
        }
        #expect(location.line == line)
    }

    @Test func urlLinkWritesUrlAndFlags() {
        let link = DashboardLink.link("Runbook", url: "https://runbooks.example.com/checkout", targetBlank: true, tooltip: "Open the runbook")
            .includingTime()
            .keepingVariables()
        #expect(JSONWriter().string(Snippet.lowering().dashboardLink(link)) == """
            {
              "icon": "external link",
              "includeVars": true,
              "keepTime": true,
              "targetBlank": true,
              "title": "Runbook",
              "tooltip": "Open the runbook",
              "type": "link",
              "url": "https://runbooks.example.com/checkout"
            }

            """)
    }

    @Test func dashboardsLinkWritesTagsAndDropdown() {
        let link = DashboardLink.dashboards("Related", tags: ["checkout", "payments"])
        #expect(JSONWriter().string(Snippet.lowering().dashboardLink(link)) == """
            {
              "asDropdown": true,
              "icon": "external link",
              "tags": [
                "checkout",
                "payments"
              ],
              "title": "Related",
              "type": "dashboards"
            }

            """)
    }
}

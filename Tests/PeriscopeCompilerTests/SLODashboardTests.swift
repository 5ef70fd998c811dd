import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// The SLO dashboard generated per service: snippets of its JSON.
struct SLODashboardTests {
    static func environment(_ name: EnvironmentName = "prod") -> Environment {
        Environment(
            name: name,
            grafana: GrafanaSettings(folder: "SLOs", uidPrefix: "", refresh: "1m", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom")]),
            prometheus: PrometheusSettings(target: .v2_42, selectors: [LabelPair("env", "\(name)")]),
            alerting: AlertingSettings(severities: ["page": "critical", "ticket": "warning"]))
    }

    static let availability = SLO(service: "checkout", name: "requests-availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#, selector: #"job="checkout""#))
        .alertName("CheckoutHighErrorRate")
        .period("28d")

    static let latency = SLO(service: "checkout", name: "latency", objective: 99,
                             sli: .latency(histogram: "http_request_duration_seconds", bucket: "0.8", selector: #"job="checkout""#))
        .grouped(by: ["route"])
        .alertingEnabled(false)

    /// The dashboard files of `catalog` in `environment`: path → JSON text.
    static func dashboards(_ environment: Environment = environment(), _ catalog: @escaping @Sendable (Environment) -> Catalog) throws -> [String: String] {
        let collector = DiagnosticCollector()
        let output = try #require(Compiler(catalog: catalog).compile(environment, diagnostics: collector))
        #expect(!collector.hasErrors, "\(collector.diagnostics.map { $0.formatted() })")
        var files: [String: String] = [:]
        for artifact in output.artifacts where artifact.kind == .grafanaDashboard { files[artifact.path] = String(decoding: artifact.bytes, as: UTF8.self) }
        return files
    }

    static let filter = #"sloth_id=\"checkout-requests-availability\", sloth_service=\"checkout\", sloth_slo=\"requests-availability\", env=\"prod\"}"#

    @Test func aServiceWithSLOsGetsOneDashboardWithARowPerSLO() throws {
        let files = try Self.dashboards { _ in Catalog { Self.availability; Self.latency } }
        #expect(files.keys.sorted() == ["grafana/dashboards/SLOs/slo-checkout.json"])
        let json = try #require(files.values.first)
        for fragment in [
            #""title": "checkout SLOs""#, #""uid": "slo-checkout""#, #""slo","#, #""periscope-slo""#,
            // Period-aware: the SLO's own 28d, in titles and in the budget panel's relative time.
            #""title": "requests-availability: 99.9% over 28d""#,
            #""title": "Error budget remaining (28d)""#,
            #""expr": "slo:period_error_budget_remaining:ratio{"# + Self.filter + #"","#,
            #""timeFrom": "28d""#,
            // The SLI against the objective, over the short page window and the period (Prometheus writes 28d as 4w).
            #""expr": "1 - slo:sli_error:ratio_rate5m{"# + Self.filter + #"","#,
            #""expr": "1 - slo:sli_error:ratio_rate4w{"# + Self.filter + #"","#,
            #""expr": "slo:objective:ratio{"# + Self.filter + #"","#,
            // A burn rate per alerting window.
            #""expr": "slo:sli_error:ratio_rate3d{"# + Self.filter + #"\n/ on(sloth_id, sloth_slo, sloth_service) group_left\nslo:error_budget:ratio{"# + Self.filter + #"","#,
            #""legendFormat": "3d""#,
            // Page and ticket alert state.
            #""expr": "max(ALERTS{alertname=\"CheckoutHighErrorRate\", alertstate=\"firing\", sloth_severity=\"page\", "# + Self.filter + #") or vector(0)","#,
            #""expr": "max(ALERTS{alertname=\"CheckoutHighErrorRate\", alertstate=\"firing\", sloth_severity=\"ticket\", "# + Self.filter + #") or vector(0)","#,
            #""type": "state-timeline""#,
        ] {
            #expect(json.contains(fragment), "missing \(fragment)")
        }
        #expect(json.components(separatedBy: "slo:sli_error:ratio_rate").count - 1 == 2 + 7 + 2 + 7 + 2, "2 SLI and 7 burn-rate queries per SLO, and the variable's query and definition")
    }

    @Test func aGroupedSLORepeatsItsRowByAVariableOverTheGroupingLabel() throws {
        let json = try #require(try Self.dashboards { _ in Catalog { Self.latency } }.values.first)
        for fragment in [
            #""repeat": "route_latency","#,
            #""title": "latency: 99% over 30d (route $route_latency)""#,
            #""query": "label_values(slo:sli_error:ratio_rate5m{sloth_id=\"checkout-latency\", sloth_service=\"checkout\", sloth_slo=\"latency\", env=\"prod\"}, route)""#,
            #""name": "route_latency""#, #""includeAll": true"#, #""multi": true"#,
            #""expr": "1 - slo:sli_error:ratio_rate5m{sloth_id=\"checkout-latency\", sloth_service=\"checkout\", sloth_slo=\"latency\", route=~\"$route_latency\", env=\"prod\"}","#,
            #""legendFormat": "{{route}} SLI (5m)""#,
        ] {
            #expect(json.contains(fragment), "missing \(fragment)")
        }
        // Alerting is off for this SLO: no alert panel, and the budget history takes the full width.
        #expect(!json.contains("ALERTS"))
    }

    @Test func dashboardFalseLeavesAnSLOOffAndAServiceWithoutRowsGetsNoDashboard() throws {
        let files = try Self.dashboards { _ in
            Catalog {
                Self.availability.dashboard(false)
                SLO(service: "search", name: "queries", objective: 99, sli: .raw(errorRatio: "1 - avg_over_time(up{job=\"search\"}[{{.window}}])"))
                    .alertingEnabled(false)
                    .in(.dev) { $0.dashboard(false) }
            }
        }
        #expect(files.keys.sorted() == ["grafana/dashboards/SLOs/slo-search.json"])
        #expect(try Self.dashboards(Self.environment("dev")) { _ in Catalog { Self.availability.dashboard(false) } }.isEmpty)
    }

    @Test func theDashboardFollowsTheEnvironmentsOverlaysAndIsDeterministic() throws {
        let catalog: @Sendable (Environment) -> Catalog = { _ in Catalog { Self.availability.in(.dev) { $0.objective(99).period("7d") } } }
        let dev = try #require(try Self.dashboards(Self.environment("dev"), catalog).values.first)
        #expect(dev.contains(#""title": "requests-availability: 99% over 7d""#))
        #expect(dev.contains(#""timeFrom": "7d""#) && dev.contains(#"env=\"dev\""#))
        #expect(try Self.dashboards(Self.environment("dev"), catalog) == Self.dashboards(Self.environment("dev"), catalog))
    }
}

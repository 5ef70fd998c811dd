import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import PromQL
import Testing

/// SLOs written in Swift, expanded into rule files: snippets of the YAML they produce, and the
/// located errors of bad definitions.
struct SLOExpansionTests {
    static let availability = SLO(service: "checkout", name: "requests-availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#, selector: #"job="checkout""#))
        .alertName("CheckoutHighErrorRate")

    /// The rules of `slos` for `environment`: the groups of the model and the diagnostics.
    static func expand(_ slos: SLO..., in environment: Environment = Rules.environment()) -> (groups: [RuleGroupNode], diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector()
        let model = RuleCompiler(environment: environment, diagnostics: collector).model(for: Catalog { slos })
        return (model.files.flatMap(\.groups), collector.diagnostics)
    }

    static func rule(_ groups: [RuleGroupNode], _ name: String, in group: String? = nil) -> RuleNode? {
        groups.filter { group == nil || $0.name.value.hasPrefix(group!) }.flatMap(\.rules).first { $0.name.value == name }
    }

    static func labels(_ rule: RuleNode?) -> [String: String] {
        Dictionary((rule?.labels ?? []).map { ($0.name, $0.value.value) }, uniquingKeysWith: { $1 })
    }

    @Test func anSLOExpandsIntoSlothsThreeGroupsInTheSLOsNamespace() throws {
        let collector = DiagnosticCollector()
        let artifacts = RuleCompiler(environment: Rules.environment(), diagnostics: collector).artifacts(for: Catalog { Self.availability })
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        #expect(artifacts.map(\.path) == ["prometheus/rules/slos.yaml"])
        let (groups, _) = Self.expand(Self.availability)
        #expect(groups.map(\.name.value) == ["sloth-slo-sli-recordings-checkout-requests-availability",
                                             "sloth-slo-meta-recordings-checkout-requests-availability",
                                             "sloth-slo-alerts-checkout-requests-availability"])
        #expect(groups[0].rules.map(\.name.value) == ["5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d"].map { "slo:sli_error:ratio_rate\($0)" })
        #expect(groups[1].rules.map(\.name.value) == ["slo:objective:ratio", "slo:error_budget:ratio", "slo:time_period:days", "slo:current_burn_rate:ratio",
                                                      "slo:period_burn_rate:ratio", "slo:period_error_budget_remaining:ratio", "sloth_slo_info"])
        let fiveMinutes = try #require(groups[0].rules.first)
        #expect(fiveMinutes.expr.value == """
            (sum (rate(http_requests_total{job="checkout", code=~"5.."}[5m])))
            /
            (sum (rate(http_requests_total{job="checkout"}[5m])))

            """)
        #expect(Self.labels(fiveMinutes) == ["sloth_id": "checkout-requests-availability", "sloth_service": "checkout",
                                             "sloth_slo": "requests-availability", "sloth_window": "5m"])
        let info = Self.labels(Self.rule(groups, "sloth_slo_info"))
        #expect(info["sloth_objective"] == "99.9" && info["sloth_mode"] == "periscope")
        let page = try #require(groups[2].rules.first)
        #expect(page.name.value == "CheckoutHighErrorRate")
        #expect(page.expr.value.contains("(14.4 * 0.0009999999999999432)") && page.expr.value.contains("(6 * 0.0009999999999999432)"))
        #expect(Self.labels(page) == ["sloth_severity": "page"])
        #expect(groups[2].rules.map { Self.labels($0)["sloth_severity"] } == ["page", "ticket"])
    }

    @Test(arguments: [("28d", "vector(28)", ["13.44", "5.6000000000000005", "2.8000000000000003", "0.9333333333333333"]),
                      ("7d", "vector(7)", ["3.36", "1.4000000000000001", "0.7000000000000001", "0.23333333333333334"])])
    func factorsAndThePeriodRuleFollowThePeriodAsInSloth(period: String, days: String, factors: [String]) throws {
        let (groups, diagnostics) = Self.expand(Self.availability.period(PrometheusDuration(period)))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Self.rule(groups, "slo:time_period:days")?.expr.value == days)
        let periodRule = PromDuration(milliseconds: PrometheusDuration(period).milliseconds!).prometheusText
        #expect(Self.rule(groups, "slo:sli_error:ratio_rate\(periodRule)") != nil)
        let alerts = groups[2].rules.map(\.expr.value).joined()
        for factor in factors { #expect(alerts.contains("(\(factor) * 0.0009999999999999432)"), "\(factor) in \(alerts)") }
    }

    @Test func overlaysChangeTheObjectivePerEnvironmentAndSeveritiesMapThroughTheEnvironment() throws {
        let slo = Self.availability
            .page { $0.severity(.page).label("routing_key", "checkout") }
            .in("dev") { $0.objective(99).page { $0.severity(.ticket) } }
        let (prod, _) = Self.expand(slo, in: Rules.environment("prod"))
        let (dev, _) = Self.expand(slo, in: Rules.environment("dev"))
        #expect(Self.rule(prod, "slo:objective:ratio")?.expr.value == "vector(0.9990000000000001)")
        #expect(Self.rule(dev, "slo:objective:ratio")?.expr.value == "vector(0.99)")
        #expect(Self.labels(prod.last?.rules.first) == ["routing_key": "checkout", "severity": "critical", "sloth_severity": "page"])
        #expect(Self.labels(dev.last?.rules.first)["severity"] == "warning")
    }

    @Test func thePerWindowShapeWritesOneAlertPerPairWithForAndWindowLabels() throws {
        let (groups, diagnostics) = Self.expand(Self.availability.alertShape(.perWindow))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let alerts = groups[2].rules
        #expect(alerts.map { Self.labels($0)["long"] ?? "" } == ["1h", "6h", "1d", "3d"])
        #expect(alerts.map { $0.forDuration?.value ?? "" } == ["2m30s", "15m", "1h", "3h"])
        #expect(alerts.allSatisfy { !$0.expr.value.contains("\nor\n") })
    }

    @Test func customTiersGroupingAndTheMinimumRequestRateReachTheRules() throws {
        let slo = SLO(service: "api", name: "latency", objective: 99, sli: .latency(histogram: "http_request_duration_seconds", bucket: "0.8", selector: #"job="api""#))
            .grouped(by: ["route"])
            .minimumRequestRate(0.5)
            .tier(SLOAlertTier("digest", windows: [BurnRateWindow(long: "3d", short: "6h", factor: 1)]).label("channel", "digest"))
        let (groups, diagnostics) = Self.expand(slo)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let fiveMinutes = try #require(Self.rule(groups, "slo:sli_error:ratio_rate5m"))
        #expect(fiveMinutes.expr.value.contains(#"sum by (route) (rate(http_request_duration_seconds_count{job="api"}[5m])) - sum by (route) (rate(http_request_duration_seconds_bucket{job="api", le="0.8"}[5m]))"#))
        let alerts = groups[2].rules
        #expect(alerts.map { Self.labels($0)["sloth_severity"] } == ["page", "ticket", "digest"])
        #expect(alerts[0].expr.value.contains("and on(route)\n    (sum by (route) (rate(http_request_duration_seconds_count{job=\"api\"}[1h]))) >= 0.5"))
        #expect(!alerts[1].expr.value.contains(">= 0.5"))
        #expect(Self.labels(alerts[2])["channel"] == "digest")
    }

    @Test func disabledSLOsTiersAndAlertingDropTheirRules() {
        #expect(Self.expand(Self.availability.enabled(false)).groups.isEmpty)
        #expect(Self.expand(Self.availability.alertingEnabled(false)).groups.count == 2)
        let noPage = Self.expand(Self.availability.page { $0.enabled(false) }).groups
        #expect(noPage.last?.rules.map { Self.labels($0)["sloth_severity"] } == ["ticket"])
    }

    // MARK: Bad definitions

    @Test func badDefinitionsAreReportedAtTheirSwiftLines() throws {
        let objectiveLine = #line + 1
        let badObjective = Self.availability.objective(100.5)
        let placeholderLine = #line + 1
        let noPlaceholder = SLO(service: "api", name: "avail", objective: 99, sli: .events(errors: "sum(rate(errors_total[5m]))", total: "sum(rate(requests_total[{{.window}}]))"))
        let parseLine = #line + 1
        let unparsable = SLO(service: "api", name: "raw", objective: 99, sli: .raw(errorRatio: "sum(rate(errors_total[{{.window}}])"))
        let tierLine = #line + 1
        let unknownTier = Self.availability.tier("email") { $0.label("a", "b") }
        let groupingLine = #line + 1
        let dropsRoute = SLO(service: "api", name: "grouped", objective: 99, sli: .events(errors: "sum(rate(e[{{.window}}]))", total: "sum(rate(t[{{.window}}]))")).grouped(by: ["route"])
        let rateLine = #line + 1
        let rawWithRate = unparsable.minimumRequestRate(1)
        let cases: [(SLO, Int, String)] = [
            (badObjective, objectiveLine, "objective 100.5 is out of range (expected a percentage in (0, 100]"),
            (noPlaceholder, placeholderLine, "SLI error query lacks the window placeholder"),
            (unparsable, parseLine, "SLI error ratio query is not valid PromQL"),
            (unknownTier, tierLine, "has no alerting tier 'email' (expected one of: page, ticket"),
            (dropsRoute, groupingLine, "drops the label 'route'"),
            (rawWithRate, rateLine, "a minimum request rate needs an SLI with a total query"),
        ]
        for (slo, line, message) in cases {
            let (groups, diagnostics) = Self.expand(slo)
            let error = try #require(DiagnosticMatching.error(containing: message, in: diagnostics), "\(diagnostics)")
            #expect(DiagnosticMatching.swiftLine(of: error) == line, "\(error)")
            #expect(error.id?.rawValue.hasPrefix("slo-") == true)
            #expect(groups.isEmpty)
        }
    }

    @Test func duplicateIdsAndNeverFiringPairsAreReported() {
        let (_, duplicates) = Self.expand(Self.availability, Self.availability)
        #expect(DiagnosticMatching.error(containing: "duplicate SLO id 'checkout-requests-availability'", in: duplicates) != nil)
        let (_, warnings) = Self.expand(Self.availability.objective(90))
        #expect(warnings.map(\.message).contains { $0.contains("page alert of SLO 'checkout-requests-availability' can never fire over 1h/5m") })
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }
}

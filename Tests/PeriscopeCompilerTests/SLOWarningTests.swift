import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// The checks beyond Sloth's: windows that round to zero, label churn, and SLIs that read
/// recording rules. Each is a warning with its id at the SLO's (or tier's) Swift line.
struct SLOWarningTests {
    static func warnings(_ environment: Environment = Rules.environment(), _ catalog: () -> Catalog) -> [Diagnostic] {
        let (_, diagnostics) = Rules.compile(environment, catalog)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map { $0.formatted() })")
        return diagnostics.filter { $0.severity == .warning }
    }

    static func line(_ diagnostic: Diagnostic?) -> Int? {
        if case .source(let location)? = diagnostic?.location { return location.line }
        return nil
    }

    @Test func anSLIThatKeepsAPerClusterLabelWarnsUnlessItIsGroupedBy() {
        let line = #line + 1
        let slo = SLO(service: "api", name: "availability", objective: 99.9,
                      sli: .events(errors: #"sum by (instance) (rate(http_requests_total{code=~"5.."}[{{.window}}]))"#,
                                   total: "sum by (instance) (rate(http_requests_total[{{.window}}]))"))
        let warnings = Self.warnings { Catalog { slo } }
        #expect(warnings.map(\.id) == [SLODiagnosticID.labelChurn])
        #expect(Self.line(warnings.first) == line)
        #expect(warnings.first?.message.hasPrefix("the SLI of SLO 'api-availability' keeps the labels 'instance', whose values change per environment or cluster") == true)
        #expect(Self.warnings { Catalog { slo.grouped(by: ["instance"]) } }.isEmpty)
        // Without aggregation every label may survive; the environment's selector labels count too.
        let raw = SLO(service: "api", name: "probe", objective: 99, sli: .raw(errorRatio: #"1 - avg_over_time(probe_success{job="api"}[{{.window}}])"#))
        let open = Self.warnings(Rules.environment(selectors: [LabelPair("env", "prod")])) { Catalog { raw } }
        #expect(open.first?.message.contains("keeps every label of its input (nothing aggregates them away), such as 'env', 'cluster', 'region',") == true, "\(open)")
        // The typed SLIs aggregate with sum.
        #expect(Self.warnings { Catalog { SLO(service: "api", name: "typed", objective: 99, sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#)) } }.isEmpty)
    }

    static let recorded = SLO(service: "api", name: "latency", objective: 99,
                              sli: .events(errors: "sum(avg_over_time(job:slis:slow_rate5m[{{.window}}]))", total: "sum(avg_over_time(job:slis:requests_rate5m[{{.window}}]))"))

    @Test func anSLIReadingRecordingRulesIsAcceptedWhenTheCatalogDefinesThem() {
        let missing = Self.warnings { Catalog { Self.recorded } }
        #expect(missing.map(\.id) == [SLODiagnosticID.inputUnknown, SLODiagnosticID.inputUnknown])
        #expect(missing.first?.message == "SLI error query of SLO 'api-latency' reads 'job:slis:slow_rate5m', which no recording rule of the catalog defines in environment 'prod' (expected a RecordingRule(\"job:slis:slow_rate5m\", …) in the catalog, or the raw metric)")
        let defined = Self.warnings {
            Catalog {
                RuleGroup("slis", namespace: "slis") {
                    RecordingRule("job:slis:slow_rate5m", expr: #"sum by (job) (rate(http_request_duration_seconds_count[5m])) - sum by (job) (rate(http_request_duration_seconds_bucket{le="0.8"}[5m]))"#)
                    RecordingRule("job:slis:requests_rate5m", expr: "sum by (job) (rate(http_request_duration_seconds_count[5m]))")
                }
                Self.recorded
            }
        }
        #expect(defined.isEmpty, "\(defined.map { $0.formatted() })")
        // A rule disabled in this environment does not count.
        let disabled = Self.warnings {
            Catalog {
                RuleGroup("slis", namespace: "slis") {
                    RecordingRule("job:slis:slow_rate5m", expr: "vector(0)")
                    RecordingRule("job:slis:requests_rate5m", expr: "vector(1)")
                }
                .in(.prod) { $0.enabled(false) }
                Self.recorded
            }
        }
        #expect(disabled.count == 2)
    }

    @Test func aWindowShorterThanTwoScrapesRoundsToZero() {
        var environment = Rules.environment()
        environment.prometheus.scrapeInterval = "1m"
        let line = #line + 2
        let slo = SLO(service: "api", name: "fast", objective: 99, sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#))
            .tiers([SLOAlertTier("page", windows: [BurnRateWindow(long: "10m", short: "1m", factor: 14.4)])])
        let warnings = Self.warnings(environment) { Catalog { slo } }
        #expect(warnings.map(\.id) == [SLODiagnosticID.windowRoundsToZero])
        #expect(Self.line(warnings.first) == line)
        #expect(warnings.first?.message.hasPrefix("the 1m window of SLO 'api-fast' holds fewer than two scrapes at the 1m scrape interval") == true)
        #expect(Self.warnings(environment) { Catalog { slo.tiers([SLOAlertTier("page", windows: BurnRateWindow.workbookPage)]) } }.isEmpty)
    }
}

import PeriscopeDSL
import PeriscopeModel
import PromQL

/// Options of an SLO expansion that do not come from the SLOs: Sloth's `generate` flags.
public struct SLOExpansionOptions: Sendable, Hashable {
    /// Whether the alert groups are generated (Sloth's `--disable-alerts` turns them off).
    public var generatesAlerts: Bool
    /// Whether the SLI and metadata recording groups are generated (`--disable-recordings`).
    public var generatesRecordings: Bool
    /// Labels added to every recording rule, overriding the SLO's own (`--extra-labels`).
    public var extraLabels: [String: String]
    /// The `sloth_version`, `sloth_mode` and `sloth_spec` labels of `sloth_slo_info`.
    public var info: SLOInfoLabels

    /// Creates options; the defaults generate everything, as the DSL does.
    public init(generatesAlerts: Bool = true, generatesRecordings: Bool = true, extraLabels: [String: String] = [:], info: SLOInfoLabels = .periscope) {
        self.generatesAlerts = generatesAlerts
        self.generatesRecordings = generatesRecordings
        self.extraLabels = extraLabels
        self.info = info
    }
}

/// The generator labels of `sloth_slo_info`.
public struct SLOInfoLabels: Sendable, Hashable {
    /// `sloth_version`.
    public var version: String
    /// `sloth_mode` (Sloth's CLI writes `cli-gen-prom`).
    public var mode: String
    /// `sloth_spec`, the input format (`prometheus/v1`).
    public var spec: String

    /// Creates the labels.
    public init(version: String, mode: String, spec: String) {
        self.version = version
        self.mode = mode
        self.spec = spec
    }

    /// SLOs written in Swift: mode `periscope`, spec `periscope/swift`. The version is fixed so
    /// that renders stay byte-for-byte the same across Periscope releases.
    public static let periscope = SLOInfoLabels(version: "periscope", mode: "periscope", spec: "periscope/swift")
}

/// Expands SLOs into ordinary rule groups, as Sloth v0.16 does, before the rule compiler
/// resolves and lowers them.
///
/// Per SLO, with `<id>` = `<service>-<name>` and the filter `{sloth_id="…", sloth_service="…", sloth_slo="…"}`:
/// - `sloth-slo-sli-recordings-<id>`: `slo:sli_error:ratio_rate<w>` for each alerting window
///   `w` (ascending, written as Prometheus durations: `1d`, `4w`) from the SLI with
///   `{{.window}}` = `w`, labelled `sloth_window`; then `slo:sli_error:ratio_rate<period>`,
///   the average over the period of the shortest page window's ratio (Sloth's optimised rule:
///   `sum_over_time(…[period]) / ignoring (sloth_window) count_over_time(…[period])`).
/// - `sloth-slo-meta-recordings-<id>`: `slo:objective:ratio`, `slo:error_budget:ratio`,
///   `slo:time_period:days`, `slo:current_burn_rate:ratio` (the short page window over the
///   budget), `slo:period_burn_rate:ratio`, `slo:period_error_budget_remaining:ratio` and
///   `sloth_slo_info` (with `sloth_version`, `sloth_mode`, `sloth_spec`, `sloth_objective`).
/// - `sloth-slo-alerts-<id>`: per enabled tier, one alert OR-ing its window pairs
///   (`max(short > factor × budget) without (sloth_window) and max(long > …) …`), labelled
///   `sloth_severity=<tier>` and annotated with Sloth's `title` and `summary`; or, in the
///   `.perWindow` shape, one alert per pair with a `for` and `long`/`short` labels.
///
/// Besides Sloth's checks (errors), warnings: a pair that can never fire (factor × budget ≥ 1);
/// a window or `for` that rounds to zero (shorter than two scrapes, so `rate()` over it is
/// empty, or a `.perWindow` `for` of 0); an SLI that keeps (or may keep) a label that changes
/// per environment or cluster (the environment's selector labels, `cluster`, `instance`, `pod`,
/// …) without `.grouped(by:)` naming it, since series churn breaks the period's average; and
/// an SLI reading a recorded metric (`job:slis:…`) that no recording rule of the catalog defines.
///
/// Recording rules carry the `sloth_*` id labels and the SLO's labels; alerts carry the alert
/// labels only (they inherit the id labels from the series). Factors follow the period as in
/// Sloth's `getBurnRateFactor`. Problems are reported at the SLO's Swift line (or the spec's
/// YAML line) with an `SLODiagnosticID`; an SLO with errors expands into nothing.
public struct SLOExpansion: Sendable {
    /// The environment the SLOs are rendered for (its overlays and PromQL target).
    public var environment: Environment
    /// Where problems go.
    public var diagnostics: DiagnosticCollector
    /// Generator options.
    public var options: SLOExpansionOptions
    /// The metrics the catalog's recording rules record in this environment, for the check that
    /// an SLI's recorded inputs (names with a `:`) exist; nil skips the check (a spec file has no catalog).
    public var recordedMetrics: Set<String>?

    /// Creates an expansion.
    public init(environment: Environment, diagnostics: DiagnosticCollector, options: SLOExpansionOptions = SLOExpansionOptions(),
                recordedMetrics: Set<String>? = nil) {
        self.environment = environment
        self.diagnostics = diagnostics
        self.options = options
        self.recordedMetrics = recordedMetrics
    }

    /// The rule groups of `slos` for the environment: overlays applied, disabled SLOs dropped,
    /// duplicate ids reported, each SLO expanded in order.
    public func ruleGroups(for slos: [SLO]) -> [RuleGroup] {
        // The duplicate check runs in order; the SLOs then expand in parallel chunks, each
        // into its own collector, merged back in declaration order.
        var seen: [String: SourceLocation] = [:]
        var items: [(slo: SLO?, duplicate: Diagnostic?)] = []
        for declared in slos {
            let slo = declared.resolved(for: environment.name)
            guard slo.isEnabled else { continue }
            if let first = seen[slo.id] {
                items.append((nil, .error("duplicate SLO id '\(slo.id)' (expected each service and SLO name pair once)", at: slo.location,
                                          id: SLODiagnosticID.idDuplicate, notes: ["first declared at \(first)"])))
                continue
            }
            seen[slo.id] = slo.location
            items.append((slo, nil))
        }
        let declared = items
        let expanded = RuleParallel.map(RuleParallel.chunks(declared.count)) { range -> [(groups: [RuleGroup], diagnostics: [Diagnostic])] in
            var local = self
            return declared[range].map { item in
                guard let slo = item.slo else { return ([], []) }
                local.diagnostics = DiagnosticCollector()
                return (local.ruleGroups(for: slo), local.diagnostics.diagnostics)
            }
        }.flatMap { $0 }
        var groups: [RuleGroup] = []
        for (item, result) in zip(items, expanded) {
            if let duplicate = item.duplicate { diagnostics.emit(duplicate) }
            diagnostics.emit(contentsOf: result.diagnostics)
            groups += result.groups
        }
        return groups
    }

    /// The rule groups of one SLO whose overlays are already applied; none when it has errors.
    public func ruleGroups(for slo: SLO) -> [RuleGroup] {
        guard let plan = SLOPlan(slo, expansion: self) else { return [] }
        var groups: [RuleGroup] = []
        if options.generatesRecordings {
            groups.append(plan.group("sloth-slo-sli-recordings-\(slo.id)", rules: plan.sliRecordings()))
            groups.append(plan.group("sloth-slo-meta-recordings-\(slo.id)", rules: plan.metadataRecordings(info: options.info)))
        }
        if options.generatesAlerts, slo.isAlertingEnabled {
            let alerts = plan.alerts()
            if !alerts.isEmpty { groups.append(plan.group("sloth-slo-alerts-\(slo.id)", rules: alerts)) }
        }
        return groups
    }

    func error(_ message: String, _ id: DiagnosticID, at location: SourceLocation, notes: [String] = []) {
        diagnostics.emit(.error(message, at: location, id: id, notes: notes))
    }

    var parseOptions: ParseOptions { ParseOptions(target: environment.prometheus.target == .v2_42 ? .v2_42 : .v3) }
}

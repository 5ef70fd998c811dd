import PeriscopeDSL

/// The ids of the problems found in SLOs, written in Swift or read from Sloth specs.
public enum SLODiagnosticID {
    /// A service or SLO name outside Sloth's pattern (`^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$`).
    public static let nameInvalid: DiagnosticID = "slo-name-invalid"
    /// Two SLOs with the same id (`<service>-<name>`).
    public static let idDuplicate: DiagnosticID = "slo-id-duplicate"
    /// An objective outside (0, 100].
    public static let objectiveInvalid: DiagnosticID = "slo-objective-invalid"
    /// A period that is not a positive Prometheus duration.
    public static let periodInvalid: DiagnosticID = "slo-period-invalid"
    /// An SLI query that is empty, lacks `{{.window}}` or is not PromQL.
    public static let sliInvalid: DiagnosticID = "slo-sli-invalid"
    /// An SLI query that drops a label the SLO is grouped by.
    public static let groupingDropped: DiagnosticID = "slo-grouping-dropped"
    /// An alert window pair or tier that cannot be generated (bad duration, short not shorter
    /// than long, threshold not positive, an unknown tier, a minimum rate without a total).
    public static let alertingInvalid: DiagnosticID = "slo-alerting-invalid"
    /// A window pair whose threshold is at least 100% errors, so it can never fire.
    public static let alertNeverFires: DiagnosticID = "slo-alert-never-fires"
    /// An alerting window shorter than two scrapes: `rate()` over it is empty, so its error
    /// ratio rounds to nothing and the pairs that use it never fire.
    public static let windowRoundsToZero: DiagnosticID = "slo-window-rounds-to-zero"
    /// An SLI that keeps (or may keep) a label that changes per environment or cluster without
    /// `.grouped(by:)` naming it: series churn breaks the average over the period.
    public static let labelChurn: DiagnosticID = "slo-label-churn"
    /// An SLI that reads a recorded metric (a name with `:`) that no recording rule of the catalog defines.
    public static let inputUnknown: DiagnosticID = "slo-input-unknown"
    /// A Sloth spec or alert-windows file that cannot be read as one (unknown key, wrong type,
    /// unsupported version).
    public static let specInvalid: DiagnosticID = "slo-spec-invalid"
}

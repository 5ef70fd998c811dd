import PeriscopeDSL

/// The stable ids of the problems found in environment files (YAML syntax problems carry the
/// YAML reader's ids, `yaml-syntax` and the like).
extension DiagnosticID {
    /// A key the environment schema does not have.
    public static let environmentKeyUnknown: DiagnosticID = "environment-key-unknown"
    /// A value of the wrong type or form (a bad duration, uid prefix, label name, target, …).
    public static let environmentValueInvalid: DiagnosticID = "environment-value-invalid"
    /// A YAML merge key (`<<`), which environment files do not support.
    public static let environmentMergeKeyUnsupported: DiagnosticID = "environment-merge-key-unsupported"
    /// A datasource without both `type` and `uid` along its `extends` chain.
    public static let environmentDatasourceIncomplete: DiagnosticID = "environment-datasource-incomplete"
    /// An environment (asked for, or named by `extends`) that has no file.
    public static let environmentUnknown: DiagnosticID = "environment-unknown"
    /// An `extends` chain that comes back to where it started.
    public static let environmentExtendsCycle: DiagnosticID = "environment-extends-cycle"
    /// Two files for one environment (`prod.yaml` and `prod.yml`).
    public static let environmentDuplicate: DiagnosticID = "environment-duplicate"
    /// An environment file or directory that cannot be read.
    public static let environmentFileUnreadable: DiagnosticID = "environment-file-unreadable"
}

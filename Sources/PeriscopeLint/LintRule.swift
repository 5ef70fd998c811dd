import PeriscopeDSL
import PeriscopeModel
import PromQL

/// A lint check: one rule per file, with a stable id, a default severity and its documentation.
///
/// A rule sees one environment's artifacts at a time (``LintInput``: its dashboards, rule
/// files and every PromQL expression in them, parsed once) and reports what it finds into
/// ``LintFindings``; the engine attaches the rule's id and configured severity, applies the
/// `.periscope.yaml` configuration, inline suppressions and the baseline, maps locations of
/// rendered output back to the Swift line through `manifest.json`, and sorts the findings.
/// Rules are pure: the same input gives the same findings in the same order.
public protocol LintRule: LintCheck {
    /// Checks `input` and reports every problem into `findings`.
    func check(_ input: LintInput, into findings: inout LintFindings)
}

/// What every check `periscope lint` reports under has, whether it reads the files
/// (``LintRule``) or measures a live server (``LiveCheck``): `.periscope.yaml`, suppressions,
/// `--list-rules` and `--explain` name it by its id.
public protocol LintCheck: Sendable {
    /// The stable id, lowercase words joined by `-` (e.g. `metric-base-units`); configuration,
    /// suppressions and baselines refer to it, so it never changes once published.
    var id: DiagnosticID { get }
    /// The group the check belongs to in `--list-rules`.
    var category: LintCategory { get }
    /// The severity used unless `.periscope.yaml` overrides it.
    var defaultSeverity: Diagnostic.Severity { get }
    /// What `periscope lint --explain ID` prints.
    var doc: LintRuleDoc { get }
}

/// The groups rules are listed under.
public enum LintCategory: String, Sendable, Hashable, CaseIterable {
    /// Metric, label, rule, alert and dashboard names.
    case naming
    /// Labels and aggregations that multiply series.
    case cardinality
    /// PromQL and template meaning: types, label flow, ranges, templates.
    case semantics
    /// Dashboard structure: layout, ids, variables, datasources.
    case dashboard
    /// Checks against a live Prometheus server (`lint --prometheus URL`).
    case live
}

/// The documentation of a rule, printed by `periscope lint --explain ID`.
public struct LintRuleDoc: Sendable, Hashable {
    /// One line: what the rule checks.
    public var summary: String
    /// Why it matters, in a few sentences, naming the source of the convention (Prometheus'
    /// naming guide, Grafana's behaviour, promtool).
    public var why: String
    /// An example that is reported.
    public var bad: String
    /// The same example fixed.
    public var good: String
    /// How to fix a finding (and, where that is legitimate, how to suppress it).
    public var fix: String

    /// Creates a rule's documentation.
    public init(summary: String, why: String, bad: String, good: String, fix: String) {
        self.summary = summary
        self.why = why
        self.bad = bad
        self.good = good
        self.fix = fix
    }
}

/// One environment's artifacts as the rules see them.
///
/// For a rendered output folder there is one input per environment (`environment` is its
/// name); for foreign files one input holds them all (`environment` is nil).
public struct LintInput: Sendable {
    /// The environment name, or nil for foreign files.
    public var environment: String?
    /// The dashboards, in path order.
    public var dashboards: [LintDashboard] { didSet { shared = LintSharedAnalyses() } }
    /// The rule files, in path order.
    public var ruleFiles: [LintRuleFile] { didSet { shared = LintSharedAnalyses() } }
    /// Every PromQL expression of the dashboards and rule files, parsed once, in the order of
    /// `dashboards` then `ruleFiles`.
    public var queries: [LintQuery] { didSet { shared = LintSharedAnalyses() } }
    /// Settings from `.periscope.yaml`, the environment and the metrics inventory.
    public var options: LintOptions { didSet { shared = LintSharedAnalyses() } }
    /// What several rules compute from the above, computed once (reset when any of it changes).
    private(set) var shared = LintSharedAnalyses()

    /// Creates an input.
    public init(environment: String?, dashboards: [LintDashboard], ruleFiles: [LintRuleFile], queries: [LintQuery], options: LintOptions) {
        self.environment = environment
        self.dashboards = dashboards
        self.ruleFiles = ruleFiles
        self.queries = queries
        self.options = options
    }
}

/// A dashboard file and its model.
public struct LintDashboard: Sendable {
    /// The file path, as reported in findings (relative to the linted folder's parent, or as given).
    public var path: String
    /// The Grafana folder it is provisioned into (the folder directory of a rendered output), if known.
    public var folder: String?
    /// The model, with locations of every node.
    public var dashboard: Grafana.Dashboard

    /// Creates a dashboard input.
    public init(path: String, folder: String?, dashboard: Grafana.Dashboard) {
        self.path = path
        self.folder = folder
        self.dashboard = dashboard
    }
}

/// A rule file and its model.
public struct LintRuleFile: Sendable {
    /// The file path, as reported in findings.
    public var path: String
    /// The model (plain `groups:` file, PrometheusRule resources, Mimir namespaces), with locations.
    public var file: RuleFile {
        didSet { groups = file.groups }
    }
    /// `file.groups`, computed once: `RuleFile.groups` flattens the documents on every call, and
    /// rules look groups up per query.
    public private(set) var groups: [RuleGroupNode]

    /// Creates a rule-file input.
    public init(path: String, file: RuleFile) {
        self.path = path
        self.file = file
        self.groups = file.groups
    }
}

/// A PromQL expression found in a dashboard or a rule file, parsed once for every rule.
public struct LintQuery: Sendable {
    /// Where the expression comes from; indices point into ``LintInput``'s arrays.
    public enum Origin: Sendable, Hashable {
        /// `dashboards[dashboard].dashboard.panels[panel].targets[target].expr`.
        case panelTarget(dashboard: Int, panel: Int, target: Int)
        /// A Prometheus query variable's query (`label_values(expr, label)`, `query_result(expr)`,
        /// or a plain expression): `dashboards[dashboard].dashboard.variables[variable]`.
        case variable(dashboard: Int, variable: Int)
        /// `ruleFiles[file].file.groups[group].rules[rule].expr`.
        case rule(file: Int, group: Int, rule: Int)
    }

    /// Where it comes from.
    public var origin: Origin
    /// The expression as written (Grafana variables such as `$job` and `$__rate_interval` included).
    public var text: String
    /// The text the parser saw: `text` with Grafana's variables replaced by placeholders that
    /// parse (equal to `text` for rules).
    public var parsedText: String
    /// The location of the expression's first character.
    public var location: Location
    /// The parsed expression; nil when it does not parse (see `parseError`).
    public var expression: Expr?
    /// The parse error at the environment's PromQL target; nil when it parses.
    public var parseError: PromQLError?

    /// Creates a query.
    public init(origin: Origin, text: String, parsedText: String, location: Location, expression: Expr?, parseError: PromQLError?) {
        self.origin = origin
        self.text = text
        self.parsedText = parsedText
        self.location = location
        self.expression = expression
        self.parseError = parseError
    }
}

/// What a finding is about, for exceptions in `.periscope.yaml` (scoped to a rule plus a
/// file, a group or a name) and for inline suppressions.
public struct LintSubject: Sendable, Hashable {
    /// The artifact's path.
    public var file: String
    /// The rule group's name, for findings in rule files.
    public var group: String?
    /// The alert or recording rule's name, the dashboard's uid, or the panel's title.
    public var name: String?

    /// Creates a subject.
    public init(file: String, group: String? = nil, name: String? = nil) {
        self.file = file
        self.group = group
        self.name = name
    }
}

/// One problem a rule found, before the engine applies configuration.
public struct LintFinding: Sendable, Hashable {
    /// The rule's id.
    public var rule: DiagnosticID
    /// The severity (the rule's default until configuration is applied).
    public var severity: Diagnostic.Severity
    /// What is wrong and what is expected, in one sentence.
    public var message: String
    /// Where it is: the model node's location (a YAML line, a JSON pointer, or a Swift line).
    public var location: Location
    /// What it is about.
    public var subject: LintSubject
    /// Hints printed under the message.
    public var notes: [String]
    /// Other places that belong to the problem.
    public var related: [Diagnostic.Related]

    /// Creates a finding.
    public init(rule: DiagnosticID, severity: Diagnostic.Severity, message: String, location: Location, subject: LintSubject, notes: [String] = [], related: [Diagnostic.Related] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.notes = notes
        self.related = related
    }

    /// The finding as a diagnostic (`path:line:col: severity: [rule] message`).
    public var diagnostic: Diagnostic {
        Diagnostic(severity, message, at: location, id: rule, notes: notes, related: related)
    }
}

/// Where a rule reports: collects its findings with its id and default severity.
public struct LintFindings: Sendable {
    /// The rule reporting.
    public let rule: DiagnosticID
    /// The severity its findings get.
    public let severity: Diagnostic.Severity
    /// The findings so far, in the order reported.
    public private(set) var findings: [LintFinding] = []

    /// Creates an empty collection for a rule.
    public init(rule: DiagnosticID, severity: Diagnostic.Severity) {
        self.rule = rule
        self.severity = severity
    }

    /// Reports a problem at `location`.
    public mutating func report(_ message: String, at location: Location, subject: LintSubject, notes: [String] = [], related: [Diagnostic.Related] = []) {
        findings.append(LintFinding(rule: rule, severity: severity, message: message, location: location, subject: subject, notes: notes, related: related))
    }
}

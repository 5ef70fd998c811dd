/// The kinds of Grafana template variable.
public enum VariableKind: String, Sendable, Hashable {
    /// `query`: options returned by a datasource query (`label_values(up, job)`).
    case query
    /// `custom`: a fixed, comma-separated list of options.
    case custom
    /// `interval`: a list of time spans (`1m,10m,1h`) to use as `$variable` in range selectors, with an optional `auto`.
    case interval
    /// `datasource`: the datasources of one plugin type, to switch a dashboard between them.
    case datasource
    /// `constant`: one hidden, fixed value.
    case constant
    /// `textbox`: a free-text field, with an optional default.
    case textbox
    /// `adhoc`: ad hoc filters, `label=value` pairs Grafana adds to every query of the datasource.
    case adhoc
}

/// When Grafana refreshes a query variable's options.
public enum VariableRefresh: Int, Sendable, Hashable {
    /// Never (Grafana's `0`): options are stored in the dashboard.
    case never = 0
    /// When the dashboard loads (`1`).
    case onDashboardLoad = 1
    /// When the time range changes (`2`).
    case onTimeRangeChange = 2
}

/// How Grafana sorts a query variable's options.
public enum VariableSort: Int, Sendable, Hashable {
    /// `0`: the order the query returned.
    case disabled = 0
    /// `1`: alphabetical, A to Z.
    case alphabeticalAscending = 1
    /// `2`: alphabetical, Z to A.
    case alphabeticalDescending = 2
    /// `3`: by the first number in each option, smallest first.
    case numericalAscending = 3
    /// `4`: by the first number in each option, largest first.
    case numericalDescending = 4
    /// `5`: alphabetical ignoring case, A to Z.
    case alphabeticalCaseInsensitiveAscending = 5
    /// `6`: alphabetical ignoring case, Z to A.
    case alphabeticalCaseInsensitiveDescending = 6
    /// `7`: natural order (`item2` before `item10`), ascending.
    case naturalAscending = 7
    /// `8`: natural order (`item10` before `item2`), descending.
    case naturalDescending = 8
}

/// Whether a variable's label or the whole variable is hidden.
public enum VariableHide: Int, Sendable, Hashable {
    /// `0`: label and value picker shown.
    case nothing = 0
    /// `1`: the label hidden, the value picker shown.
    case label = 1
    /// `2`: the whole variable hidden from the dashboard's header (still usable in queries).
    case variable = 2
}

/// The selected value of a variable (`current`).
public struct VariableCurrent: Sendable, Hashable {
    /// The displayed text(s).
    public var text: [String]
    /// The value(s).
    public var value: [String]

    /// One selected value, displayed as itself unless `text` is given.
    public init(_ value: String, text: String? = nil) {
        self.value = [value]
        self.text = [text ?? value]
    }

    /// Several selected values (for multi-value variables).
    public init(values: [String]) {
        self.value = values
        self.text = values
    }
}

/// One option of a custom or interval variable.
public struct VariableOption: Sendable, Hashable {
    /// The displayed text.
    public var text: String
    /// The value.
    public var value: String

    /// Creates an option.
    public init(_ value: String, text: String? = nil) {
        self.value = value
        self.text = text ?? value
    }
}

/// A dashboard template variable: the common model the typed variables (`QueryVariable`, …) wrap.
public struct Variable: Sendable, Hashable, Modifiable {
    /// The kind.
    public var kind: VariableKind
    /// The name, referenced as `$name` in queries.
    public var name: String
    /// The label shown in the variable bar.
    public var label: String?
    /// The description shown as a tooltip.
    public var description: String?
    /// What is hidden.
    public var hide: VariableHide?
    /// The query (query: the PromQL/`label_values(…)` query; datasource: the plugin type; constant/textbox: the value; custom/interval: the comma-separated options).
    public var query: String?
    /// The datasource of a query or adhoc variable.
    public var datasource: DatasourceReference?
    /// The options of custom and interval variables, in order.
    public var options: [VariableOption]
    /// Whether several values can be selected.
    public var multi: Bool?
    /// Whether an "All" option is offered.
    public var includeAll: Bool?
    /// The value "All" stands for, e.g. `.*`.
    public var allValue: String?
    /// The selected value.
    public var current: VariableCurrent?
    /// When options are refreshed.
    public var refresh: VariableRefresh?
    /// How options are sorted.
    public var sort: VariableSort?
    /// A regex that filters and extracts options.
    public var regex: String?
    /// Interval variables: whether the `auto` option is offered.
    public var auto: Bool?
    /// Interval variables: the number of steps `auto` divides the range into.
    public var autoCount: Int?
    /// Interval variables: the smallest interval `auto` picks.
    public var autoMin: String?
    /// Whether the value is left out of the URL.
    public var skipURLSync: Bool?
    /// Query variables on a Prometheus datasource: whether the environment's
    /// `prometheus.selectors` are injected into the query's PromQL (true by default).
    public var injectsSelectors: Bool
    /// Any other fields of the variable's JSON, set by path (the escape hatch, ``VariableConvertible/setting(_:_:)``),
    /// merged over the typed fields when lowering.
    public var extra: JSONValue
    /// Where the variable was written.
    public var location: SourceLocation

    /// Creates a variable of any kind; prefer the typed variables.
    public init(kind: VariableKind, name: String, location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.options = []
        self.injectsSelectors = true
        self.extra = .object([])
        self.location = location
    }
}

/// A typed variable (`QueryVariable`, `CustomVariable`, …) wrapping a `Variable`.
public protocol VariableConvertible: Sendable, Modifiable, BuilderContent where Builder == VariableBuilder {
    /// The underlying variable model.
    var variable: Variable { get set }
}

extension VariableConvertible {
    /// The variable model, for ``VariableBuilder``.
    public var builderElements: [Variable] { [variable] }
}

extension Variable: VariableConvertible {
    /// The variable itself.
    public var variable: Variable {
        get { self }
        set { self = newValue }
    }
}

/// Collects the variables of a dashboard.
@resultBuilder
public enum VariableBuilder: ListBuilder {
    public typealias Element = Variable
    public static func elements(of content: any VariableConvertible) -> [Variable] { [content.variable] }
}

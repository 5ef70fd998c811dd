import PeriscopeDSL

/// What a Go template may use beyond the fixed grammar: the function names (an undefined one
/// is `function "x" not defined`) and the syntax the Go release adds.
///
/// Prometheus parses alert label and annotation templates with Go's `text/template`, its
/// function map (`template/template.go`, `NewTemplateExpander`) and Go's builtins
/// (`text/template/funcs.go`), so the set depends on the Prometheus release and on the Go
/// release that built it.
public struct GoTemplateDialect: Sendable, Hashable {
    /// The functions a template may call.
    public var functions: Set<String>
    /// Whether `{{with a}}…{{else with b}}…{{end}}` parses (Go 1.23); before, it is `unexpected <with> in else`.
    public var allowsElseWith: Bool

    /// Creates a dialect.
    public init(functions: Set<String>, allowsElseWith: Bool = false) {
        self.functions = functions
        self.allowsElseWith = allowsElseWith
    }

    /// Go's builtin template functions (`builtins()` in `text/template/funcs.go`; the same from
    /// Go 1.13, which added `slice`, through Go 1.25).
    public static let goBuiltins: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery",
        "eq", "ge", "gt", "le", "lt", "ne",
    ]

    /// Prometheus 2.42's template functions (`template/template.go` at tag v2.42.0). `tmpl` is
    /// only added for console templates (`ExpandHTML`), not for rules.
    public static let prometheus242Functions: Set<String> = [
        "query", "first", "label", "value", "strvalue", "args", "reReplaceAll", "safeHtml", "match", "title",
        "toUpper", "toLower", "graphLink", "tableLink", "sortByLabel", "stripPort", "stripDomain", "humanize",
        "humanize1024", "humanizeDuration", "humanizePercentage", "humanizeTimestamp", "toTime", "pathPrefix",
        "externalURL", "parseDuration",
    ]

    /// Prometheus 3.x's additions (`template/template.go`): `toDuration` and `now` from v3.6.0,
    /// `urlQueryEscape` from v3.8.0; unchanged through v3.14.0.
    public static let prometheus3AddedFunctions: Set<String> = ["toDuration", "now", "urlQueryEscape"]

    /// The dialect of alert templates for a Prometheus target.
    ///
    /// Debian's promtool 2.42 is built with Go 1.19 (`break` and `continue` exist, `else with`
    /// does not). Prometheus 3.x is built with Go 1.23 or later (`.promu.yml`), which adds
    /// `else with`; `.v3` means the newest 3.x, so it has every 3.x function.
    public static func prometheus(_ target: PrometheusTarget) -> GoTemplateDialect {
        switch target {
        case .v2_42: prometheus242
        case .v3: prometheus3
        }
    }

    private static let prometheus242 = GoTemplateDialect(functions: goBuiltins.union(prometheus242Functions))
    private static let prometheus3 = GoTemplateDialect(functions: goBuiltins.union(prometheus242Functions).union(prometheus3AddedFunctions), allowsElseWith: true)
}

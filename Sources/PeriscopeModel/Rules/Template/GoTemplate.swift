import PeriscopeDSL

/// Whether Go's `text/template` parses a template, as Prometheus and promtool parse alert
/// labels and annotations.
///
/// It applies the lexer and parser rules of `text/template/parse` (`lex.go`, `parse.go`,
/// `node.go`) at Go 1.19, the Go of Debian's promtool 2.42, and the function map of
/// Prometheus' `template/template.go` for the target (see `GoTemplateDialect`). It decides
/// acceptance only; it does not run templates, so errors Go finds only when executing
/// (`{{nil}}`, `{{$x = 1}}` for an undeclared `$x`, a missing `{{template}}`) pass here as they
/// pass promtool.
///
/// ```swift
/// GoTemplate.alertTemplateProblem(in: "{{$label.instance}}", alert: "A", target: .v2_42)?.message
/// // undefined variable "$label"
/// ```
public enum GoTemplate {
    /// What Prometheus' rule validation (`rulefmt`, `testTemplateParsing`) prepends to every
    /// alert label and annotation: it declares `$labels`, `$externalLabels`, `$externalURL`
    /// and `$value`, and adds no newline, so Go's line numbers are the text's own.
    public static let prometheusAlertPrelude =
        "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"

    /// The variables `prometheusAlertPrelude` declares.
    public static let prometheusAlertVariables = ["$labels", "$externalLabels", "$externalURL", "$value"]

    /// How deep parentheses and `{{if}}`, `{{range}}`, `{{with}}` and `{{block}}` bodies may
    /// nest before the checker gives up (`GoTemplateError.exceedsNestingLimit`). Go 1.19 has no
    /// limit; this checker is recursive like Go's parser and stays far inside a 512 KiB stack.
    public static let maximumNesting = GoTemplateParser.maximumDepth

    /// Why Go's `text/template` rejects `text`, parsed as a template named `name` after a
    /// prelude of actions that declared `variables` (none by default), or nil when it parses.
    public static func problem(in text: String, named name: String, dialect: GoTemplateDialect, predeclaring variables: [String] = []) -> GoTemplateError? {
        var parser = GoTemplateParser(Array(text.utf8), name: name, dialect: dialect, predeclaring: variables)
        do {
            try parser.parse()
            return nil
        } catch {
            return parser.error
        }
    }

    /// Why promtool (`promtool check rules`) and Prometheus reject `text` as a label or
    /// annotation of the alerting rule `alert`, or nil when they accept it.
    ///
    /// The prelude is not parsed again each time: its variables are declared instead. The
    /// error reads as promtool prints it: `template: __alert_A:1: undefined variable "$label"`.
    public static func alertTemplateProblem(in text: String, alert: String, target: PrometheusTarget) -> GoTemplateError? {
        guard containsAction(text) else { return nil }
        return problem(in: text, named: "__alert_" + alert, dialect: .prometheus(target), predeclaring: prometheusAlertVariables)
    }

    /// Whether `text` has a `{{`, the start of a template action (Go's, and Grafana's legends):
    /// without one it is plain text, which always parses and names no label.
    public static func containsAction(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") {
                if previousWasBrace { return true }
                previousWasBrace = true
            } else {
                previousWasBrace = false
            }
        }
        return false
    }
}

/// Why Go's `text/template` rejects a template, located as Go reports it.
public struct GoTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template's name (`__alert_HighErrorRate` for Prometheus' alert templates).
    public var templateName: String
    /// The line in the template text, counted as Go counts it (the line of the last token read).
    public var line: Int
    /// Go's message after the position, e.g. `undefined variable "$label"` or `bad character U+00A0`.
    public var message: String
    /// Whether only Periscope rejects the template: it nests deeper than `GoTemplateParser`
    /// follows, which Go accepts.
    public var exceedsNestingLimit: Bool

    /// Creates an error.
    public init(templateName: String, line: Int, message: String, exceedsNestingLimit: Bool = false) {
        self.templateName = templateName
        self.line = line
        self.message = message
        self.exceedsNestingLimit = exceedsNestingLimit
    }

    /// The error as Go prints it: `template: __alert_A:1: undefined variable "$label"`.
    public var description: String { "template: \(templateName):\(line): \(message)" }
}

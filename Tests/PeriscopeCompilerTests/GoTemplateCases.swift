import Testing

/// Alert templates and what promtool 2.42 (Debian's, built with Go 1.19) says about each, as a
/// label or annotation of an alert named `A`: nil when it accepts the template, else the part
/// of its message after `template: __alert_A:<line>: `.
///
/// Every row was taken from promtool's output; `GoTemplatePromtoolTests` runs promtool on the
/// whole table again and compares.
struct GoTemplateCase: Sendable, CustomTestStringConvertible {
    let template: String
    let message: String?
    let line: Int
    let member: String

    var testDescription: String { "\(member): \(template.debugDescription)" }

    static func accepted(_ template: String, _ member: String) -> GoTemplateCase {
        GoTemplateCase(template: template, message: nil, line: 0, member: member)
    }

    static func rejected(_ template: String, _ message: String, line: Int = 1, _ member: String) -> GoTemplateCase {
        GoTemplateCase(template: template, message: message, line: line, member: member)
    }

    static let all: [GoTemplateCase] = valid + variables + characters + lexical + numbers + constants + pipelines + controls + definitions + lines

    static let valid: [GoTemplateCase] = [
        .accepted("{{ $labels.job }}", "valid"),
        .accepted("{{- $value | humanize -}}", "valid"),
        .accepted(#"{{ printf "%.2f" $value }}"#, "valid"),
        .accepted("{{ if gt $value 1.0 }}high{{ else }}low{{ end }}", "valid"),
        .accepted("{{/* a comment */}}text", "valid"),
        .accepted(#"{{ range $i, $x := query "up" }}{{ $x.Value }}{{ end }}"#, "valid"),
        .accepted("no template, a } and { alone", "valid"),
        .accepted("{{ $externalURL }}/graph {{ $externalLabels.cluster }}", "valid"),
        .accepted("{{ humanizeDuration $value }} {{ humanizePercentage $value }} {{ humanize1024 $value }} {{ humanizeTimestamp $value }}", "valid"),
        .accepted(#"{{ reReplaceAll "(.*):.*" "$1" $labels.instance }}"#, "valid"),
        .accepted(#"{{ with query "up" }}{{ . | first | value | humanize }}{{ end }}"#, "valid"),
        .accepted(#"{{ range query "up" | sortByLabel "instance" }}{{ label "instance" . }} {{ strvalue . }}{{ end }}"#, "valid"),
        .accepted(#"{{ slice "abc" 1 2 }} {{ index $labels "a" }} {{ len $labels }} {{ and 1 (or 2 (not 3)) }} {{ urlquery "x" }} {{ html "x" }} {{ js "x" }}"#, "valid"),
        .accepted(#"{{ toUpper "x" | toLower | title }} {{ stripPort "a:1" }} {{ stripDomain "a.b" }} {{ match "a" "b" }} {{ safeHtml "x" }}"#, "valid"),
        .accepted(#"{{ graphLink "up" }} {{ tableLink "up" }} {{ pathPrefix }} {{ externalURL }} {{ parseDuration "1m" }} {{ toTime 0 }} {{ args 1 2 }}"#, "valid"),
        .accepted("{{ $labels.job\n| toUpper }}", "valid"),
        .accepted("{{ .if }} {{ $.Labels }} {{ $ }}", "valid"),
        .accepted("{{ nil }}", "valid: nil is only an error when run"),
        .accepted("{{ $undefined = 2 }}", "valid: assignment is only checked when run"),
        .accepted(#"{{ template "missing" }}"#, "valid: a missing template is only an error when run"),
        .accepted("{{ 1 | }}", "valid: Go ignores an empty last stage"),
    ]

    static let variables: [GoTemplateCase] = [
        .rejected("{{$label.instance}}", #"undefined variable "$label""#, "undefined variable"),
        .rejected("{{ $x }}", #"undefined variable "$x""#, "undefined variable"),
        .rejected("{{ $x: }}", #"undefined variable "$x""#, "undefined variable"),
        .rejected("{{ $x := 1 }}{{ if $x }}{{ $y := 2 }}{{ end }}{{ $y }}", #"undefined variable "$y""#, "undefined variable"),
        .rejected("{{ if $z := 1 }}{{ $z }}{{ else }}{{ $z }}{{ end }}{{ $z }}", #"undefined variable "$z""#, "undefined variable"),
        .rejected("{{ with $x := 1 }}{{ end }}{{ $x }}", #"undefined variable "$x""#, "undefined variable"),
        .rejected(#"{{ define "x" }}{{ $labels }}{{ end }}"#, #"undefined variable "$labels""#, "undefined variable"),
        .rejected(#"{{ block "x" . }}{{ $labels }}{{ end }}"#, #"undefined variable "$labels""#, "undefined variable"),
        .rejected("{{ $x := 1 | $y := 2 }}", #"undefined variable "$y""#, "undefined variable"),
        .accepted("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "declaration"),
        .accepted("{{ range $x := . }}{{ $x }}{{ end }}", "declaration"),
        .accepted("{{ range $i, $x = . }}{{ $i }}{{ end }}", "declaration"),
        .accepted("{{ ($x := 1) }}{{ $x }}", "declaration"),
        .accepted("{{ $labels := 1 }}", "declaration"),
        .rejected("{{$x := 1}}{{$x=2}}", "bad character U+003D '='", "declaration"),
        .rejected("{{ range $i, 1 := . }}{{ end }}", "range can only initialize variables", "declaration"),
        .rejected("{{ range $i, $x, $y := . }}{{ end }}", "too many declarations in range", "declaration"),
        .rejected("{{ $x, $y := 1 }}", "too many declarations in command", "declaration"),
        .rejected("{{ with $i, $x := . }}{{ end }}", "too many declarations in with", "declaration"),
        .rejected("{{ range $i, }}{{ end }}", "missing value for range", "declaration"),
    ]

    static let characters: [GoTemplateCase] = [
        .rejected("{{ index\u{00A0}$labels \"mountpoint\" }}", "bad character U+00A0", "non-ASCII character"),
        .rejected("{{\u{00A0}$labels}}", "unrecognized character in action: U+00A0", "non-ASCII character"),
        .rejected("{{ $labels.job\u{00A0}}}", "bad character U+00A0", "non-ASCII character"),
        .rejected("{{ foo\u{20AC} }}", "bad character U+20AC '€'", "non-ASCII character"),
        .rejected("{{ \u{20AC} }}", "unrecognized character in action: U+20AC '€'", "non-ASCII character"),
        .rejected("{{ \u{1F600} }}", "unrecognized character in action: U+1F600 '😀'", "non-ASCII character"),
        .rejected("{{ \u{0085} }}", "unrecognized character in action: U+0085", "non-ASCII character"),
        .rejected("{{ \u{200B} }}", "unrecognized character in action: U+200B", "non-ASCII character"),
        .rejected("{{ \u{2168} }}", "unrecognized character in action: U+2168 'Ⅸ'", "non-ASCII character"),
        .rejected("{{ x\u{0301} }}", "bad character U+0301 '\u{0301}'", "non-ASCII character"),
        .rejected("{{ é }}", #"function "é" not defined"#, "non-ASCII character"),
        .rejected("{{ print \u{0663} }}", "function \"\u{0663}\" not defined", "non-ASCII character"),
        .rejected("{{ 1 \u{0000} }}", "unrecognized character in action: U+0000", "control character"),
        .rejected("{{ print \"\u{0001}\" | a\u{0001} }}", "bad character U+0001", "control character"),
        .accepted("text with \u{0000} and \u{00A0} outside actions {{ \"\u{00A0}\" }}", "control character"),
    ]

    static let lexical: [GoTemplateCase] = [
        .rejected("{{ $labels.x", "unclosed action", "lexer"),
        .rejected(#"{{ "abc }}"#, "unterminated quoted string", "lexer"),
        .rejected("{{ \"a\nb\" }}", "unterminated quoted string", "lexer"),
        .rejected("{{ 'a }}", "unterminated character constant", "lexer"),
        .rejected("{{ '\\\n' }}", "unterminated character constant", "lexer"),
        .rejected("{{ `abc }}", "unterminated raw quoted string", "lexer"),
        .accepted("{{ `a\nb` }}", "lexer"),
        .rejected("{{/* a }}", "unclosed comment", "comment"),
        .rejected("{{/* a */ }}", "comment ends before closing delimiter", "comment"),
        .rejected("{{/* a */x}}", "comment ends before closing delimiter", "comment"),
        .rejected("{{ /* x */ }}", #"unexpected "/" in command"#, "comment"),
        .accepted("{{- /* a */ -}}", "comment"),
        .accepted("{{/* a */\t-}}", "comment"),
        .rejected("{{-/* a */}}", #"illegal number syntax: "-""#, "comment"),
        .accepted("{{-3}}", "trim marker"),
        .accepted("{{- 3}}", "trim marker"),
        .accepted("{{ 1 -}}", "trim marker"),
        .accepted("{{-\t1\n-}}", "trim marker"),
        .rejected("{{3-}}", #"bad number syntax: "3-""#, "trim marker"),
        .rejected("{{ 1 - }}", #"illegal number syntax: "-""#, "trim marker"),
        .rejected("{{- -}}", #"illegal number syntax: "-""#, "trim marker"),
        .rejected("{{ 1 --}}", #"bad number syntax: "--""#, "trim marker"),
        .rejected("{{ .x-}}", "bad character U+002D '-'", "trim marker"),
        .rejected("{{ $-}}", "bad character U+002D '-'", "trim marker"),
        .rejected("{{ $x} }}", "bad character U+007D '}'", "lexer"),
        .rejected("{{ print} }}", "bad character U+007D '}'", "lexer"),
        .rejected("{{ ( }}", "unclosed left paren", "parentheses"),
        .rejected("{{ 1 ) }}", #"unexpected ")" in command"#, "parentheses"),
        .rejected("{{ :x }}", "expected :=", "lexer"),
    ]

    static let numbers: [GoTemplateCase] = [
        .accepted("{{ 1_000 }} {{ 0x_1 }} {{ 0x1p-2 }} {{ 0b101 }} {{ 0o17 }} {{ 017 }} {{ 1e5 }} {{ .5 }} {{ 1. }} {{ -0 }} {{ +5 }}", "number"),
        .accepted("{{ 18446744073709551615 }} {{ -9223372036854775808 }} {{ 1e-400 }} {{ 08i }} {{ 09.5 }} {{ 0X1P+1 }} {{ 0_7 }}", "number"),
        .accepted("{{ 1+2i }} {{ 0x1p4+1i }} {{ 1_0+2_0i }} {{ 1e+5-2e-3i }} {{ 1+.5i }}", "complex number"),
        .rejected("{{ 08 }}", #"integer overflow: "08""#, "number"),
        .rejected("{{ 0_9 }}", #"integer overflow: "0_9""#, "number"),
        .rejected("{{ 99999999999999999999 }}", #"integer overflow: "99999999999999999999""#, "number"),
        .rejected("{{ -9223372036854775809 }}", #"integer overflow: "-9223372036854775809""#, "number"),
        .rejected("{{ 1e400 }}", #"illegal number syntax: "1e400""#, "number"),
        .rejected("{{ 0x1.8 }}", #"illegal number syntax: "0x1.8""#, "number"),
        .rejected("{{ 1__0 }}", #"illegal number syntax: "1__0""#, "number"),
        .rejected("{{ 1_000._5 }}", #"illegal number syntax: "1_000._5""#, "number"),
        .rejected("{{ 0x_ }}", #"illegal number syntax: "0x_""#, "number"),
        .rejected("{{ 0b }}", #"illegal number syntax: "0b""#, "number"),
        .rejected("{{ 0x }}", #"illegal number syntax: "0x""#, "number"),
        .rejected("{{ 1e }}", #"illegal number syntax: "1e""#, "number"),
        .rejected("{{ +.e }}", #"illegal number syntax: "+.e""#, "number"),
        .rejected("{{ 0x10i }}", #"illegal number syntax: "0x10i""#, "number"),
        .rejected("{{ 0b102 }}", #"bad number syntax: "0b102""#, "number"),
        .rejected("{{ 0o18 }}", #"bad number syntax: "0o18""#, "number"),
        .rejected("{{ 1+2 }}", #"bad number syntax: "1+2""#, "number"),
        .rejected("{{ 1.2.3 }}", #"unexpected ".3" in operand"#, "number"),
        .rejected("{{ 1+i }}", "syntax error scanning complex number", "complex number"),
        .rejected("{{ 1i+2i }}", "syntax error scanning complex number", "complex number"),
        .rejected("{{ 0b1+2i }}", "syntax error scanning complex number", "complex number"),
        .rejected("{{ 0x1+2i }}", #"strconv.ParseFloat: parsing "0x1": invalid syntax"#, "complex number"),
        .rejected("{{ +i+2i }}", #"strconv.ParseFloat: parsing "+i": invalid syntax"#, "complex number"),
        .rejected("{{ 1__0+2i }}", #"strconv.ParseFloat: parsing "1__0": invalid syntax"#, "complex number"),
        .rejected("{{ 1e400+2i }}", #"strconv.ParseFloat: parsing "1e400": value out of range"#, "complex number"),
        .rejected("{{ 1e5+1e400i }}", #"strconv.ParseFloat: parsing "+1e400": value out of range"#, "complex number"),
    ]

    static let constants: [GoTemplateCase] = [
        .accepted(#"{{ '\x41' }} {{ '\u00e9' }} {{ '\377' }} {{ 'é' }} {{ '\'' }} {{ '\U0010ffff' }} {{ '\\' }} {{ '\a' }}"#, "character constant"),
        .rejected("{{ 'ab' }}", "malformed character constant: 'ab'", "character constant"),
        .rejected("{{ '' }}", "invalid syntax", "character constant"),
        .rejected(#"{{ '\"' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\400' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\ud800' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\U00110000' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\z' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\x4' }}"#, "invalid syntax", "character constant"),
        .rejected(#"{{ '\08' }}"#, "invalid syntax", "character constant"),
        .accepted(#"{{ "\u00e9\x41\101\n\"" }} {{ `\q` }}"#, "string constant"),
        .rejected(#"{{ "\q" }}"#, "invalid syntax", "string constant"),
        .rejected(#"{{ "\'" }}"#, "invalid syntax", "string constant"),
        .rejected(#"{{ "\400" }}"#, "invalid syntax", "string constant"),
        .rejected(#"{{ template "\q" }}"#, "invalid syntax", "string constant"),
        .rejected(#"{{ "a".b }}"#, #"unexpected . after term "\"a\"""#, "field on a constant"),
        .rejected("{{ true.x }}", #"unexpected . after term "true""#, "field on a constant"),
        .rejected("{{ nil.x }}", #"unexpected . after term "nil""#, "field on a constant"),
        .rejected("{{ ..x }}", #"unexpected . after term ".""#, "field on a constant"),
        .rejected("{{ 1.5.x }}", #"unexpected . after term "1.5""#, "field on a constant"),
        .accepted("{{ (1).x }} {{ .a.b.c }} {{ $.x.y }} {{ . .x }}", "field on a non-constant"),
        .rejected("{{ .x. }}", "unexpected <.> in operand", "field on a non-constant"),
    ]

    static let pipelines: [GoTemplateCase] = [
        .rejected("{{ 1 | 2 }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected(#"{{ 1 | "a" }}"#, "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | `a` }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | . }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | nil }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | true }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | 'a' }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ 1 | 1i }}", "non executable command in pipeline stage 2", "pipeline stage"),
        .rejected("{{ $value | humanize | 3 }}", "non executable command in pipeline stage 3", "pipeline stage"),
        .accepted("{{ 1 | $ }} {{ 1 | (2) }} {{ 1 | .x }} {{ (((1))) }} {{ (1 | ) }}", "pipeline stage"),
        .rejected("{{ }}", "missing value for command", "missing value"),
        .rejected("{{ $x := }}", "missing value for command", "missing value"),
        .rejected("{{ () }}", "missing value for parenthesized pipeline", "missing value"),
        .rejected("{{ if }}{{ end }}", "missing value for if", "missing value"),
        .rejected("{{ with }}{{ end }}", "missing value for with", "missing value"),
        .rejected("{{ range }}{{ end }}", "missing value for range", "missing value"),
        .rejected("{{ if 1 }}{{ else if }}{{ end }}", "missing value for if", "missing value"),
        .rejected(#"{{ block "x" }}{{ end }}"#, "missing value for block clause", "missing value"),
        .rejected("{{ toDuration 1 }}", #"function "toDuration" not defined"#, "undefined function"),
        .rejected("{{ now }}", #"function "now" not defined"#, "undefined function"),
        .rejected(#"{{ "a b" | urlQueryEscape }}"#, #"function "urlQueryEscape" not defined"#, "undefined function"),
        .rejected(#"{{ tmpl "x" . }}"#, #"function "tmpl" not defined"#, "undefined function"),
        .rejected("{{ humanise $value }}", #"function "humanise" not defined"#, "undefined function"),
        .rejected("{{ a:b }}", #"function "a" not defined"#, "undefined function"),
        .rejected("{{ print , }}", #"unexpected "," in operand"#, "unexpected token"),
        .rejected("{{ print # }}", ##"unexpected "#" in operand"##, "unexpected token"),
        .rejected("{{ $labels.x,y }}", #"unexpected "," in operand"#, "unexpected token"),
        .rejected("{{ 1 := 2 }}", #"unexpected ":=" in operand"#, "unexpected token"),
        .rejected("{{ print = }}", #"unexpected "=" in operand"#, "unexpected token"),
        .rejected("{{ := }}", #"unexpected ":=" in command"#, "unexpected token"),
        .rejected("{{ print | = }}", #"unexpected "=" in command"#, "unexpected token"),
        .rejected("{{ print | if }}", "unexpected <if> in command", "unexpected token"),
        .rejected("{{ print | template }}", "unexpected <template> in command", "unexpected token"),
        .rejected("{{ 'a'b }}", #"unexpected "b" in operand"#, "unexpected token"),
        .rejected(#"{{ "a""b" }}"#, #"unexpected "\"b\"" in operand"#, "unexpected token"),
        .rejected(#"{{ print"a" }}"#, #"bad character U+0022 '"'"#, "unexpected token"),
        .rejected(#"{{ .x"a" }}"#, #"bad character U+0022 '"'"#, "unexpected token"),
    ]

    static let controls: [GoTemplateCase] = [
        .accepted("{{ if 1 }}{{ else if 2 }}{{ else if 3 }}{{ else }}{{ end }}", "else chain"),
        .rejected("{{ else }}", "unexpected {{else}}", "else and end"),
        .rejected("{{ end }}", "unexpected {{end}}", "else and end"),
        .rejected("{{ else if 1 }}", "unexpected {{else}}", "else and end"),
        .rejected("{{ if 1 }}{{ else }}{{ else }}{{ end }}", "expected end; found {{else}}", "else and end"),
        .rejected("{{ if 1 }}{{ else if 1 }}{{ end }}{{ end }}", "unexpected {{end}}", "else and end"),
        .rejected("{{ if 1 }}{{ else x }}{{ end }}", #"unexpected "x" in else"#, "else and end"),
        .rejected("{{ end x }}", #"unexpected "x" in end"#, "else and end"),
        .rejected("{{ if 1 }}{{ end x }}", #"unexpected "x" in end"#, "else and end"),
        .rejected("{{ range 1 }}{{ else if 2 }}{{ end }}", "unexpected <if> in input", "else chain"),
        .rejected("{{ with 1 }}{{ else if 1 }}{{ end }}", "unexpected <if> in input", "else chain"),
        .rejected("{{ with 1 }}{{ else with 2 }}{{ end }}", "unexpected <with> in else", "else chain"),
        .rejected("{{ if $labels.x }}yes", "unexpected EOF", "else and end"),
        .accepted("{{ range . }}{{ if 1 }}{{ continue }}{{ end }}{{ break }}{{ end }}", "break and continue"),
        .rejected("{{ break }}", "{{break}} outside {{range}}", "break and continue"),
        .rejected("{{ continue }}", "{{continue}} outside {{range}}", "break and continue"),
        .rejected("{{ range . }}{{ else }}{{ break }}{{ end }}", "{{break}} outside {{range}}", "break and continue"),
        .rejected(#"{{ range . }}{{ block "x" 1 }}{{ break }}{{ end }}{{ end }}"#, "{{break}} outside {{range}}", "break and continue"),
        .rejected("{{ range . }}{{ break 1 }}{{ end }}", #"unexpected "1" in {{break}}"#, "break and continue"),
    ]

    static let definitions: [GoTemplateCase] = [
        .accepted(#"{{ define "x" }}{{ . }}{{ end }}{{ template "x" $labels }}{{ block "y" . }}{{ .Labels }}{{ end }}"#, "define, block, template"),
        .accepted("{{ define \"x\" }} \n {{ end }}{{ define \"x\" }}b{{ end }}", "define, block, template"),
        .accepted(#"{{ define "x" }}b{{ end }}{{ define "x" }}{{/* c */}}{{ end }}"#, "define, block, template"),
        .accepted("{{ define \"x\" }}b{{ end }}{{ define \"x\" }}\u{3000}\u{0B}\u{0C}{{ end }}", "define, block, template"),
        .rejected(#"{{ define "x" }}a{{ end }}{{ define "x" }}b{{ end }}"#, #"template: multiple definition of template "x""#, "define, block, template"),
        .rejected("{{ define `x` }}b{{ end }}{{ define \"x\" }}c{{ end }}", #"template: multiple definition of template "x""#, "define, block, template"),
        .rejected("{{ define \"x\" }}b{{ end }}{{ define \"x\" }}\u{200B}{{ end }}", #"template: multiple definition of template "x""#, "define, block, template"),
        .rejected(#"{{ define "__alert_A" }}a{{ end }}"#, #"template: multiple definition of template "__alert_A""#, "define, block, template"),
        .rejected(#"{{ define "x" }}{{ else }}{{ end }}"#, "unexpected {{else}} in define clause", "define, block, template"),
        .rejected(#"{{ define "x" 1 }}{{ end }}"#, #"unexpected "1" in define clause"#, "define, block, template"),
        .rejected("{{ define . }}", "unexpected <.> in define clause", "define, block, template"),
        .rejected(#"{{ define "x" }}"#, "unexpected EOF", "define, block, template"),
        .rejected(#"{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}"#, "unexpected <define> in command", "define, block, template"),
        .rejected(#"{{ block "x" . }}{{ else }}{{ end }}"#, "unexpected {{else}} in block clause", "define, block, template"),
        .rejected("{{ template }}", #"unexpected "}}" in template clause"#, "define, block, template"),
        .rejected("{{ template abcdefghijklmnop }}", #"unexpected "abcdefghij"... in template clause"#, "define, block, template"),
        .rejected("{{ template abcéééé }}", #"unexpected "abcéééé"... in template clause"#, "define, block, template"),
        .rejected(#"{{ template "x" | }}"#, #"unexpected "|" in template clause"#, "define, block, template"),
    ]

    static let lines: [GoTemplateCase] = [
        .rejected("{{ $labels.x\n", "unclosed action started at __alert_A:1", line: 2, "line"),
        .rejected("{{ 1\n\"abc }}", "unterminated quoted string in action started at __alert_A:1", line: 2, "line"),
        .rejected("{{ 1\n(2 }}", "unclosed left paren in action started at __alert_A:1", line: 2, "line"),
        .rejected("{{ 1 \n\u{00A0} }}", "unrecognized character in action: U+00A0 in action started at __alert_A:1", line: 2, "line"),
        .rejected("{{ 1\n2)\n }}", #"unexpected ")" in command"#, line: 2, "line"),
        .rejected("a\nb\n{{ $x }}", #"undefined variable "$x""#, line: 3, "line"),
        .rejected("{{ 1\n|\nfoo }}", #"function "foo" not defined"#, line: 3, "line"),
        .rejected("{{ $labels \n x}}", #"function "x" not defined"#, line: 2, "line"),
        .rejected("{{/* \n\n */}}{{ x }}", #"function "x" not defined"#, line: 3, "line"),
        .rejected("{{ `a\nb` x }}", #"function "x" not defined"#, line: 2, "line"),
        .rejected("a\n{{ if 1 }}\n\n", "unexpected EOF", line: 4, "line"),
        .rejected("a\n{{ if 1 }}\n\n{{ end }}\n{{ end }}", "unexpected {{end}}", line: 5, "line"),
        .rejected("{{ if 1 }}{{ else }}\n{{ else }}{{ end }}", "expected end; found {{else}}", line: 2, "line"),
        .rejected("{{ define \"x\" }}\n{{ else }}{{ end }}", "unexpected {{else}} in define clause", line: 2, "line"),
        .rejected("{{ block \"x\" 1 }}\n{{ else }}{{ end }}", "unexpected {{else}} in block clause", line: 1, "line"),
    ]
}

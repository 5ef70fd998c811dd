import PeriscopeDSL
import PeriscopeLint
import PeriscopeModel
import PromQL
import Testing

@Suite("Grafana variables and alert template references")
struct QuerySupportTests {
    @Test("Grafana variables become same-length placeholders that parse where they stand", arguments: [
        ("rate(x[$__rate_interval])", "rate(x[000000000000001m])"),
        ("sum by ($group) (x)", "sum by (xxxxxx) (x)"),
        ("sum by (job, ${label}) (x)", "sum by (job, xxxxxxxx) (x)"),
        ("x{job=\"$job\"} / $__range_s", "x{job=\"$job\"} / 0000000001"),
        ("x offset $shift", "x offset 00001m"),
        ("x_[[suffix]]", "x_xxxxxxxxxx"),
        ("max_over_time(x[$__range:$__interval])", "max_over_time(x[0000001m:0000000001m])"),
    ])
    func placeholders(text: String, parsed: String) throws {
        let replaced = GrafanaVariables.placeholders(in: text)
        #expect(replaced == parsed)
        #expect(replaced.utf8.count == text.utf8.count)
        _ = try PromQL.parse(replaced)
    }

    @Test("Substituted ranges and name placeholders are detected")
    func substitution() {
        let text = "sum by ($g) (rate(x[$__rate_interval])) + rate(y[5m])"
        let parsed = GrafanaVariables.placeholders(in: text)
        let bytes = Array(text.utf8)
        let variableRange = (bytes.firstIndex(of: UInt8(ascii: "["))!)..<(bytes.firstIndex(of: UInt8(ascii: "]"))! + 1)
        #expect(GrafanaVariables.isSubstituted(variableRange, text: text, parsedText: parsed))
        let plainRange = (bytes.lastIndex(of: UInt8(ascii: "["))!)..<(bytes.lastIndex(of: UInt8(ascii: "]"))! + 1)
        #expect(!GrafanaVariables.isSubstituted(plainRange, text: text, parsedText: parsed))
        #expect(GrafanaVariables.hasNamePlaceholder(text: text, parsedText: parsed))
        #expect(!GrafanaVariables.hasNamePlaceholder(text: "rate(x[$__rate_interval])", parsedText: GrafanaVariables.placeholders(in: "rate(x[$__rate_interval])")))
    }

    @Test("Template references: $labels.x, .Labels.x, index $labels \"x\", $value and .Value, with Go's lines")
    func references() {
        let references = GoTemplate.references(in: "{{ $labels.job }} {{ .Labels.instance }}\n{{ index $labels \"pod\" }} {{ humanize $value }} $labels.text")
        #expect(references.labels.map(\.name) == ["job", "instance", "pod"])
        #expect(references.labels.map(\.line) == [1, 1, 2])
        #expect(references.valueLine == 2)
        #expect(!references.readsAllLabels)
        #expect(GoTemplate.references(in: "{{ range $k, $v := $labels }}{{ $k }}{{ end }}").readsAllLabels)
        #expect(GoTemplate.references(in: "{{ .Value }}").valueLine == 1)
        #expect(GoTemplate.references(in: "{{ \"$value\" }} and $value").valueLine == nil)
        #expect(GoTemplate.references(in: "{{ $labels.job ").isIncomplete)
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Go's template parser as promtool applies it to alert labels and annotations: every row of
/// `GoTemplateCase.all` (taken from promtool 2.42) gets promtool's verdict, message and line.
@Suite struct GoTemplateTests {
    @Test(arguments: GoTemplateCase.all)
    func verdictAndMessageAreGos(_ row: GoTemplateCase) {
        let error = GoTemplate.alertTemplateProblem(in: row.template, alert: "A", target: .v2_42)
        #expect(error?.message == row.message)
        if let message = row.message {
            #expect(error?.description == "template: __alert_A:\(row.line): \(message)")
            #expect(error?.exceedsNestingLimit == false)
        }
    }

    @Test func tableCoversEveryMemberOfTheClass() {
        let members = Set(GoTemplateCase.all.map(\.member))
        for member in ["undefined variable", "non-ASCII character", "control character", "undefined function", "number", "complex number",
                       "character constant", "string constant", "pipeline stage", "break and continue", "else chain", "define, block, template",
                       "declaration", "field on a constant", "missing value", "unexpected token", "comment", "trim marker", "line"] {
            #expect(members.contains(member), "no row for \(member)")
        }
        #expect(GoTemplateCase.all.count >= 80)
        #expect(GoTemplateCase.all.filter { $0.message == nil }.count >= 20, "accepted rows too")
    }

    /// Prometheus 3.x adds `toDuration` and `now` (v3.6.0) and `urlQueryEscape` (v3.8.0), and is
    /// built with Go 1.23 or later, which parses `{{else with}}`.
    @Test func prometheus3DiffersInFunctionsAndElseWith() {
        let onlyOn3 = ["{{ toDuration 1 }}", "{{ now }}", #"{{ "a b" | urlQueryEscape }}"#, "{{ with 1 }}{{ else with 2 }}{{ end }}"]
        for template in onlyOn3 {
            #expect(GoTemplate.alertTemplateProblem(in: template, alert: "A", target: .v3) == nil, "\(template)")
            #expect(GoTemplate.alertTemplateProblem(in: template, alert: "A", target: .v2_42) != nil, "\(template)")
        }
        #expect(GoTemplate.alertTemplateProblem(in: "{{ if 1 }}{{ else with 2 }}{{ end }}", alert: "A", target: .v3)?.message == "unexpected <with> in input")
        #expect(GoTemplate.alertTemplateProblem(in: "{{ with 1 }}{{ else with $x := 2 }}{{ $x }}{{ else }}{{ end }}", alert: "A", target: .v3) == nil)
        #expect(GoTemplate.alertTemplateProblem(in: "{{ tmpl 1 }}", alert: "A", target: .v3)?.message == #"function "tmpl" not defined"#)
        #expect(GoTemplateDialect.prometheus(.v3).functions.isSuperset(of: GoTemplateDialect.prometheus(.v2_42).functions))
    }

    /// Declaring the prelude's variables is the same as parsing the prelude in front of the text.
    @Test func predeclaredVariablesActLikeThePrelude() {
        var fuzz = GoTemplateFuzz(seed: 7)
        let templates = GoTemplateCase.all.map(\.template) + (0..<2_000).map { _ in fuzz.template() }
        for template in templates {
            let predeclared = GoTemplate.alertTemplateProblem(in: template, alert: "A", target: .v2_42)
            let parsed = GoTemplate.problem(in: GoTemplate.prometheusAlertPrelude + template, named: "__alert_A", dialect: .prometheus(.v2_42))
            #expect(predeclared == parsed, "\(template.debugDescription)")
        }
    }

    @Test func functionMapDecidesWhatIsDefined() {
        let dialect = GoTemplateDialect(functions: ["f", "break"])
        #expect(GoTemplate.problem(in: "{{ f }}{{ break }}", named: "t", dialect: dialect) == nil, "a function named break is a function")
        #expect(GoTemplate.problem(in: "{{ printf }}", named: "t", dialect: dialect)?.description == #"template: t:1: function "printf" not defined"#)
        #expect(GoTemplate.problem(in: "{{ range . }}{{ continue }}{{ end }}", named: "t", dialect: dialect) == nil)
    }

    // MARK: Hostile input

    @Test func deepNestingStopsAtTheLimitWithoutExhaustingAThreadStack() throws {
        let limit = GoTemplate.maximumNesting
        let cases: [(String, Bool)] = [
            ("{{" + String(repeating: "(", count: limit) + "1" + String(repeating: ")", count: limit) + "}}", true),
            ("{{" + String(repeating: "(", count: limit + 1) + "1" + String(repeating: ")", count: limit + 1) + "}}", false),
            (String(repeating: "{{ if 1 }}", count: limit) + String(repeating: "{{ end }}", count: limit), true),
            (String(repeating: "{{ range . }}", count: limit + 1) + String(repeating: "{{ end }}", count: limit + 1), false),
            ("{{ if 1 }}" + String(repeating: "{{ else if 1 }}", count: limit - 1) + "{{ end }}", true),
            ("{{ if 1 }}" + String(repeating: "{{ else if 1 }}", count: limit) + "{{ end }}", false),
            ((0..<limit).map { "{{ block \"b\($0)\" (.) }}" }.joined() + String(repeating: "{{ end }}", count: limit), true),
            ((0...limit / 2).map { "{{ with (1) }}{{ block \"b\($0)\" . }}" }.joined() + String(repeating: "{{ end }}", count: limit + 2), false),
            ("{{" + String(repeating: "(", count: 100_000), false),
        ]
        // 512 KiB is the smallest stack a Dispatch worker gets (macOS secondary threads).
        let results = try onThread(stackSize: 512 * 1024) {
            cases.map { GoTemplate.alertTemplateProblem(in: $0.0, alert: "A", target: .v2_42) }
        }
        for ((template, accepted), error) in zip(cases, results) {
            #expect((error == nil) == accepted, "\(template.prefix(40))…: \(String(describing: error))")
            if let error, template.count < 10_000 { #expect(error.exceedsNestingLimit && error.message.contains("more than \(limit) deep")) }
        }
    }

    @Test func hugeInputIsLinear() {
        let action = "{{ $labels.instance | toUpper }} \u{0000}\n"
        let text = String(repeating: action, count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(GoTemplate.alertTemplateProblem(in: text, alert: "A", target: .v2_42) == nil) }
        #expect(elapsed < .seconds(20), "\(elapsed) for \(text.utf8.count) bytes")
        let broken = text + "{{ $nope }}"
        #expect(GoTemplate.alertTemplateProblem(in: broken, alert: "A", target: .v2_42)?.line == 20_001)
    }

    /// No crash on random templates, and 3.x accepts whatever 2.42 accepts (it only adds
    /// functions and `else with`).
    @Test func randomTemplatesNeverCrashAndTarget3AcceptsMore() {
        var fuzz = GoTemplateFuzz(seed: 42)
        var acceptedOn242 = 0
        for _ in 0..<3_000 {
            let text = fuzz.template()
            guard GoTemplate.alertTemplateProblem(in: text, alert: "A", target: .v2_42) == nil else { continue }
            acceptedOn242 += 1
            let on3 = GoTemplate.alertTemplateProblem(in: text, alert: "A", target: .v3)
            #expect(on3 == nil, "\(text.debugDescription): \(String(describing: on3))")
        }
        #expect(acceptedOn242 > 100)
    }

    private func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return try #require(box.value)
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import PromQL
import Testing

/// Conformance with Sloth v0.16.0's `generate`, over the golden pairs of `../shared/sloth-fixtures`
/// (its README lists them): the same groups and rule names, equal labels and annotations, and
/// expressions equal as parsed PromQL.
struct SlothConformanceTests {
    static let fixtures = Repository.shared()?.appendingPathComponent("sloth-fixtures")
    static let testdata = "test/integration/prometheus/testdata"

    /// One README pair: the input, the `generate` flags, the expected file and the version it names.
    struct Pair: Sendable, CustomTestStringConvertible {
        var number: Int
        var input: String
        var expected: String
        var period: PrometheusDuration = "30d"
        var generatesAlerts = true
        var generatesRecordings = true
        var extraLabels: [String: String] = [:]
        var version = "conformance"
        var testDescription: String { "pair \(number): \(expected)" }
    }

    static let pairs: [Pair] = [
        Pair(number: 1, input: "\(testdata)/in-base.yaml", expected: "\(testdata)/out-base.yaml.tpl"),
        Pair(number: 2, input: "\(testdata)/in-base.yaml", expected: "\(testdata)/out-base-28d.yaml.tpl", period: "28d"),
        Pair(number: 3, input: "\(testdata)/in-base.yaml", expected: "\(testdata)/out-base-no-alerts.yaml.tpl", generatesAlerts: false),
        Pair(number: 4, input: "\(testdata)/in-base.yaml", expected: "\(testdata)/out-base-no-recordings.yaml.tpl", generatesRecordings: false),
        Pair(number: 5, input: "\(testdata)/in-base-k8s.yaml", expected: "\(testdata)/out-base-k8s.yaml.tpl"),
        Pair(number: 6, input: "\(testdata)/in-openslo.yaml", expected: "\(testdata)/out-openslo.yaml.tpl"),
        Pair(number: 8, input: "examples/getting-started.yml", expected: "examples/_gen/getting-started.yml", extraLabels: ["cmd": "examplesgen.sh"], version: "dev"),
    ]

    static func text(_ relative: String) throws -> String {
        let root = try #require(fixtures)
        return try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The expected file with the README's substitutions: `{{ .version }}` and `{{"X"}}` → `X`.
    static func expected(_ pair: Pair) throws -> String {
        let raw = try text(pair.expected).replacingOccurrences(of: "{{ .version }}", with: pair.version)
        let regex = try NSRegularExpression(pattern: #"\{\{"(.*?)"\}\}"#)
        return regex.stringByReplacingMatches(in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "$1")
    }

    /// The differences between the generated rules and the expected ones, empty when they conform.
    static func differences(_ pair: Pair) throws -> [String] {
        let generator = SlothGenerator(period: pair.period, options: .sloth(version: pair.version, generatesAlerts: pair.generatesAlerts,
                                                                             generatesRecordings: pair.generatesRecordings, extraLabels: pair.extraLabels))
        let (file, diagnostics) = generator.generate(try text(pair.input), path: pair.input)
        guard let file else { return ["generation failed: \(diagnostics)"] }
        let expected = RuleFileReader(path: pair.expected).read(text: try expected(pair))
        guard !expected.hasErrors else { return ["expected file does not read: \(expected.diagnostics)"] }
        return compare(file.groups, expected.file.groups) + compareResources(file.documents, expected.file.documents)
    }

    static func compare(_ actual: [RuleGroupNode], _ expected: [RuleGroupNode]) -> [String] {
        var problems: [String] = []
        if actual.map(\.name.value) != expected.map(\.name.value) {
            return ["groups \(actual.map(\.name.value)) != \(expected.map(\.name.value))"]
        }
        for (group, wanted) in zip(actual, expected) {
            let names = group.rules.map(\.name.value), wantedNames = wanted.rules.map(\.name.value)
            guard names == wantedNames else {
                problems.append("\(group.name.value): rules \(names) != \(wantedNames)")
                continue
            }
            for (rule, want) in zip(group.rules, wanted.rules) {
                let what = "\(group.name.value)/\(rule.name.value)"
                if rule.kind != want.kind { problems.append("\(what): kind \(rule.kind) != \(want.kind)") }
                if pairs(rule.labels) != pairs(want.labels) { problems.append("\(what): labels \(pairs(rule.labels)) != \(pairs(want.labels))") }
                if pairs(rule.annotations) != pairs(want.annotations) {
                    problems.append("\(what): annotations \(pairs(rule.annotations)) != \(pairs(want.annotations))")
                }
                let printed = canonical(rule.expr.value), wantedPrinted = canonical(want.expr.value)
                if printed != wantedPrinted { problems.append("\(what): expr\n\(printed)\n!=\n\(wantedPrinted)") }
                if rule.forDuration?.value != want.forDuration?.value { problems.append("\(what): for differs") }
            }
        }
        return problems
    }

    /// The documents' shapes, and each PrometheusRule's name, namespace and `component` label.
    static func compareResources(_ actual: [RuleDocument], _ expected: [RuleDocument]) -> [String] {
        guard actual.map(\.shape) == expected.map(\.shape) else { return ["documents \(actual.map(\.shape)) != \(expected.map(\.shape))"] }
        var problems: [String] = []
        for (document, wanted) in zip(actual, expected) where document.shape == .prometheusRule {
            let metadata = document.resource?.metadata, wantedMetadata = wanted.resource?.metadata
            if metadata?.name?.value != wantedMetadata?.name?.value || metadata?.namespace?.value != wantedMetadata?.namespace?.value {
                problems.append("PrometheusRule \(String(describing: metadata?.name?.value))/\(String(describing: metadata?.namespace?.value)) != \(String(describing: wantedMetadata?.name?.value))/\(String(describing: wantedMetadata?.namespace?.value))")
            }
            // Sloth writes `managed-by: sloth`; Periscope says who wrote the rules.
            let labels = pairs(metadata?.labels ?? []), wantedLabels = pairs(wantedMetadata?.labels ?? []).merging(["app.kubernetes.io/managed-by": "periscope"]) { $1 }
            if labels != wantedLabels { problems.append("PrometheusRule labels \(labels) != \(wantedLabels)") }
        }
        return problems
    }

    static func line(of diagnostic: Diagnostic) -> Int {
        if case .file(let location)? = diagnostic.location { return location.line }
        return 0
    }

    static func pairs(_ labels: [RuleLabel]) -> [String: String] {
        Dictionary(labels.map { ($0.name, $0.value.value) }, uniquingKeysWith: { $1 })
    }

    /// The expression as parsed and printed by the PromQL target (the text when it does not parse).
    static func canonical(_ expr: String) -> String {
        (try? PromQL.parse(expr, options: ParseOptions(target: .v3)).description) ?? "unparsable: \(expr)"
    }

    @Test(.enabled(if: fixtures != nil, "../shared/sloth-fixtures not found: skipping the Sloth conformance pairs"), arguments: pairs)
    func pairConforms(_ pair: Pair) throws {
        let problems = try Self.differences(pair)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(.enabled(if: fixtures != nil, "../shared/sloth-fixtures not found: skipping the Sloth conformance count"))
    func countsMatchingPairs() throws {
        var matching = 0
        for pair in Self.pairs where (try? Self.differences(pair))?.isEmpty == true { matching += 1 }
        print("Sloth conformance: \(matching) of \(Self.pairs.count) README pairs match (pairs \(Self.pairs.map(\.number)))")
        #expect(matching == Self.pairs.count)
    }

    @Test(.enabled(if: fixtures != nil, "../shared/sloth-fixtures not found: skipping the Sloth validate fixtures"))
    func validateFixturesPassAndFailAsSlothDoes() throws {
        let good = SlothSpecReader(path: "good-aa.yaml").read(try Self.text("\(Self.testdata)/validate/good/good-aa.yaml"))
        #expect(!good.hasErrors, "\(good.diagnostics)")
        #expect(good.slos.map(\.name) == ["slo1", "slo02"])
        // Sloth ignores the CRD's `pageAlert`/`ticketAlert` in a prometheus/v1 spec; so does Periscope, but it says so.
        #expect(good.diagnostics.map { "\($0.severity) \(Self.line(of: $0))" } == ["warning 21", "warning 24"])
        // Each bad file fails for its own reason, at its line.
        let reasons = [
            "bad-aa.yaml": "objective 101 is out of range",
            "bad-k8s.yaml": "bad-k8s.yaml:7:12: error: [slo-name-invalid] service is empty",
            "bad-multi.yaml": "has no SLI type",
        ]
        for (bad, reason) in reasons.sorted(by: { $0.key < $1.key }) {
            let result = SlothSpecReader(path: bad).read(try Self.text("\(Self.testdata)/validate/bad/\(bad)"))
            #expect(result.hasErrors, "\(bad) must fail")
            #expect(result.diagnostics.allSatisfy { $0.formatted().hasPrefix("\(bad):") }, "\(result.diagnostics)")
            #expect(result.diagnostics.contains { $0.formatted().contains(reason) }, "\(bad): \(result.diagnostics.map { $0.formatted() })")
        }
    }

    @Test(.enabled(if: fixtures != nil, "../shared/sloth-fixtures not found: skipping the invalid version pair"))
    func invalidVersionFailsWithALocatedError() throws {
        let result = SlothSpecReader(path: "in-invalid-version.yaml").read(try Self.text("\(Self.testdata)/in-invalid-version.yaml"))
        let error = try #require(result.diagnostics.first)
        #expect(error.formatted() == "in-invalid-version.yaml:1:10: error: [slo-spec-invalid] unsupported spec version 'prometheus/v999' (expected version: prometheus/v1)")
    }

    @Test(.enabled(if: fixtures != nil, "../shared/sloth-fixtures not found: skipping the alert windows catalogs"))
    func slothWindowCatalogsLoadAndGiveTheSameRulesAsTheBuiltInWindows() throws {
        let root = try #require(Self.fixtures).appendingPathComponent("internal/alert/windows").path
        let (catalogs, diagnostics) = SlothGenerator.windowCatalogs(inDirectory: root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Set(catalogs.map(\.period.rawValue)) == ["28d", "30d"])
        for period: PrometheusDuration in ["30d", "28d"] {
            let input = try Self.text("\(Self.testdata)/in-base.yaml")
            let builtIn = SlothGenerator(period: period).generate(input, path: "in-base.yaml").file
            let loaded = SlothGenerator(period: period, windowCatalogs: catalogs).generate(input, path: "in-base.yaml").file
            #expect(builtIn != nil && builtIn?.groups == loaded?.groups)
        }
        let missing = SlothGenerator(period: "7d", windowCatalogs: catalogs).generate(try Self.text("\(Self.testdata)/in-base.yaml"), path: "in-base.yaml")
        #expect(missing.file == nil)
        #expect(DiagnosticMatching.error(containing: "the 7d SLO period has no alert windows", in: missing.diagnostics) != nil)
    }
}

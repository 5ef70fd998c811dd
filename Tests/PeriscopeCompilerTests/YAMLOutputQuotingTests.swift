import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import PeriscopeTestSupport
import Testing

/// Issue 8, class 2, in every YAML output: label and annotation values that YAML 1.1 or 1.2
/// would read as non-strings come back as the same strings from rule files, PrometheusRule
/// resources, Mimir namespace files and the provisioning file, under PyYAML (YAML 1.1) and our
/// YAML 1.2 core-schema reader.
@Suite struct YAMLOutputQuotingTests {
    static let values = [
        "yes", "No", "on", "OFF", "y", "~", "null", "true", "0b1010", "017", "0o17", "1_000", "0x1F", "190:20:30",
        "1.5", "1.", ".5", "1e3", "6.8523015e+5", "190:20:30.15", "+.Inf", "-.inf", ".NaN", "2001-12-14",
        "2001-12-14 21:59:43.10 -5", "<<", "=", "5m",
    ]
    static let folders = ["yes", "1.5", "2001-12-14", "0x1F", "null"]

    static let environment = Environment(
        name: .prod,
        grafana: GrafanaSettings(datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom")]),
        prometheus: PrometheusSettings(target: .v2_42),
        alerting: AlertingSettings(severities: ["page": "critical"]))

    static let catalog: CatalogFunction = { _ in
        var labels: [String: String] = [:]
        var annotations: [String: String] = [:]
        for (index, value) in values.enumerated() {
            labels["l\(index)"] = value
            annotations["a\(index)"] = value
        }
        var alert = AlertRule("TrickyValues", expr: "up == 0").labels(labels)
        for (name, value) in annotations.sorted(by: { $0.key < $1.key }) { alert = alert.annotation(name, value) }
        let tricky = alert
        return Catalog {
            for folder in folders {
                Dashboard("D \(folder)", uid: "d-\(folders.firstIndex(of: folder)!)") {
                    Panel(type: "stat", title: "Up") { PrometheusQuery("up") }
                }
                .folder(folder)
            }
            RuleGroup("tricky", namespace: "tricky") {
                tricky
                RecordingRule("job:up:sum", expr: "sum by (job) (up)").labels(labels)
            }
            // A promtool test: the expected alert gets the rule's labels and annotations.
            RuleTests(namespace: "tricky", evaluationInterval: "1m") {
                AlertTest("fires", interval: "1m") {
                    InputSeries("up{job=\"x\"}", values: "0x10")
                    ExpectAlerts("TrickyValues", at: "5m") { ExpectedAlert(labels: ["job": "x"]) }
                }
            }
        }
        .ruleOutputs([.kubernetes, .mimir])
    }

    @Test(.enabled(if: PythonYAML.available, "python3 with PyYAML not found; skipping the YAML 1.1 loader check (make test installs it)"))
    func everyYAMLOutputReadsBackTheSameStrings() throws {
        let collector = DiagnosticCollector()
        let output = try #require(Compiler(catalog: Self.catalog).compile(Self.environment, diagnostics: collector), "\(collector.diagnostics)")
        let yamlFiles = output.artifacts.filter { $0.path.hasSuffix(".yaml") }
        #expect(Set(yamlFiles.map(\.kind)) == [.prometheusRules, .prometheusTests, .kubernetesPrometheusRule, .mimirRules, .grafanaProvisioning])
        for file in yamlFiles {
            let text = String(decoding: file.bytes, as: UTF8.self)
            if file.kind == .grafanaProvisioning {
                let folders = try PythonYAML.values(in: text, under: ["folder"])
                #expect(Set(folders) == Set(Self.folders), "\(file.path): \(folders)")
                continue
            }
            if file.kind == .prometheusTests {
                let loaded = try PythonYAML.values(in: text, under: ["exp_labels", "exp_annotations"])
                #expect(loaded.filter { $0.hasPrefix(PythonYAML.nonStringMark) }.isEmpty, "\(file.path): \(loaded)")
                #expect(loaded.filter { Self.values.contains($0) }.sorted() == (Self.values + Self.values).sorted(), "\(file.path)")
                continue
            }
            // Labels (alert and recording rule) and annotations, each in key order l0, l1, … as written.
            let loaded = try PythonYAML.values(in: text, under: ["labels", "annotations"])
            let expected = Self.values.sorted() // compare as multisets: the writer sorts by label name
            let nonStrings = loaded.filter { $0.hasPrefix(PythonYAML.nonStringMark) }
            #expect(nonStrings.isEmpty, "\(file.path): PyYAML read non-strings \(nonStrings)")
            // The PrometheusRule resource adds its metadata labels; ours are all there, as strings.
            let ours = loaded.filter { Self.values.contains($0) }
            #expect(ours.sorted() == (expected + expected + expected).sorted(), "\(file.path)")
            // The YAML 1.2 core-schema reader agrees.
            let rules = RuleFileReader(path: file.path).read(file.bytes)
            #expect(!rules.hasErrors, "\(rules.diagnostics)")
            let values12 = rules.file.groups.flatMap(\.rules).flatMap { $0.labels + $0.annotations }.map(\.value.value)
            #expect(Set(values12) == Set(Self.values))
        }
    }
}

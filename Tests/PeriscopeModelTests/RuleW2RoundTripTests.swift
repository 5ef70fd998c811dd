import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Workload W2 (`../shared/bench/WORKLOADS.md`, as `Sources/periscope-bench/W2Catalog.swift`
/// writes it): compiled into the model, rendered, read back: the models are equal but for
/// locations, and the rendered bytes are the writer's fixpoint.
@Suite struct RuleW2RoundTripTests {
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Group `index` of W2 for `env` (the bench's `W2Catalog.group`).
    static func group(_ index: Int, env: String, errorThreshold: String, latencyThreshold: String) -> RuleGroup {
        let svc = "svc-" + padded(index, 3)
        let sel = "service=\"\(svc)\", env=\"\(env)\""
        let labels = ["service": svc, "team": "team-" + padded(index % 20, 2)]
        let runbook = "https://runbooks.example.com/\(svc)"
        return RuleGroup("\(svc).rules", namespace: "w2") {
            RecordingRule("service:http_requests:rate5m", expr: "sum by (service, env) (rate(http_requests_total{\(sel)}[5m]))").labels(labels)
            RecordingRule("service:http_errors:rate5m", expr: "sum by (service, env) (rate(http_requests_total{\(sel), code=~\"5..\"}[5m]))").labels(labels)
            RecordingRule("service:http_error_ratio:rate5m", expr: "service:http_errors:rate5m{\(sel)} / service:http_requests:rate5m{\(sel)}").labels(labels)
            RecordingRule("service:http_request_duration_seconds:p99_5m",
                          expr: "histogram_quantile(0.99, sum by (service, env, le) (rate(http_request_duration_seconds_bucket{\(sel)}[5m])))").labels(labels)
            AlertRule("HighErrorRate", expr: "service:http_error_ratio:rate5m{\(sel)} > \(errorThreshold)")
                .for("5m").severity(.page).labels(labels)
                .summary("High 5xx ratio on \(svc) (\(env))")
                .description("{{ $value | humanizePercentage }} of requests to \(svc) fail.")
                .runbook(base: runbook)
            AlertRule("HighLatencyP99", expr: "service:http_request_duration_seconds:p99_5m{\(sel)} > \(latencyThreshold)")
                .for("10m").severity(.ticket).labels(labels)
                .summary("High p99 latency on \(svc) (\(env))")
                .description("p99 latency of \(svc) is {{ $value | humanizeDuration }}.")
                .runbook(base: runbook)
            AlertRule("TargetDown", expr: "100 * (count by (service, env) (up{\(sel)} == 0) / count by (service, env) (up{\(sel)})) > 10")
                .for("5m").severity(.page).labels(labels)
                .summary("Targets of \(svc) are down (\(env))")
                .description("{{ printf \"%.1f\" $value }}% of \(svc) targets are down.")
                .runbook(base: runbook)
            AlertRule("PodCrashLooping",
                      expr: "max_over_time(kube_pod_container_status_waiting_reason{namespace=\"\(svc)\", env=\"\(env)\", reason=\"CrashLoopBackOff\"}[5m]) >= 1")
                .for("15m").severity(.ticket).labels(labels)
                .summary("Pod {{ $labels.pod }} of \(svc) is crash looping (\(env))")
                .description("Container {{ $labels.container }} keeps restarting.")
                .runbook(base: runbook)
        }
        .interval("1m")
    }

    @Test(arguments: [("dev", "0.2", "2"), ("staging", "0.1", "1"), ("prod", "0.05", "0.5")])
    func w2RulesReadBackIntoEqualModels(env: String, errorThreshold: String, latencyThreshold: String) throws {
        let environment = Environment(
            name: EnvironmentName(env), prometheus: PrometheusSettings(target: .v2_42),
            alerting: AlertingSettings(severities: ["page": "critical", "ticket": "warning"]))
        let groups = (0..<500).map { Self.group($0, env: env, errorThreshold: errorThreshold, latencyThreshold: latencyThreshold) }
        let collector = DiagnosticCollector()
        let files = RuleCompiler(environment: environment, diagnostics: collector).lower(groups)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics.prefix(3).map(\.description))")
        let compiled = try #require(files.first)
        #expect(files.count == 1 && compiled.groups.count == 500 && compiled.groups.flatMap(\.rules).count == 4000)
        if case .source? = compiled.groups[0].rules[0].location {} else { Issue.record("compiled rules carry Swift source locations") }

        let bytes = RuleFileWriter.bytes(compiled)
        let read = RuleFileReader(path: "\(env).rules.yml").read(bytes)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.prefix(3).map(\.description))")
        #expect(withoutLocations(read.file) == withoutLocations(compiled))
        #expect(RuleFileWriter.bytes(read.file) == bytes)
        let rule = try #require(read.file.groups.last?.rules.last)
        #expect(rule.name.value == "PodCrashLooping")
        if case .file(let location)? = rule.location {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.lastIndex { $0.hasSuffix("- alert: PodCrashLooping") }) + 1
            #expect(location.path == "\(env).rules.yml" && location.line == line && location.column == 9)
        } else {
            Issue.record("read rules carry file locations")
        }
    }

    /// The compiler's PrometheusRule and Mimir outputs read back as their shapes, with the same groups.
    @Test func compiledResourceAndMimirFilesReadBack() throws {
        let environment = Environment(name: "prod", prometheus: PrometheusSettings(target: .v2_42),
                                      alerting: AlertingSettings(severities: ["page": "critical", "ticket": "warning"]))
        let collector = DiagnosticCollector()
        let catalog = Catalog {
            for index in 0..<3 { Self.group(index, env: "prod", errorThreshold: "0.05", latencyThreshold: "0.5") }
        }
        .ruleOutputs([.kubernetes, .mimir])
        let artifacts = RuleCompiler(environment: environment, diagnostics: collector).artifacts(for: catalog)
        #expect(collector.diagnostics.isEmpty)
        let compiled = RuleCompiler(environment: environment, diagnostics: DiagnosticCollector()).lower(catalog.ruleGroups)[0]
        for (path, shape) in [("prometheus/rules/w2.yaml", RuleDocument.Shape.ruleGroups), ("kubernetes/w2.yaml", .prometheusRule), ("mimir/rules/w2.yaml", .mimirNamespace)] {
            let artifact = try #require(artifacts.first { $0.path == path })
            let read = RuleFileReader(path: path).read(artifact.bytes)
            #expect(read.diagnostics.isEmpty, "\(path): \(read.diagnostics.map(\.description))")
            #expect(read.file.documents.map(\.shape) == [shape])
            #expect(withoutLocations(RuleFile(name: "", groups: read.file.groups)) == withoutLocations(compiled), "\(path)")
            #expect(RuleFileWriter.formatted(read) == artifact.bytes, "\(path) is the writer's fixpoint")
        }
        let resource = try #require(RuleFileReader(path: "k").read(artifacts.first { $0.path == "kubernetes/w2.yaml" }!.bytes).file.documents.first?.resource)
        #expect(resource.metadata.name?.value == "w2")
        #expect(resource.metadata.labels.map { "\($0.name)=\($0.value.value)" } == ["app.kubernetes.io/managed-by=periscope"])
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Every problem in environment files carries its stable id.
struct EnvironmentDiagnosticIDTests {
    @Test(arguments: [
        (["prod.yaml": "grafana:\n  foldr: x\n"], "prod", DiagnosticID.environmentKeyUnknown),
        (["prod.yaml": "prometheus:\n  scrapeInterval: 5 minutes\n"], "prod", .environmentValueInvalid),
        (["prod.yaml": "<<: {}\n"], "prod", .environmentMergeKeyUnsupported),
        (["prod.yaml": "grafana:\n  datasources:\n    metrics: { uid: x }\n"], "prod", .environmentDatasourceIncomplete),
        (["prod.yaml": "extends: nowhere\n"], "prod", .environmentUnknown),
        (["prod.yaml": "grafana: {}\n"], "staging", .environmentUnknown),
        (["a.yaml": "extends: b\n", "b.yaml": "extends: a\n"], "a", .environmentExtendsCycle),
        (["prod.yaml": "grafana: {}\n", "prod.yml": "grafana: {}\n"], "prod", .environmentDuplicate),
        (["prod.yaml": "grafana: [\n"], "prod", YAMLDiagnosticID.syntax),
    ])
    func problemCarriesItsID(files: [String: String], name: String, id: DiagnosticID) throws {
        let (_, diagnostics, _) = try EnvironmentFixture.load(name, from: files)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.id == id }, "expected [\(id)] in \(errors.map(\.description))")
        #expect(errors.allSatisfy { $0.id != nil }, "every error has an id: \(errors.map(\.description))")
    }
}

/// The typed environment settings the compiler looks up are exactly the schema's keys, and each
/// finds the line the setting was written on.
struct EnvironmentSettingTests {
    @Test func everyTypedSettingIsASchemaKeyAndEverySchemaKeyHasOne() {
        let schema = EnvironmentLoader.settingPaths
        #expect(Set(EnvironmentSetting.all.map(\.path)) == Set(schema))
    }

    @Test func eachSettingIsLocatedWhereItIsWritten() throws {
        let text = """
            grafana:
              folder: API
              uidPrefix: p-
              refresh: 30s
              datasources:
                metrics: { type: prometheus, uid: prom }
            prometheus:
              target: "2.42"
              scrapeInterval: 30s
              selectors: { env: prod }
              ruleLabels: { env: prod }
            alerting:
              severities: { page: critical }

            """
        let (environment, diagnostics, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": text])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let lines = try #require(environment).locationLines(fixture.path("prod.yaml"))
        #expect(lines == [2, 3, 4, 5, 8, 9, 10, 11, 13])
    }
}

extension Environment {
    /// The line of each typed setting, in `EnvironmentSetting.all` order.
    fileprivate func locationLines(_ path: String) -> [Int] {
        EnvironmentSetting.all.compactMap { setting in location(of: setting).flatMap { $0.path == path ? $0.line : nil } }
    }
}

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

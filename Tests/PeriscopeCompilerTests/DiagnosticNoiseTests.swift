import Foundation
import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// Issue 13, item 3: one mistake is one error. A problem with one cause is reported once with
/// its other places counted, the same problem in several environments once with the
/// environments named, a cascade is not reported as new errors, and related places print
/// their paths like the diagnostic's own.
@Suite struct DiagnosticNoiseTests {
    static func environment(_ name: EnvironmentName) -> Environment {
        Environment(
            name: name,
            grafana: GrafanaSettings(folder: "Team", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "p-\(name)")]),
            files: ["environments/\(name).yaml"])
    }

    private func diagnostics(_ environments: [Environment], _ catalog: @escaping CatalogFunction) -> [Diagnostic] {
        let collector = DiagnosticCollector()
        _ = Compiler(catalog: catalog).compile(environments, diagnostics: collector)
        return collector.diagnostics
    }

    @Test func aMissingDatasourceIsOneErrorPerEnvironmentWithItsPlacesCounted() {
        let first = #line + 4
        let found = diagnostics([Self.environment(.dev), Self.environment(.prod)]) { _ in
            Catalog {
                Dashboard("Logs", uid: "logs") {
                    Panel(type: "logs", title: "A") { LokiQuery("{app=\"a\"}") }
                    Panel(type: "logs", title: "B") { LokiQuery("{app=\"b\"}"); LokiQuery("{app=\"c\"}") }
                    Panel(type: "logs", title: "C") { LokiQuery("{app=\"d\"}") }
                }
            }
        }
        let errors = found.filter { $0.severity == .error }
        #expect(errors.count == 2, "one per environment: \(errors.map(\.description))")
        #expect(errors.map(\.environments) == [["dev"], ["prod"]])
        for error in errors {
            #expect(error.location?.line == first)
            #expect(error.related.count == 2, "the other two panels; their queries use the panel's datasource: \(error.formatted())")
            #expect(error.notes.contains("3 places in all"))
        }
    }

    @Test func theSameProblemInEveryEnvironmentIsReportedOnce() {
        let line = #line + 3
        let found = diagnostics([Self.environment(.dev), Self.environment(.staging), Self.environment(.prod)]) { _ in
            Catalog {
                RuleGroup("g") { AlertRule("A", expr: "rate(x[5m]") }
            }
        }
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.environments == ["dev", "staging", "prod"])
        #expect(found.first?.location?.line == line)
        #expect(found.first?.formatted().hasSuffix("in environments dev, staging, prod") == true)
    }

    @Test func aMissingValueReadInManyPlacesIsOneError() {
        let found = diagnostics([Self.environment(.prod)]) { env in
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("B", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("C", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("D", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("E", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("F", expr: "x > \(env.values.promQLNumber("threshold"))")
                    AlertRule("G", expr: "x > \(env.values.promQLNumber("threshold"))")
                    // Read again on a line already counted: the same place.
                    for name in ["H", "I"] { AlertRule(name, expr: "x > \(env.values.promQLNumber("threshold"))") }
                }
            }
        }
        let missing = found.filter { $0.message.contains("has no value 'threshold'") }
        #expect(missing.count == 1, "\(found.map(\.description))")
        #expect(missing.first?.related.count == Diagnostic.relatedPlacesShown)
        #expect(missing.first?.notes.contains("8 places in all; 2 more not listed") == true, "\(missing.map { $0.formatted() })")
    }

    @Test func aRuleWithAnErrorIsNotAlsoReportedAsADuplicate() {
        let found = diagnostics([Self.environment(.prod)]) { _ in
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "up == 0").label("bad-name", "x")
                    AlertRule("A", expr: "up == 0").label("bad-name", "x")
                }
            }
        }
        #expect(!found.contains { $0.message.contains("duplicate") }, "\(found.map(\.description))")
        #expect(found.count == 2)
    }

    @Test func relatedPlacesPrintTheirPathsLikeTheDiagnostic() throws {
        let found = diagnostics([Self.environment(.prod)]) { _ in
            Catalog {
                RuleGroup("g") {
                    AlertRule("A", expr: "up == 0")
                    AlertRule("A", expr: "up == 0")
                }
            }
        }
        let duplicate = try #require(found.first { $0.message.contains("duplicate alert 'A'") })
        let root = FileManager.default.currentDirectoryPath
        let text = duplicate.formatted(relativeTo: root)
        #expect(text.hasPrefix("Tests/PeriscopeCompilerTests/DiagnosticNoiseTests.swift:"), "\(text)")
        #expect(text.contains("first declared at Tests/PeriscopeCompilerTests/DiagnosticNoiseTests.swift:"), "\(text)")
        #expect(!text.contains(root + "/"), "no absolute path: \(text)")
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// Every user mistake in a definition is reported with the Swift line that made it, and nothing is rendered.
@Suite struct CompilerBadInputTests {
    static let prod = Environment(
        name: "prod",
        grafana: GrafanaSettings(folder: "Team", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod")]),
        files: ["environments/prod.yaml"])

    private func compile(_ catalog: @escaping CatalogFunction, in environment: Environment = prod) -> (EnvironmentOutput?, [Diagnostic]) {
        let collector = DiagnosticCollector()
        let output = Compiler(catalog: catalog).compile(environment, diagnostics: collector)
        return (output, collector.diagnostics)
    }

    private func expectError(_ diagnostics: [Diagnostic], _ fragment: String, line: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = DiagnosticMatching.error(containing: fragment, in: diagnostics)
        #expect(found != nil, "no error containing \"\(fragment)\" in:\n\(diagnostics.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        if let found {
            #expect(DiagnosticMatching.swiftLine(of: found) == line, "\(found) should point at line \(line)", sourceLocation: sourceLocation)
            if case .source(let location)? = found.location {
                #expect(location.fileID.hasSuffix("CompilerBadInputTests.swift"), sourceLocation: sourceLocation)
            }
        }
    }

    @Test func missingDatasourceNamesTheQueryLineAndTheEnvironmentFile() {
        let line = #line + 3
        let (output, diagnostics) = compile { _ in
            Catalog {
                Dashboard("Logs", uid: "logs") { Panel(type: "logs", title: "Errors") { LokiQuery("{app=\"x\"}") } }
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "datasource 'logs' is not defined in environment 'prod'", line: line)
        #expect(DiagnosticMatching.error(containing: "environments/prod.yaml", in: diagnostics) != nil)
    }

    @Test func duplicateUidIsAnErrorAtTheSecondDefinition() {
        let line = #line + 4
        let (output, diagnostics) = compile { _ in
            Catalog {
                Dashboard("One", uid: "same") {}
                Dashboard("Two", uid: "same") {}
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "duplicate dashboard uid 'same'", line: line)
    }

    @Test(arguments: ["../etc/passwd", "a/b", "x..y", "", "has space", String(repeating: "u", count: 41)])
    func unsafeUidsAreRejectedNeverSanitized(uid: String) {
        let line = #line + 1
        let (output, diagnostics) = compile { _ in Catalog { Dashboard("Title", uid: uid) {} } }
        #expect(output == nil)
        expectError(diagnostics, "dashboard uid '\(uid)'", line: line)
    }

    @Test func invalidDurationsAreReportedAtTheModifier() {
        let line = #line
        let (output, diagnostics) = compile { _ in
            Catalog {
                Dashboard("Title", uid: "d") {
                    Panel(type: "timeseries", title: "p").interval("5 minutes")
                }.refresh("30 seconds")
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "invalid interval '5 minutes'", line: line + 4)
        expectError(diagnostics, "invalid refresh interval '30 seconds'", line: line + 5)
    }

    @Test func emptyTitlesAreErrors() {
        let dashboardLine = #line + 3
        let (output, diagnostics) = compile { _ in
            Catalog {
                Dashboard("  ", uid: "d") {
                    Panel(type: "stat", title: "")
                }
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "dashboard 'd' has an empty title", line: dashboardLine)
        expectError(diagnostics, "stat panel has an empty title", line: dashboardLine + 1)
    }

    @Test func missingValueIsReportedAtTheReadingLine() {
        let line = #line + 2
        let (output, diagnostics) = compile { env in
            let threshold = env.values.double("p99LatencySeconds")
            return Catalog { Dashboard("T", uid: "t") { Panel(type: "stat", title: "p").thresholds([.base(.green), .step(threshold, .red)]) } }
        }
        #expect(output == nil)
        expectError(diagnostics, "environment 'prod' has no value 'p99LatencySeconds'", line: line)
    }

    @Test func badThresholdsAndGridPositionsAreReported() {
        let thresholdLine = #line + 4
        let (output, diagnostics) = compile { _ in
            Catalog {
                Dashboard("T", uid: "t") {
                    Panel(type: "stat", title: "p").thresholds([.base(.green), .step(10, .red), .step(5, .orange)])
                    Panel(type: "stat", title: "q").gridPos(x: 20, y: 0, w: 8, h: 4)
                    Panel(type: "stat", title: "r").width(30)
                }
            }
        }
        #expect(output == nil)
        expectError(diagnostics, "threshold steps must be in increasing order", line: thresholdLine)
        expectError(diagnostics, "outside the 24-column grid", line: thresholdLine + 1)
        expectError(diagnostics, "has width 30", line: thresholdLine + 2)
    }

    @Test func invalidPromQLIsReportedWhenSelectorsAreInjected() {
        var environment = Self.prod
        environment.prometheus.selectors = [LabelPair("env", "prod")]
        let line = #line + 2
        let (output, diagnostics) = compile({ _ in
            Catalog { Dashboard("T", uid: "t") { Panel(type: "stat", title: "p") { PrometheusQuery("sum(rate(x[5m])") } } }
        }, in: environment)
        #expect(output == nil)
        expectError(diagnostics, "invalid PromQL in query", line: line)
    }

    @Test func allProblemsOfARunAreReportedTogether() {
        let (_, diagnostics) = compile { _ in
            Catalog {
                Dashboard("", uid: "a/b") { LokiPanel.panel }
                Dashboard("ok", uid: "ok").refresh("soon")
            }
        }
        #expect(diagnostics.count { $0.severity == .error } >= 4)
    }
}

private enum LokiPanel {
    static var panel: Panel { Panel(type: "logs", title: "l") { LokiQuery("{a=\"b\"}") } }
}

extension Dashboard {
    init(_ title: String, uid: String) { self.init(title, uid: uid) {} }
}

/// Every dashboard problem the compiler reports carries its stable id (the future lint rule id).
@Suite struct DashboardDiagnosticIDTests {
    // Selectors make the compiler parse every Prometheus query to inject them.
    static let prod = Environment(
        name: "prod",
        grafana: GrafanaSettings(folder: "Team", datasources: ["metrics": GrafanaDatasource(type: "prometheus", uid: "prom-prod")]),
        prometheus: PrometheusSettings(selectors: [LabelPair("env", "prod")]),
        files: ["environments/prod.yaml"])

    static let cases: [(String, DiagnosticID, CatalogFunction)] = [
        ("duplicate uid", .dashboardUIDDuplicate, { _ in
            Catalog {
                Dashboard("A", uid: "same") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }
                Dashboard("B", uid: "same") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }
            }
        }),
        ("uid with a path", .dashboardUIDInvalid, { _ in
            Catalog { Dashboard("A", uid: "../x") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } } }
        }),
        ("empty title", .titleEmpty, { _ in
            Catalog { Dashboard("A", uid: "a") { Panel(type: "stat", title: " ") { PrometheusQuery("up") } } }
        }),
        ("panel width", .panelGridPosInvalid, { _ in
            Catalog { Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery("up") }.width(30) } }
        }),
        ("negative row y", .panelGridPosInvalid, { _ in
            Catalog { Dashboard("A", uid: "a") { Row("r") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }.gridPos(y: -1) } }
        }),
        ("empty expression", .queryExprEmpty, { _ in
            Catalog { Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery(" ") } } }
        }),
        ("undefined datasource", .datasourceUndefined, { _ in
            Catalog { Dashboard("A", uid: "a") { Panel(type: "logs", title: "x") { LokiQuery("{app=\"x\"}") } } }
        }),
        ("invalid PromQL", .queryExprInvalid, { _ in
            Catalog { Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery("sum(") } } }
        }),
        ("invalid variable PromQL", .variableQueryInvalid, { _ in
            Catalog {
                Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }
                    .variables { QueryVariable("v", query: "label_values(sum(, job)") }
            }
        }),
        ("invalid annotation PromQL", .annotationExprInvalid, { _ in
            Catalog {
                Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }
                    .annotations(.prometheus("Deploys", expr: "rate(x[5m]"))
            }
        }),
        ("duplicate variable", .variableDuplicate, { _ in
            Catalog {
                Dashboard("A", uid: "a") { Panel(type: "stat", title: "x") { PrometheusQuery("up") } }
                    .variables {
                        CustomVariable("v", values: ["1"])
                        CustomVariable("v", values: ["2"])
                    }
            }
        }),
    ]

    @Test(arguments: cases.indices)
    func problemCarriesItsID(index: Int) {
        let (name, id, catalog) = Self.cases[index]
        let collector = DiagnosticCollector()
        _ = Compiler(catalog: catalog).compile(Self.prod, diagnostics: collector)
        let errors = collector.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.id == id }, "\(name): expected [\(id)] in \(errors.map(\.description))")
        #expect(errors.allSatisfy { $0.id != nil }, "\(name): every error has an id: \(errors.map(\.description))")
        #expect(errors.first.map { $0.formatted().contains("error: [\($0.id!)] ") } == true)
    }
}

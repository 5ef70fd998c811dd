import Foundation
import PeriscopeDSL
import PeriscopeTestSupport
import Testing

/// Every typed `Unit` constant is an id of Grafana's unit registry (``GrafanaUnitRegistry``).
@Suite struct UnitRegistryTests {
    static let source = Repository.root().appendingPathComponent("Sources/PeriscopeDSL/FieldConfig/Unit.swift")

    /// The `static let name: Unit = "id"` declarations of Unit.swift, read from the source so that a
    /// constant added later is covered without being listed here.
    static func constants() throws -> [(name: String, id: String, line: Int)] {
        let text = try String(contentsOf: source, encoding: .utf8)
        var result: [(String, String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("static let ") {
            let match = try #require(line.wholeMatch(of: /\s*public static let (\w+): Unit = "([^"]+)"/),
                                     "Unit.swift:\(index + 1): a constant not written as `public static let name: Unit = \"id\"`: \(line)")
            result.append((String(match.1), String(match.2), index + 1))
        }
        return result
    }

    @Test func everyTypedConstantIsAGrafanaUnitID() throws {
        let constants = try Self.constants()
        #expect(constants.count >= 88, "read only \(constants.count) constants from Unit.swift")
        let registry = Set(GrafanaUnitRegistry.ids)
        for constant in constants {
            #expect(registry.contains(constant.id),
                    "Unit.\(constant.name) (Unit.swift:\(constant.line)) is '\(constant.id)', which is not a Grafana unit id")
        }
    }

    /// The constants the issue names, read through the API rather than the source.
    @Test func rateAndDurationConstantsHaveGrafanasIDs() {
        #expect(Unit.bitsPerSecondSI.id == "bps" && Unit.bytesPerSecondSI.id == "Bps")
        #expect(Unit.bitsPerSecondIEC.id == "binbps" && Unit.bytesPerSecondIEC.id == "binBps")
        #expect(Unit.countsPerSecond.id == "cps" && Unit.countsPerMinute.id == "cpm")
        #expect(Unit.kilobitsPerSecond.id == "Kbits" && Unit.megabitsPerSecond.id == "Mbits" && Unit.megabytesPerSecond.id == "MBs")
        #expect(Unit.durationDaysHHMMSS.id == "dtdhms")
        for id in ["cps", "cpm", "binBps", "binbps", "Kbits", "Mbits", "MBs", "dtdhms"] {
            #expect(GrafanaUnitRegistry.ids.contains(id))
        }
        #expect(!GrafanaUnitRegistry.ids.contains("decbps") && !GrafanaUnitRegistry.ids.contains("decBps"))
    }

    /// The test data agrees with the Grafana Foundation SDK's `units.jsonschema.json`, a second,
    /// independent transcription of the same registry.
    @Test(.enabled(if: Repository.shared() != nil, "../shared/grafana-schema not found; skipping the SDK unit list check"))
    func registryEqualsTheSDKsUnitSchema() throws {
        let url = try #require(Repository.shared()).appendingPathComponent("grafana-schema/jsonschema/units.jsonschema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
        let sdk = Set(definitions.values.compactMap { $0["const"] as? String })
        let ours = Set(GrafanaUnitRegistry.ids)
        #expect(GrafanaUnitRegistry.ids.count == ours.count, "duplicate ids in the test data")
        #expect(sdk.subtracting(ours).isEmpty, "in the SDK only: \(sdk.subtracting(ours).sorted())")
        #expect(ours.subtracting(sdk).isEmpty, "in the test data only: \(ours.subtracting(sdk).sorted())")
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import Testing

/// How `values:` scalars are typed and how reads of them report problems.
@Suite struct EnvironmentValuesTests {
    static let yaml = """
        values:
          int: 42
          negative: -7
          octal: 0o17
          hex: 0xFF
          float: 0.8
          exponent: 1e3
          leadingDot: .5
          infinity: .inf
          yes: true
          no: False
          quotedNumber: "3"
          singleQuoted: 'true'
          norway: NO
          onOff: on
          sexagesimal: 1:30
          version: 1.2.3
          explicitString: !!str 12
          explicitFloat: !!float 3
          block: |
            line one
            line two
          list: [1, two, 3.5, false]
          map: { a: 1, b: [x] }
          emptyString: ""
          nothing: ~
          empty:
        """

    @Test func scalarsAreTypedWithTheYAMLCoreSchema() throws {
        let (environment, diagnostics, _) = try EnvironmentFixture.load("prod", from: ["prod.yaml": Self.yaml])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let values = try #require(environment).values
        #expect(values["int"] == .int(42))
        #expect(values["negative"] == .int(-7))
        #expect(values["octal"] == .int(15))
        #expect(values["hex"] == .int(255))
        #expect(values["float"] == .double(0.8))
        #expect(values["exponent"] == .double(1000))
        #expect(values["leadingDot"] == .double(0.5))
        #expect(values["infinity"] == .double(.infinity))
        #expect(values["yes"] == .bool(true))
        #expect(values["no"] == .bool(false))
        // Quoted scalars are always strings.
        #expect(values["quotedNumber"] == .string("3"))
        #expect(values["singleQuoted"] == .string("true"))
        // YAML 1.1's surprises are plain strings under the 1.2 core schema.
        #expect(values["norway"] == .string("NO"))
        #expect(values["onOff"] == .string("on"))
        #expect(values["sexagesimal"] == .string("1:30"))
        #expect(values["version"] == .string("1.2.3"))
        #expect(values["explicitString"] == .string("12"))
        #expect(values["explicitFloat"] == .double(3))
        #expect(values["block"] == .string("line one\nline two\n"))
        #expect(values["list"] == .list([.int(1), .string("two"), .double(3.5), .bool(false)]))
        #expect(values["emptyString"] == .string(""))
        // null in a map means "not set".
        #expect(!values.contains("nothing"))
        #expect(!values.contains("empty"))
        guard case .map(let map)? = values["map"] else {
            Issue.record("map should be a map")
            return
        }
        #expect(map.map(\.key) == ["a", "b"])
        #expect(map.map(\.value) == [.int(1), .list([.string("x")])])
        #expect(values.keys.count == 22)
    }

    @Test func typedReadsConvertWherePossible() throws {
        let (environment, _, _) = try EnvironmentFixture.load("prod", from: ["prod.yaml": Self.yaml])
        let env = try #require(environment)
        #expect(env.values.double("int") == 42)
        #expect(env.values.int("hex") == 255)
        #expect(env.values.bool("yes"))
        #expect(env.values.string("norway") == "NO")
        #expect(env.values.value("list", default: [Int]()) == [])
        #expect(env.diagnostics.errorCount == 1)
    }

    @Test func readingAMissingValueIsAnErrorAtTheSwiftLine() throws {
        let (environment, _, fixture) = try EnvironmentFixture.load("prod", from: ["prod.yaml": "values:\n  p99LatencySeconds: 0.8\n"])
        let env = try #require(environment)
        let collector = DiagnosticCollector()
        let scoped = env.reporting(to: collector)
        let line = #line + 1
        let threshold = scoped.values.double("missing")
        #expect(threshold == 0)
        #expect(collector.diagnostics.count == 1)
        let diagnostic = try #require(collector.diagnostics.first)
        #expect(diagnostic.message.contains("environment 'prod' has no value 'missing'"))
        #expect(diagnostic.message.contains("in \(fixture.path("prod.yaml"))"))
        #expect(diagnostic.message.contains("defined: p99LatencySeconds"))
        guard case .source(let source)? = diagnostic.location else {
            Issue.record("expected a Swift source location, got \(String(describing: diagnostic.location))")
            return
        }
        #expect(source.line == line)
        #expect(source.fileID.hasSuffix("EnvironmentValuesTests.swift"))
    }

    @Test func theLoadersCollectorReceivesValueReadErrors() throws {
        try EnvironmentFixture.with(["prod.yaml": "values:\n  name: checkout\n"]) { fixture in
            let collector = DiagnosticCollector()
            let env = try #require(fixture.loader.load("prod", diagnostics: collector))
            #expect(collector.diagnostics.isEmpty)
            _ = env.values.double("name")
            #expect(collector.errorCount == 1)
            #expect(collector.diagnostics.first?.message.contains("value 'name' is a string at \(fixture.path("prod.yaml")):2:3, expected a number") == true)
        }
    }
}

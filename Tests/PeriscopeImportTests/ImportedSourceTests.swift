import PeriscopeImport
import Testing

@Suite("Imported sources")
struct ImportedSourceTests {
    @Test("Definitions keep the order the catalog lists them in")
    func definitionsKeepOrder() {
        let source = ImportedSource(
            fileName: "Node.swift", text: "enum Node {}\n",
            definitions: [ImportedDefinition(kind: .dashboard, expression: "Node.dashboard(env)"), ImportedDefinition(kind: .ruleGroups, expression: "Node.rules(env)")],
            inputPath: "node.json")
        #expect(source.definitions.map(\.kind) == [.dashboard, .ruleGroups])
        #expect(source.definitions.first?.expression == "Node.dashboard(env)")
    }
}

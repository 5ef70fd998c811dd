import PeriscopeDSL
import PeriscopeModel
import Testing

/// Where the reader says values are: lines and columns (Unicode scalars) through multi-byte
/// characters and every kind of line end, and agreement with `JSONDocument` and `JSONNode`.
struct JSONReaderPositionTests {
    /// CRLF, LF and a lone CR line ends; two- to four-byte UTF-8 characters before values.
    static let text = "{\r\n"
        + "  \"name\": \"Grüße ✓\", \"n\": 1,\r\n"
        + "  \"values\": [1, -2.5, {\"deep\": [true, null]}],\r\n"
        + "  \"emoji\": \"😀\", \"after\": 7,\n"
        + "  \"nested\": {\r"
        + "    \"x\": \"y\"\n"
        + "  }\n"
        + "}\n"

    static func document() throws -> JSONDocument {
        let result = JSONReader().read(text, path: "sample.json")
        #expect(result.diagnostics.isEmpty)
        return try #require(result.document)
    }

    @Test(arguments: [
        ("", "1:1"),
        ("/name", "2:11"),
        ("/n", "2:27"),
        ("/values", "3:13"),
        ("/values/0", "3:14"),
        ("/values/1", "3:17"),
        ("/values/2", "3:23"),
        ("/values/2/deep", "3:32"),
        ("/values/2/deep/0", "3:33"),
        ("/values/2/deep/1", "3:39"),
        ("/emoji", "4:12"),
        ("/after", "4:26"),
        ("/nested", "5:13"),
        ("/nested/x", "6:10"),
    ])
    func locatesValues(pointer: String, lineAndColumn: String) throws {
        let document = try Self.document()
        let parsed = try #require(JSONPointer(parsing: pointer))
        let location = document.location(at: parsed)
        #expect("\(location.line):\(location.column)" == lineAndColumn)
        #expect(location.pointer == parsed)
        #expect(location.path == "sample.json")
        // Walking node by node gives the same location.
        let node = try #require(document.node(at: parsed))
        #expect(node.location == location)
    }

    @Test func walkingAndPointerLookupsAgreeForEveryValue() throws {
        let document = try Self.document()
        let nodes = JSONTesting.allNodes(document)
        #expect(nodes.count == document.root.preorderCount)
        #expect(nodes.count == 14)
        for node in nodes {
            #expect(document.location(at: node.pointer) == node.location, "\(node.pointer)")
            #expect(document.node(at: node.pointer)?.value == node.value, "\(node.pointer)")
        }
        #expect(JSONTesting.locationProblems(document, text: Self.text) == [])
    }

    @Test func missingPointersLocateTheNearestExistingAncestor() throws {
        let document = try Self.document()
        let location = document.location(at: "/values/2/missing/0")
        #expect(location.description == "sample.json:3:23 (#/values/2/missing/0)")
        #expect(document.node(at: "/values/9") == nil)
    }

    @Test func byteOffsetsMapToScalarColumns() throws {
        let document = try Self.document()
        let bytes = Array(Self.text.utf8)
        // The "after" key's value: 4-byte emoji earlier on the line counts as one column.
        let offset = try #require(bytes.indices.first { bytes[$0] == UInt8(ascii: "7") })
        #expect(document.lineAndColumn(ofByteOffset: offset) == (4, 26))
        #expect(document.lineAndColumn(ofByteOffset: 0) == (1, 1))
        #expect(document.lineAndColumn(ofByteOffset: 3) == (2, 1))
    }

    @Test func compactDocumentsOnOneLine() throws {
        let text = #"[{"a":[[],{}],"b":"x"},3,"é",{"c":{"d":null}}]"#
        let document = try #require(JSONReader().read(text, path: "c.json").document)
        #expect(document.location(at: "/0/a/1").description == "c.json:1:11 (#/0/a/1)")
        #expect(document.location(at: "/0/b").description == "c.json:1:19 (#/0/b)")
        #expect(document.location(at: "/1").description == "c.json:1:24 (#/1)")
        #expect(document.location(at: "/3/c/d").description == "c.json:1:40 (#/3/c/d)")
        #expect(JSONTesting.locationProblems(document, text: text) == [])
    }
}

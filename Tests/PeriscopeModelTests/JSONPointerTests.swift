import PeriscopeDSL
import PeriscopeModel
import Testing

/// RFC 6901 pointers: the examples of section 5 and the escaping rules.
struct JSONPointerTests {
    @Test(arguments: [
        ("", [String]()),
        ("/foo", ["foo"]),
        ("/foo/0", ["foo", "0"]),
        ("/", [""]),
        ("/a~1b", ["a/b"]),
        ("/c%d", ["c%d"]),
        ("/m~0n", ["m~n"]),
        ("/~01", ["~1"]),
        ("/ ", [" "]),
    ])
    func parsesAndPrintsRFC6901Examples(text: String, tokens: [String]) {
        let pointer = JSONPointer(parsing: text)
        #expect(pointer?.tokens == tokens)
        #expect(pointer?.description == text)
    }

    @Test(arguments: ["foo", "/~2", "/a~", "~1"])
    func rejectsInvalidPointers(text: String) {
        #expect(JSONPointer(parsing: text) == nil)
    }

    @Test func documentWalksPointersOfValuesBuiltInMemory() {
        let document = JSONDocument(path: "d.json", root: ["panels": [["title": "A"], ["title": "B"]]])
        let node = document.node(at: "/panels/1/title")
        #expect(node?.value == "B")
        #expect(node?.location == JSONLocation(path: "d.json", pointer: "/panels/1/title"))
        #expect(document.node(at: "/panels/2") == nil)
        #expect(document.rootNode["panels"]?.elements.map(\.pointer.description) == ["/panels/0", "/panels/1"])
    }
}

/// Object keys match by their UTF-8 bytes: "é" precomposed and decomposed are two keys, as for the
/// reader's duplicate check and Grafana's parsers.
struct JSONKeyMatchingTests {
    @Test func keysMatchByBytesNotCanonicalEquivalence() throws {
        let text = "{\"\u{E9}\": 1, \"e\u{301}\": 2}"
        let read = JSONReader().read(text, path: "k.json")
        let document = try #require(read.document)
        #expect(read.warnings.isEmpty, "two different keys, no duplicate: \(read.diagnostics)")
        #expect(document.rootNode["\u{E9}"]?.value == 1)
        #expect(document.rootNode["e\u{301}"]?.value == 2)
        #expect(document.root["\u{E9}"] == 1)
        #expect(document.root["e\u{301}"] == 2)
    }
}

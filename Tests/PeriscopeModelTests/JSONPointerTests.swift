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

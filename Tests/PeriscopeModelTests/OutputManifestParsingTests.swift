import PeriscopeDSL
@testable import PeriscopeModel
import Testing

/// The manifest's byte-level pointer and location parsers give what `JSONPointer(parsing:)` and
/// `OutputManifest.sourceLocation(_:)` give, on the usual texts and on the ones they hand over.
@Suite struct OutputManifestParsingTests {
    @Test(arguments: ["", "/", "//", "/panels/0/targets/1", "/a~0b/c~1d", "/a~2", "/a~", "panels/0", "/é/ü", "/x/",
                      "/groups/0/rules/12", "~0", "/a\u{301}/b"])
    func pointerMatchesJSONPointerParsing(_ text: String) {
        #expect(OutputManifest.pointer(parsing: text) == JSONPointer(parsing: text))
    }

    @Test(arguments: ["Monitoring/Checkout.swift:12:5", "A.swift:1:1", "a:b.swift:3:4", ":1:2", "x:1:", "x::2", "x:+1:2",
                      "x:1:2:", "A.swift:0012:0", "A.swift:99999999999999999999:1", "Mön/Füße.swift:7:8", "Mo\u{600}:1:2",
                      "no-colons", "x:1", "x:a:2", "x: 1:2"])
    func sourceLocationMatchesTheReferenceParser(_ text: String) {
        var reuse = OutputManifest.FileIDReuse()
        #expect(OutputManifest.sourceLocation(text, reusing: &reuse) == OutputManifest.sourceLocation(text))
        // A second read reuses the file name and still gives the same location.
        #expect(OutputManifest.sourceLocation(text, reusing: &reuse) == OutputManifest.sourceLocation(text))
    }
}

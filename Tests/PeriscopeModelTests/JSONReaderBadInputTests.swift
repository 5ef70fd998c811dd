import Foundation
import PeriscopeDSL
import PeriscopeModel
import Testing

/// Bad input: every error names its exact `path:line:col` and what was expected; nothing traps,
/// overflows the stack or hangs.
struct JSONReaderBadInputTests {
    @Test(arguments: [
        ("", "test.json:1:1: empty file: expected a JSON value"),
        ("  \n ", "test.json:2:2: expected a JSON value, found the end of the file"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "test.json:3:3: expected ',' or '}' after an object member, found '\"'"),
        ("[1, 2\n", "test.json:2:1: expected ',' or ']' after an array element, found the end of the file"),
        ("[1, 2,]", "test.json:1:7: expected a value after ',', found ']' (trailing commas are not allowed)"),
        ("{\"a\": 1,}", "test.json:1:9: expected a key after ',', found '}' (trailing commas are not allowed)"),
        ("{\"a\" 1}", "test.json:1:6: expected ':' after an object key, found '1'"),
        ("{a: 1}", "test.json:1:2: expected a key in double quotes or '}', found 'a' (keys need double quotes)"),
        ("{'a': 1}", "test.json:1:2: expected a key in double quotes or '}', found a single quote (keys need double quotes, not single)"),
        ("['a']", "test.json:1:2: expected a value or ']', found a single quote (strings need double quotes)"),
        ("{\"a\": 1, // note\n}", "test.json:1:10: expected a key in double quotes after ',', found '/' (comments are not allowed in JSON)"),
        ("[1] // note", "test.json:1:5: trailing characters after the top-level value"),
        ("[NaN]", "test.json:1:2: expected a value or ']', found 'NaN' (JSON has no NaN or infinity)"),
        ("[1, Infinity]", "test.json:1:5: expected a value after ',', found 'Infinity' (JSON has no NaN or infinity)"),
        ("[-Infinity]", "test.json:1:3: expected a digit after '-', found 'Infinity'"),
        ("{\"a\": True}", "test.json:1:7: expected a value after ':', found 'True' (JSON literals are lowercase)"),
        ("[tru]", "test.json:1:2: expected a value or ']', found 'tru'"),
        ("[+1]", "test.json:1:2: expected a value or ']', found '+' (numbers cannot start with '+')"),
        ("[.5]", "test.json:1:2: expected a value or ']', found '.' (numbers need a digit before '.')"),
        ("[007]", "test.json:1:2: leading zeros are not allowed in numbers"),
        ("[1.]", "test.json:1:4: expected a digit after the decimal point, found ']'"),
        ("[1e+]", "test.json:1:5: expected a digit in the exponent, found ']'"),
        ("\"abc", "test.json:1:1: unterminated string: no closing '\"' before the end of the file"),
        ("[\"ab\\", "test.json:1:2: unterminated string: no closing '\"' before the end of the file"),
        ("[\"a\\x\"]", "test.json:1:4: invalid escape '\\x' (JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"),
        ("[\"a\\u12G4\"]", "test.json:1:4: invalid escape '\\u': expected four hexadecimal digits after it"),
        ("[\"line\nbreak\"]", "test.json:1:7: unescaped line break U+000A in a string (write it as \\n)"),
        ("[\"tab\there\"]", "test.json:1:6: unescaped control character U+0009 in a string (write it as \\t)"),
        ("[\"bell\u{07}\"]", "test.json:1:7: unescaped control character U+0007 in a string (write it as \\u0007)"),
        ("[1]]", "test.json:1:4: trailing characters after the top-level value"),
        ("{} {}", "test.json:1:4: trailing characters after the top-level value"),
        ("[\u{0C}]", "test.json:1:2: expected a value or ']', found control character U+000C"),
        ("[\u{2060}1]", "test.json:1:2: expected a value or ']', found '\u{2060}' (U+2060)"),
        ("{\n  \"panels\": [\n    {\"title\": \"A\"},\n    {\"title\": \"B\" \"x\"}\n  ]\n}",
            "test.json:4:19: expected ',' or '}' after an object member, found '\"'"),
        ("{\"é\": \"😀\", \"b\": x}", "test.json:1:17: expected a value after ':', found 'x'"),
        ("{\"a\":\r\n  [1,\r\n   ?]}", "test.json:3:4: expected a value after ',', found '?'"),
    ])
    func reportsExactLocationAndMessage(text: String, expected: String) {
        let result = JSONTesting.read(text)
        #expect(result.document == nil)
        #expect(JSONTesting.errorLine(result) == expected)
        #expect(result.error?.id == .jsonSyntax)
    }

    @Test func errorsCarryThePointerOfTheValueBeingRead() throws {
        let text = "{\"panels\": [{\"title\": \"A\"}, {\"targets\": [{\"expr\": \"up\\q\"}]}]}"
        let error = try #require(JSONTesting.read(text).error)
        #expect(JSONTesting.pointer(of: error) == "/panels/1/targets/0/expr")
        #expect(error.formatted() == """
            test.json:1:54: error: [json-syntax] invalid escape '\\q' (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)
                at #/panels/1/targets/0/expr
            """)
    }

    @Test(arguments: [
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x20, 0x22, 0xFF, 0x22, 0x7D] as [UInt8], "test.json:1:8: invalid UTF-8 byte 0xFF"),
        ([0x5B, 0x22, 0xC3, 0xA9, 0xE9, 0x22, 0x5D], "test.json:1:4: invalid UTF-8 byte 0xE9"),
        ([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "test.json:1:3: invalid UTF-8 byte 0xC0"),
        ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "test.json:1:3: invalid UTF-8 byte 0xED"),
        ([0x5B, 0x0A, 0x20, 0xFE, 0x5D], "test.json:2:2: invalid UTF-8 byte 0xFE"),
        ([0x22, 0xF0, 0x9F, 0x98], "test.json:1:2: invalid UTF-8 byte 0xF0"),
        ([0x5B, 0x31, 0x00, 0x5D], "test.json:1:3: NUL byte (JSON text cannot contain one; is this a UTF-16 or binary file?)"),
        ([0x5B, 0x00, 0x5D], "test.json:1:2: NUL byte (JSON text cannot contain one; is this a UTF-16 or binary file?)"),
        ([0x5B, 0x31, 0x5D, 0x00], "test.json:1:4: NUL byte (JSON text cannot contain one; is this a UTF-16 or binary file?)"),
        ([0x22, 0x61, 0x00, 0x22], "test.json:1:3: NUL byte in a string (write it as \\u0000)"),
        ([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], "test.json:1:1: UTF-16 byte-order mark: JSON files must be UTF-8 (RFC 8259 section 8.1)"),
        ([0xEF, 0xBB, 0xBF], "test.json:1:1: expected a JSON value after the byte-order mark, found the end of the file"),
        ([0xEF, 0xBB, 0xBF, 0x5B, 0x78], "test.json:1:2: expected a value or ']', found 'x'"),
    ])
    func locatesNulBytesAndInvalidUTF8(bytes: [UInt8], expected: String) {
        let result = JSONReader().read(bytes, path: "test.json")
        #expect(result.document == nil)
        #expect(JSONTesting.errorLine(result) == expected)
    }

    @Test func deepNestingIsALocatedErrorNotAStackOverflow() {
        let arrays = JSONTesting.read(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect(JSONTesting.errorLine(arrays) == "test.json:1:513: nesting deeper than 512 levels")
        let objects = JSONTesting.read(String(repeating: "{\"a\":\n", count: 10_000))
        #expect(JSONTesting.errorLine(objects) == "test.json:513:1: nesting deeper than 512 levels")
        let pointer = objects.error.flatMap(JSONTesting.pointer(of:)) ?? ""
        #expect(pointer == String(repeating: "/a", count: 512))
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let document = try #require(JSONTesting.read(deepest).document)
        #expect(document.root.preorderCount == 512)
        #expect(JSONTesting.errorLine(JSONTesting.read("[[[1]]]", maximumDepth: 2)) == "test.json:1:3: nesting deeper than 2 levels")
        #expect(JSONTesting.read("[[1]]", maximumDepth: 2).document != nil)
        #expect(JSONReader(maximumDepth: 1_000_000).maximumDepth == JSONReader.depthCeiling)
        #expect(JSONReader(maximumDepth: 0).maximumDepth == 1)
    }

    @Test func warningsFoundBeforeAnErrorAreKept() {
        let result = JSONTesting.read(#"{"a": 1, "a": 2, "b": }"#)
        #expect(result.diagnostics.map(\.id) == [.jsonDuplicateKey, .jsonSyntax])
        #expect(result.error?.message == "expected a value after ':', found '}'")
    }

    /// 100 MB read in a debug build: a 50 MB string (the string scanner) and 50 MB of spaces (the
    /// whitespace scanner), then values on the last line. A release build reads real dashboards
    /// at about 200 MB/s; a debug build of a 100 MB dashboard-like file would take too long here.
    @Test func readsAHundredMegabytes() throws {
        let half = 50 * 1_048_576
        // Filled by Foundation (memset) and appended with memcpy: element-wise fills take seconds in a debug build.
        var bytes = Array("{\"long\": \"".utf8)
        bytes.reserveCapacity(2 * half + 64)
        bytes.append(contentsOf: Data(repeating: UInt8(ascii: "x"), count: half))
        bytes.append(contentsOf: Array("\",\n".utf8))
        bytes.append(contentsOf: Data(repeating: UInt8(ascii: " "), count: half))
        bytes.append(contentsOf: Array("\n\"last\": [1, 2.5, \"é\"]}\n".utf8))
        #expect(bytes.count > 100_000_000)
        let clock = ContinuousClock()
        var result: JSONReadResult?
        let elapsed = clock.measure { result = JSONReader().read(bytes, path: "big.json") }
        let document = try #require(result?.document)
        guard case .string(let long)? = document.rootNode["long"]?.value else {
            Issue.record("no long string")
            return
        }
        #expect(long.utf8.count == half)
        #expect(document.location(at: "/last/2").description == "big.json:3:18 (#/last/2)")
        #expect(elapsed < .seconds(20), "100 MB took \(elapsed)")
    }

    @Test func readsManySmallValuesInLinearTime() throws {
        // 200,000 members in one object and 200,000 elements in one array: no quadratic duplicate search.
        var text = "{"
        for index in 0..<200_000 { text += "\"key\(index)\":\(index)," }
        text += "\"list\":[" + String(repeating: "0,", count: 200_000) + "1]}"
        let clock = ContinuousClock()
        var result: JSONReadResult?
        let elapsed = clock.measure { result = JSONTesting.read(text) }
        let document = try #require(result?.document)
        #expect(document.root.preorderCount == 400_003)
        #expect(result?.warnings.isEmpty == true)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func manyWarningsOnOneLongLineAreCountedNotAllListed() throws {
        // 100,000 duplicate keys and lone surrogates on one 2 MB line: listing each would count
        // columns along the line every time.
        var text = "{\"k\": 0"
        for _ in 0..<100_000 { text += ", \"k\": \"\\ud800\"" }
        text += "}"
        let clock = ContinuousClock()
        var result: JSONReadResult?
        let elapsed = clock.measure { result = JSONTesting.read(text) }
        let warnings = try #require(result?.warnings)
        #expect(result?.document != nil)
        #expect(warnings.count == 202)
        #expect(warnings.filter { $0.id == .jsonDuplicateKey }.count == 101)
        #expect(warnings.contains { $0.message == "99900 more duplicate keys not listed" && $0.location?.description == "test.json:1:1" })
        #expect(warnings.contains { $0.message == "99900 more lone surrogate escapes not listed" })
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func unreadableFilesAreLocatedErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-json-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let missing = JSONReader().read(contentsOfFile: directory.path + "/missing.json")
        #expect(missing.document == nil)
        #expect(missing.error?.id == .fileUnreadable)
        #expect(missing.error?.formatted() == "\(directory.path)/missing.json: error: [file-unreadable] cannot read the file: No such file or directory")

        let folder = JSONReader().read(contentsOfFile: directory.path)
        #expect(folder.error?.message == "cannot read the file: it is a directory")
        #expect(folder.error?.location?.path == directory.path)

        let file = directory.appendingPathComponent("ok.json")
        try Data("{\n  \"a\": [1, 2]\n}\n".utf8).write(to: file)
        let read = JSONReader().read(contentsOfFile: file.path)
        #expect(read.document?.location(at: "/a/1").description == "\(file.path):2:12 (#/a/1)")

        // A sparse 5 GiB file is refused from its size, without being read.
        let huge = directory.appendingPathComponent("huge.json")
        try Data("[".utf8).write(to: huge)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 5 << 30)
        try handle.close()
        let refused = JSONReader().read(contentsOfFile: huge.path)
        #expect(refused.error?.formatted() == "\(huge.path): error: [json-too-large] the file is 5368709120 bytes; JSON documents are limited to 4 GiB")

        let empty = directory.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        #expect(JSONTesting.errorLine(JSONReader().read(contentsOfFile: empty.path)) == "\(empty.path):1:1: empty file: expected a JSON value")
    }

    @Test func collectorReceivesEveryDiagnostic() {
        let collector = DiagnosticCollector()
        let document = JSONTesting.read(#"{"a": 1, "a": 2}"#).document(reportingTo: collector)
        #expect(document?.rootNode["a"]?.value == .int(2))
        #expect(collector.diagnostics.map(\.id) == [.jsonDuplicateKey])
        #expect(!collector.hasErrors)
        #expect(JSONTesting.read("[").document(reportingTo: collector) == nil)
        #expect(collector.hasErrors)
    }
}

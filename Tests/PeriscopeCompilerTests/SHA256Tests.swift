import PeriscopeCompiler
import Testing

@Suite struct SHA256Tests {
    @Test func matchesKnownDigests() {
        #expect(SHA256.hexDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        #expect(SHA256.hexDigest(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func systemAndPortableImplementationsAgree() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(bytes) == SHA256.portableDigest(bytes), "length \(length)")
        }
        #expect(SHA256.portableDigest(Array("abc".utf8)) == SHA256.digest(Array("abc".utf8)))
    }
}

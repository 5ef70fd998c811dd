#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 (FIPS 180-4), for the digests in `manifest.json`.
///
/// Uses the system's OpenSSL `libcrypto` when it can be loaded (it uses the CPU's SHA
/// instructions, several times faster), and this file's own implementation otherwise; the
/// tests check that both agree.
public enum SHA256 {
    private typealias OpenSSLDigest = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?

    private static let openSSL: OpenSSLDigest? = {
        for name in ["libcrypto.so.3", "libcrypto.so", "libcrypto.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(handle, "SHA256") else { continue }
            return unsafeBitCast(symbol, to: OpenSSLDigest.self)
        }
        return nil
    }()

    /// Whether digests come from the system's libcrypto.
    public static var usesSystemLibrary: Bool { openSSL != nil }

    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        guard let openSSL else { return portableDigest(bytes) }
        var out = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                _ = openSSL(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return out
    }
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The running hash state.
    private struct State {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        @inline(__always) static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

        /// Compresses one 64-byte block starting at `block`.
        @inline(__always)
        mutating func compress(_ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>, _ k: UnsafePointer<UInt32>) {
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
            }
            for i in 16..<64 {
                let w15 = w[i &- 15], w2 = w[i &- 2]
                let s0 = State.rotr(w15, 7) ^ State.rotr(w15, 18) ^ (w15 &>> 3)
                let s1 = State.rotr(w2, 17) ^ State.rotr(w2, 19) ^ (w2 &>> 10)
                w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
            }
            var a = self.a, b = self.b, c = self.c, d = self.d, e = self.e, f = self.f, g = self.g, h = self.h
            for i in 0..<64 {
                let s1 = State.rotr(e, 6) ^ State.rotr(e, 11) ^ State.rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = State.rotr(a, 2) ^ State.rotr(a, 13) ^ State.rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ s0 &+ maj
            }
            self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
            self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
        }
    }

    /// The 32-byte digest of `bytes`, computed by this file's own implementation.
    public static func portableDigest(_ bytes: [UInt8]) -> [UInt8] {
        var state = State()
        let fullBlocks = bytes.count / 64
        // The tail: the remaining bytes, 0x80, zero padding and the bit length (one or two blocks).
        var tail = [UInt8](bytes[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(bytes.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength &>> UInt64(shift))) }

        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            roundConstants.withUnsafeBufferPointer { constants in
                let k = constants.baseAddress!
                bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    for _ in 0..<fullBlocks {
                        state.compress(buffer.baseAddress! + offset, w, k)
                        offset &+= 64
                    }
                }
                tail.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        state.compress(buffer.baseAddress! + offset, w, k)
                        offset &+= 64
                    }
                }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
            out.append(UInt8(truncatingIfNeeded: word &>> 24))
            out.append(UInt8(truncatingIfNeeded: word &>> 16))
            out.append(UInt8(truncatingIfNeeded: word &>> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    /// The lowercase hex digest of `bytes`.
    public static func hexDigest(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

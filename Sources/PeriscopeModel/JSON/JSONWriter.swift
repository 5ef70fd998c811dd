import PeriscopeDSL

/// Writes `JSONValue`s as bytes with a fixed, documented format.
///
/// - Object keys are written in lexicographic order of their UTF-8 bytes at every level, the
///   order Grafana itself uses when it saves a dashboard; nothing depends on insertion or hash order.
/// - Two-space indentation, `"key": value`, one member or element per line, `[]` and `{}` for
///   empty containers, and a final newline after the top-level value.
/// - Integers are written in decimal. Doubles with an integral value below 2^53 are written as
///   integers (`1000`, not `1000.0`); other doubles use the shortest representation that reads
///   back to the same value (`0.05`, `1e-05`). Non-finite doubles, which JSON cannot hold, are
///   written as `null` (the compiler reports them as errors before writing).
/// - Strings escape only `"`, `\` and control characters (`\n`, `\t`, `\r`, `\b`, `\f`,
///   otherwise `\u00XX`). `/` and non-ASCII characters are written as they are.
public struct JSONWriter: Sendable {
    /// The indentation unit.
    public var indent: Int

    /// Creates a writer.
    public init(indent: Int = 2) { self.indent = indent }

    /// The bytes of `value`, with a final newline.
    public func data(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        // Dashboards are tens of kilobytes; starting large avoids most regrowth and its page faults.
        out.reserveCapacity(65_536)
        write(value, into: &out)
        return out
    }

    /// The text of `value`, with a final newline.
    public func string(_ value: JSONValue) -> String { String(decoding: data(value), as: UTF8.self) }

    /// Appends `value` and a final newline to `out`.
    public func write(_ value: JSONValue, into out: inout [UInt8]) {
        writeValue(value, depth: 0, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    private func newline(_ depth: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
    }

    private func writeValue(_ value: JSONValue, depth: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): JSONWriter.appendInteger(number, into: &out)
        case .double(let number): JSONWriter.appendDouble(number, into: &out)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): JSONWriter.appendString(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, &out)
                writeValue(element, depth: depth + 1, into: &out)
            }
            newline(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            let ordered = JSONWriter.isSorted(members) ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in ordered.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1, &out)
                JSONWriter.appendString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                writeValue(member.value, depth: depth + 1, into: &out)
            }
            newline(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func isSorted(_ members: [JSONMember]) -> Bool {
        var index = 1
        while index < members.count {
            if !members[index - 1].key.utf8.lexicographicallyPrecedes(members[index].key.utf8) { return false }
            index += 1
        }
        return true
    }

    static func appendInteger(_ number: Int, into out: inout [UInt8]) {
        if number == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
        }
        if number < 0 { out.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            var index = count - 1
            while index >= 0 {
                out.append(buffer[index])
                index -= 1
            }
        }
    }

    static func appendDouble(_ number: Double, into out: inout [UInt8]) {
        guard number.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        if number.rounded() == number, abs(number) < 9_007_199_254_740_992 {
            appendInteger(Int(number), into: &out)
            return
        }
        out.append(contentsOf: number.description.utf8)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func appendString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

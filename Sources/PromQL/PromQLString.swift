/// A PromQL string value: a sequence of bytes, as the Go `string` Prometheus holds it in.
///
/// PromQL strings are bytes, not Unicode text. `"\xff"` and `"\377"` are the single byte 0xFF,
/// which is not UTF-8; Prometheus' `strutil.Unquote` keeps it, `==` on Go strings compares
/// bytes, and `strconv.Quote` prints it back as `"\xff"`. A Swift `String` can hold neither
/// that byte nor the distinction between "é" and "e\u{301}" (it compares by canonical
/// equivalence), so label names, label values and string literals are held in this type.
///
/// ```swift
/// let value: PromQLString = "é"
/// value.bytes                                   // [0xC3, 0xA9]
/// PromQLString(bytes: [0xFF]).goQuoted          // "\"\\xff\""
/// PromQLString(bytes: [0xFF]).string            // nil: not UTF-8
/// ```
public struct PromQLString: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The bytes, which need not be valid UTF-8.
    public var bytes: [UInt8]

    /// The UTF-8 bytes of `text`.
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// Exactly these bytes.
    public init<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 { self.bytes = Array(bytes) }

    /// The UTF-8 bytes of a string literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// Whether there are no bytes.
    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the bytes are valid UTF-8 (Go's `utf8.ValidString`).
    public var isValidUTF8: Bool { UTF8Decoding.isValid(bytes) }

    /// The value as a `String` when its bytes are valid UTF-8; nil otherwise.
    public var string: String? { isValidUTF8 ? String(decoding: bytes, as: UTF8.self) : nil }

    /// The value as text: each byte that does not start a valid UTF-8 sequence reads as U+FFFD,
    /// as Go decodes it (`for range`, `encoding/json`). Lossy for values that are not UTF-8;
    /// use it for display only.
    public var description: String { UTF8Decoding.lossyString(bytes) }

    /// Go's `strconv.Quote` of the bytes (`"a\xffb"`), as Prometheus' `%q` writes it.
    public var goQuoted: String { GoQuote.string(bytes) }

    /// The value as Go's `strconv.Quote` writes it.
    public var debugDescription: String { goQuoted }

    /// Byte-wise order, as Go compares strings (`sort.Strings`).
    public static func < (lhs: PromQLString, rhs: PromQLString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

import PeriscopeDSL

/// A successful parse: the value, its positions and the warnings.
struct ParsedJSON {
    var root: JSONValue
    var offsets: [UInt32]
    var ends: [UInt32]
    var lineStarts: [UInt32]
    var diagnostics: [Diagnostic]
}

/// A failed parse: the warnings found before the error, then the error.
struct JSONParseFailure: Error {
    var diagnostics: [Diagnostic]
}

/// A syntax error while scanning: the byte offset it points at and the message.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String

    init(_ message: String, at offset: Int) {
        self.offset = offset
        self.message = message
    }
}

/// The byte-level RFC 8259 parser behind `JSONReader`.
///
/// A loop over an explicit stack of open containers, not recursive descent: nesting is bounded
/// by `maximumDepth` alone, never by the thread's stack. The children of all open containers
/// wait on two shared stacks (`elements`, `members`) and are moved into one exactly-sized array
/// when their container closes, so a container costs one allocation whatever its size.
struct JSONParser: ~Copyable {
    /// The input.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The path for diagnostics.
    let path: String
    /// The deepest nesting accepted.
    let maximumDepth: Int
    /// The next byte to read.
    var position = 0
    /// Byte offset of each value's first character, in pre-order.
    var offsets: [UInt32] = []
    /// The pre-order number just past each value's subtree (set when a container closes).
    var ends: [UInt32] = []
    /// Byte offset of each line's first character.
    var lineStarts: [UInt32] = [0]
    /// Elements of the open arrays, innermost last.
    var elements = MoveStack<JSONValue>(capacity: 64)
    /// Members of the open objects, innermost last.
    var members = MoveStack<JSONMember>(capacity: 64)
    /// The key hash and offset of each entry of `members`, for duplicate detection.
    var keys = MoveStack<KeyRecord>(capacity: 64)
    /// The open containers, outermost first.
    var frames = MoveStack<Frame>(capacity: 16)
    /// The decoded bytes of a string with escapes.
    var scratch: [UInt8] = []
    /// Where the last string without escapes was (its bytes between the quotes); nil when the
    /// last string had escapes and was decoded into `scratch`.
    var lastRawString: Range<Int>?
    /// Warnings so far.
    var diagnostics: [Diagnostic] = []
    /// Warnings found of each kind, listed or not.
    var duplicateKeyCount = 0
    var loneSurrogateCount = 0

    /// At most this many warnings of one kind are listed: each costs a column count along its
    /// line, and a minified file can hold millions on one line. The rest are counted.
    static let listedWarningsPerKind = 100

    /// An array or object that has been opened and not yet closed.
    struct Frame {
        /// Whether this is an object (else an array).
        var isObject: Bool
        /// Its first slot in `members` (objects) or `elements` (arrays).
        var start: Int
        /// Its pre-order number.
        var index: Int
        /// The children finished so far.
        var count = 0
        /// Whether a child is being read (after `[`, `,` or a key's `:`), for pointers.
        var readingChild = false
        /// The key of the member being read.
        var key = ""
        /// The hash and byte offset of `key`.
        var keyRecord = KeyRecord(hash: 0, offset: 0)
        /// The first slot of each key hash, built once an object is too large for a linear search.
        var keyIndex: [UInt64: Int]?
    }

    /// What a key of `members` needs for duplicate detection.
    struct KeyRecord {
        /// A hash of the key's UTF-8 bytes (`JSONParser.hash`).
        var hash: UInt64
        /// Byte offset of the key's opening quote.
        var offset: UInt32
    }

    /// What a value is expected after, for error messages.
    enum Expectation {
        case document, firstElement, elementAfterComma, memberValue
    }

    /// Objects with more members than this use a dictionary to find duplicate keys.
    static let linearKeySearchLimit = 32

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, maximumDepth: Int) {
        self.bytes = bytes
        self.path = path
        self.maximumDepth = maximumDepth
        // Pretty-printed dashboards hold about one value per 20 bytes and one line per 25.
        offsets.reserveCapacity(bytes.count / 16 + 4)
        ends.reserveCapacity(bytes.count / 16 + 4)
        lineStarts.reserveCapacity(bytes.count / 24 + 4)
    }

    /// Parses the whole input.
    mutating func parseDocument() -> Result<ParsedJSON, JSONParseFailure> {
        do {
            let root = try parseRoot()
            appendUnlistedWarningCounts()
            return .success(ParsedJSON(root: root, offsets: offsets, ends: ends, lineStarts: lineStarts, diagnostics: diagnostics))
        } catch {
            appendUnlistedWarningCounts()
            let location = location(ofByteOffset: error.offset, pointer: currentPointer())
            diagnostics.append(Diagnostic(.error, error.message, at: .json(location), id: .jsonSyntax))
            return .failure(JSONParseFailure(diagnostics: diagnostics))
        }
    }

    private mutating func appendUnlistedWarningCounts() {
        let limit = JSONParser.listedWarningsPerKind
        let file = Location.json(JSONLocation(path: path, pointer: .root, line: 1, column: 1))
        if duplicateKeyCount > limit {
            diagnostics.append(Diagnostic(.warning, "\(duplicateKeyCount - limit) more duplicate keys not listed", at: file, id: .jsonDuplicateKey))
        }
        if loneSurrogateCount > limit {
            diagnostics.append(Diagnostic(.warning, "\(loneSurrogateCount - limit) more lone surrogate escapes not listed", at: file, id: .jsonLoneSurrogate))
        }
    }

    // MARK: Structure

    private mutating func parseRoot() throws(JSONSyntaxError) -> JSONValue {
        try skipByteOrderMark()
        skipWhitespace()
        if bytes.isEmpty { throw JSONSyntaxError("empty file: expected a JSON value", at: 0) }
        var expectation = Expectation.document
        parsing: while true {
            skipWhitespace()
            let start = position
            guard start < bytes.count else { throw unexpected(expectation, at: start) }
            var value: JSONValue
            switch bytes[start] {
            case UInt8(ascii: "\""):
                beginScalar(at: start)
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                beginScalar(at: start)
                value = try parseNumber()
            case UInt8(ascii: "t"):
                value = try parseLiteral("true", .bool(true), expectation)
            case UInt8(ascii: "f"):
                value = try parseLiteral("false", .bool(false), expectation)
            case UInt8(ascii: "n"):
                value = try parseLiteral("null", .null, expectation)
            case UInt8(ascii: "["):
                let index = try beginContainer(at: start)
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    ends[index] = UInt32(index + 1)
                    value = .array([])
                } else {
                    var frame = Frame(isObject: false, start: elements.count, index: index)
                    frame.readingChild = true
                    frames.append(frame)
                    expectation = .firstElement
                    continue parsing
                }
            case UInt8(ascii: "{"):
                let index = try beginContainer(at: start)
                position += 1
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    ends[index] = UInt32(index + 1)
                    value = .object([])
                } else {
                    frames.append(Frame(isObject: true, start: members.count, index: index))
                    try parseKey(afterComma: false)
                    expectation = .memberValue
                    continue parsing
                }
            default:
                throw unexpected(expectation, at: start)
            }

            // The value is complete: hand it to its container, closing every container that ends here.
            while !frames.isEmpty {
                let top = frames.count - 1
                if frames[top].isObject {
                    var key = ""
                    swap(&key, &frames[top].key)
                    members.append(JSONMember(key, value))
                    keys.append(frames[top].keyRecord)
                    frames[top].count += 1
                    frames[top].readingChild = false
                    skipWhitespace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        try parseKey(afterComma: true)
                        expectation = .memberValue
                        continue parsing
                    }
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                        throw unexpected("',' or '}' after an object member", at: position)
                    }
                    position += 1
                    value = .object(closeObject())
                } else {
                    elements.append(value)
                    frames[top].count += 1
                    skipWhitespace()
                    if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        expectation = .elementAfterComma
                        continue parsing
                    }
                    frames[top].readingChild = false
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "]") else {
                        throw unexpected("',' or ']' after an array element", at: position)
                    }
                    position += 1
                    value = .array(closeArray())
                }
            }
            skipWhitespace()
            if position < bytes.count {
                if bytes[position] == 0 { throw nulByte(at: position) }
                throw JSONSyntaxError("trailing characters after the top-level value", at: position)
            }
            return value
        }
    }

    /// Records the start of a scalar value (its subtree is itself).
    @inline(__always)
    private mutating func beginScalar(at start: Int) {
        offsets.append(UInt32(truncatingIfNeeded: start))
        ends.append(UInt32(truncatingIfNeeded: offsets.count))
    }

    /// Records the start of an array or object and returns its pre-order number.
    private mutating func beginContainer(at start: Int) throws(JSONSyntaxError) -> Int {
        guard frames.count < maximumDepth else {
            throw JSONSyntaxError("nesting deeper than \(maximumDepth) levels", at: start)
        }
        let index = offsets.count
        offsets.append(UInt32(truncatingIfNeeded: start))
        ends.append(0)
        return index
    }

    private mutating func closeArray() -> [JSONValue] {
        let frame = frames.removeLast()
        ends[frame.index] = UInt32(truncatingIfNeeded: offsets.count)
        return elements.take(from: frame.start)
    }

    private mutating func closeObject() -> [JSONMember] {
        let frame = frames.removeLast()
        ends[frame.index] = UInt32(truncatingIfNeeded: offsets.count)
        keys.removeAll(from: frame.start)
        return members.take(from: frame.start)
    }

    /// Reads `"key"` and `:` of the next member of the innermost object.
    private mutating func parseKey(afterComma: Bool) throws(JSONSyntaxError) {
        skipWhitespace()
        let start = position
        guard start < bytes.count, bytes[start] == UInt8(ascii: "\"") else {
            if afterComma, start < bytes.count, bytes[start] == UInt8(ascii: "}") {
                throw JSONSyntaxError("expected a key after ',', found '}' (trailing commas are not allowed)", at: start)
            }
            throw unexpected(afterComma ? "a key in double quotes after ','" : "a key in double quotes or '}'", at: start, hint: keyHint(at: start))
        }
        let key = try parseString()
        let top = frames.count - 1
        frames[top].key = key
        frames[top].keyRecord = KeyRecord(hash: hashOfLastString(), offset: UInt32(truncatingIfNeeded: start))
        frames[top].readingChild = true
        checkDuplicateKey(in: top)
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw unexpected("':' after an object key", at: position)
        }
        position += 1
    }

    /// Reports the key just read if the innermost object already has it.
    ///
    /// Keys are equal when their UTF-8 bytes are (RFC 8259 section 8.3), not under Swift's
    /// canonical equivalence: `"é"` written precomposed and decomposed are two keys, as in Go.
    private mutating func checkDuplicateKey(in top: Int) {
        let start = frames[top].start
        let hash = frames[top].keyRecord.hash
        var first: Int?
        if frames[top].keyIndex == nil, members.count - start <= JSONParser.linearKeySearchLimit {
            first = firstSlot(withKeyHash: hash, in: top, from: start)
        } else {
            if frames[top].keyIndex == nil {
                var index: [UInt64: Int] = [:]
                index.reserveCapacity(2 * (members.count - start))
                for slot in start..<members.count where index[keys[slot].hash] == nil { index[keys[slot].hash] = slot }
                frames[top].keyIndex = index
            }
            if let candidate = frames[top].keyIndex![hash] {
                // A different key with the same hash is vanishingly rare; then search the slow way.
                first = sameKey(at: candidate, in: top) ? candidate : firstSlot(withKeyHash: hash, in: top, from: candidate + 1)
            } else {
                frames[top].keyIndex![hash] = members.count
            }
        }
        guard let first else { return }
        duplicateKeyCount += 1
        guard duplicateKeyCount <= JSONParser.listedWarningsPerKind else { return }
        let earlier = lineAndColumn(ofByteOffset: Int(keys[first].offset))
        let message = "duplicate key '\(frames[top].key)' (first at \(earlier.line):\(earlier.column)); the last one wins"
        let location = location(ofByteOffset: Int(frames[top].keyRecord.offset), pointer: currentPointer())
        diagnostics.append(Diagnostic(.warning, message, at: .json(location), id: .jsonDuplicateKey))
    }

    private func firstSlot(withKeyHash hash: UInt64, in top: Int, from start: Int) -> Int? {
        var slot = start
        while slot < members.count {
            if keys[slot].hash == hash, sameKey(at: slot, in: top) { return slot }
            slot += 1
        }
        return nil
    }

    @inline(__always)
    private func sameKey(at slot: Int, in top: Int) -> Bool {
        members[slot].key.utf8.elementsEqual(frames[top].key.utf8)
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue, _ expectation: Expectation) throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let length = word.utf8CodeUnitCount
        guard bytes.count - start >= length else { throw unexpected(expectation, at: start) }
        for offset in 1..<length where bytes[start + offset] != word.utf8Start[offset] {
            throw unexpected(expectation, at: start)
        }
        beginScalar(at: start)
        position += length
        return value
    }

    // MARK: Whitespace and lines

    /// Skips RFC 8259 whitespace (space, tab, line feed, carriage return), recording line starts.
    /// A line ends at LF, CRLF or a lone CR, as editors count them.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte > UInt8(ascii: " ") { return }
            switch byte {
            case UInt8(ascii: " "):
                skipSpaces()
            case UInt8(ascii: "\n"):
                position += 1
                lineStarts.append(UInt32(truncatingIfNeeded: position))
            case UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\r"):
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { continue }
                lineStarts.append(UInt32(truncatingIfNeeded: position))
            default:
                return
            }
        }
    }

    /// Skips a run of spaces eight bytes at a time (indentation is most of a pretty-printed file).
    @inline(__always)
    private mutating func skipSpaces() {
        while position &+ 8 <= bytes.count {
            let different = word(at: position) ^ 0x2020_2020_2020_2020
            if different != 0 {
                position &+= different.trailingZeroBitCount &>> 3
                return
            }
            position &+= 8
        }
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    /// The eight bytes at `index` as a little-endian word (the first byte in the low bits).
    @inline(__always)
    func word(at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Skips a UTF-8 byte-order mark; rejects UTF-16 ones, which mean the file is not UTF-8.
    private mutating func skipByteOrderMark() throws(JSONSyntaxError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
            // Columns on the first line count from after the mark, as editors show it.
            lineStarts[0] = 3
            if bytes.count == 3 { throw JSONSyntaxError("expected a JSON value after the byte-order mark, found the end of the file", at: 3) }
        } else if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw JSONSyntaxError("UTF-16 byte-order mark: JSON files must be UTF-8 (RFC 8259 section 8.1)", at: 0)
        }
    }

    // MARK: Locations

    /// The 1-based line and column of a byte offset before `position`.
    func lineAndColumn(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        JSONDocument.lineAndColumn(ofByteOffset: offset, in: bytes, lineStarts: lineStarts)
    }

    func location(ofByteOffset offset: Int, pointer: JSONPointer) -> JSONLocation {
        let (line, column) = lineAndColumn(ofByteOffset: offset)
        return JSONLocation(path: path, pointer: pointer, line: line, column: column)
    }

    /// The pointer to the value being read: the open containers and, in each, the child being read.
    func currentPointer() -> JSONPointer {
        var tokens: [String] = []
        for level in 0..<frames.count where frames[level].readingChild {
            tokens.append(frames[level].isObject ? frames[level].key : String(frames[level].count))
        }
        return JSONPointer(tokens: tokens)
    }
}

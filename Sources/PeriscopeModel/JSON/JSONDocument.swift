import PeriscopeDSL

/// A JSON file read into a `JSONValue`, remembering where every value starts.
///
/// Positions are kept in two flat arrays indexed by a value's pre-order number (the root is 0,
/// then each object member's value and each array element in document order, depth first):
/// the byte offset where the value starts, and the pre-order number just past its subtree.
/// That costs 8 bytes per value, and finding a value's location walks its pointer, skipping
/// whole sibling subtrees in one step. Lines and columns are computed on demand from the
/// line-start table (columns count Unicode scalars, 1-based, like most editors and `jq`).
///
/// Duplicate object keys are kept in the value, in order (writers keep them too); the reader
/// reports them. Lookups by key take the last member with that key, as Grafana's Go and
/// JavaScript parsers do.
public struct JSONDocument: Sendable {
    /// The path shown in locations and diagnostics.
    public var path: String { positions.path }
    /// The whole document.
    public var root: JSONValue
    /// The positions, shared by reference with every node walked from this document, so that
    /// copying a node costs one reference count rather than one per array.
    let positions: Positions

    /// The raw bytes (for column computation).
    var bytes: [UInt8] { positions.bytes }
    /// Byte offset of each value's first character, in pre-order.
    var offsets: [UInt32] { positions.offsets }
    /// For each value in pre-order, the pre-order number just past its subtree.
    var ends: [UInt32] { positions.ends }
    /// Byte offset of the first character of each line (see `Positions.lineStarts`).
    var lineStarts: [UInt32] { positions.lineStarts }

    /// The immutable position tables of a read document.
    final class Positions: Sendable {
        let path: String
        // `lineStarts` holds the byte offset of the first character of each line: `0`, or `3` after
        // a UTF-8 byte-order mark (so that first-line columns match editors, which hide the mark).
        let bytes: [UInt8]
        let offsets: [UInt32]
        let ends: [UInt32]
        let lineStarts: [UInt32]

        init(path: String, bytes: [UInt8], offsets: [UInt32], ends: [UInt32], lineStarts: [UInt32]) {
            self.path = path
            self.bytes = bytes
            self.offsets = offsets
            self.ends = ends
            self.lineStarts = lineStarts
        }

        func location(ofIndex index: Int, pointer: JSONPointer) -> JSONLocation {
            guard index < offsets.count, !bytes.isEmpty else { return JSONLocation(path: path, pointer: pointer) }
            let (line, column) = bytes.withUnsafeBufferPointer {
                JSONDocument.lineAndColumn(ofByteOffset: Int(offsets[index]), in: $0, lineStarts: lineStarts)
            }
            return JSONLocation(path: path, pointer: pointer, line: line, column: column)
        }

        func end(ofIndex index: Int) -> Int {
            // Without positions the numbers are never used: skip counting the subtree.
            index < ends.count ? Int(ends[index]) : index
        }
    }

    /// Creates a document from a reader's output.
    init(path: String, root: JSONValue, bytes: [UInt8], offsets: [UInt32], ends: [UInt32], lineStarts: [UInt32]) {
        self.root = root
        self.positions = Positions(path: path, bytes: bytes, offsets: offsets, ends: ends, lineStarts: lineStarts)
    }

    /// Creates a document for a value built in memory: locations carry the pointer and no line.
    public init(path: String, root: JSONValue) {
        self.init(path: path, root: root, bytes: [], offsets: [], ends: [], lineStarts: [0])
    }

    /// Whether positions are known (the document was read from bytes).
    public var hasPositions: Bool { !offsets.isEmpty }

    /// The root as a node that can be walked with locations.
    public var rootNode: JSONNode { JSONNode(positions: positions, value: root, index: 0, pointer: .root) }

    /// The node at `pointer`, or nil when no value is there.
    public func node(at pointer: JSONPointer) -> JSONNode? {
        var node = rootNode
        for token in pointer.tokens {
            switch node.value {
            case .object:
                guard let child = node[token] else { return nil }
                node = child
            case .array:
                guard let index = Int(token), let child = node.element(index) else { return nil }
                node = child
            default:
                return nil
            }
        }
        return node
    }

    /// The location of the value at `pointer`; for a pointer that names no value, the location of
    /// its nearest existing ancestor with the full pointer.
    public func location(at pointer: JSONPointer) -> JSONLocation {
        var node = rootNode
        for token in pointer.tokens {
            let next: JSONNode?
            switch node.value {
            case .object: next = node[token]
            case .array: next = Int(token).flatMap { node.element($0) }
            default: next = nil
            }
            guard let next else { break }
            node = next
        }
        var location = node.location
        location.pointer = pointer
        return location
    }

    /// The 1-based line and column of a byte offset (the column counts Unicode scalars);
    /// `(0, 0)` for a document built in memory.
    public func lineAndColumn(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        guard !bytes.isEmpty else { return (0, 0) }
        return bytes.withUnsafeBufferPointer { JSONDocument.lineAndColumn(ofByteOffset: offset, in: $0, lineStarts: lineStarts) }
    }

    /// The line and column of `offset` in `bytes` given its line-start table (shared with the reader,
    /// which locates errors before any document exists).
    static func lineAndColumn(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [UInt32]) -> (line: Int, column: Int) {
        // The last line start at or before `offset`.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = Int(lineStarts[low])
        let end = min(offset, bytes.count)
        while index < end {
            // Count Unicode scalars: every byte that is not a UTF-8 continuation byte.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}

/// A value of a `JSONDocument` with its pointer, so that walking the tree yields locations.
///
/// Walking costs one step per sibling skipped, whatever the size of the skipped subtrees.
public struct JSONNode: Sendable {
    /// The position tables of the document the node belongs to.
    let positions: JSONDocument.Positions
    /// The value.
    public let value: JSONValue
    /// The value's pre-order number in the document.
    let index: Int
    /// The pointer from the document root.
    public let pointer: JSONPointer

    /// Where the value starts.
    public var location: JSONLocation { positions.location(ofIndex: index, pointer: pointer) }

    /// The member named `key` of an object (the last one when the key is duplicated); nil for
    /// other values or a missing key. Keys match by their UTF-8 bytes (RFC 8259, 8.3), like the
    /// reader's duplicate check and Grafana's parsers, not by Unicode canonical equivalence.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        var found: JSONNode?
        var child = index + 1
        for member in members {
            if member.hasKey(key) {
                found = JSONNode(positions: positions, value: member.value, index: child, pointer: pointer.appending(key))
            }
            child = positions.end(ofIndex: child)
        }
        return found
    }

    /// The members of an object, in document order; empty for other values.
    public var members: [(key: String, node: JSONNode)] {
        guard case .object(let members) = value else { return [] }
        var result: [(key: String, node: JSONNode)] = []
        result.reserveCapacity(members.count)
        var child = index + 1
        for member in members {
            result.append((member.key, JSONNode(positions: positions, value: member.value, index: child, pointer: pointer.appending(member.key))))
            child = positions.end(ofIndex: child)
        }
        return result
    }

    /// The element at `position` of an array; nil for other values or out of range.
    public func element(_ position: Int) -> JSONNode? {
        guard case .array(let elements) = value, position >= 0, position < elements.count else { return nil }
        var child = index + 1
        for _ in elements[..<position] { child = positions.end(ofIndex: child) }
        return JSONNode(positions: positions, value: elements[position], index: child, pointer: pointer.appending(position))
    }

    /// The elements of an array, in order; empty for other values.
    public var elements: [JSONNode] {
        guard case .array(let elements) = value else { return [] }
        var result: [JSONNode] = []
        result.reserveCapacity(elements.count)
        var child = index + 1
        for (position, element) in elements.enumerated() {
            result.append(JSONNode(positions: positions, value: element, index: child, pointer: pointer.appending(position)))
            child = positions.end(ofIndex: child)
        }
        return result
    }
}

extension JSONValue {
    /// The number of values in this subtree, itself included (its pre-order size).
    public var preorderCount: Int {
        switch self {
        case .array(let elements): return elements.reduce(1) { $0 + $1.preorderCount }
        case .object(let members): return members.reduce(1) { $0 + $1.value.preorderCount }
        default: return 1
        }
    }
}

/// A stack whose top elements are handed to a new array by moving them.
///
/// The parser keeps the children of every open container here; when a container closes, its
/// children move into one exactly-sized array with no reference-counting traffic and no
/// destruction of the vacated slots, which `Array` cannot do.
struct MoveStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// Creates an empty stack with room for `capacity` elements.
    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes an element.
    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Whether the stack is empty.
    var isEmpty: Bool { count == 0 }

    /// The element at `index`, accessed in place (no bounds check: the parser's indices are its own).
    subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(base + index) }
        unsafeMutableAddress { base + index }
    }

    /// Pops the top element.
    mutating func removeLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    /// Drops the elements from `start` on.
    mutating func removeAll(from start: Int) {
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// Removes the elements from `start` on and returns them as an array, in order.
    mutating func take(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = base + start
        let result = [Element](unsafeUninitializedCapacity: moved) { target, initialized in
            target.baseAddress!.moveInitialize(from: source, count: moved)
            initialized = moved
        }
        count = start
        return result
    }
}

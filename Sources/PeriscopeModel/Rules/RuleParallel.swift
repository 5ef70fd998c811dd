#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Order-preserving parallel work over chunks of a big rule catalog.
public enum RuleParallel {
    /// Ranges covering `0..<count` in chunks of at least 32 elements, about four per core.
    public static func chunks(_ count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let wanted = max(1, min(count / 32, 4 * ProcessInfoCores.count))
        let size = (count + wanted - 1) / wanted
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// `transform` applied to every element, spread over the cores, results in order.
    ///
    /// The caller works too, and helpers on the global queue take the next element from a
    /// shared counter. Unlike a nested `concurrentPerform` (which runs serially when called
    /// from a busy worker, as the compiler's per-environment jobs are), idle cores join in.
    public static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        guard elements.count > 1 else { return elements.map(transform) }
        let shared = Shared<Result>(count: elements.count)
        let work: @Sendable () -> Void = {
            while true {
                let index = shared.next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let result = transform(elements[index])
                shared.results.withLock { $0[index] = result }
            }
        }
        let group = DispatchGroup()
        for _ in 1..<min(elements.count, ProcessInfoCores.count) {
            DispatchQueue.global().async(group: group, execute: work)
        }
        work()
        group.wait()
        return shared.results.withLock { $0.map { $0! } }
    }

    private final class Shared<Result: Sendable>: Sendable {
        let next = Atomic<Int>(0)
        let results: Mutex<[Result?]>
        init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }
    }
}

/// The number of online cores, read once.
public enum ProcessInfoCores {
    /// The number of online cores (at least 1).
    public static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }()
}

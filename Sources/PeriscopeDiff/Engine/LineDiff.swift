/// Line diffs of query text.
///
/// The edit script comes from the standard library's `BidirectionalCollection.difference(from:)`
/// (Myers' O(ND) algorithm, a shortest edit script, so the unchanged lines are a longest common
/// subsequence); this type only merges it into one list of lines in reading order.
public enum LineDiff {
    /// The lines of `old` and `new` merged: unchanged lines once, and at each place where they
    /// differ the removed lines before the added ones. Lines are split on `\n`; a final newline
    /// does not make an empty last line.
    public static func lines(old: String, new: String) -> [DiffLine] {
        let before = split(old), after = split(new)
        let difference = after.difference(from: before)
        var removedOffsets = Set<Int>(), insertedOffsets = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedOffsets.insert(offset)
            case .insert(let offset, _, _): insertedOffsets.insert(offset)
            }
        }
        var result: [DiffLine] = []
        result.reserveCapacity(before.count + after.count)
        var oldIndex = 0, newIndex = 0
        while oldIndex < before.count || newIndex < after.count {
            if oldIndex < before.count, removedOffsets.contains(oldIndex) {
                result.append(DiffLine(.removed, before[oldIndex]))
                oldIndex += 1
            } else if newIndex < after.count, insertedOffsets.contains(newIndex) {
                result.append(DiffLine(.added, after[newIndex]))
                newIndex += 1
            } else if oldIndex < before.count, newIndex < after.count {
                result.append(DiffLine(.context, after[newIndex]))
                oldIndex += 1
                newIndex += 1
            } else if oldIndex < before.count {
                // Unreachable for a valid edit script; kept so that no input can loop or trap.
                result.append(DiffLine(.removed, before[oldIndex]))
                oldIndex += 1
            } else {
                result.append(DiffLine(.added, after[newIndex]))
                newIndex += 1
            }
        }
        return result
    }

    /// Every line of `text` with one operation: an added or removed query.
    public static func lines(of text: String, as operation: DiffLine.Operation) -> [DiffLine] {
        split(text).map { DiffLine(operation, $0) }
    }

    private static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

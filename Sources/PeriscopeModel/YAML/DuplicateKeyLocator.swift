import PeriscopeDSL
import Yams

/// Finds the second occurrence of a duplicated key after Yams rejected the whole document.
///
/// Yams stops composing at the first mapping with duplicate keys and reports only the first
/// occurrence. The useful position is the repeated one, so look for it in the text: the next
/// key with the same name at the same column in the same block mapping, or later on the same
/// line in a flow mapping. When the search is inconclusive the first occurrence is reported.
struct DuplicateKeyLocator {
    let text: String
    let path: String

    func diagnostic(keys: [String], first mark: Mark) -> Diagnostic {
        let key = keys.first ?? ""
        let firstLocation = FileLocation(path: path, line: mark.line, column: mark.column)
        if mark.line > 0, let repeated = secondOccurrence(of: key, after: mark) {
            return .error(
                "duplicate key '\(key)' (first written at \(mark.line):\(mark.column)); a key may appear only once in a map",
                at: FileLocation(path: path, line: repeated.line, column: repeated.column), id: YAMLDiagnosticID.duplicateKey)
        }
        return .error("duplicate key '\(key)': it is written more than once in this map; a key may appear only once", at: firstLocation, id: YAMLDiagnosticID.duplicateKey)
    }

    private func secondOccurrence(of key: String, after mark: Mark) -> (line: Int, column: Int)? {
        guard !key.isEmpty else { return nil }
        // Columns from libyaml count Unicode scalars, so work on scalar arrays.
        // Split on scalars: as Characters, "\r\n" is one grapheme and would never equal "\n".
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Array($0.filter { $0 != "\r" }) }
        let keyScalars = Array(key.unicodeScalars)
        let lineIndex = mark.line - 1
        let columnIndex = mark.column - 1
        guard lineIndex < lines.count, columnIndex >= 0 else { return nil }

        // Flow mapping: `{a: 1, a: 2}` on one line.
        let firstLine = lines[lineIndex]
        var index = columnIndex + keyScalars.count
        while index < firstLine.count {
            if keyStarts(in: firstLine, at: index, key: keyScalars),
               index > 0, [",", "{", " "].contains(firstLine[index - 1]) {
                return (mark.line, index + 1)
            }
            index += 1
        }

        // Block mapping: a later line whose key sits at the same column.
        for candidate in (lineIndex + 1)..<lines.count {
            let line = lines[candidate]
            let indentation = line.prefix { $0 == " " }.count
            if indentation == line.count || line[indentation] == "#" { continue }
            if indentation < columnIndex { return nil }
            if indentation == columnIndex, keyStarts(in: line, at: columnIndex, key: keyScalars) {
                return (candidate + 1, columnIndex + 1)
            }
        }
        return nil
    }

    /// Whether `key` (plain or quoted) followed by optional spaces and `:` starts at `index`.
    private func keyStarts(in line: [Unicode.Scalar], at index: Int, key: [Unicode.Scalar]) -> Bool {
        for quote in [nil, "\"", "'"] as [Unicode.Scalar?] {
            var position = index
            if let quote {
                guard position < line.count, line[position] == quote else { continue }
                position += 1
            }
            guard position + key.count <= line.count, Array(line[position..<(position + key.count)]) == key else { continue }
            position += key.count
            if let quote {
                guard position < line.count, line[position] == quote else { continue }
                position += 1
            }
            while position < line.count, line[position] == " " { position += 1 }
            if position < line.count, line[position] == ":" { return true }
        }
        return false
    }
}

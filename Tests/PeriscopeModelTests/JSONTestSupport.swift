import PeriscopeDSL
import PeriscopeModel

/// Helpers shared by the JSON reader tests.
enum JSONTesting {
    /// Reads `text` as `test.json`.
    static func read(_ text: String, maximumDepth: Int = JSONReader.defaultMaximumDepth) -> JSONReadResult {
        JSONReader(maximumDepth: maximumDepth).read(text, path: "test.json")
    }

    /// `path:line:col: message` of the result's error, or nil when it read.
    static func errorLine(_ result: JSONReadResult) -> String? {
        guard let error = result.error, let location = error.location else { return nil }
        return "\(location): \(error.message)"
    }

    /// The pointer of a diagnostic's JSON location, as text.
    static func pointer(of diagnostic: Diagnostic) -> String? {
        if case .json(let location)? = diagnostic.location { return location.pointer.description }
        return nil
    }

    /// Every node of a document, depth first in document order.
    static func allNodes(_ document: JSONDocument) -> [JSONNode] {
        var result: [JSONNode] = []
        var pending = [document.rootNode]
        while let node = pending.popLast() {
            result.append(node)
            switch node.value {
            case .array: pending.append(contentsOf: node.elements.reversed())
            case .object: pending.append(contentsOf: node.members.map(\.node).reversed())
            default: break
            }
        }
        return result
    }

    /// The lines of `text` as Unicode scalars, found without the reader's tables: lines end at
    /// LF, CRLF or CR; a leading byte-order mark is not a column.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previousWasCarriageReturn = false
        for scalar in scalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n", previousWasCarriageReturn { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        return lines
    }

    /// The scalar at a 1-based line and column of `lines`, if any.
    static func scalar(in lines: [[Unicode.Scalar]], line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
        return lines[line - 1][column - 1]
    }

    /// Checks that every value of `document` starts, at the line and column the reader gives it,
    /// with a character its kind can start with; returns the problems.
    static func locationProblems(_ document: JSONDocument, text: String) -> [String] {
        let lines = lines(of: text)
        var problems: [String] = []
        for node in allNodes(document) {
            let location = node.location
            let found = scalar(in: lines, line: location.line, column: location.column)
            if found.map({ isPlausibleStart($0, of: node.value) }) != true {
                problems.append("\(location): found \(found.map { String($0) } ?? "nothing") for \(node.value)")
            }
        }
        return problems
    }

    /// The characters a value of this kind can start with.
    static func isPlausibleStart(_ scalar: Unicode.Scalar, of value: JSONValue) -> Bool {
        switch value {
        case .null: scalar == "n"
        case .bool(let flag): scalar == (flag ? "t" : "f")
        case .int, .double, .number: scalar == "-" || ("0"..."9").contains(scalar)
        case .string: scalar == "\""
        case .array: scalar == "["
        case .object: scalar == "{"
        }
    }
}

import PeriscopeDSL
import Yams

/// Parses one YAML document into a `YAMLTree`, turning every Yams error into a located diagnostic.
///
/// Yams composes recursively; libyaml caps nesting at 1000 levels, so composing cannot exhaust
/// the stack. This reader adds its own, lower caps because aliases can make a small file expand
/// into a huge tree (the "billion laughs" attack) and because deep trees are walked recursively.
struct YAMLReader {
    /// The path shown in diagnostics.
    let path: String
    /// Deeper nesting than this is reported instead of walked.
    var maximumDepth = 64
    /// More nodes than this (counting every alias expansion) is reported instead of walked.
    var maximumNodes = 100_000

    /// The result of reading a document.
    struct Output {
        /// The root node, or nil when the document is empty or could not be parsed.
        var root: YAMLTree?
        /// Problems found, in document order.
        var diagnostics: [Diagnostic] = []
        /// Whether the document contains nothing (no node, or only a null).
        var isEmpty = false
    }

    func read(_ text: String) -> Output {
        var output = Output()
        let document: Node?
        do {
            document = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            output.diagnostics.append(diagnostic(for: error, text: text))
            return output
        } catch {
            output.diagnostics.append(.error("malformed YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1)))
            return output
        }
        guard let document else {
            output.isEmpty = true
            return output
        }
        var budget = maximumNodes
        var budgetReported = false
        output.root = convert(document, depth: 0, budget: &budget, budgetReported: &budgetReported, diagnostics: &output.diagnostics)
        if output.root?.isNull == true { output.isEmpty = true }
        return output
    }

    private func location(_ mark: Mark?) -> FileLocation {
        guard let mark else { return FileLocation(path: path) }
        return FileLocation(path: path, line: mark.line, column: mark.column)
    }

    private func convert(
        _ node: Node, depth: Int, budget: inout Int, budgetReported: inout Bool, diagnostics: inout [Diagnostic]
    ) -> YAMLTree? {
        let here = location(node.mark)
        guard budget > 0 else {
            if !budgetReported {
                budgetReported = true
                diagnostics.append(.error(
                    "the document expands to more than \(maximumNodes) YAML nodes (through aliases); environment files must stay small",
                    at: here))
            }
            return nil
        }
        budget -= 1
        switch node {
        case .scalar(let scalar):
            let value = YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain, tag: scalar.tag.rawValue)
            return YAMLTree(content: .scalar(value), location: here)
        case .alias:
            // Yams substitutes the anchored node for every alias while composing; this is a safeguard.
            diagnostics.append(.error("unresolved YAML alias", at: here))
            return nil
        case .sequence(let sequence):
            guard depth < maximumDepth else { return tooDeep(at: here, diagnostics: &diagnostics) }
            var items: [YAMLTree] = []
            for item in sequence {
                if let tree = convert(item, depth: depth + 1, budget: &budget, budgetReported: &budgetReported, diagnostics: &diagnostics) {
                    items.append(tree)
                }
            }
            return YAMLTree(content: .sequence(items), location: here)
        case .mapping(let mapping):
            guard depth < maximumDepth else { return tooDeep(at: here, diagnostics: &diagnostics) }
            var entries: [YAMLEntry] = []
            var firstLocations: [String: FileLocation] = [:]
            for (keyNode, valueNode) in mapping {
                let keyLocation = location(keyNode.mark)
                guard case .scalar(let keyScalar) = keyNode else {
                    diagnostics.append(.error("a map key must be a plain string, got \(kindName(of: keyNode))", at: keyLocation))
                    continue
                }
                let key = keyScalar.string
                // Yams only rejects keys that are equal with the same YAML type; `1` and `"1"` both
                // name the key "1" here, so check again on the text.
                if let first = firstLocations[key] {
                    diagnostics.append(.error(
                        "duplicate key '\(key)' (first written at \(first.line):\(first.column)); a key may appear only once in a map",
                        at: keyLocation))
                    continue
                }
                firstLocations[key] = keyLocation
                guard let value = convert(valueNode, depth: depth + 1, budget: &budget, budgetReported: &budgetReported, diagnostics: &diagnostics) else { continue }
                entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: value))
            }
            return YAMLTree(content: .mapping(entries), location: here)
        }
    }

    private func tooDeep(at location: FileLocation, diagnostics: inout [Diagnostic]) -> YAMLTree? {
        diagnostics.append(.error("YAML nested more than \(maximumDepth) levels deep; environment files must stay shallow", at: location))
        return nil
    }

    /// Yams errors carry a line and column (or an offset); report them at that position.
    private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return .error("malformed YAML: \(problem)\(contextSuffix(context))", at: location(mark))
        case .reader(let problem, let offset, _, _):
            return .error("unreadable YAML: \(problem)", at: location(ofCharacterOffset: offset, in: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return DuplicateKeyLocator(text: text, path: path).diagnostic(keys: duplicates, first: context.mark)
        default:
            return .error("malformed YAML: \(error)", at: FileLocation(path: path, line: 1, column: 1))
        }
    }

    private func contextSuffix(_ context: YamlError.Context?) -> String {
        guard let context else { return "" }
        return " (\(context.text) at \(context.mark.line):\(context.mark.column))"
    }

    /// Yams reports reader errors as a `Character` offset into the text.
    private func location(ofCharacterOffset offset: Int?, in text: String) -> FileLocation {
        guard let offset, offset >= 0 else { return FileLocation(path: path, line: 1, column: 1) }
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return FileLocation(path: path, line: line, column: column)
    }
}

/// What a Yams node is, for messages about keys that are not strings.
private func kindName(of node: Node) -> String {
    switch node {
    case .scalar: "a scalar"
    case .mapping: "a map"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}

import CYaml
import PeriscopeDSL

/// Builds `YAMLTree`s straight from libyaml's events, for big multi-document files.
///
/// Yams composes its own `Node` tree first (a class per tag, a dictionary per map to find
/// duplicate keys) and this reader then copied it: two thirds of the time of reading a rule
/// file. Driving libyaml's event parser directly builds each node once. The builder keeps an
/// explicit stack instead of recursing, counts every node (aliases count their whole expansion)
/// against `Limits`, and reports deep nesting, key types and duplicate keys itself. Errors
/// read like Yams' (`malformed YAML: <libyaml problem> (<context> at l:c)`).
struct YAMLEventComposer {
    let reader: YAMLReader
    /// Whether a second document is an error (environment files hold one).
    let singleDocument: Bool
    var diagnostics: [Diagnostic] = []
    private var budget: Int
    private var budgetReported = false

    init(reader: YAMLReader, singleDocument: Bool = false) {
        self.reader = reader
        self.singleDocument = singleDocument
        self.budget = reader.limits.maximumNodes
    }

    /// A map or sequence being built.
    private struct Frame {
        var isMapping: Bool
        var location: FileLocation
        var anchor: String?
        var items: [YAMLTree] = []
        var entries: [YAMLEntry] = []
        var seen = SeenKeys()
        /// The key read, waiting for its value.
        var pendingKey: (String, FileLocation)?
        /// Whether the next value is dropped (its key was not a scalar, or was a duplicate).
        var dropsNextValue = false
        /// Whether the next node is a key that was not a scalar: the node after it is dropped.
        var keyIsInvalid = false
    }

    /// Every document of `text`.
    mutating func documents(_ text: String) -> [YAMLTree] {
        var text = text
        return text.withUTF8 { buffer in documents(buffer) }
    }

    private mutating func documents(_ buffer: UnsafeBufferPointer<UInt8>) -> [YAMLTree] {
        withLibYAMLParser(buffer) { parser in documents(buffer, parser: parser) }
    }

    private mutating func documents(_ buffer: UnsafeBufferPointer<UInt8>, parser: UnsafeMutablePointer<yaml_parser_t>) -> [YAMLTree] {
        var documents: [YAMLTree] = []
        var stack: [Frame] = []
        var anchors: [String: (tree: YAMLTree, size: Int)] = [:]
        /// Nesting beyond the limit: events are skipped until the depth falls back to this.
        var skipDepth = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                diagnostics.append(syntaxError(parser.pointee, buffer))
                return documents
            }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT { return documents }
            let location = FileLocation(path: reader.path, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            if skipDepth > 0 {
                if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT { skipDepth += 1 }
                if type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT { skipDepth -= 1 }
                if skipDepth == 0 { dropNode(in: &stack) }
                continue
            }
            var finished: (tree: YAMLTree, anchor: String?)?
            switch type {
            case YAML_DOCUMENT_START_EVENT where singleDocument && !documents.isEmpty:
                diagnostics.append(.error("malformed YAML: but found another document (expected a single document in the stream at 1:1)",
                                          at: location, id: YAMLDiagnosticID.syntax))
                return documents
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let tag = data.quoted_implicit == 1 ? YAMLCoreSchema.stringTag : data.tag.map { String(cString: $0) } ?? ""
                let scalar = YAMLScalar(text: text, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, tag: tag)
                guard spend(1, at: location) else { return documents }
                finished = (YAMLTree(content: .scalar(scalar), location: location), data.anchor.map { String(cString: $0) })
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let anchored = anchors[name] else {
                    diagnostics.append(.error("malformed YAML: found undefined alias", at: location, id: YAMLDiagnosticID.syntax))
                    return documents
                }
                guard spend(anchored.size, at: location) else { return documents }
                finished = (anchored.tree, nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard spend(1, at: location) else { return documents }
                if stack.count >= reader.limits.maximumDepth {
                    diagnostics.append(.error("YAML nested more than \(reader.limits.maximumDepth) levels deep; \(reader.limits.fileKind) must stay shallow",
                                              at: location, id: YAMLDiagnosticID.tooDeep))
                    skipDepth = 1
                    continue
                }
                let isMapping = type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                stack.append(Frame(isMapping: isMapping, location: location, anchor: anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let content: YAMLTree.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
                finished = (YAMLTree(content: content, location: frame.location), frame.anchor)
            default:
                continue
            }
            guard let (tree, anchor) = finished else { continue }
            if let anchor { anchors[anchor] = (tree, size(of: tree)) }
            if stack.isEmpty {
                documents.append(tree)
            } else {
                deliver(tree, to: &stack[stack.count - 1])
            }
        }
    }

    /// Adds a finished node to its parent: an item, a key or a value.
    private mutating func deliver(_ tree: YAMLTree, to frame: inout Frame) {
        guard frame.isMapping else {
            frame.items.append(tree)
            return
        }
        if frame.dropsNextValue {
            frame.dropsNextValue = false
            return
        }
        guard let (key, keyLocation) = frame.pendingKey else {
            guard let scalar = tree.scalar else {
                diagnostics.append(.error("a map key must be a plain string, got \(tree.kindDescription == "a map" ? "a map" : "a list")",
                                          at: tree.location, id: YAMLDiagnosticID.keyNotString))
                frame.dropsNextValue = true
                return
            }
            if let first = frame.seen.location(of: scalar.text, in: frame.entries) {
                diagnostics.append(.error(
                    "duplicate key '\(scalar.text)' (first written at \(first.line):\(first.column)); a key may appear only once in a map",
                    at: tree.location, id: YAMLDiagnosticID.duplicateKey))
                frame.dropsNextValue = true
                return
            }
            frame.pendingKey = (scalar.text, tree.location)
            return
        }
        frame.pendingKey = nil
        frame.seen.insert(key, keyLocation, before: frame.entries)
        frame.entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: tree))
    }

    /// After a skipped (too deep) node: the parent forgets it, as if it were never written
    /// (a dropped key takes its value along).
    private func dropNode(in stack: inout [Frame]) {
        guard let index = stack.indices.last, stack[index].isMapping else { return }
        if stack[index].dropsNextValue {
            stack[index].dropsNextValue = false
        } else if stack[index].pendingKey != nil {
            stack[index].pendingKey = nil
        } else {
            stack[index].dropsNextValue = true
        }
    }

    /// Takes `count` nodes from the budget; false (and one diagnostic) when it is spent.
    private mutating func spend(_ count: Int, at location: FileLocation) -> Bool {
        budget -= count
        guard budget < 0 else { return true }
        if !budgetReported {
            budgetReported = true
            diagnostics.append(.error(
                "the document expands to more than \(reader.limits.maximumNodes) YAML nodes (through aliases); \(reader.limits.fileKind) must stay small",
                at: location, id: YAMLDiagnosticID.tooLarge))
        }
        return false
    }

    private func size(of tree: YAMLTree) -> Int {
        switch tree.content {
        case .scalar: 1
        case .sequence(let items): items.reduce(1) { $0 + size(of: $1) }
        case .mapping(let entries): entries.reduce(1) { $0 + 1 + size(of: $1.value) }
        }
    }

    /// libyaml's error, worded as Yams words it.
    private func syntaxError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            let offset = min(Int(parser.problem_offset), buffer.count)
            let location = UTF8Check.location(ofByte: offset, in: Array(buffer[0..<offset]), path: reader.path)
            return .error("unreadable YAML: \(problem)", at: location, id: YAMLDiagnosticID.syntax)
        }
        var suffix = ""
        if let context = parser.context {
            suffix = " (\(String(cString: context)) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))"
        }
        let location = FileLocation(path: reader.path, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        return .error("malformed YAML: \(problem)\(suffix)", at: location, id: YAMLDiagnosticID.syntax)
    }
}

/// Runs `body` with a libyaml event parser reading `buffer` as UTF-8, and frees it afterwards.
func withLibYAMLParser<Result>(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeMutablePointer<yaml_parser_t>) -> Result) -> Result {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    defer {
        yaml_parser_delete(parser)
        parser.deallocate()
    }
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    return body(parser)
}

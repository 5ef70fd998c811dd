import PeriscopeDSL
import PeriscopeModel
import PromQL

// What the PromQL rules share: where a query comes from (a panel target, a variable, an
// alerting or recording rule), the subject findings are about, locations inside an
// expression, and label-name normalisation for the high-cardinality deny-list.

/// A query's rule, when it comes from a rule file.
struct RuleContext {
    let file: LintRuleFile
    let group: RuleGroupNode
    let rule: RuleNode
}

extension LintInput {
    /// The rule a query comes from, or nil for dashboard queries.
    func ruleContext(of query: LintQuery) -> RuleContext? {
        guard case .rule(let fileIndex, let groupIndex, let ruleIndex) = query.origin,
              ruleFiles.indices.contains(fileIndex) else { return nil }
        let file = ruleFiles[fileIndex]
        // Cached by LintRuleFile: no flattening of the file's documents per lookup.
        let groups = file.groups
        guard groups.indices.contains(groupIndex), groups[groupIndex].rules.indices.contains(ruleIndex) else { return nil }
        return RuleContext(file: file, group: groups[groupIndex], rule: groups[groupIndex].rules[ruleIndex])
    }

    /// The kind of the rule a query comes from (read in place, no copy of the rule), or nil
    /// for dashboard queries: a cheap test before ``ruleContext(of:)``.
    func ruleKind(of query: LintQuery) -> RuleNode.Kind? {
        guard case .rule(let fileIndex, let groupIndex, let ruleIndex) = query.origin, ruleFiles.indices.contains(fileIndex) else { return nil }
        if ruleFiles[fileIndex].file.documents.count == 1, ruleFiles[fileIndex].file.documents[0].items.isEmpty {
            guard ruleFiles[fileIndex].file.documents[0].groups.indices.contains(groupIndex),
                  ruleFiles[fileIndex].file.documents[0].groups[groupIndex].rules.indices.contains(ruleIndex) else { return nil }
            return ruleFiles[fileIndex].file.documents[0].groups[groupIndex].rules[ruleIndex].kind
        }
        return ruleContext(of: query)?.rule.kind
    }

    /// What a finding about `query` is about: the file, plus the group and rule name or the
    /// dashboard uid. Read in place: a finding costs no copy of the file's model.
    public func subject(of query: LintQuery) -> LintSubject {
        switch query.origin {
        case .rule(let f, let g, let r):
            if isSingleDocument(f, g, r) {
                return LintSubject(file: ruleFiles[f].path, group: ruleFiles[f].file.documents[0].groups[g].name.value,
                                   name: ruleFiles[f].file.documents[0].groups[g].rules[r].name.value)
            }
            if let context = ruleContext(of: query) { return context.subject }
        case .panelTarget(let index, _, _), .variable(let index, _):
            if dashboards.indices.contains(index) {
                return LintSubject(file: dashboards[index].path, name: dashboards[index].dashboard.uid)
            }
        }
        return LintSubject(file: query.location.path)
    }

    /// Whether rule `r` of group `g` of file `f` exists in a file of one document, so it can be
    /// read in place through `documents[0]`.
    func isSingleDocument(_ f: Int, _ g: Int, _ r: Int) -> Bool {
        ruleFiles.indices.contains(f) && ruleFiles[f].file.documents.count == 1 && ruleFiles[f].file.documents[0].items.isEmpty
            && ruleFiles[f].file.documents[0].groups.indices.contains(g) && ruleFiles[f].file.documents[0].groups[g].rules.indices.contains(r)
    }

    /// The column of the rule's first key, for locations inside block scalars.
    func ruleColumn(of query: LintQuery) -> Int? {
        guard case .rule(let f, let g, let r) = query.origin else { return nil }
        if isSingleDocument(f, g, r) { return ruleFiles[f].file.documents[0].groups[g].rules[r].location?.column }
        return ruleContext(of: query)?.rule.location?.column
    }

    /// The location of byte `offset` of `query`'s text (see ``LintQuery/location(ofByte:ruleColumn:)``).
    func location(of query: LintQuery, atByte offset: Int) -> Location {
        query.location(ofByte: offset, ruleColumn: ruleColumn(of: query))
    }
}

extension RuleContext {
    var subject: LintSubject { LintSubject(file: file.path, group: group.name.value, name: rule.name.value) }
    var isAlert: Bool { rule.kind == .alert }
    var isRecording: Bool { rule.kind == .record }
}

extension LintQuery {
    /// The file location of byte `offset` of the expression.
    ///
    /// - JSON: dashboards keep an expression on one line as an escaped string; the column
    ///   counts the opening quote and the escapes (`\"`, `\\`, `\n`) before the offset.
    /// - YAML: a multi-line expression is a block scalar (`expr: |`), whose location is the
    ///   indicator; its first content line is the next one. YAML keeps no indentation in the
    ///   model, so the column assumes the block is indented two columns deeper than the rule's
    ///   keys (`ruleColumn`), the layout of Prometheus' and prometheus-operator's examples; the
    ///   line is exact. A one-line expression is counted from its first character.
    /// - Swift: the DSL line itself, which is where the user edits.
    public func location(ofByte offset: Int, ruleColumn: Int? = nil) -> Location {
        let bytes = Array(text.utf8)
        let end = Swift.min(Swift.max(offset, 0), bytes.count)
        var lineIndex = 0
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            lineIndex += 1
            lineStart = index + 1
        }
        // Columns count Unicode scalars, as the readers do.
        var scalars = 0
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
        switch location {
        case .source:
            return location
        case .json(var json):
            guard json.line > 0 else { return location }
            var escapes = 0
            for index in 0..<end {
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): escapes += 1
                case 0..<0x20: escapes += 5
                default: break
                }
            }
            json.column += 1 + scalars + escapes
            return .json(json)
        case .file(var file):
            guard file.line > 0 else { return location }
            if bytes.contains(UInt8(ascii: "\n")) {
                file.line += 1 + lineIndex
                file.column = (ruleColumn ?? file.column) + 2 + scalars
            } else {
                file.column += scalars
            }
            return .file(file)
        }
    }

    /// The text of byte range `range` of the expression.
    func slice(_ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        let lower = Swift.min(Swift.max(range.lowerBound, 0), bytes.count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Whether label flow can be trusted: no Grafana variable stands where a label name is.
    var hasExactLabelNames: Bool { !GrafanaVariables.hasNamePlaceholder(text: text, parsedText: parsedText) }
}

extension LocatedText {
    /// Where line `line` (1-based, as Go templates count) of a multi-line value starts; the
    /// value's own location for the first line or when unknown.
    func location(ofLine line: Int, ruleColumn: Int?) -> Location? {
        guard let location else { return nil }
        guard line >= 1, case .file(var file) = location, value.utf8.contains(UInt8(ascii: "\n")) else { return location }
        file.line += line
        file.column = (ruleColumn ?? file.column) + 4
        return .file(file)
    }
}

/// Normalised names (see ``HighCardinalityLabels``) as bytes, for the scan of every query's
/// text: a deny-list holds a few dozen short names, so a filter on lengths and a byte comparison
/// decide faster than hashing each word.
struct NormalizedNames {
    private let names: [[UInt8]]
    /// Bit `n` is set when a name has `n` bytes (names of 64 bytes or more set bit 63).
    private let lengths: UInt64
    /// The length of the longest name.
    let maximumLength: Int

    init(_ names: [[UInt8]]) {
        self.names = names
        lengths = names.reduce(0) { $0 | NormalizedNames.bit($1.count) }
        maximumLength = names.map(\.count).max() ?? 0
    }

    var isEmpty: Bool { names.isEmpty }

    func contains<Word: Collection<UInt8>>(_ word: Word) -> Bool {
        guard lengths & NormalizedNames.bit(word.count) != 0 else { return false }
        return names.contains { $0.count == word.count && $0.elementsEqual(word) }
    }

    private static func bit(_ count: Int) -> UInt64 { 1 << UInt64(Swift.min(count, 63)) }
}

/// Label names compared as the high-cardinality deny-list compares them: lowercase, with `_`,
/// `-` and `.` removed, so `traceID`, `TraceId` and `trace_id` are one name.
struct HighCardinalityLabels {
    private let normalized: [String: String]
    /// The normalised entries as bytes, for ``LintQuery/mentionsAny(_:scratch:)``.
    var normalizedSet: NormalizedNames { NormalizedNames(normalized.keys.map { Array($0.utf8) }) }

    init(_ labels: [String]) {
        var map: [String: String] = [:]
        for label in labels { map[HighCardinalityLabels.normalize(label)] = label }
        normalized = map
    }

    static func normalize(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...: return slowNormalize(name)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Names with non-ASCII letters (quoted UTF-8 label names) are lowercased by Unicode rules.
    private static func slowNormalize(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars where scalar != "_" && scalar != "-" && scalar != "." {
            result += String(scalar).lowercased()
        }
        return result
    }

    /// The deny-list entry `name` matches, or nil.
    func match(_ name: String) -> String? {
        normalized.isEmpty ? nil : normalized[HighCardinalityLabels.normalize(name)]
    }

    func match(_ name: PromQLString) -> String? {
        guard let text = name.string else { return nil }
        return match(text)
    }
}

extension Expr {
    /// The expression without enclosing parentheses.
    var unwrapped: Expr {
        var expr = self
        while case .paren(let inner) = expr { expr = inner.expr }
        return expr
    }

    /// Calls `visit` for every node, parents first, in source order; returning false skips the
    /// node's children.
    ///
    /// Iterative, with a stack of the nodes still to visit: a recursive walk copied the rule's
    /// captured state (its input, query and rule) at every node.
    func walk(_ visit: (Expr) -> Bool) {
        var pending: [Expr] = [self]
        while let expr = pending.popLast() {
            guard visit(expr) else { continue }
            // Children pushed last to first, so that the first is visited next.
            switch expr {
            case .number, .string, .vectorSelector, .matrixSelector, .duration: continue
            case .subquery(let node): pending.append(node.expr)
            case .paren(let node): pending.append(node.expr)
            case .unary(let node): pending.append(node.expr)
            case .binary(let node):
                pending.append(node.rhs)
                pending.append(node.lhs)
            case .aggregate(let node):
                pending.append(node.expr)
                if let param = node.param { pending.append(param) }
            case .call(let node):
                pending.append(contentsOf: node.args.reversed())
            }
        }
    }
}

extension PromQLString {
    /// The name for messages.
    var text: String { string ?? description }
}

/// Formats a label list for messages: `job, instance`, or `no labels`.
func describeLabels(_ labels: Set<PromQLString>) -> String {
    let names = labels.filter { $0 != "__name__" }.map(\.text).sorted()
    return names.isEmpty ? "no labels" : names.joined(separator: ", ")
}

extension LintQuery {
    /// Whether the expression's text contains `needle` (bytes compared; cheaper than
    /// `String.contains` for the quick pre-checks rules make before walking the tree).
    func mentions(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var matched = true
                    for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }
}

extension LintQuery {
    /// Whether the text as written has a range or subquery written with a literal duration
    /// (`[5m]`, `[ 1h:1m]`), as opposed to a Grafana variable (`[$__rate_interval]`).
    var hasLiteralRange: Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "[") {
                    var next = index + 1
                    while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
                    if next < bytes.count, bytes[next] >= UInt8(ascii: "0"), bytes[next] <= UInt8(ascii: "9") { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Whether a name in the text (a run of name characters, `-` and `.`), lowercased and
    /// without `_`, `-` and `.`, is one of `names` (normalised deny-list entries): a cheap,
    /// allocation-free test before walking the expression. `scratch` is reused between calls.
    func mentionsAny(_ names: NormalizedNames, scratch: inout [UInt8]) -> Bool {
        guard !names.isEmpty else { return false }
        // A word longer than every name cannot match: only its length is counted past that.
        let capacity = names.maximumLength + 1
        if scratch.count < capacity { scratch = Array(repeating: 0, count: capacity) }
        return scratch.withUnsafeMutableBufferPointer { word in
            var length = 0
            func matches() -> Bool { length <= names.maximumLength && names.contains(word[0..<length]) }
            var text = text
            return text.withUTF8 { bytes in
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                        continue
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        if length < capacity { word[length] = byte | (byte <= UInt8(ascii: "Z") && byte >= UInt8(ascii: "A") ? 0x20 : 0) }
                        length += 1
                    case 0x80...:
                        return true
                    default:
                        if length > 0 {
                            if matches() { return true }
                            length = 0
                        }
                    }
                }
                return length > 0 && matches()
            }
        }
    }
}

extension LintQuery.Origin {
    /// Whether the query is a panel target's expression.
    var isPanelTarget: Bool {
        if case .panelTarget = self { return true }
        return false
    }

    /// Whether the query is a rule's expression.
    var isRule: Bool {
        if case .rule = self { return true }
        return false
    }
}

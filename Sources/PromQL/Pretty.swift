// The multi-line form of an expression, equal to Prometheus' `Pretty()` (promtool's
// `promql format`): a node whose canonical form is longer than the line width is split,
// its children indented by two spaces per level.

extension Expr {
    /// The expression formatted over several lines, as Prometheus' `parser.Prettify` does.
    ///
    /// A node stays on one line while its canonical form (``description``) fits in
    /// `maxLineWidth` bytes; otherwise aggregations and calls put each argument on its own
    /// line, and binary operations put the operator on a line of its own between the operands.
    /// ```swift
    /// try PromQL.parse("sum by (job) (rate(x[5m]))").prettyPrinted(maxLineWidth: 10)
    /// // sum by (job) (
    /// //   rate(
    /// //     x[5m]
    /// //   )
    /// // )
    /// ```
    /// - Parameter maxLineWidth: the width above which a node is split (Prometheus uses 100).
    public func prettyPrinted(maxLineWidth: Int = 100) -> String {
        PrettyPrinter(maxLineWidth: maxLineWidth).pretty(self, level: 0)
    }
}

/// Prometheus' prettier, node by node. Like Prometheus, the width check uses the node's
/// canonical form, not counting the indentation. One deliberate difference: a subquery that
/// fits on its line is indented (Prometheus drops the indentation there).
struct PrettyPrinter {
    let maxLineWidth: Int

    /// `beforeArithmetic` marks the rightmost operands of an arithmetic operator's left side,
    /// as in ``CanonicalPrinter/write(_:beforeArithmetic:to:)``.
    func pretty(_ expr: Expr, level: Int, beforeArithmetic: Bool = false) -> String {
        let indent = String(repeating: "  ", count: level)
        var flat = ""
        CanonicalPrinter.write(expr, beforeArithmetic: beforeArithmetic, to: &flat)
        switch expr {
        case .aggregate(let node):
            guard needsSplit(flat) else { return indent + flat }
            var out = indent + CanonicalPrinter.aggregateClause(node) + "(\n"
            if let param = node.param {
                out += pretty(param, level: level + 1) + ",\n"
            }
            out += pretty(node.expr, level: level + 1) + "\n" + indent + ")"
            return out
        case .binary(let node):
            guard needsSplit(flat) else { return indent + flat }
            return pretty(node.lhs, level: level + 1, beforeArithmetic: node.op.isDurationArithmetic) + "\n" + indent
                + CanonicalPrinter.binaryOperatorClause(node) + "\n"
                + pretty(node.rhs, level: level + 1, beforeArithmetic: beforeArithmetic)
        case .call(let node):
            guard needsSplit(flat) else { return indent + flat }
            let arguments = node.args.map { pretty($0, level: level + 1) }.joined(separator: ",\n")
            return indent + node.function.name + "(\n" + arguments + "\n" + indent + ")"
        case .paren(let node):
            guard needsSplit(flat) else { return indent + flat }
            return indent + "(\n" + pretty(node.expr, level: level + 1) + "\n" + indent + ")"
        case .subquery(let node):
            // Prometheus returns a subquery that fits on one line without its indentation
            // (`max_over_time(\nrate(x[5m])[1h:]\n)`); it is indented here like every other node.
            guard needsSplit(flat) else { return indent + flat }
            var suffix = ""
            CanonicalPrinter.writeSubquerySuffix(node, beforeArithmetic: beforeArithmetic, to: &suffix)
            return pretty(node.expr, level: level) + suffix
        case .unary(let node):
            let child = pretty(node.expr, level: level, beforeArithmetic: beforeArithmetic)
            return indent + node.op.rawValue + PrettyPrinter.trimmingWhitespace(child)
        case .duration:
            // Duration expressions only occur inside ranges and offsets, which print inline.
            return flat
        case .number, .string, .vectorSelector, .matrixSelector:
            return indent + flat
        }
    }

    private func needsSplit(_ flat: String) -> Bool {
        flat.utf8.count > maxLineWidth
    }

    /// Go's `strings.TrimSpace` for ASCII whitespace.
    private static func trimmingWhitespace(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

import Testing
@testable import PeriscopeDiff

@Suite struct LineDiffTests {
    private func render(_ lines: [DiffLine]) -> String { lines.map { $0.operation.rawValue + $0.text }.joined(separator: "\n") }

    @Test func unchangedLinesAreContext() {
        #expect(render(LineDiff.lines(old: "a\nb\nc", new: "a\nb\nc")) == " a\n b\n c")
    }

    @Test func changedLineIsRemovedThenAdded() {
        let lines = LineDiff.lines(old: "sum(rate(x[5m]))\n  by (job)", new: "sum(rate(x[1m]))\n  by (job)")
        #expect(render(lines) == "-sum(rate(x[5m]))\n+sum(rate(x[1m]))\n   by (job)")
    }

    @Test func longestCommonSubsequenceIsKept() {
        // A shortest edit script keeps the four common lines b, c, e, f.
        let lines = LineDiff.lines(old: "a\nb\nc\nd\ne\nf", new: "b\nc\nx\ne\nf\ny")
        #expect(lines.filter { $0.operation == .context }.map(\.text) == ["b", "c", "e", "f"])
        #expect(lines.filter { $0.operation == .removed }.map(\.text) == ["a", "d"])
        #expect(lines.filter { $0.operation == .added }.map(\.text) == ["x", "y"])
        #expect(render(lines) == "-a\n b\n c\n-d\n+x\n e\n f\n+y")
    }

    @Test func emptySidesAndFinalNewline() {
        #expect(render(LineDiff.lines(old: "", new: "up\n")) == "+up")
        #expect(render(LineDiff.lines(old: "up", new: "")) == "-up")
        #expect(LineDiff.lines(old: "", new: "").isEmpty)
    }
}

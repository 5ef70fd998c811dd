import Foundation
import Testing

@testable import PromQL

@Suite("Parser conformance (parse_cases.jsonl, promqltest_exprs.jsonl)")
struct ParserConformanceTests {
    static func options(_ record: [String: Any]) -> ParseOptions {
        let spec = Corpus.options(record)
        return ParseOptions(
            enableExperimentalFunctions: spec.experimentalFunctions, experimentalDurationExpr: spec.durationExpr,
            extendedRangeSelectors: spec.extendedRangeSelectors, binopFillModifiers: spec.fillModifiers)
    }

    /// The top node's position fields in the Go AST literal (`PosRange`, `StartPos`, `EndPos`
    /// at the outermost indentation): the expected start and end offsets, when given.
    static func expectedTopRange(_ go: String) -> (start: Int?, end: Int?) {
        var start: Int?
        var end: Int?
        func integer(after marker: String, in line: Substring) -> Int? {
            guard let range = line.range(of: marker) else { return nil }
            return Int(line[range.upperBound...].prefix { $0 == "-" || $0.isNumber })
        }
        for line in go.split(separator: "\n") {
            let tabs = line.prefix { $0 == "\t" }.count
            guard tabs == 3 else { continue }
            let field = line.dropFirst(3)
            if field.hasPrefix("PosRange:") {
                start = integer(after: "Start: ", in: field)
                end = integer(after: "End: ", in: field)
            } else if field.hasPrefix("EndPos:") {
                end = integer(after: "EndPos:", in: field.replacingOccurrences(of: " ", with: "")[...])
            } else if field.hasPrefix("StartPos:") {
                start = integer(after: "StartPos:", in: field.replacingOccurrences(of: " ", with: "")[...])
            }
        }
        return (start, end)
    }

    @Test(.enabled(if: corpusAvailable, "../shared/promql-corpus not found; skipping"))
    func parseCasesAgreeWithPrometheus() throws {
        let records = try Corpus.records("parse_cases.jsonl")
        #expect(records.count > 300)
        var agree = 0
        var failures = 0
        var messageMatches = 0
        var positionMatches = 0
        var typeMatches = 0
        var successes = 0
        var rangeChecked = 0
        var rangeMatches = 0
        var report: [String] = []
        for record in records {
            let bytes = Corpus.inputBytes(record)
            let result = PromQL.parseCollectingErrors(utf8: bytes, options: Self.options(record))
            let shouldSucceed = record["ok"] as? Bool ?? true
            let input = String(decoding: bytes.prefix(120), as: UTF8.self)
            if shouldSucceed {
                successes += 1
                if let expr = result.expr, result.errors.isEmpty {
                    agree += 1
                    if expr.kindName == record["expected_type"] as? String {
                        typeMatches += 1
                    } else {
                        report.append("type  \(input): expected \(record["expected_type"] ?? ""), got \(expr.kindName)")
                    }
                    let expected = Self.expectedTopRange(record["expected_go"] as? String ?? "")
                    if expected.start != nil || expected.end != nil {
                        rangeChecked += 1
                        let startOK = expected.start.map { $0 == expr.range.lowerBound } ?? true
                        let endOK = expected.end.map { $0 == expr.range.upperBound } ?? true
                        if startOK && endOK {
                            rangeMatches += 1
                        } else {
                            report.append("range \(input): expected \(expected), got \(expr.range)")
                        }
                    }
                } else {
                    report.append("fail  \(input): \(result.errors.first?.message ?? "")")
                }
                continue
            }
            failures += 1
            guard let first = result.errors.first else {
                report.append("ok    \(input): expected error \(record["error"] ?? "")")
                continue
            }
            agree += 1
            let expectedMessage = record["error"] as? String ?? ""
            let expectedStart = ((record["errors"] as? [[String: Any]])?.first?["start"] as? Int) ?? -1
            if first.message == expectedMessage {
                messageMatches += 1
            } else {
                report.append("msg   \(input): expected \(expectedMessage) | got \(first.message)")
            }
            if first.range.lowerBound == expectedStart {
                positionMatches += 1
            } else {
                report.append("pos   \(input): expected \(expectedStart), got \(first.range.lowerBound)")
            }
        }
        print(
            "parse_cases: ok/fail agreement \(percent(agree, records.count)) (\(agree)/\(records.count)); "
                + "first error message \(percent(messageMatches, failures)) (\(messageMatches)/\(failures)); "
                + "start position \(percent(positionMatches, failures)) (\(positionMatches)/\(failures)); "
                + "top node type \(percent(typeMatches, successes)) (\(typeMatches)/\(successes)); "
                + "top node position \(percent(rangeMatches, rangeChecked)) (\(rangeMatches)/\(rangeChecked))")
        for line in report.prefix(60) { print("  parse_cases \(line)") }
        #expect(Double(agree) >= 0.99 * Double(records.count))
        #expect(Double(messageMatches) >= 0.90 * Double(failures))
        #expect(Double(positionMatches) >= 0.90 * Double(failures))
        #expect(typeMatches == successes)
        #expect(rangeChecked > 150)
        #expect(Double(rangeMatches) >= 0.95 * Double(rangeChecked))
    }

    @Test(.enabled(if: corpusAvailable, "../shared/promql-corpus not found; skipping"))
    func promqltestExpressionsAllParse() throws {
        let records = try Corpus.records("promqltest_exprs.jsonl")
        #expect(records.count > 2000)
        var parsed = 0
        var report: [String] = []
        for record in records {
            let bytes = Corpus.inputBytes(record)
            let result = PromQL.parseCollectingErrors(utf8: bytes, options: Self.options(record))
            if result.errors.isEmpty, result.expr != nil {
                parsed += 1
            } else {
                report.append("\(record["input"] ?? ""): \(result.errors.first?.description ?? "")")
            }
        }
        print("promqltest_exprs: parsed \(percent(parsed, records.count)) (\(parsed)/\(records.count))")
        for line in report.prefix(30) { print("  promqltest failure: \(line)") }
        #expect(parsed == records.count)
    }
}

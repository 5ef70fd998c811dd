import Foundation
import PromQL
import Testing

/// `../shared/promql-corpus`, located from this file (following symlinks, so a throwaway
/// package that links these sources finds it too).
private let roundtripCorpusDirectory: URL? = {
    let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
    let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/promql-corpus")
    return FileManager.default.fileExists(atPath: corpus.appendingPathComponent("roundtrip_cases.jsonl").path) ? corpus : nil
}()

private let roundtripCorpusAvailable = roundtripCorpusDirectory != nil

private func loadJSONLines(_ name: String) throws -> [[String: Any]] {
    let url = try #require(roundtripCorpusDirectory).appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

/// The parser options a corpus case names (Go field names), on top of the defaults.
private func parseOptions(_ raw: Any?) -> ParseOptions {
    let flags = raw as? [String: Bool] ?? [:]
    return ParseOptions(
        enableExperimentalFunctions: flags["EnableExperimentalFunctions"] ?? false,
        experimentalDurationExpr: flags["ExperimentalDurationExpr"] ?? false,
        extendedRangeSelectors: flags["EnableExtendedRangeSelectors"] ?? false,
        binopFillModifiers: flags["EnableBinopFillModifiers"] ?? false)
}

@Suite("Printer round trip against Prometheus")
struct RoundtripTests {
    /// Prometheus' printer_test.go (`String()`) and prettier_test.go (`Pretty()`, which runs
    /// with `maxCharactersPerLine = 10`).
    @Test(.enabled(if: roundtripCorpusAvailable, "../shared/promql-corpus not found; skipping"))
    func corpusRoundtrip() throws {
        var totals: [String: Int] = [:]
        var equal: [String: Int] = [:]
        var mismatches: [String] = []
        for entry in try loadJSONLines("roundtrip_cases.jsonl") {
            let kind = try #require(entry["kind"] as? String)
            let input = try #require(entry["input"] as? String)
            let outputWasEmpty = entry["output_was_empty"] as? Bool ?? true
            let expected = outputWasEmpty ? input : (entry["output"] as? String ?? input)
            totals[kind, default: 0] += 1
            let printed: String
            do {
                let expr = try PromQL.parse(input, options: parseOptions(entry["parser_options"]))
                printed = kind == "Pretty()" ? expr.prettyPrinted(maxLineWidth: 10) : expr.description
            } catch {
                mismatches.append("[\(kind)] parse failed for \(input): \(error)")
                continue
            }
            if printed == expected {
                equal[kind, default: 0] += 1
            } else {
                mismatches.append("[\(kind)] \(input)\n  expected: \(expected)\n  printed:  \(printed)")
            }
        }
        for kind in ["String()", "Pretty()"] {
            let total = totals[kind, default: 0]
            let same = equal[kind, default: 0]
            let percent = total == 0 ? 0 : Double(same) * 100 / Double(total)
            print("roundtrip_cases.jsonl \(kind): \(same)/\(total) equal (\(String(format: "%.1f", percent)) %)")
        }
        if !mismatches.isEmpty { print("roundtrip mismatches:\n" + mismatches.joined(separator: "\n")) }
        let stringTotal = try #require(totals["String()"])
        #expect(Double(equal["String()", default: 0]) >= 0.95 * Double(stringTotal), "String() equality below 95 %")
        let prettyTotal = try #require(totals["Pretty()"])
        #expect(Double(equal["Pretty()", default: 0]) >= 0.90 * Double(prettyTotal), "Pretty() equality below 90 %")
    }

    /// Printing is a fixed point: the canonical form of every promqltest expression parses
    /// again and prints identically, and so does its pretty form.
    @Test(.enabled(if: roundtripCorpusAvailable, "../shared/promql-corpus not found; skipping"))
    func canonicalFormReparses() throws {
        var checked = 0
        var failures: [String] = []
        for entry in try loadJSONLines("promqltest_exprs.jsonl") {
            let input = try #require(entry["input"] as? String)
            let options = ParseOptions.allFeatures
            guard let expr = try? PromQL.parse(input, options: options) else { continue }
            checked += 1
            let canonical = expr.description
            do {
                let again = try PromQL.parse(canonical, options: options)
                if again.description != canonical { failures.append("not stable: \(input) → \(canonical) → \(again.description)") }
                let pretty = expr.prettyPrinted(maxLineWidth: 20)
                let fromPretty = try PromQL.parse(pretty, options: options)
                if fromPretty.description != canonical { failures.append("pretty form differs: \(input) → \(pretty)") }
            } catch {
                failures.append("canonical form does not parse: \(input) → \(canonical): \(error)")
            }
        }
        print("promqltest_exprs.jsonl: \(checked - failures.count)/\(checked) canonical forms reparse identically")
        #expect(checked > 2000)
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }
}

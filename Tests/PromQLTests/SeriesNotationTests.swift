import Foundation
import PromQL
import Testing

/// `../shared/promql-corpus`, located from this file (following symlinks, so the folder is
/// found from a throwaway package that links the test sources too).
private let seriesCorpusDirectory: URL? = {
    let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
    let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/promql-corpus")
    return FileManager.default.fileExists(atPath: corpus.appendingPathComponent("series_cases.jsonl").path) ? corpus : nil
}()

private let seriesCorpusAvailable = seriesCorpusDirectory != nil

private func loadSeriesCases() throws -> [[String: Any]] {
    let url = try #require(seriesCorpusDirectory).appendingPathComponent("series_cases.jsonl")
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

@Suite("Series notation")
struct SeriesNotationTests {
    @Test(.enabled(if: seriesCorpusAvailable, "../shared/promql-corpus not found; skipping"))
    func corpusConformance() throws {
        let cases = try loadSeriesCases()
        var floatTotal = 0, floatAgree = 0, histogramTotal = 0, histogramAgree = 0, failTotal = 0, failRejected = 0
        var histogramValueTotal = 0, histogramValueAgree = 0
        var disagreements: [String] = []
        for entry in cases {
            let input = try #require(entry["input"] as? String)
            let ok = try #require(entry["ok"] as? Bool)
            let kind = try #require(entry["kind"] as? String)
            let parsed = Result { () throws(SeriesNotationError) in try SeriesDescription(parsing: input) }
            if !ok {
                failTotal += 1
                if case .failure = parsed { failRejected += 1 } else { disagreements.append("accepted invalid: \(input)") }
            }
            if kind == "histogram" {
                histogramTotal += 1
                let accepted = (try? parsed.get()) != nil
                if accepted == ok { histogramAgree += 1 } else { disagreements.append("histogram \(ok ? "rejected" : "accepted"): \(input)") }
                if ok, case .success(let series) = parsed {
                    histogramValueTotal += 1
                    let expected = try GoHistogramLiteral.parse(try #require(entry["expected_go"] as? String))
                    let actual = series.values.map { value -> SeriesHistogram? in
                        if case .histogram(let histogram)? = value { return histogram }
                        return nil
                    }
                    if actual == expected.map(Optional.some) {
                        histogramValueAgree += 1
                    } else {
                        disagreements.append("histogram values differ for \(input):\n  expected \(expected)\n  parsed   \(actual)")
                    }
                }
                continue
            }
            floatTotal += 1
            guard ok else {
                if case .failure = parsed { floatAgree += 1 }
                continue
            }
            guard case .success(let series) = parsed else {
                disagreements.append("rejected valid: \(input)")
                continue
            }
            let texts = try #require(entry["labels"] as? [String: String])
            let labels = Dictionary(uniqueKeysWithValues: texts.map { (PromQLString($0.key), PromQLString($0.value)) })
            let rawValues = try #require(entry["values"] as? [Any])
            let expected: [SeriesValue?] = rawValues.map { ($0 as? NSNumber).map { .float($0.doubleValue) } }
            if series.labels == labels && series.values == expected {
                floatAgree += 1
            } else {
                disagreements.append("different result for \(input): \(series)")
            }
        }
        print("series_cases.jsonl: float \(floatAgree)/\(floatTotal) agree, histogram accept/reject \(histogramAgree)/\(histogramTotal) agree (values \(histogramValueAgree)/\(histogramValueTotal)), invalid rejected \(failRejected)/\(failTotal)")
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        #expect(floatAgree == floatTotal)
        #expect(histogramAgree == histogramTotal)
        #expect(histogramValueAgree == histogramValueTotal && histogramValueTotal > 0)
        #expect(failRejected == failTotal)
        #expect(floatTotal > 0 && histogramTotal > 0)
    }

    @Test(arguments: [
        ("a 1 2", ["__name__": "a"], [SeriesValue?.some(.float(1)), .float(2)]),
        (#"a{b="c"} 1+2x3 _ stale"#, ["__name__": "a", "b": "c"], [.float(1), .float(3), .float(5), .float(7), nil, .stale]),
        ("{} 1-1x3", [:], [.float(1), .float(0), .float(-1), .float(-2)]),
        ("{} _x3 7", [:], [nil, nil, nil, .float(7)]),
        ("m 5x2", ["__name__": "m"], [.float(5), .float(5), .float(5)]),
        ("m:rate5m{} 0.5 +Inf -inf", ["__name__": "m:rate5m"], [.float(0.5), .float(.infinity), .float(-.infinity)]),
        (#"{"my.metric", a='x'} 1e3 1_000 010"#, ["__name__": "my.metric", "a": "x"], [.float(1000), .float(1000), .float(8)]),
        ("m 5m 1h30m", ["__name__": "m"], [.float(300), .float(5400)]),
        ("m\t1\n2  ", ["__name__": "m"], [.float(1), .float(2)]),
        ("m stale+1x2 1", ["__name__": "m"], [.stale, .stale, .stale, .float(1)]),
        (#"m{a="\"q\" \u00e9 \x41"} stale"#, ["__name__": "m", "a": "\"q\" é A"], [.stale]),
    ] as [(String, [PromQLString: PromQLString], [SeriesValue?])])
    func floatSeries(input: String, labels: [PromQLString: PromQLString], values: [SeriesValue?]) throws {
        let series = try SeriesDescription(parsing: input)
        #expect(series.labels == labels)
        #expect(series.values == values)
    }

    @Test(arguments: [
        "1 2 3", "m 1+1", "m 1x", "m 1xa", "m _-1", "m stalex2", "m foo", "m 1 2x3x4", "m{a=\"b\"}1",
        "m{a=~\"b\"} 1", "m{a=\"b\" 1", "m 0x1F", "m 1a", "m{a=\"b\",,} 1", "m 1x99999999999", "m #c",
        "m {{sum:1}}+{{sum:1}}", "m {{sum: 1}}", "m {{buckets:[]}}", "m {{schema:+1}}",
        "{} _ 1 x .3", "{} {{buckets: [5 10 7]}}", "m stalex2", "m stale+1",
    ])
    func rejects(input: String) {
        #expect(throws: SeriesNotationError.self) { try SeriesDescription(parsing: input) }
    }

    /// Inputs of Prometheus' lex_test.go series-description group that the grammar accepts.
    @Test(arguments: [
        ("{} {{buckets:[Inf NaN] schema:1}}", 1),
        ("{} {{sum:1}}+{{sum:0}}x2 {{sum:1}}+{{sum:0}}x3", 7),
        ("metric +Inf Inf NaN", 3),
        ("metric 1+1x4", 5),
        ("{} {{buckets:[5]}}", 1),
    ])
    func acceptsLexerCorpusSeries(input: String, count: Int) throws {
        #expect(try SeriesDescription(parsing: input).values.count == count)
    }

    @Test func errorCarriesOffset() {
        #expect(throws: SeriesNotationError(message: "unexpected identifier \"foo\" in series values, expected a number or \"stale\"", offset: 4)) {
            try SeriesDescription(parsing: "m 1 foo")
        }
    }

    @Test func histogramFields() throws {
        let series = try SeriesDescription(parsing: "{} {{schema:1 sum:0.3 count:3.1 z_bucket:7.1 z_bucket_w:0.05 buckets:[5.1 10 7] offset:3 n_buckets:[4.1 5] n_offset:5 counter_reset_hint:gauge}}")
        guard case .histogram(let histogram)?? = series.values.first else {
            Issue.record("expected a histogram, got \(series.values)")
            return
        }
        #expect(histogram.schema == 1)
        #expect(histogram.sum == 0.3)
        #expect(histogram.count == 3.1)
        #expect(histogram.zeroCount == 7.1)
        #expect(histogram.zeroThreshold == 0.05)
        #expect(histogram.positiveBuckets == [5.1, 10, 7])
        #expect(histogram.positiveSpans == [.init(offset: 3, length: 3)])
        #expect(histogram.negativeBuckets == [4.1, 5])
        #expect(histogram.negativeSpans == [.init(offset: 5, length: 2)])
        #expect(histogram.counterResetHint == .gauge)
    }

    @Test func histogramIncrementReducesSchema() throws {
        // Prometheus parse_test.go: "series with increment - with different schemas".
        let series = try SeriesDescription(parsing: "{} {{buckets:[5] schema:0}}+{{buckets:[1 2] schema:1}}x2")
        let buckets = series.values.map { value -> [Double] in
            if case .histogram(let h)? = value { return h.positiveBuckets }
            return []
        }
        #expect(buckets == [[5], [6, 2], [7, 4]])
    }

    @Test func histogramDecrementAndRepeat() throws {
        let series = try SeriesDescription(parsing: "{} {{buckets:[5 10 7] schema:1}}-{{buckets:[1 2 3] schema:1}}x2 {{sum:1}}x1")
        let described = series.values.map { value -> String in
            guard case .histogram(let h)? = value else { return "?" }
            return "\(h.positiveBuckets) \(h.sum)"
        }
        #expect(described == ["[5.0, 10.0, 7.0] 0.0", "[4.0, 8.0, 4.0] 0.0", "[3.0, 6.0, 1.0] 0.0", "[] 1.0", "[] 1.0"])
    }

    @Test func histogramSchemaMismatchIsAnError() {
        #expect(throws: SeriesNotationError.self) {
            try SeriesDescription(parsing: "{} {{buckets:[5 10 7] schema:1}}+{{buckets:[1 2 3] schema:0}}x2")
        }
    }
}

/// Reads the Go composite literal of `[]histogram.FloatHistogram{…}` that series_cases.jsonl
/// carries as `expected_go` (fields `Schema: 1,`, `PositiveBuckets: []float64{…}`,
/// `PositiveSpans: []histogram.Span{{Offset: 0, Length: 3}}`, `CounterResetHint: histogram.GaugeType`).
private enum GoHistogramLiteral {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ literal: String) throws -> [SeriesHistogram] {
        let prefix = "[]histogram.FloatHistogram{"
        guard literal.hasPrefix(prefix), literal.hasSuffix("}") else { throw Malformed(description: literal) }
        let body = Array(literal.dropFirst(prefix.count).dropLast())
        return try topLevelGroups(body).map { try histogram(from: $0) }
    }

    /// The contents of each `{…}` at nesting depth 0 of `text`.
    private static func topLevelGroups(_ text: [Character]) -> [[Character]] {
        var groups: [[Character]] = []
        var depth = 0
        var current: [Character] = []
        for character in text {
            if character == "{" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 {
                    groups.append(current)
                    current = []
                } else {
                    current.append(character)
                }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return groups
    }

    private static func histogram(from body: [Character]) throws -> SeriesHistogram {
        var histogram = SeriesHistogram()
        for (name, value) in fields(body) {
            switch name {
            case "Schema": histogram.schema = try require(Int32(value), value)
            case "Sum": histogram.sum = try require(Double(value), value)
            case "Count": histogram.count = try require(Double(value), value)
            case "ZeroCount": histogram.zeroCount = try require(Double(value), value)
            case "ZeroThreshold": histogram.zeroThreshold = try require(Double(value), value)
            case "PositiveBuckets": histogram.positiveBuckets = try floats(value)
            case "NegativeBuckets": histogram.negativeBuckets = try floats(value)
            case "PositiveSpans": histogram.positiveSpans = try spans(value)
            case "NegativeSpans": histogram.negativeSpans = try spans(value)
            case "CustomValues": histogram.customValues = try floats(value)
            case "CounterResetHint":
                let hints: [String: SeriesHistogram.CounterResetHint] = [
                    "histogram.UnknownCounterReset": .unknown, "histogram.CounterReset": .reset,
                    "histogram.NotCounterReset": .notReset, "histogram.GaugeType": .gauge,
                ]
                histogram.counterResetHint = try require(hints[value], value)
            default:
                throw Malformed(description: "unknown field \(name)")
            }
        }
        return histogram
    }

    /// `Name: value` pairs separated by commas at nesting depth 0.
    private static func fields(_ body: [Character]) -> [(String, String)] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in body {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == "," && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.compactMap { part in
            guard let colon = part.firstIndex(of: ":") else { return nil }
            let name = part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
            let value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            return name.isEmpty ? nil : (name, value)
        }
    }

    private static func floats(_ value: String) throws -> [Double] {
        guard let open = value.firstIndex(of: "{"), let close = value.lastIndex(of: "}") else { throw Malformed(description: value) }
        return try value[value.index(after: open)..<close].split(separator: ",").map {
            let text = $0.trimmingCharacters(in: .whitespacesAndNewlines)
            return try require(Double(text), text)
        }
    }

    private static func spans(_ value: String) throws -> [SeriesHistogram.Span] {
        try topLevelGroups(Array(value.drop { $0 != "{" }.dropFirst().dropLast())).map { group in
            let values = Dictionary(uniqueKeysWithValues: fields(group))
            return SeriesHistogram.Span(
                offset: try require(values["Offset"].flatMap { Int32($0) }, "\(values)"),
                length: try require(values["Length"].flatMap { UInt32($0) }, "\(values)"))
        }
    }

    private static func require<T>(_ value: T?, _ text: String) throws -> T {
        guard let value else { throw Malformed(description: "cannot read \(text)") }
        return value
    }
}

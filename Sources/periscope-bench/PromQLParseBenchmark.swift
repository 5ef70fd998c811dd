// PromQL parse throughput, as WORKLOADS.md ("PromQL parse throughput") specifies: parse a
// set of expressions in-process, one warm-up pass, then rounds that repeat the whole set
// until at least `minimumSeconds` of wall time have passed; report the median over the
// rounds of expressions per second. Tests/Tools/promql_parser_throughput.py measures the
// Rust-backed `promql-parser` the same way, on the same sets (Tests/Tools/promql_inputs.py).

import PromQL

/// The throughput of parsing one input set.
struct ParseBenchmarkResult: Sendable, Equatable {
    /// The input set's name (`corpus`, `w1`, `w2`).
    var name: String
    /// Number of expressions in the set.
    var expressionCount: Int
    /// Expressions the parser rejected (they are parsed and counted like the others).
    var rejectedCount: Int
    /// Median over the rounds of expressions parsed per second.
    var expressionsPerSecond: Double
    /// Expressions per second of each round, in order.
    var roundRates: [Double]
    /// Wall time of each round in seconds (each at least the minimum).
    var roundSeconds: [Double]
}

/// Measures parse throughput for each named set of expressions.
///
/// - Parameters:
///   - inputs: the sets, e.g. `[("corpus", …), ("w1", …), ("w2", …)]`.
///   - rounds: number of timed rounds (the median is reported).
///   - minimumSeconds: wall time each round runs at least, repeating the whole set.
///   - options: parser options; the default enables every feature the corpus uses.
func runPromQLParseBenchmark(
    inputs: [(name: String, exprs: [String])], rounds: Int = 5, minimumSeconds: Double = 2,
    options: ParseOptions = .allFeatures
) -> [ParseBenchmarkResult] {
    inputs.map { input in
        measureParseThroughput(name: input.name, exprs: input.exprs, rounds: max(1, rounds), minimumSeconds: minimumSeconds, options: options)
    }
}

private func measureParseThroughput(
    name: String, exprs: [String], rounds: Int, minimumSeconds: Double, options: ParseOptions
) -> ParseBenchmarkResult {
    guard !exprs.isEmpty else {
        return ParseBenchmarkResult(name: name, expressionCount: 0, rejectedCount: 0, expressionsPerSecond: 0, roundRates: [], roundSeconds: [])
    }
    // Warm-up pass, which also counts the rejected expressions.
    var rejected = 0
    var checksum = 0
    for expr in exprs {
        checksum &+= parseOnce(expr, options: options, rejected: &rejected)
    }
    let clock = ContinuousClock()
    let minimum = Duration.nanoseconds(Int64(minimumSeconds * 1e9))
    var rates: [Double] = []
    var seconds: [Double] = []
    for _ in 0..<rounds {
        var parsed = 0
        var ignored = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            for expr in exprs {
                checksum &+= parseOnce(expr, options: options, rejected: &ignored)
            }
            parsed += exprs.count
            elapsed = start.duration(to: clock.now)
        } while elapsed < minimum
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        seconds.append(wall)
        rates.append(Double(parsed) / wall)
    }
    // Keeps the parse results observable so the optimizer cannot drop the work.
    if checksum == Int.min { print("checksum \(checksum)") }
    let sorted = rates.sorted()
    let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    return ParseBenchmarkResult(
        name: name, expressionCount: exprs.count, rejectedCount: rejected, expressionsPerSecond: median,
        roundRates: rates, roundSeconds: seconds)
}

/// Parses one expression; returns a value derived from the result.
@inline(never)
private func parseOnce(_ expr: String, options: ParseOptions, rejected: inout Int) -> Int {
    do {
        return try PromQL.parse(expr, options: options).range.upperBound
    } catch {
        rejected += 1
        return error.range.lowerBound
    }
}

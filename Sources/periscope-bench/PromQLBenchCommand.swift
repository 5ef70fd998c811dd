import Foundation
import PromQL

/// The PromQL parse-throughput benchmark: our parser in-process, and `promql-parser` (PyPI) the same way.
enum PromQLBenchCommand {
    /// Loads `corpus.json`, `w1.json` and `w2.json` (JSON arrays of strings) from `directory`.
    static func loadInputs(_ directory: String) -> [(name: String, exprs: [String])] {
        ["corpus", "w1", "w2"].compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/\(name).json"),
                let exprs = try? JSONSerialization.jsonObject(with: data) as? [String]
            else { return nil }
            return (name, exprs)
        }
    }

    /// `periscope-bench promql INDIR`: prints our throughput per set.
    static func run(_ arguments: [String]) -> Int32 {
        guard let directory = arguments.first else {
            print("usage: periscope-bench promql INDIR")
            return 64
        }
        let inputs = loadInputs(directory)
        guard !inputs.isEmpty else {
            print("no input sets in \(directory)")
            return 1
        }
        for result in runPromQLParseBenchmark(inputs: inputs) {
            print("\(result.name): \(Int(result.expressionsPerSecond)) exprs/s (\(result.expressionCount) exprs, \(result.rejectedCount) rejected)")
        }
        return 0
    }

    /// Measures both parsers on the same inputs in one run and prints the ratio.
    static func compare(work: String, shared: String) -> Int {
        print("PromQL parse throughput (in-process, median of 5 rounds of >= 2 s)")
        let inputsDirectory = work + "/promql-inputs"
        let (written, text) = BenchDriver.check("Tests/Tools/promql_inputs.py", [inputsDirectory, "--shared", shared])
        guard written else {
            print("  cannot write the input sets: \(text)")
            return 1
        }
        let inputs = loadInputs(inputsDirectory)
        let ours = runPromQLParseBenchmark(inputs: inputs)
        let (measured, output) = BenchDriver.check("Tests/Tools/promql_parser_throughput.py", [inputsDirectory])
        var theirs: [String: Double] = [:]
        if measured, let brace = output.firstIndex(of: "{"), case let data = Data(output[brace...].utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let results = object["results"] as? [[String: Any]]
        {
            for result in results {
                if let name = result["set"] as? String, let rate = result["exprs_per_second"] as? Double { theirs[name] = rate }
            }
        } else {
            print("  promql-parser (PyPI 0.12.0) not measured: \(output.split(separator: "\n").last ?? "")")
        }
        for result in ours {
            var line = "  \(result.name): Periscope \(Int(result.expressionsPerSecond)) exprs/s (\(result.expressionCount) exprs)"
            if let other = theirs[result.name] {
                line += ", promql-parser \(Int(other)) exprs/s, ratio \(format(result.expressionsPerSecond / other, 2))x (target >= 5x)"
            }
            print(line)
        }
        print("")
        return 0
    }
}

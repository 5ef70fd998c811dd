import Foundation

/// Locates and reads the shared PromQL conformance corpus (`<repo>/../shared/promql-corpus`).
enum Corpus {
    /// The corpus folder, or nil when it is not present.
    static let directory: URL? = {
        var candidates: [URL] = []
        let testFile = URL(fileURLWithPath: #filePath)
        // <repo>/Tests/PromQLTests/<file> -> <repo>; also try with symlinks resolved (dev packages).
        for file in [testFile, testFile.resolvingSymlinksInPath()] {
            let repo = file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            candidates.append(repo.deletingLastPathComponent().appendingPathComponent("shared/promql-corpus"))
        }
        let testDirectory = testFile.deletingLastPathComponent().resolvingSymlinksInPath()
        let repo = testDirectory.deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.deletingLastPathComponent().appendingPathComponent("shared/promql-corpus"))
        candidates.append(URL(fileURLWithPath: "/work/shared/promql-corpus"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }()

    /// Whether the corpus is available.
    static var available: Bool { directory != nil }

    /// The JSON objects of a `.jsonl` corpus file.
    static func records(_ name: String) throws -> [[String: Any]] {
        guard let directory else { return [] }
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        guard let text = String(data: data, encoding: .utf8) else { return [] }
        var result: [[String: Any]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            if let dictionary = object as? [String: Any] { result.append(dictionary) }
        }
        return result
    }

    /// A corpus `.json` file as a dictionary.
    static func json(_ name: String) throws -> [String: Any] {
        guard let directory else { return [:] }
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The exact input bytes of a record (`input_b64` when the input is not valid UTF-8).
    static func inputBytes(_ record: [String: Any]) -> [UInt8] {
        if record["not_utf8"] as? Bool == true, let b64 = record["input_b64"] as? String,
            let data = Data(base64Encoded: b64)
        {
            return Array(data)
        }
        return Array((record["input"] as? String ?? "").utf8)
    }

    /// Parse options from a record's `parser_options`.
    static func options(_ record: [String: Any]) -> ParseOptionsSpec {
        let raw = record["parser_options"] as? [String: Any] ?? [:]
        return ParseOptionsSpec(
            experimentalFunctions: raw["EnableExperimentalFunctions"] as? Bool ?? false,
            durationExpr: raw["ExperimentalDurationExpr"] as? Bool ?? false,
            extendedRangeSelectors: raw["EnableExtendedRangeSelectors"] as? Bool ?? false,
            fillModifiers: raw["EnableBinopFillModifiers"] as? Bool ?? false
        )
    }
}

/// The four Prometheus parser flags of a corpus record.
struct ParseOptionsSpec {
    var experimentalFunctions: Bool
    var durationExpr: Bool
    var extendedRangeSelectors: Bool
    var fillModifiers: Bool
}

/// Formats a percentage with one decimal.
func percent(_ part: Int, _ whole: Int) -> String {
    guard whole > 0 else { return "n/a" }
    let value = Double(part) * 100 / Double(whole)
    return String(format: "%.1f%%", value)
}

let corpusAvailable = Corpus.available

import PeriscopeDSL
import PromQL

/// The SLI query templates of an SLO and their window placeholder, `{{.window}}`.
///
/// Sloth renders the queries as Go templates with one variable, `window`, and checks that each
/// holds `{{ *\.window *}}`; the same spellings are accepted here.
enum SLOQuery {
    /// Whether `template` holds the window placeholder.
    static func hasWindow(_ template: String) -> Bool { placeholderRange(in: Array(template.utf8), from: 0) != nil }

    /// `template` with every placeholder replaced by `window` (`5m`).
    static func render(_ template: String, window: String) -> String {
        let bytes = Array(template.utf8)
        guard var found = placeholderRange(in: bytes, from: 0) else { return template }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        while true {
            out += bytes[cursor..<found.lowerBound]
            out += window.utf8
            cursor = found.upperBound
            guard let next = placeholderRange(in: bytes, from: cursor) else { break }
            found = next
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte range of the first `{{ .window }}` at or after `start`.
    private static func placeholderRange(in bytes: [UInt8], from start: Int) -> Range<Int>? {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), space = UInt8(ascii: " ")
        let name = Array(".window".utf8)
        var index = start
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == open, bytes[index + 1] == open else { continue }
            var cursor = index + 2
            while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
            guard bytes.count - cursor >= name.count, Array(bytes[cursor..<(cursor + name.count)]) == name else { continue }
            cursor += name.count
            while cursor < bytes.count, bytes[cursor] == space { cursor += 1 }
            guard cursor + 1 < bytes.count, bytes[cursor] == close, bytes[cursor + 1] == close else { continue }
            return index..<(cursor + 2)
        }
        return nil
    }

    /// The SLI's queries as written or built, for the checks: (what, template).
    static func templates(of sli: SLI, grouping: [String]) -> [(what: String, template: String)] {
        switch sli.kind {
        case .errorEvents(let errors, let total): [("error query", errors), ("total query", total)]
        case .goodEvents(let good, let total): [("good query", good), ("total query", total)]
        case .raw(let ratio): [("error ratio query", ratio)]
        case .counter, .latency:
            [("error query", built(sli, grouping: grouping).errors), ("total query", built(sli, grouping: grouping).total)]
        }
    }

    /// The error-ratio template: Sloth's `(errors)\n/\n(total)\n` for events, `(query)` for raw.
    static func errorRatio(of sli: SLI, grouping: [String]) -> String {
        switch sli.kind {
        case .errorEvents(let errors, let total): "(\(errors))\n/\n(\(total))\n"
        case .goodEvents(let good, let total): "1 - (\n(\(good))\n/\n(\(total))\n)\n"
        case .raw(let ratio): "(\(ratio))"
        case .counter, .latency:
            "(\(built(sli, grouping: grouping).errors))\n/\n(\(built(sli, grouping: grouping).total))\n"
        }
    }

    /// The template of all events per second, or nil for a raw SLI.
    static func total(of sli: SLI, grouping: [String]) -> String? {
        switch sli.kind {
        case .errorEvents(_, let total), .goodEvents(_, let total): total
        case .raw: nil
        case .counter, .latency: built(sli, grouping: grouping).total
        }
    }

    /// The queries the typed SLIs stand for.
    private static func built(_ sli: SLI, grouping: [String]) -> (errors: String, total: String) {
        let by = grouping.isEmpty ? "" : " by (\(grouping.joined(separator: ", ")))"
        func sumRate(_ metric: String, _ matchers: [String]) -> String {
            let body = matchers.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: ", ")
            return "sum\(by) (rate(\(metric){\(body)}[{{.window}}]))"
        }
        switch sli.kind {
        case .counter(let metric, let errors, let selector):
            return (sumRate(metric, [selector, errors]), sumRate(metric, [selector]))
        case .latency(let histogram, let bucket, let selector):
            let total = sumRate("\(histogram)_count", [selector])
            let good = sumRate("\(histogram)_bucket", [selector, "le=\(PromQL.goQuoted(bucket))"])
            return ("\(total) - \(good)", total)
        case .errorEvents, .goodEvents, .raw:
            return ("", "")
        }
    }
}

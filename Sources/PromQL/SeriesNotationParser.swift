// Recursive-descent parser for series descriptions. It follows the token rules of
// Prometheus' lexer in series mode (items are separated by whitespace, `x` after a number
// is the repetition operator, hexadecimal numbers are not allowed).

struct SeriesNotationParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    // MARK: Description

    mutating func parseDescription() throws(SeriesNotationError) -> SeriesDescription {
        skipSpaces()
        var labels: [PromQLString: PromQLString] = [:]
        if let first = peek(), SeriesNotationParser.isAlpha(first) {
            labels["__name__"] = PromQLString(scanMetricName())
        }
        if peek() == UInt8(ascii: "{") {
            if peek(at: position + 1) == UInt8(ascii: "{") {
                throw fail("unexpected histogram before the series' labels")
            }
            try parseLabels(into: &labels)
        } else if labels.isEmpty {
            throw fail(peek() == nil ? "missing series labels" : "unexpected \(describeCurrent()) at the start of a series description, expected a metric name or labels")
        }
        var values: [SeriesValue?] = []
        while position < bytes.count {
            guard let byte = peek(), SeriesNotationParser.isSpace(byte) else {
                throw fail("unexpected \(describeCurrent()) in series values, expected a space between values")
            }
            skipSpaces()
            if position == bytes.count { break }
            try parseItem(into: &values)
        }
        return SeriesDescription(labels: labels, values: values)
    }

    private mutating func scanMetricName() -> String {
        let start = position
        while let byte = peek(), SeriesNotationParser.isAlphaNumeric(byte) || byte == UInt8(ascii: ":") {
            position += 1
        }
        return text(start, position)
    }

    private mutating func parseLabels(into labels: inout [PromQLString: PromQLString]) throws(SeriesNotationError) {
        position += 1  // `{`
        var expectItem = true
        while true {
            skipSpacesAndComments()
            guard let byte = peek() else { throw fail("unexpected end of input inside braces") }
            if byte == UInt8(ascii: "}") {
                position += 1
                return
            }
            guard expectItem else { throw fail("unexpected \(describeCurrent()) in label set, expected \",\" or \"}\"") }
            let nameStart = position
            let name: PromQLString
            let quoted: Bool
            if SeriesNotationParser.isAlpha(byte) {
                while let next = peek(), SeriesNotationParser.isAlphaNumeric(next) { position += 1 }
                name = PromQLString(bytes: bytes[nameStart..<position])
                quoted = false
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                name = try scanString()
                quoted = true
            } else {
                throw fail("unexpected \(describeCurrent()) in label set, expected a label name")
            }
            skipSpacesAndComments()
            if peek() == UInt8(ascii: "=") && peek(at: position + 1) != UInt8(ascii: "~") {
                position += 1
                skipSpacesAndComments()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") else {
                    throw fail("unexpected \(describeCurrent()) in label matching, expected a string")
                }
                let value = try scanString()
                if labels[name] != nil { throw SeriesNotationError(message: "duplicate label \(name.goQuoted)", offset: nameStart) }
                labels[name] = value
            } else if quoted {
                // A lone quoted string is the metric name: `{"my.metric", a="b"}`.
                if labels["__name__"] != nil { throw SeriesNotationError(message: "metric name given twice", offset: nameStart) }
                labels["__name__"] = name
            } else {
                throw fail("unexpected \(describeCurrent()) in label set, expected \"=\"")
            }
            skipSpacesAndComments()
            if peek() == UInt8(ascii: ",") {
                position += 1
                expectItem = true
            } else {
                expectItem = false
            }
        }
    }

    // MARK: Value items

    private mutating func parseItem(into values: inout [SeriesValue?]) throws(SeriesNotationError) {
        let start = position
        if peek() == UInt8(ascii: "_") {
            position += 1
            if peek() == UInt8(ascii: "x") {
                position += 1
                let times = try scanRepetitionCount()
                try append(nil, count: times, to: &values, at: start)
            } else {
                try append(nil, count: 1, to: &values, at: start)
            }
            try expectItemEnd()
            return
        }
        if peek() == UInt8(ascii: "{") && peek(at: position + 1) == UInt8(ascii: "{") {
            try parseHistogramItem(into: &values)
            return
        }
        if let byte = peek(), SeriesNotationParser.isAlpha(byte), byte != UInt8(ascii: "x") {
            let word = scanWord()
            if word == "stale" {
                var count = 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                    // `stale+1x2` is valid notation; adding to a staleness marker leaves a marker.
                    _ = try scanSignedNumber()
                    guard peek() == UInt8(ascii: "x") else {
                        throw fail("unexpected \(describeCurrent()) in series values, expected \"x\" and a repetition count")
                    }
                    position += 1
                    count = try scanRepetitionCount() + 1
                }
                try append(.stale, count: count, to: &values, at: start)
                try expectItemEnd()
                return
            }
            guard let number = SeriesNotationParser.keywordNumber(word) else {
                throw SeriesNotationError(message: "unexpected identifier \"\(word)\" in series values, expected a number or \"stale\"", offset: start)
            }
            try parseNumberTail(first: number, start: start, into: &values)
            return
        }
        let first = try scanSignedNumber()
        try parseNumberTail(first: first, start: start, into: &values)
    }

    /// After the first number of an item: nothing, `xN`, or `±stepxN`.
    private mutating func parseNumberTail(first: Double, start: Int, into values: inout [SeriesValue?]) throws(SeriesNotationError) {
        switch peek() {
        case UInt8(ascii: "x"):
            position += 1
            let times = try scanRepetitionCount()
            try append(.float(first), count: times + 1, to: &values, at: start)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let step = try scanSignedNumber()
            guard peek() == UInt8(ascii: "x") else {
                throw fail("unexpected \(describeCurrent()) in series values, expected \"x\" and a repetition count after \(text(start, position))")
            }
            position += 1
            let times = try scanRepetitionCount()
            try checkCapacity(values.count, adding: times + 1, at: start)
            var current = first
            for _ in 0...times {
                values.append(.float(current))
                current += step
            }
        default:
            try append(.float(first), count: 1, to: &values, at: start)
        }
        try expectItemEnd()
    }

    private mutating func parseHistogramItem(into values: inout [SeriesValue?]) throws(SeriesNotationError) {
        let start = position
        let base = try parseHistogram()
        switch peek() {
        case UInt8(ascii: "x"):
            position += 1
            let times = try scanRepetitionCount()
            try append(.histogram(base), count: times + 1, to: &values, at: start)
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let subtract = peek() == UInt8(ascii: "-")
            position += 1
            guard peek() == UInt8(ascii: "{") && peek(at: position + 1) == UInt8(ascii: "{") else {
                throw fail("unexpected \(describeCurrent()) after a histogram, expected another histogram")
            }
            let increment = try parseHistogram()
            guard peek() == UInt8(ascii: "x") else {
                throw fail("unexpected \(describeCurrent()) in series values, expected \"x\" and a repetition count")
            }
            position += 1
            let times = try scanRepetitionCount()
            try checkCapacity(values.count, adding: times + 1, at: start)
            values.append(.histogram(base))
            var current = base
            for _ in 0..<times {
                do {
                    current = try current.combined(with: increment, subtracting: subtract)
                } catch {
                    throw SeriesNotationError(message: error.message, offset: position)
                }
                values.append(.histogram(current))
            }
        default:
            values.append(.histogram(base))
        }
        try expectItemEnd()
    }

    private mutating func append(_ value: SeriesValue?, count: Int, to values: inout [SeriesValue?], at start: Int) throws(SeriesNotationError) {
        try checkCapacity(values.count, adding: count, at: start)
        values.append(contentsOf: repeatElement(value, count: count))
    }

    private func checkCapacity(_ current: Int, adding count: Int, at start: Int) throws(SeriesNotationError) {
        if count > SeriesDescription.maximumSampleCount - current {
            throw SeriesNotationError(message: "series expands to more than \(SeriesDescription.maximumSampleCount) samples", offset: start)
        }
    }

    private mutating func expectItemEnd() throws(SeriesNotationError) {
        if let byte = peek(), !SeriesNotationParser.isSpace(byte) {
            throw fail("unexpected \(describeCurrent()) in series values")
        }
    }

    // MARK: Histograms

    private mutating func parseHistogram() throws(SeriesNotationError) -> SeriesHistogram {
        position += 2  // `{{`
        var histogram = SeriesHistogram()
        var seen: Set<String> = []
        var positiveBuckets: [Double]?
        var negativeBuckets: [Double]?
        var positiveOffset: Int32 = 0
        var negativeOffset: Int32 = 0
        if let byte = peek(), SeriesNotationParser.isSpace(byte) {
            skipSpaces()
            guard consumeHistogramClose() else { throw fail("unexpected \(describeCurrent()) in histogram description, expected \"}}\"") }
            return histogram
        }
        while !consumeHistogramClose() {
            if !seen.isEmpty {
                guard let byte = peek(), SeriesNotationParser.isSpace(byte) else {
                    throw fail("unexpected \(describeCurrent()) in histogram description, expected a space")
                }
                skipSpaces()
                if consumeHistogramClose() { break }
            }
            let keyStart = position
            guard let byte = peek(), SeriesNotationParser.isAlpha(byte) else {
                throw fail(peek() == nil ? "unclosed histogram description" : "unexpected \(describeCurrent()) in histogram description, expected a key such as buckets:[5 10 7]")
            }
            let key = scanLetters().lowercased()
            guard SeriesNotationParser.histogramKeys.contains(key) else {
                throw SeriesNotationError(message: "bad histogram descriptor found: \"\(text(keyStart, position))\"", offset: keyStart)
            }
            guard peek() == UInt8(ascii: ":") else {
                throw SeriesNotationError(message: "missing `:` for histogram descriptor", offset: keyStart)
            }
            position += 1
            if !seen.insert(key).inserted {
                throw SeriesNotationError(message: "duplicate key \"\(key)\" in histogram", offset: keyStart)
            }
            switch key {
            case "schema": histogram.schema = try scanInt32()
            case "sum": histogram.sum = try scanSignedNumber()
            case "count": histogram.count = try scanSignedNumber()
            case "z_bucket": histogram.zeroCount = try scanSignedNumber()
            case "z_bucket_w": histogram.zeroThreshold = try scanUnsignedNumber()
            case "buckets": positiveBuckets = try scanBucketList()
            case "n_buckets": negativeBuckets = try scanBucketList()
            case "custom_values": histogram.customValues = try scanBucketList()
            case "offset": positiveOffset = try scanInt32()
            case "n_offset": negativeOffset = try scanInt32()
            default:  // counter_reset_hint
                let hintStart = position
                let word = scanLetters().lowercased()
                guard let hint = SeriesHistogram.CounterResetHint(rawValue: word) else {
                    throw SeriesNotationError(message: "bad histogram descriptor found: \"\(text(hintStart, position))\"", offset: hintStart)
                }
                histogram.counterResetHint = hint
            }
        }
        if let buckets = positiveBuckets {
            histogram.positiveBuckets = buckets
            histogram.positiveSpans = [.init(offset: positiveOffset, length: UInt32(buckets.count))]
        }
        if let buckets = negativeBuckets {
            histogram.negativeBuckets = buckets
            histogram.negativeSpans = [.init(offset: negativeOffset, length: UInt32(buckets.count))]
        }
        return histogram
    }

    private mutating func consumeHistogramClose() -> Bool {
        if peek() == UInt8(ascii: "}") && peek(at: position + 1) == UInt8(ascii: "}") {
            position += 2
            return true
        }
        return false
    }

    private mutating func scanBucketList() throws(SeriesNotationError) -> [Double] {
        guard peek() == UInt8(ascii: "[") else { throw fail("unexpected \(describeCurrent()), expected \"[\" to start a bucket list") }
        position += 1
        var buckets: [Double] = []
        while true {
            if peek() == UInt8(ascii: "]") && !buckets.isEmpty {
                position += 1
                return buckets
            }
            if !buckets.isEmpty {
                guard let byte = peek(), SeriesNotationParser.isSpace(byte) else {
                    throw fail("unexpected \(describeCurrent()) in bucket list")
                }
                skipSpaces()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    return buckets
                }
            }
            if let byte = peek(), SeriesNotationParser.isSpace(byte) {
                throw fail("unexpected \" \" in series values")
            }
            buckets.append(try scanSignedNumber())
        }
    }

    private static let histogramKeys: Set<String> = [
        "schema", "sum", "count", "z_bucket", "z_bucket_w", "custom_values", "buckets", "offset",
        "n_buckets", "n_offset", "counter_reset_hint",
    ]

    // MARK: Numbers

    /// `[+-]? number`, where number is a decimal float, `Inf`/`NaN` or a duration.
    private mutating func scanSignedNumber() throws(SeriesNotationError) -> Double {
        var sign = 1.0
        if peek() == UInt8(ascii: "+") {
            position += 1
        } else if peek() == UInt8(ascii: "-") {
            sign = -1
            position += 1
        }
        return sign * (try scanUnsignedNumber())
    }

    private mutating func scanUnsignedNumber() throws(SeriesNotationError) -> Double {
        let start = position
        if let byte = peek(), SeriesNotationParser.isAlpha(byte) {
            let word = scanWord()
            if let number = SeriesNotationParser.keywordNumber(word) { return number }
            throw SeriesNotationError(message: "unexpected \"\(word)\", expected a number", offset: start)
        }
        guard let literal = scanNumberLiteral() else {
            throw fail(peek() == nil ? "unexpected end of input, expected a number" : "unexpected \(describeCurrent()), expected a number")
        }
        if let value = SeriesNotationParser.durationSeconds(literal) ?? SeriesNotationParser.numberValue(literal) {
            return value
        }
        throw SeriesNotationError(message: "bad number or duration syntax: \"\(literal)\"", offset: start)
    }

    /// A decimal number (digits, `.`, `_` separators, exponent) or a duration such as `1h30m`.
    private mutating func scanNumberLiteral() -> String? {
        let start = position
        let isDigit = SeriesNotationParser.isDigit
        if peek() == UInt8(ascii: "."), let next = peek(at: position + 1), isDigit(next) {
            position += 1
        } else if let byte = peek(), !isDigit(byte) {
            return nil
        } else if peek() == nil {
            return nil
        }
        var sawExponent = false
        while let byte = peek() {
            if isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") {
                position += 1
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && !sawExponent,
                let next = peek(at: position + 1),
                isDigit(next) || ((next == UInt8(ascii: "+") || next == UInt8(ascii: "-")) && peek(at: position + 2).map(isDigit) == true)
            {
                sawExponent = true
                position += 2
            } else {
                break
            }
        }
        // Duration units may follow: `5m`, `1h30m`, `100ms`.
        while let byte = peek(), SeriesNotationParser.durationUnitStarts.contains(byte) {
            position += 1
            if byte == UInt8(ascii: "m"), peek() == UInt8(ascii: "s") { position += 1 }
            while let digit = peek(), isDigit(digit) { position += 1 }
        }
        return text(start, position)
    }

    /// An unsigned decimal integer after `x`.
    private mutating func scanRepetitionCount() throws(SeriesNotationError) -> Int {
        let start = position
        while let byte = peek(), SeriesNotationParser.isDigit(byte) { position += 1 }
        guard position > start else {
            throw fail("unexpected \(describeCurrent()), expected a repetition count after \"x\"")
        }
        guard let count = Int(text(start, position)), count <= SeriesDescription.maximumSampleCount else {
            throw SeriesNotationError(message: "repetition count \(text(start, position)) is too large", offset: start)
        }
        if let byte = peek(), SeriesNotationParser.isAlpha(byte) || byte == UInt8(ascii: ".") {
            throw fail("unexpected \(describeCurrent()) after the repetition count")
        }
        return count
    }

    private mutating func scanInt32() throws(SeriesNotationError) -> Int32 {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while let byte = peek(), SeriesNotationParser.isDigit(byte) { position += 1 }
        guard position > digitsStart, let value = Int32(text(start, position)) else {
            throw SeriesNotationError(message: position > digitsStart ? "integer out of range" : "unexpected \(describeCurrent()), expected an integer", offset: start)
        }
        return value
    }

    static func numberValue(_ literal: String) -> Double? {
        guard !literal.hasSuffix("_"), !literal.contains("__"), !literal.contains("_."), !literal.contains("._") else { return nil }
        let digits = String(literal.filter { $0 != "_" })
        // Go's strconv.ParseInt with base 0 reads a leading 0 as octal.
        if digits.count > 1, digits.hasPrefix("0"), digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
            return Int64(digits.dropFirst(), radix: 8).map(Double.init)
        }
        return Double(digits)
    }

    /// Seconds of a Prometheus duration such as `1h30m` or `500ms`, if the literal is one.
    static func durationSeconds(_ literal: String) -> Double? {
        var total = 0.0
        var number: UInt64?
        var lastUnitRank = Int.max
        var index = literal.utf8.startIndex
        let utf8 = literal.utf8
        var sawUnit = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            if isDigit(byte) {
                let (product, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                number = product + UInt64(byte - UInt8(ascii: "0"))
                index = utf8.index(after: index)
                continue
            }
            guard let value = number else { return nil }
            var unit = String(UnicodeScalar(byte))
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "m"), index < utf8.endIndex, utf8[index] == UInt8(ascii: "s") {
                unit = "ms"
                index = utf8.index(after: index)
            }
            guard let (rank, seconds) = durationUnits[unit], rank < lastUnitRank else { return nil }
            lastUnitRank = rank
            total += Double(value) * seconds
            number = nil
            sawUnit = true
        }
        return sawUnit && number == nil ? total : nil
    }

    private static let durationUnits: [String: (Int, Double)] = [
        "y": (6, 365 * 86400), "w": (5, 7 * 86400), "d": (4, 86400), "h": (3, 3600),
        "m": (2, 60), "s": (1, 1), "ms": (0, 0.001),
    ]
    private static let durationUnitStarts: Set<UInt8> = Set("ywdhms".utf8)

    static func keywordNumber(_ word: String) -> Double? {
        switch word.lowercased() {
        case "inf": return .infinity
        case "nan": return .nan
        default: return nil
        }
    }

    // MARK: Strings

    /// A quoted label name or value, as bytes: `\xNN` and octal escapes are single bytes, so
    /// the value need not be UTF-8 (`a{b="\xff"}` is a valid series for promtool).
    private mutating func scanString() throws(SeriesNotationError) -> PromQLString {
        let start = position
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while true {
            guard let byte = peek() else { throw SeriesNotationError(message: "unterminated quoted string", offset: start) }
            position += 1
            if byte == quote { break }
            if quote != UInt8(ascii: "`") && byte == UInt8(ascii: "\n") {
                throw SeriesNotationError(message: "unterminated quoted string", offset: start)
            }
            if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "`") {
                try scanEscape(quote: quote, into: &value)
            } else {
                value.append(byte)
            }
        }
        return PromQLString(bytes: value)
    }

    private mutating func scanEscape(quote: UInt8, into output: inout [UInt8]) throws(SeriesNotationError) {
        let start = position - 1
        guard let byte = peek() else { throw SeriesNotationError(message: "escape sequence not terminated", offset: start) }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
        ]
        if let mapped = simple[byte] {
            output.append(mapped)
            return
        }
        if byte == quote {
            output.append(byte)
            return
        }
        let digits: Int
        let radix: Int
        switch byte {
        case UInt8(ascii: "x"): (digits, radix) = (2, 16)
        case UInt8(ascii: "u"): (digits, radix) = (4, 16)
        case UInt8(ascii: "U"): (digits, radix) = (8, 16)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            (digits, radix) = (3, 8)
            position -= 1
        default:
            throw SeriesNotationError(message: "unknown escape sequence", offset: start)
        }
        guard position + digits <= bytes.count, let value = UInt32(text(position, position + digits), radix: radix) else {
            throw SeriesNotationError(message: "invalid escape sequence", offset: start)
        }
        position += digits
        if byte == UInt8(ascii: "x") || radix == 8 {
            guard value <= 255 else { throw SeriesNotationError(message: "octal escape value > 255", offset: start) }
            output.append(UInt8(value))
        } else {
            guard let scalar = Unicode.Scalar(value) else {
                throw SeriesNotationError(message: "escape sequence is an invalid Unicode code point", offset: start)
            }
            output.append(contentsOf: String(scalar).utf8)
        }
    }

    // MARK: Bytes

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }
    private func peek(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
    }

    private mutating func scanWord() -> String {
        let start = position
        while let byte = peek(), SeriesNotationParser.isAlphaNumeric(byte) || byte == UInt8(ascii: ":") { position += 1 }
        return text(start, position)
    }

    private mutating func scanLetters() -> String {
        let start = position
        while let byte = peek(), SeriesNotationParser.isAlpha(byte) { position += 1 }
        return text(start, position)
    }

    private mutating func skipSpaces() {
        while let byte = peek(), SeriesNotationParser.isSpace(byte) { position += 1 }
    }

    private mutating func skipSpacesAndComments() {
        while let byte = peek() {
            if SeriesNotationParser.isSpace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { position += 1 }
            } else {
                return
            }
        }
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "\"\(text(position, end))\""
    }

    private func fail(_ message: String) -> SeriesNotationError {
        SeriesNotationError(message: message, offset: position)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isAlpha(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
    static func isAlphaNumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
}

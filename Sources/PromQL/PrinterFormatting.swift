// Go-compatible formatting of the scalar pieces of an expression: numbers, durations, quoted
// strings and label names. The canonical form must match Prometheus byte for byte, so these
// follow Go's `strconv` and Prometheus' `model.Duration` rules rather than Swift's.

enum GoFormat {
    /// `strconv.FormatFloat(v, 'f', -1, 64)`: shortest round-trip digits, never an exponent.
    static func fixed(_ value: Double) -> String {
        if let special = special(value) { return special }
        let (negative, digits, point) = shortestDigits(value)
        var out = negative ? "-" : ""
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out += digits + String(repeating: "0", count: point - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            out += digits[..<split] + "." + digits[split...]
        }
        return out
    }

    /// `fmt.Sprintf("%v", v)` for a float64 (`%g` with the shortest precision): exponent form
    /// when the decimal exponent is below -4 or at least 6 (`1e+06`, `123456`, `1e-05`).
    static func general(_ value: Double) -> String {
        if let special = special(value) { return special }
        let (negative, digits, point) = shortestDigits(value)
        let exponent = point - 1
        if exponent < -4 || exponent >= 6 {
            var out = negative ? "-" : ""
            out.append(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += exponent < 0 ? "e-" : "e+"
            let magnitude = abs(exponent)
            out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
            return out
        }
        return fixed(value)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        return nil
    }

    /// Shortest round-trip decimal digits of a finite non-zero value and the position of the
    /// decimal point relative to the first digit (`123.4` → ("1234", 3), `0.01` → ("1", -1)).
    private static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, point: Int) {
        // Swift's description is the shortest representation that round-trips, as Go's -1 precision.
        var text = Swift.abs(value).description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var integerPart = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        var digits = integerPart + fraction
        var point = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        return (value < 0, digits, point)
    }

    /// Prometheus `model.Duration.String()` of a duration, truncated to milliseconds
    /// (`1h30m`, `90d`, `0s`); negative durations get a leading `-`.
    static func duration(_ duration: PromDuration) -> String {
        let milliseconds = duration.nanoseconds / 1_000_000
        if milliseconds < 0 {
            return "-" + positiveDuration(milliseconds == Int64.min ? UInt64(Int64.max) + 1 : UInt64(-milliseconds))
        }
        return positiveDuration(UInt64(milliseconds))
    }

    private static func positiveDuration(_ total: UInt64) -> String {
        if total == 0 { return "0s" }
        var remaining = total
        var out = ""
        let units: [(String, UInt64, Bool)] = [
            ("y", 1000 * 60 * 60 * 24 * 365, true), ("w", 1000 * 60 * 60 * 24 * 7, true),
            ("d", 1000 * 60 * 60 * 24, false), ("h", 1000 * 60 * 60, false), ("m", 1000 * 60, false),
            ("s", 1000, false), ("ms", 1, false),
        ]
        for (unit, size, exactOnly) in units {
            if exactOnly && remaining % size != 0 { continue }
            let count = remaining / size
            if count > 0 {
                out += "\(count)\(unit)"
                remaining -= count * size
            }
        }
        return out
    }

    /// `%.3f` of a millisecond timestamp in seconds, as the `@` modifier prints it.
    static func atTimestamp(milliseconds: Int64) -> String {
        let negative = milliseconds < 0
        let magnitude = milliseconds.magnitude
        let fraction = magnitude % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return (negative ? "-" : "") + "\(magnitude / 1000).\(padded)"
    }

    /// Go's `strconv.Quote` of a value's bytes (`"a\xffb"`), as Prometheus prints string
    /// literals and matcher values; U+FFFD is written `\ufffd` so the output parses again.
    static func quote(_ value: PromQLString) -> String {
        GoQuote.string(value.bytes, escapingReplacementCharacter: true)
    }

    /// Whether `name` is a legacy label name (`[a-zA-Z_][a-zA-Z0-9_]*`), which prints unquoted.
    static func isLegacyLabelName(_ name: PromQLString) -> Bool {
        guard !name.isEmpty else { return false }
        for (index, byte) in name.bytes.enumerated() {
            let isLetter = byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(isLetter || (index > 0 && isDigit)) { return false }
        }
        return true
    }

    /// A label name as Prometheus prints it: bare when legacy-valid, otherwise quoted.
    static func labelName(_ name: PromQLString) -> String {
        // A legacy name is ASCII, so its description is exact.
        isLegacyLabelName(name) ? name.description : quote(name)
    }
}

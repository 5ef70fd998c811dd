/// Decides whether an RE2 pattern, fully anchored as Prometheus anchors label regexes, matches
/// the empty string, and reports the syntax errors Go's `regexp` would report for unbalanced
/// groups and classes and for bytes that are not UTF-8.
///
/// Prometheus rejects selectors whose matchers all match the empty string; that needs this
/// one question answered, not a regex engine. The analysis computes nullability over the
/// pattern's structure: a literal, class or escape consumes input, assertions do not, a group is
/// nullable when its alternatives are, and `*`, `?`, `{0,…}` make anything nullable.
enum RegexEmptyMatch {
    /// Whether `pattern` (or its negation) matches "". An invalid pattern counts as not matching.
    static func matchesEmpty(pattern: PromQLString, negated: Bool) -> Bool {
        let nullable: Bool
        switch analyze(pattern.bytes, validatingUTF8: false) {
        case .success(let value): nullable = value
        case .failure: nullable = false
        }
        return negated ? !nullable : nullable
    }

    /// A Go-style `error parsing regexp: ...` message for a pattern Prometheus at `target`
    /// rejects, or nil.
    ///
    /// The pattern is bytes, and Go's `regexp/syntax` requires UTF-8: at the first byte that does
    /// not start a valid sequence it fails with `invalid UTF-8: `<rest of the text>``, unless an
    /// error earlier in the text came first. Prometheus writes the rest verbatim; it is not UTF-8,
    /// so the message here has U+FFFD for each bad byte, as Prometheus' JSON API shows it.
    /// - 2.42 (`labels.NewFastRegexMatcher`) compiles `^(?:pattern)$`, then parses the pattern
    ///   alone; the first failure is reported, so its messages quote the anchored text.
    /// - 3.x matches a pattern whose only metacharacter is `|` as literal alternatives without
    ///   parsing it (`optimizeAlternatingLiterals`), so `"\xff"` and `"a|\xff"` are accepted;
    ///   any other pattern is parsed alone.
    static func syntaxError(in pattern: [UInt8], target: PromQLTarget) -> String? {
        let isValidUTF8 = UTF8Decoding.isValid(pattern)
        // Patterns without grouping, classes, repetition or escapes cannot be malformed.
        if isValidUTF8 && !pattern.contains(where: isStructural) { return nil }
        let texts: [[UInt8]]
        switch target {
        case .v3:
            if !pattern.contains(where: isMetacharacterOtherThanBar) { return nil }
            texts = [pattern]
        case .v2_42:
            texts = [Array("^(?:".utf8) + pattern + Array(")$".utf8), pattern]
        }
        for text in texts {
            if case .failure(let failure) = analyze(text, validatingUTF8: true) {
                return "error parsing regexp: \(failure.message)"
            }
        }
        return nil
    }

    /// Bytes that open or close a group or class, repeat, or escape.
    private static func isStructural(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x5B, 0x5D, 0x2A, 0x2B, 0x3F, 0x7B, 0x5C: true
        default: false
        }
    }

    /// The bytes Go's `regexp.QuoteMeta` escapes (`\.+*?()|[]{}^$`), except `|`.
    private static func isMetacharacterOtherThanBar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            true
        default:
            false
        }
    }

    struct Failure: Error {
        var message: String
    }

    /// Whether `pattern` matches "", or why it does not parse. With `validatingUTF8` off, bytes
    /// that are not UTF-8 read as one-byte literals (the analysis of an accepted pattern).
    static func analyze(_ pattern: [UInt8], validatingUTF8: Bool) -> Result<Bool, Failure> {
        var scanner = Scanner(bytes: pattern, validatesUTF8: validatingUTF8)
        do {
            let nullable = try scanner.alternation(depth: 0)
            if scanner.index < scanner.bytes.count {
                return .failure(Failure(message: "unexpected ): `\(scanner.pattern)`"))
            }
            return .success(nullable)
        } catch {
            return .failure(error)
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        let validatesUTF8: Bool
        var index = 0

        init(bytes: [UInt8], validatesUTF8: Bool) {
            self.bytes = bytes
            self.validatesUTF8 = validatesUTF8
        }

        /// The whole text, for messages (Go's `wholeRegexp`).
        var pattern: String { UTF8Decoding.lossyString(bytes) }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8 { bytes[index] }

        /// Go's `nextRune`: steps over the rune at the cursor. A byte that does not start a valid
        /// UTF-8 sequence fails, quoting the text from there to `end` (the end of the text,
        /// except inside `\Q…\E`, a capture name or a `\p{…}` name); without validation it
        /// reads as a one-byte literal.
        mutating func consumeRune(quotingUpTo end: Int? = nil) throws(Failure) {
            if current < 0x80 {
                index += 1
                return
            }
            let width = runeWidth(at: index)
            if width == 0 {
                if validatesUTF8 { throw invalidUTF8(from: index, to: end ?? bytes.count) }
                index += 1
                return
            }
            index += width
        }

        /// The width of the valid UTF-8 sequence at `position`, or 0 when none starts there.
        func runeWidth(at position: Int) -> Int {
            bytes.withUnsafeBufferPointer { view in
                let (rune, width) = UTF8Decoding.decode(view, at: position)
                return rune == 0xFFFD && width == 1 ? 0 : width
            }
        }

        /// Go's `checkUTF8` over `range`.
        func checkUTF8(_ range: Range<Int>) throws(Failure) {
            guard validatesUTF8 else { return }
            var position = range.lowerBound
            while position < range.upperBound {
                if bytes[position] < 0x80 {
                    position += 1
                    continue
                }
                let width = runeWidth(at: position)
                if width == 0 { throw invalidUTF8(from: position, to: range.upperBound) }
                position += width
            }
        }

        func invalidUTF8(from start: Int, to end: Int) -> Failure {
            Failure(message: "invalid UTF-8: `\(UTF8Decoding.lossyString(bytes[start..<end]))`")
        }

        mutating func alternation(depth: Int) throws(Failure) -> Bool {
            if depth > 250 { throw Failure(message: "expression nests too deeply") }
            var nullable = try concatenation(depth: depth)
            while !atEnd, current == UInt8(ascii: "|") {
                index += 1
                if try concatenation(depth: depth) { nullable = true }
            }
            return nullable
        }

        mutating func concatenation(depth: Int) throws(Failure) -> Bool {
            var nullable = true
            while !atEnd {
                let byte = current
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ")") { break }
                if isQuantifier(byte) {
                    throw Failure(message: "missing argument to repetition operator: `\(Character(UnicodeScalar(byte)))`")
                }
                guard var atomNullable = try atom(depth: depth) else { continue }
                var quantifiers = 0
                quantifierLoop: while !atEnd {
                    switch current {
                    case UInt8(ascii: "*"), UInt8(ascii: "?"):
                        atomNullable = true
                        index += 1
                    case UInt8(ascii: "+"):
                        index += 1
                    case UInt8(ascii: "{"):
                        guard let minimum = repetitionMinimum() else { break quantifierLoop }
                        if minimum == 0 { atomNullable = true }
                    default:
                        break quantifierLoop
                    }
                    // A lazy marker `?` directly after a quantifier is not a second repetition.
                    if !atEnd, current == UInt8(ascii: "?") { index += 1 }
                    quantifiers += 1
                    if quantifiers > 1 { throw Failure(message: "invalid nested repetition operator: `\(pattern)`") }
                }
                if !atomNullable { nullable = false }
            }
            return nullable
        }

        func isQuantifier(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "?")
        }

        /// Parses `{n}`, `{n,}`, `{n,m}` at the cursor; returns n, or nil (a literal `{`).
        mutating func repetitionMinimum() -> Int? {
            var i = index + 1
            var minimum = 0
            var digits = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                if minimum < 100_000 { minimum = minimum * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                i += 1
                digits += 1
            }
            if digits == 0 || i >= bytes.count { return nil }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "}") else { return nil }
            index = i + 1
            return minimum
        }

        /// Reads one atom; returns its nullability, or nil for a flag group such as `(?i)`.
        mutating func atom(depth: Int) throws(Failure) -> Bool? {
            let byte = current
            switch byte {
            case UInt8(ascii: "("):
                index += 1
                if !atEnd, current == UInt8(ascii: "?") {
                    // Flags `(?i)`, non-capturing `(?:...)`, `(?i:...)`, named `(?P<n>...)`, `(?<n>...)`.
                    index += 1
                    if !atEnd, current == UInt8(ascii: "P") || current == UInt8(ascii: "<") {
                        let nameStart = index + (current == UInt8(ascii: "P") ? 2 : 1)
                        while !atEnd, current != UInt8(ascii: ">") { index += 1 }
                        // Go checks the name's UTF-8 (or, with no `>`, the rest's) before its syntax.
                        try checkUTF8(Swift.min(nameStart, index)..<index)
                        if atEnd { throw Failure(message: "invalid named capture: `\(pattern)`") }
                        index += 1
                    } else {
                        while !atEnd, current != UInt8(ascii: ":"), current != UInt8(ascii: ")") { try consumeRune() }
                        if atEnd { throw Failure(message: "missing closing ): `\(pattern)`") }
                        if current == UInt8(ascii: ")") {
                            index += 1
                            return nil
                        }
                        index += 1
                    }
                }
                let inner = try alternation(depth: depth + 1)
                if atEnd || current != UInt8(ascii: ")") { throw Failure(message: "missing closing ): `\(pattern)`") }
                index += 1
                return inner
            case UInt8(ascii: "["):
                try skipClass()
                return false
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                index += 1
                return true
            case UInt8(ascii: "\\"):
                index += 1
                if atEnd { throw Failure(message: "trailing backslash at end of expression: ``") }
                let escaped = current
                try consumeRune()
                switch escaped {
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"):
                    return true
                case UInt8(ascii: "Q"):
                    var end = index
                    while end < bytes.count,
                        !(bytes[end] == UInt8(ascii: "\\") && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "E"))
                    {
                        end += 1
                    }
                    let sawLiteral = end > index
                    while index < end { try consumeRune(quotingUpTo: end) }
                    if end < bytes.count { index += 2 }
                    return !sawLiteral
                case UInt8(ascii: "p"), UInt8(ascii: "P"):
                    if !atEnd, current == UInt8(ascii: "{") {
                        let nameStart = index + 1
                        while !atEnd, current != UInt8(ascii: "}") { index += 1 }
                        // Go checks the name's UTF-8 (or, with no `}`, the whole escape's).
                        try checkUTF8(nameStart..<index)
                        if !atEnd { index += 1 }
                    } else if !atEnd {
                        try consumeRune()
                    }
                    return false
                default:
                    return false
                }
            default:
                // A literal rune: a repetition after it repeats the whole rune (`é*` matches "").
                try consumeRune()
                return false
            }
        }

        mutating func skipClass() throws(Failure) {
            index += 1
            if !atEnd, current == UInt8(ascii: "^") { index += 1 }
            // A `]` right after `[` or `[^` is a literal.
            if !atEnd, current == UInt8(ascii: "]") { index += 1 }
            while !atEnd {
                let byte = current
                if byte == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    if !atEnd { try consumeRune() }
                    continue
                }
                if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                    // POSIX class such as [:alpha:]
                    var j = index + 2
                    while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: ":") && bytes[j + 1] == UInt8(ascii: "]")) { j += 1 }
                    if j + 1 < bytes.count {
                        index = j + 2
                        continue
                    }
                }
                try consumeRune()
            }
            throw Failure(message: "missing closing ]: `\(pattern)`")
        }
    }
}

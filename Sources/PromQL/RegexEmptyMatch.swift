/// Decides whether an RE2 pattern, fully anchored as Prometheus anchors label regexes, matches
/// the empty string, and reports the syntax errors Go's `regexp` would report for unbalanced
/// groups and classes.
///
/// Prometheus rejects selectors whose matchers all match the empty string; that needs this
/// one question answered, not a regex engine. The analysis computes nullability over the
/// pattern's structure: a literal, class or escape consumes input, assertions do not, a group is
/// nullable when its alternatives are, and `*`, `?`, `{0,…}` make anything nullable.
enum RegexEmptyMatch {
    /// Whether `pattern` (or its negation) matches "". An invalid pattern counts as not matching.
    static func matchesEmpty(pattern: String, negated: Bool) -> Bool {
        let nullable: Bool
        switch analyze(pattern) {
        case .success(let value): nullable = value
        case .failure: nullable = false
        }
        return negated ? !nullable : nullable
    }

    /// A Go-style `error parsing regexp: ...` message for an invalid pattern, or nil.
    static func syntaxError(in pattern: String) -> String? {
        // Patterns without grouping, classes, repetition or escapes cannot be malformed.
        let isSpecial: (UInt8) -> Bool = { byte in
            switch byte {
            case 0x28, 0x29, 0x5B, 0x5D, 0x2A, 0x2B, 0x3F, 0x7B, 0x5C: true
            default: false
            }
        }
        if !pattern.utf8.contains(where: isSpecial) { return nil }
        switch analyze(pattern) {
        case .success: return nil
        case .failure(let error): return "error parsing regexp: \(error.message)"
        }
    }

    struct Failure: Error {
        var message: String
    }

    static func analyze(_ pattern: String) -> Result<Bool, Failure> {
        var scanner = Scanner(bytes: Array(pattern.utf8), pattern: pattern)
        do {
            let nullable = try scanner.alternation(depth: 0)
            if scanner.index < scanner.bytes.count {
                return .failure(Failure(message: "unexpected ): `\(pattern)`"))
            }
            return .success(nullable)
        } catch {
            return .failure(error)
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        let pattern: String
        var index = 0

        init(bytes: [UInt8], pattern: String) {
            self.bytes = bytes
            self.pattern = pattern
        }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8 { bytes[index] }

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
                        while !atEnd, current != UInt8(ascii: ">") { index += 1 }
                        if atEnd { throw Failure(message: "invalid named capture: `\(pattern)`") }
                        index += 1
                    } else {
                        while !atEnd, current != UInt8(ascii: ":"), current != UInt8(ascii: ")") { index += 1 }
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
                index += 1
                switch escaped {
                case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"):
                    return true
                case UInt8(ascii: "Q"):
                    var sawLiteral = false
                    while !atEnd {
                        if current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "E") {
                            index += 2
                            break
                        }
                        sawLiteral = true
                        index += 1
                    }
                    return !sawLiteral
                case UInt8(ascii: "p"), UInt8(ascii: "P"):
                    if !atEnd, current == UInt8(ascii: "{") {
                        while !atEnd, current != UInt8(ascii: "}") { index += 1 }
                        if !atEnd { index += 1 }
                    } else if !atEnd {
                        index += 1
                    }
                    return false
                default:
                    return false
                }
            default:
                // A literal byte (multi-byte UTF-8 sequences are consumed byte by byte; still non-empty).
                index += 1
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
                    index += 2
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
                index += 1
            }
            throw Failure(message: "missing closing ]: `\(pattern)`")
        }
    }
}

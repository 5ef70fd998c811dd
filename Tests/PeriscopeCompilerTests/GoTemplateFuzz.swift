import PeriscopeTestSupport

/// Random alert templates for differential tests: mostly well-formed text, actions, controls,
/// definitions and constants from Go's grammar, then up to two random characters inserted,
/// removed or replaced, so that every rule of the lexer and parser gets hit.
struct GoTemplateFuzz {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// The next template.
    mutating func template() -> String { mutated(list(depth: 0)) }

    private mutating func pick(_ choices: [String]) -> String { choices[random.next(choices.count)] }

    private mutating func open() -> String { pick(["{{", "{{ ", "{{- ", "{{-"]) }
    private mutating func close() -> String { pick(["}}", " }}", " -}}", "-}}"]) }

    private mutating func list(depth: Int) -> String {
        (0...random.next(3)).map { _ in item(depth: depth) }.joined()
    }

    private mutating func item(depth: Int) -> String {
        switch random.next(depth > 3 ? 3 : 9) {
        case 0: return pick(["text", " ", "\n", "a b", "{", "}"])
        case 1, 2: return open() + pipeline(depth: depth) + close()
        case 3:
            let body = open() + pick(["if", "range", "with"]) + " " + pipeline(depth: depth) + close() + list(depth: depth + 1)
            let otherwise = random.next(2) == 0 ? open() + pick(["else", "else if 1", "else with 1", "else if"]) + close() + list(depth: depth + 1) : ""
            return body + otherwise + open() + "end" + close()
        case 4: return open() + pick(["break", "continue"]) + close()
        case 5: return open() + "template \"t\"" + (random.next(2) == 0 ? " " + pipeline(depth: depth) : "") + close()
        case 6: return open() + "block \"b\(random.next(3))\" " + pipeline(depth: depth) + close() + list(depth: depth + 1) + open() + "end" + close()
        case 7: return open() + "define \"d\(random.next(3))\"" + close() + list(depth: depth + 1) + open() + "end" + close()
        default: return open() + pick(["/* c */", "/* c */ ", "/*"]) + close()
        }
    }

    private mutating func pipeline(depth: Int) -> String {
        let declaration = random.next(4) == 0 ? pick(["$x := ", "$y := ", "$x = ", "$i, $x := ", "$z := "]) : ""
        return declaration + (0...random.next(2)).map { _ in command(depth: depth) }.joined(separator: pick([" | ", "|", " |\n"]))
    }

    private mutating func command(depth: Int) -> String {
        (0...random.next(2)).map { _ in operand(depth: depth) }.joined(separator: pick([" ", " ", "  ", "\n"]))
    }

    private mutating func operand(depth: Int) -> String {
        switch random.next(depth > 3 ? 6 : 10) {
        case 0: return pick(["$labels", "$value", "$", "$x", "$labels.job", "$externalURL", "$i"])
        case 1: return pick([".", ".a", ".a.b", ".Labels"])
        case 2: return pick(["1", "-1", "0x1F", "1.5", "1e3", "0b1", "08", "1_0", "1i", "1+2i", "'a'", "'\\n'", "'ab'", "99999999999999999999", "0x1p-2", ".5"])
        case 3: return pick(["\"s\"", "`raw`", "\"a\\tb\"", "\"\\q\"", "\"é\""])
        case 4: return pick(["true", "false", "nil"])
        case 5: return pick(["humanize", "printf \"%s\"", "len", "index $labels \"a\"", "toUpper", "now", "query \"up\"", "first", "and", "not"])
        case 6, 7: return "(" + pipeline(depth: depth + 1) + ")" + (random.next(3) == 0 ? ".F" : "")
        default: return pick(["x", "$y", "é", "f"])
        }
    }

    private mutating func mutated(_ text: String) -> String {
        let replacements: [Unicode.Scalar] = ["{", "}", "(", ")", "\"", "'", "`", "$", ".", " ", "\n", "-", "|", "=", ":", ",", "\u{00A0}", "\u{0000}",
                                              "é", "1", "i", "x", "p", "_", "\\", "/", "*"]
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<random.next(3) {
            let at = random.next(scalars.count + 1)
            let replacement = replacements[random.next(replacements.count)]
            switch random.next(3) {
            case 0: scalars.insert(replacement, at: at)
            case 1: if at < scalars.count { scalars.remove(at: at) }
            default: if at < scalars.count { scalars[at] = replacement }
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }
}

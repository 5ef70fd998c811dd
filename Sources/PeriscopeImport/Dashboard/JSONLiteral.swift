import PeriscopeDSL

extension SwiftLiteral {
    /// A `JSONValue` literal: `nil`, `true`, `3`, `0.5`, `"text"`, `[…]`, `["key": …]`, `[:]`; a
    /// number kept as text becomes `.number("…")`. Objects keep their member order; multi-line
    /// strings are indented by `indentation` plus four spaces.
    public static func json(_ value: JSONValue, indentation: String = "") -> String {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return double(number)
        case .number(let text): return ".number(\(string(text)))"
        case .string(let text): return string(text, indentation: indentation + "    ")
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[" + elements.map { json($0, indentation: indentation) }.joined(separator: ", ") + "]"
        case .object(let members):
            if members.isEmpty { return "[:]" }
            return "[" + members.map { string($0.key) + ": " + json($0.value, indentation: indentation) }.joined(separator: ", ") + "]"
        }
    }
}

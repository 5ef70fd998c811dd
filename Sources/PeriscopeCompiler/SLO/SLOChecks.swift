import PeriscopeDSL
import PromQL

/// Sloth's checks of an SLO's values, shared by the DSL expansion (which reports at the Swift
/// line) and the Sloth spec reader (which reports at the YAML line and column). Each returns
/// what is wrong, or nil.
public enum SLOChecks {
    /// Sloth's name rule for services, SLO names and ids.
    public static func nameProblem(_ name: String, _ what: String) -> String? {
        if name.isEmpty { return "\(what) is empty (expected letters, digits, '.', '_' or '-', starting and ending with a letter or digit)" }
        let bytes = Array(name.utf8)
        func alphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        let middleOK = bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        guard bytes.count >= 2, alphanumeric(bytes.first!), alphanumeric(bytes.last!), middleOK else {
            return "\(what) '\(name)' is not a valid name (expected at least two letters, digits, '.', '_' or '-', starting and ending with a letter or digit)"
        }
        return nil
    }

    /// Sloth's objective rule: more than 0, at most 100 percent.
    public static func objectiveProblem(_ objective: Double) -> String? {
        guard objective.isFinite, objective > 0, objective <= 100 else {
            return "objective \(PromQL.goFixedText(objective)) is out of range (expected a percentage in (0, 100], e.g. 99.9)"
        }
        return nil
    }

    /// The period's length in milliseconds, or what is wrong with it.
    public static func periodMilliseconds(_ period: PrometheusDuration) -> Result<Int64, SLOProblem> {
        if let problem = period.problem { return .failure(SLOProblem("period '\(period)' is not a duration: \(problem) (expected e.g. 30d or 28d)")) }
        guard let milliseconds = period.milliseconds, milliseconds > 0 else {
            return .failure(SLOProblem("period '\(period)' is zero (expected a positive duration such as 30d)"))
        }
        return .success(milliseconds)
    }

    /// Sloth's query checks: not empty, holds `{{.window}}`, and parses as PromQL once the
    /// placeholder is rendered.
    public static func queryProblem(_ template: String, _ what: String, options: ParseOptions) -> String? {
        if template.allSatisfy(\.isWhitespace) { return "\(what) is empty (expected a PromQL query with {{.window}})" }
        guard SLOQuery.hasWindow(template) else {
            return "\(what) lacks the window placeholder (expected {{.window}} where the range goes, e.g. rate(x[{{.window}}]))"
        }
        do {
            _ = try PromQL.parse(SLOQuery.render(template, window: "1m"), options: options)
        } catch {
            return "\(what) is not valid PromQL: \(error.message) (expected a query Prometheus \(options.target.displayName) accepts)"
        }
        return nil
    }
}

/// What is wrong with an SLO value.
public struct SLOProblem: Error, Sendable, Equatable {
    /// The message.
    public var message: String
    /// Creates a problem.
    public init(_ message: String) { self.message = message }
}

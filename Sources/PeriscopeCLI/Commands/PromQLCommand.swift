import ArgumentParser
import Foundation
import PromQL

/// `promql`: checks and formats PromQL expressions with Periscope's parser.
struct PromQLCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "promql",
            abstract: "Check and format PromQL expressions.",
            discussion: """
                Examples:
                  \(CatalogContext.program) promql check 'sum by (job) (rate(http_requests_total[5m]))'
                  \(CatalogContext.program) promql check --target 2.42 < queries.txt
                  \(CatalogContext.program) promql check --jsonl < cases.jsonl
                  \(CatalogContext.program) promql fmt --pretty 'sum(rate(x[5m])) by (job)'
                """,
            subcommands: [PromQLCheckCommand.self, PromQLFormatCommand.self]
        )
    }
}

/// The PromQL feature level to parse at.
enum PromQLTargetArgument: String, ExpressibleByArgument, CaseIterable {
    case v2_42 = "2.42"
    case v3 = "3"

    var target: PromQLTarget { self == .v2_42 ? .v2_42 : .v3 }
}

/// Options shared by `check` and `fmt`.
struct PromQLInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Prometheus version to parse like: 2.42 (Debian's promtool) or 3.", valueName: "version"))
    var target: PromQLTargetArgument = .v3

    @Flag(help: "Accept experimental functions and syntax (limitk, info, duration expressions, anchored/smoothed ranges).")
    var experimental = false

    @Flag(help: "Read JSON lines with an \"expr\" field instead of one expression per line.")
    var jsonl = false

    @Argument(help: ArgumentHelp("An expression; when absent, expressions are read from standard input, one per line."))
    var expression: String?

    var parseOptions: ParseOptions {
        ParseOptions(
            target: target.target, enableExperimentalFunctions: experimental, experimentalDurationExpr: experimental,
            extendedRangeSelectors: experimental)
    }

    /// The expressions to work on, each with the name of where it came from and its line.
    func inputs() throws -> [(source: String, line: Int, expr: String)] {
        if let expression { return [("<argument>", 1, expression)] }
        var result: [(String, Int, String)] = []
        var number = 0
        while let line = Swift.readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard jsonl else {
                result.append(("<stdin>", number, line))
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let expr = object["expr"] as? String else {
                Terminal.error("<stdin>:\(number): error: expected a JSON object with a string field \"expr\"")
                throw ExitCode(1)
            }
            result.append(("<stdin>", number, expr))
        }
        return result
    }
}

/// `promql check`.
struct PromQLCheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: "Parse and type-check expressions; print ok or the error with its position for each.",
            discussion: """
                Each input gets one line of output: `ok`, or `SOURCE:LINE:COL: error: MESSAGE` where LINE is \
                the input line (stdin) and COL the byte column of the error in the expression. Exits 1 \
                if any expression fails.

                Examples:
                  \(CatalogContext.program) promql check 'rate(http_requests_total[5m])'
                  \(CatalogContext.program) promql check --target 2.42 < queries.txt
                  \(CatalogContext.program) promql check --jsonl < cases.jsonl
                """
        )
    }

    @OptionGroup var input: PromQLInputOptions

    func run() throws {
        let inputs = try input.inputs()
        var failures = 0
        for item in inputs {
            let result = PromQL.parseCollectingErrors(item.expr, options: input.parseOptions)
            if let error = result.errors.first {
                failures += 1
                let line = item.line + error.line - 1
                Terminal.out("\(item.source):\(line):\(error.column): error: \(error.message)")
            } else {
                Terminal.out("ok")
            }
        }
        if failures > 0 {
            Terminal.error("\(failures) of \(inputs.count) expression\(inputs.count == 1 ? "" : "s") failed")
            throw ExitCode(1)
        }
    }
}

/// `promql fmt`.
struct PromQLFormatCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fmt",
            abstract: "Print expressions in canonical form (Prometheus' String()), or pretty-printed with --pretty.",
            discussion: """
                Examples:
                  \(CatalogContext.program) promql fmt 'sum(rate(x{b="1",a="2"}[90m])) by (job)'   # sum by (job) (rate(x{a="2",b="1"}[1h30m]))
                  \(CatalogContext.program) promql fmt --pretty < long-query.txt
                """
        )
    }

    @OptionGroup var input: PromQLInputOptions

    @Flag(help: "Print the multi-line form of Prometheus' Pretty() (lines up to 100 columns).")
    var pretty = false

    func run() throws {
        var failures = 0
        for item in try input.inputs() {
            do {
                let expr = try PromQL.parse(item.expr, options: input.parseOptions)
                Terminal.out(pretty ? expr.prettyPrinted() : expr.description)
            } catch {
                failures += 1
                Terminal.error("\(item.source):\(item.line + error.line - 1):\(error.column): error: \(error.message)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

import Testing

@testable import PromQL

/// Parses and returns the first error message, or nil when the input parses.
private func firstError(_ input: String, _ options: ParseOptions = .init()) -> PromQLError? {
    PromQL.parseCollectingErrors(input, options: options).errors.first
}

@Suite("Parser: type errors")
struct TypeErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var range: Range<Int>
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        Case(input: "rate(foo)", message: #"expected type range vector in call to function "rate", got instant vector"#, range: 5..<8),
        Case(input: "foo[5m] + 1", message: "binary expression must contain only scalar and instant vector types", range: 0..<7),
        Case(input: #"1 + "a""#, message: "binary expression must contain only scalar and instant vector types", range: 4..<7),
        Case(input: "sum(foo[5m])", message: "expected type instant vector in aggregation expression, got range vector", range: 4..<11),
        Case(input: "topk(foo, bar)", message: "expected type scalar in aggregation parameter, got instant vector", range: 5..<8),
        Case(input: "count_values(1, foo)", message: "expected type string in aggregation parameter, got scalar", range: 13..<14),
        Case(input: "abs()", message: #"expected 1 argument(s) in call to "abs", got 0"#, range: 0..<5),
        Case(input: "round()", message: #"expected at least 1 argument(s) in call to "round", got 0"#, range: 0..<7),
        Case(input: "round(foo, 1, 2)", message: #"expected at most 2 argument(s) in call to "round", got 3"#, range: 0..<16),
        Case(input: "label_join(foo)", message: #"expected at least 3 argument(s) in call to "label_join", got 1"#, range: 0..<15),
        // Prometheus trims the operator range and drops its last byte: `>` gives an empty range.
        Case(input: "1 > 2", message: "comparisons between scalars must use BOOL modifier", range: 2..<2),
        Case(input: "1 >= 2", message: "comparisons between scalars must use BOOL modifier", range: 2..<3),
        Case(input: "foo + bool bar", message: "bool modifier can only be used on comparison operators", range: 4..<9),
        Case(input: "foo and 1", message: #"set operator "and" not allowed in binary scalar expression"#, range: 0..<9),
        Case(input: "foo * on(a) 1", message: "vector matching only allowed between instant vectors", range: 0..<13),
        Case(input: "foo or on(a) group_left bar", message: #"no grouping allowed for "or" operation"#, range: 0..<27),
        Case(input: "-\"x\"", message: #"unary expression only allowed on expressions of type scalar or instant vector, got "string""#, range: 0..<4),
        Case(input: "foo[5m][5m:]", message: "subquery is only allowed on instant vector, got matrix instead", range: 0..<12),
        Case(input: "{}", message: "vector selector must contain at least one non-empty matcher", range: 0..<2),
        Case(input: #"{a=~"x*"}"#, message: "vector selector must contain at least one non-empty matcher", range: 0..<9),
        Case(input: #"foo{__name__="bar"}"#, message: #"metric name must not be set twice: "foo" or "bar""#, range: 0..<19),
        Case(input: "time(foo)", message: #"expected 0 argument(s) in call to "time", got 1"#, range: 0..<9),
    ]

    @Test(arguments: cases)
    func reportsPrometheusTypeError(_ testCase: Case) {
        let error = firstError(testCase.input)
        #expect(error?.message == testCase.message)
        #expect(error?.range == testCase.range)
    }

    @Test func acceptsWellTypedExpressions() throws {
        for input in [
            "rate(foo[5m])", "sum by (job) (rate(http_requests_total[5m]))", "topk(3, foo)",
            #"count_values("v", foo)"#, "1 > bool 2", "foo > on(a) group_left(b) bar", "vector(1) + 2",
            #"{a=~"x+"}"#, "histogram_quantile(0.9, sum by (le) (rate(b[5m])))", "label_join(foo, \"a\", \",\", \"b\", \"c\")",
        ] {
            let expr = try PromQL.parse(input)
            #expect(expr.range == 0..<input.utf8.count)
        }
    }

    @Test func valueTypesFollowPrometheus() throws {
        #expect(try PromQL.parse("1 + 2").type == .scalar)
        #expect(try PromQL.parse("foo + 2").type == .vector)
        #expect(try PromQL.parse("foo[5m]").type == .matrix)
        #expect(try PromQL.parse("rate(foo[5m])[1h:]").type == .matrix)
        #expect(try PromQL.parse(#""a""#).type == .string)
        #expect(try PromQL.parse("scalar(foo)").type == .scalar)
        #expect(try PromQL.parse("(foo)").type == .vector)
    }
}

@Suite("Parser: syntax")
struct SyntaxTests {
    @Test func numbersFollowGoSyntax() throws {
        func value(_ input: String) throws -> Double {
            guard case .number(let literal) = try PromQL.parse(input) else { return .nan }
            return literal.value
        }
        #expect(try value("0x1F") == 31)
        #expect(try value("1_000") == 1000)
        #expect(try value("1e3") == 1000)
        #expect(try value("010") == 8)
        #expect(try value("09") == 9)
        #expect(try value("-Inf") == -.infinity)
        #expect(try value("+inf") == .infinity)
        #expect(try value("NaN").isNaN)
        #expect(try value(".5") == 0.5)
        #expect(try value("1h30m") == 5400)
        #expect(try value("5ms") == 0.005)
        // Unary minus binds looser than `^`, so the sign is not folded into the literal.
        guard case .unary(let negation) = try PromQL.parse("-2^2"), case .binary = negation.expr else {
            Issue.record("expected -(2^2)")
            return
        }
    }

    @Test func stringEscapesFollowGo() throws {
        func value(_ input: String) throws -> PromQLString? {
            guard case .string(let literal) = try PromQL.parse(input) else { return nil }
            return literal.value
        }
        #expect(try value(#""a\tb\n""#) == "a\tb\n")
        #expect(try value(#""\x41\101\u00e9\U0001F600""#) == "AAé😀")
        #expect(try value(#"'it\'s'"#) == "it's")
        #expect(try value("`raw\\n`") == "raw\\n")
        #expect(try value(#""\a\b\f\v\\\"""#) == "\u{07}\u{08}\u{0C}\u{0B}\\\"")
        #expect(firstError(#""\q""#)?.message == "unknown escape sequence U+0071 'q'")
    }

    @Test func selectorsKeepRangesForRewrites() throws {
        guard case .vectorSelector(let selector) = try PromQL.parse(#"http_requests{job="api", code!~"5.."} offset -5m @ end()"#)
        else {
            Issue.record("expected a vector selector")
            return
        }
        #expect(selector.name == "http_requests")
        #expect(selector.nameRange == 0..<13)
        #expect(selector.bracesRange == 13..<37)
        #expect(selector.matchers.map(\.range) == [14..<23, 25..<36])
        #expect(selector.matchers.map(\.type) == [.equal, .regexNoMatch])
        #expect(selector.matcherInsertionOffset == 36)
        #expect(selector.offset?.duration == PromDuration(seconds: -300))
        #expect(selector.at?.modifier == .end)
        #expect(selector.range == 0..<56)
        guard case .vectorSelector(let bare) = try PromQL.parse("up") else { return }
        #expect(bare.matcherInsertionOffset == 2)
    }

    @Test func binaryOperatorsFollowPrometheusPrecedence() throws {
        guard case .binary(let node) = try PromQL.parse("a + b * c ^ d ^ e or f unless g") else {
            Issue.record("expected a binary expression")
            return
        }
        #expect(node.op == .or)
        guard case .binary(let unless) = node.rhs else { return }
        #expect(unless.op == .unless)
        #expect(unless.matching?.cardinality == .manyToMany)
        guard case .binary(let sum) = node.lhs, case .binary(let product) = sum.rhs,
            case .binary(let power) = product.rhs, case .binary(let inner) = power.rhs
        else {
            Issue.record("unexpected tree shape")
            return
        }
        #expect(sum.op == .add)
        #expect(product.op == .mul)
        #expect(power.op == .pow)
        #expect(inner.op == .pow)
    }

    @Test func vectorMatchingModifiers() throws {
        guard case .binary(let node) = try PromQL.parse("a / ignoring(x, y) group_right(z) b") else { return }
        #expect(node.matching?.on == false)
        #expect(node.matching?.matchingLabels == ["x", "y"])
        #expect(node.matching?.cardinality == .oneToMany)
        #expect(node.matching?.include == ["z"])
        guard case .binary(let fill) = try PromQL.parse("a + fill_left(1) fill_right(-2) b", options: .allFeatures)
        else { return }
        #expect(fill.matching?.fill == FillValues(lhs: 1, rhs: -2))
        #expect(
            firstError("a + fill(0) b")?.message == "binop fill modifiers are experimental and not enabled")
    }

    @Test func aggregationsWithGroupingBeforeOrAfter() throws {
        guard case .aggregate(let before) = try PromQL.parse("sum without (a) (foo)"),
            case .aggregate(let after) = try PromQL.parse("quantile(0.9, foo) by (b, c)")
        else { return }
        #expect(before.without && before.grouping == ["a"] && before.groupingPosition == .beforeBody)
        #expect(after.op == .quantile && after.grouping == ["b", "c"] && after.groupingPosition == .afterBody)
        #expect(after.range == 0..<28)
        if case .number(let param)? = after.param { #expect(param.value == 0.9) } else { Issue.record("param") }
    }

    @Test func subqueriesAndDurationExpressions() throws {
        guard case .subquery(let sub) = try PromQL.parse("rate(foo[5m])[1h:1m] offset 10m") else { return }
        #expect(sub.rangeDuration == PromDuration(seconds: 3600))
        #expect(sub.step == PromDuration(seconds: 60))
        #expect(sub.offset?.duration == PromDuration(seconds: 600))
        guard case .matrixSelector(let matrix) = try PromQL.parse("foo[5m + step()]", options: .conformance) else {
            return
        }
        #expect(matrix.rangeExpression?.op == .add)
        #expect(
            firstError("foo[5m + step()]")?.message == "experimental duration expression is not enabled")
        #expect(firstError("foo[5m / 0]", .conformance)?.message == "division by zero")
    }

    @Test func quotedNamesAndComments() throws {
        guard case .vectorSelector(let selector) = try PromQL.parse("{\"my.metric\", \"a.b\"=\"c\"} # trailing") else {
            return
        }
        #expect(selector.name == nil)
        #expect(selector.matchers.first?.isBareMetricName == true)
        #expect(selector.matchers.first?.value == "my.metric")
        #expect(selector.matchers.last?.name == "a.b")
        #expect(selector.matchers.last?.nameIsQuoted == true)
    }

    @Test func experimentalFunctionsNeedTheFlag() {
        #expect(firstError("sort_by_label(foo, \"a\")")?.message == #"function "sort_by_label" is not enabled"#)
        #expect(firstError("sort_by_label(foo, \"a\")", .conformance) == nil)
        #expect(
            firstError("limitk(1, foo)")?.message
                == "limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions")
        #expect(firstError("holt_winters(foo[5m], 0.5, 0.5)")?.message == #"unknown function with name "holt_winters""#)
    }
}

@Suite("Parser: target 2.42")
struct Target242Tests {
    static let v242 = ParseOptions(
        target: .v2_42, enableExperimentalFunctions: true, experimentalDurationExpr: true, extendedRangeSelectors: true,
        binopFillModifiers: true)

    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var message: String
        var testDescription: String { input }
    }

    static let rejections: [Case] = [
        Case(input: #"{"foo"}"#, message: "quoted metric names require Prometheus 3.x (target 2.42)"),
        Case(input: #"foo{"a.b"="c"}"#, message: "quoted label names require Prometheus 3.x (target 2.42)"),
        Case(input: #"sum by ("a.b") (foo)"#, message: "quoted label names require Prometheus 3.x (target 2.42)"),
        Case(input: "foo[5]", message: "numbers as durations require Prometheus 3.x (target 2.42)"),
        Case(input: "foo offset 3600", message: "numbers as durations require Prometheus 3.x (target 2.42)"),
        Case(input: "rate(foo[5m])[1h:60]", message: "numbers as durations require Prometheus 3.x (target 2.42)"),
        Case(input: "foo[5m+1m]", message: "duration expressions require Prometheus 3.x (target 2.42)"),
        Case(input: "foo offset step()", message: "duration expressions require Prometheus 3.x (target 2.42)"),
        Case(input: "info(foo)", message: #"function "info" requires Prometheus 3.x (target 2.42)"#),
        Case(input: "mad_over_time(foo[5m])", message: #"function "mad_over_time" requires Prometheus 3.x (target 2.42)"#),
        Case(input: "limitk(1, foo)", message: "limitk() requires Prometheus 3.x (target 2.42)"),
        Case(input: "limit_ratio(0.5, foo)", message: "limit_ratio() requires Prometheus 3.x (target 2.42)"),
        Case(input: "rate(foo[5m] anchored)", message: "anchored modifier requires Prometheus 3.x (target 2.42)"),
        Case(input: "foo[5m] smoothed", message: "smoothed modifier requires Prometheus 3.x (target 2.42)"),
        Case(input: "a + fill(0) b", message: "fill modifiers require Prometheus 3.x (target 2.42)"),
        Case(input: "a </ b", message: "the </ operator requires Prometheus 3.x (target 2.42)"),
        Case(input: "foo > 1_000", message: "underscores in numbers require Prometheus 3.x (target 2.42)"),
        Case(input: "predict_linear(foo[1h], 4h)", message: "durations as numbers require Prometheus 3.x (target 2.42)"),
        Case(input: "foo @ 10m", message: "durations as @ timestamps require Prometheus 3.x (target 2.42)"),
    ]

    @Test(arguments: rejections)
    func rejectsSyntaxNewIn3(_ testCase: Case) {
        #expect(firstError(testCase.input, Self.v242)?.message == testCase.message)
        #expect(firstError(testCase.input, .allFeatures) == nil)
    }

    @Test func acceptsWhat242Accepts() {
        for input in [
            "holt_winters(foo[5m], 0.5, 0.5)", "rate(foo[5m] offset -1h)", "foo @ 1609746000", "foo @ start()",
            "histogram_quantile(0.9, rate(b[5m]))", "sum by (job) (foo)", "foo[1h:5m]",
        ] {
            #expect(firstError(input, Self.v242) == nil, "\(input)")
        }
    }

    @Test(.enabled(if: corpusAvailable, "../shared/promql-corpus not found; skipping"))
    func agreesWithPromtool242OnWhatItRejects() throws {
        // Every input promtool 2.42 rejected but Prometheus 3 accepts must be rejected at target 2.42.
        let oracle = try Corpus.json("oracle_promtool_2.42.json")
        var total = 0
        var rejected = 0
        var missed: [String] = []
        for section in ["parse_cases", "roundtrip_cases", "promqltest_exprs"] {
            let entries = (oracle[section] as? [String: Any])?["oracle_rejects_upstream_accepts"] as? [[String: Any]] ?? []
            for entry in entries {
                guard let input = entry["input"] as? String else { continue }
                total += 1
                if firstError(input, Self.v242) != nil { rejected += 1 } else { missed.append(input) }
            }
        }
        print("oracle promtool 2.42: target 2.42 rejects \(percent(rejected, total)) (\(rejected)/\(total)) of what promtool 2.42 rejects")
        for input in missed.prefix(15) { print("  accepted at 2.42: \(input)") }
        #expect(total > 100)
        #expect(Double(rejected) >= 0.95 * Double(total))
    }

    @Test(.enabled(if: corpusAvailable, "../shared/promql-corpus not found; skipping"))
    func acceptsWhatPromtool242Accepts() throws {
        // Inputs Prometheus 3 accepts and promtool 2.42 did not reject must parse at target 2.42.
        let oracle = try Corpus.json("oracle_promtool_2.42.json")
        var rejectedBy242: Set<String> = []
        for section in ["parse_cases", "promqltest_exprs"] {
            let entries = (oracle[section] as? [String: Any])?["oracle_rejects_upstream_accepts"] as? [[String: Any]] ?? []
            for entry in entries { if let input = entry["input"] as? String { rejectedBy242.insert(input) } }
        }
        var total = 0
        var accepted = 0
        var wronglyRejected: [String] = []
        for file in ["parse_cases.jsonl", "promqltest_exprs.jsonl"] {
            for record in try Corpus.records(file) {
                guard record["ok"] as? Bool == true, record["not_utf8"] as? Bool != true,
                    let input = record["input"] as? String, !rejectedBy242.contains(input)
                else { continue }
                total += 1
                if let error = firstError(input, Self.v242) {
                    wronglyRejected.append("\(input): \(error.message)")
                } else {
                    accepted += 1
                }
            }
        }
        print("oracle promtool 2.42: target 2.42 accepts \(percent(accepted, total)) (\(accepted)/\(total)) of what promtool 2.42 accepts")
        for line in wronglyRejected.prefix(15) { print("  rejected at 2.42: \(line)") }
        #expect(Double(accepted) >= 0.99 * Double(total))
    }
}

@Suite("Parser: error positions")
struct ErrorPositionTests {
    @Test func reportsLineAndByteColumnOnMultiLineInput() {
        let input = "sum by (job) (\n  rate(foo[5m])\n  + bar{a=b}\n)"
        let error = firstError(input)
        #expect(error?.message == #"unexpected identifier "b" in label matching, expected string"#)
        #expect(error?.line == 3)
        #expect(error?.column == 11)
        #expect(error?.range == 41..<42)
        #expect(error?.description == #"3:11: parse error: unexpected identifier "b" in label matching, expected string"#)
    }

    @Test func columnsCountBytesNotCharacters() {
        let error = firstError("{a=\"é\"} + ]")
        #expect(error?.column == 12)
        #expect(error?.range.lowerBound == 11)
    }

    @Test func endOfInputAndEmptyInput() {
        #expect(firstError("foo +")?.description == "1:6: parse error: unexpected end of input")
        #expect(firstError("")?.description == "1:1: parse error: no expression found in input")
        #expect(firstError("  # only a comment\n")?.message == "no expression found in input")
    }

    @Test func throwingEntryPointThrowsTheFirstError() {
        #expect(throws: PromQLError.self) { try PromQL.parse("sum(") }
        do {
            _ = try PromQL.parse("foo{")
        } catch {
            #expect(error.message == "unexpected end of input inside braces")
            #expect(error.range == 4..<4)
        }
    }
}

// libFuzzer entry point for the PromQL library. Built by run-fuzz.sh together with the
// library sources into one module, so it calls the library's API without an import.
//
// Besides "does not crash", it checks properties that must hold for every input:
// - the canonical form (`description`) of a parsed expression parses again and prints
//   identically (a printed expression is valid PromQL and printing is a fixed point);
// - the pretty form parses back to the same canonical form;
// - reparsing the canonical form gives the same label flow, selectors and aggregations;
// - matcher injection into a valid expression yields a valid expression in which every
//   selector carries the injected label, and injecting again changes nothing;
// - the analysis, label flow and series-notation parsers terminate without trapping.

private let fuzzOptions = ParseOptions.allFeatures
private let injected: [LabelMatcher] = [.equal("fuzz_env", "p\"r\\o\nd")]

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func promQLFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Raw bytes, possibly invalid UTF-8, go through the byte-level entry point.
    _ = PromQL.parseCollectingErrors(utf8: bytes, options: fuzzOptions)
    let source = String(decoding: bytes, as: UTF8.self)
    _ = try? SeriesDescription(parsing: source)

    guard let expr = try? PromQL.parse(source, options: fuzzOptions) else { return 0 }
    let canonical = expr.description
    let reparsed: Expr
    do {
        reparsed = try PromQL.parse(canonical, options: fuzzOptions)
    } catch {
        fatalError("canonical form does not parse: \(canonical.debugDescription) (from \(source.debugDescription)): \(error)")
    }
    check(reparsed.description == canonical,
          "canonical form is not stable: \(canonical.debugDescription) -> \(reparsed.description.debugDescription)")
    // Printing keeps the meaning the analyses see.
    check(reparsed.resultLabels == expr.resultLabels,
          "label flow changed by printing: \(source.debugDescription) -> \(canonical.debugDescription)")
    check(reparsed.selectors.map(\.matchers.count) == expr.selectors.map(\.matchers.count)
            && reparsed.selectors.map(\.metricName) == expr.selectors.map(\.metricName),
          "selectors changed by printing: \(source.debugDescription) -> \(canonical.debugDescription)")
    check(reparsed.aggregations.map(\.grouping) == expr.aggregations.map(\.grouping),
          "aggregations changed by printing: \(source.debugDescription) -> \(canonical.debugDescription)")

    let pretty = expr.prettyPrinted(maxLineWidth: 12)
    do {
        let fromPretty = try PromQL.parse(pretty, options: fuzzOptions)
        check(fromPretty.description == canonical,
              "pretty form changes the expression: \(pretty.debugDescription) -> \(fromPretty.description.debugDescription)")
    } catch {
        fatalError("pretty form does not parse: \(pretty.debugDescription) (from \(source.debugDescription)): \(error)")
    }

    _ = expr.selectors
    _ = expr.aggregations
    _ = expr.rangeDurations
    _ = expr.resultLabels

    do {
        let edited = try PromQL.injectingMatchers(injected, into: source, options: fuzzOptions)
        let editedExpr = try PromQL.parse(edited, options: fuzzOptions)
        let originalCount = expr.selectors.count
        let selectors = editedExpr.selectors
        check(selectors.count == originalCount,
              "injection changed the number of selectors: \(source.debugDescription) -> \(edited.debugDescription)")
        for selector in selectors {
            check(selector.matcher(for: "fuzz_env") != nil,
                  "selector without injected matcher: \(source.debugDescription) -> \(edited.debugDescription)")
        }
        // Injection is idempotent: every selector already has the label the second time.
        let again = try PromQL.injectingMatchers(injected, into: edited, options: fuzzOptions)
        check(again == edited, "injection is not idempotent: \(edited.debugDescription) -> \(again.debugDescription)")
    } catch {
        fatalError("injection produced invalid PromQL for \(source.debugDescription): \(error)")
    }
    return 0
}

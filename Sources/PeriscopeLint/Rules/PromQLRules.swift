/// The PromQL rules (cardinality and semantics of every expression in dashboards and rule
/// files, and of alert templates), for the engine's registry: `registry.register(PromQLRules.all)`.
public enum PromQLRules {
    /// Every PromQL rule, in id order.
    public static let all: [any LintRule] = [
        AlertNeverFiresRule(),          // alert-comparison-impossible
        AlertLabelValueRule(),          // alert-label-value
        AlertTemplateSyntaxRule(),      // alert-template-syntax
        CounterTotalSuffixRule(),       // counter-total-suffix
        HighCardinalityLabelRule(),     // high-cardinality-label
        HistogramQuantileLeRule(),      // histogram-quantile-le
        LabelValuesBudgetRule(),        // label-values-budget
        LegendLabelRule(),              // legend-label-missing
        PromQLSyntaxRule(),             // promql-syntax
        RangeTooShortRule(),            // range-too-short
        RateOnCounterRule(),            // rate-on-non-counter
        RecordingRuleKeepsAllLabelsRule(), // recording-rule-keeps-all-labels
        RegexMatchesEverythingRule(),   // regex-matches-everything
        ReservedLabelRule(),            // reserved-label-name
        SeriesBudgetRule(),             // series-budget
        TemplateLabelRule(),            // template-label-missing
    ]
}

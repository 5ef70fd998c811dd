import PromQL
import Testing

@Suite("Label flow")
struct LabelFlowTests {
    private static func open(_ including: Set<PromQLString>, excluding: Set<PromQLString> = []) -> LabelSet {
        .open(including: including, excluding: excluding)
    }

    @Test(arguments: [
        // Selectors: open sets; required labels are included, `=""` excludes.
        ("x", open(["__name__"])),
        (#"x{a="b", c=~".*", d=~".+", e!=""}"#, open(["__name__", "a", "d", "e"])),
        (#"x{a=""}"#, open(["__name__"], excluding: ["a"])),
        ("x[5m]", open(["__name__"])),
        // Aggregations.
        ("sum by (a) (x)", .known(["a"])),
        ("sum(x) by (a, b)", .known(["a", "b"])),
        (#"sum by (a) (x{a=""})"#, .known([])),
        ("sum without (b) (x)", open([], excluding: ["b", "__name__"])),
        (#"sum without (b) (x{c="d"})"#, open(["c"], excluding: ["b", "__name__"])),
        ("sum(x)", .known([])),
        ("count(x)", .known([])),
        ("topk(3, x)", open(["__name__"])),
        ("bottomk by (a) (3, sum by (a, b) (x))", .known(["a", "b"])),
        (#"count_values("val", x)"#, .known(["val"])),
        (#"count_values by (a) ("val", x)"#, .known(["a", "val"])),
        ("quantile by (q) (0.9, x)", .known(["q"])),
        // Functions.
        ("rate(x[5m])", open([], excluding: ["__name__"])),
        (#"rate(x{job="a"}[5m])"#, open(["job"], excluding: ["__name__"])),
        ("last_over_time(x[5m])", open(["__name__"])),
        ("abs(x)", open([], excluding: ["__name__"])),
        ("sort_desc(x)", open(["__name__"])),
        (#"label_replace(x, "dst", "$1", "src", "(.*)")"#, open(["__name__", "dst"])),
        (#"label_join(sum by (a) (x), "j", ",", "a")"#, .known(["a", "j"])),
        (#"absent(x{a="b", c=~"d", e="f"})"#, .known(["a", "e"])),
        (#"absent_over_time(x{a="b"}[5m])"#, .known(["a"])),
        ("absent(sum(x))", .known([])),
        ("histogram_quantile(0.9, sum by (le, job) (rate(x_bucket[5m])))", .known(["job"])),
        ("histogram_quantile(0.9, rate(x_bucket[5m]))", open([], excluding: ["__name__", "le"])),
        ("vector(1)", .known([])),
        // Scalars and strings.
        ("1", .known([])),
        ("scalar(x)", .known([])),
        ("time() - 5", .known([])),
        (#""text""#, .known([])),
        // Unary minus drops the metric name.
        ("-x", open([], excluding: ["__name__"])),
        ("(x)", open(["__name__"])),
        // Vector/scalar operations: arithmetic and `bool` drop the name, filters keep it.
        ("x * 2", open([], excluding: ["__name__"])),
        ("x > 2", open(["__name__"])),
        ("x > bool 2", open([], excluding: ["__name__"])),
        // Vector matching.
        ("a / b", open([], excluding: ["__name__"])),
        ("a > b", open(["__name__"])),
        ("a / on (job, pod) b", .known(["job", "pod"])),
        ("a / ignoring (pod) b", open([], excluding: ["__name__", "pod"])),
        ("a * on (job) group_left (team) b", open(["team"], excluding: ["__name__"])),
        (#"a * on (job) group_left (team) b{team=""}"#, open([], excluding: ["__name__", "team"])),
        ("sum by (job) (a) * on (job) group_right (region) b", open([], excluding: ["__name__", "region"])),
        ("a * on (job) group_right (region) b", open(["region"], excluding: ["__name__"])),
        ("a and b", open(["__name__"])),
        ("sum by (a) (x) unless y", .known(["a"])),
        ("sum by (a) (x) or sum by (b) (y)", .known(["a", "b"])),
        ("sum by (a) (x) or rate(y[5m])", open(["a"], excluding: ["__name__"])),
        ("max_over_time(sum by (a) (x)[1h:])", .known(["a"])),
    ] as [(String, LabelSet)])
    func resultLabels(source: String, expected: LabelSet) throws {
        #expect(try PromQL.parse(source).resultLabels == expected)
    }

    @Test(arguments: [
        ("sum by (a) (x)", "a", LabelSurvival.yes),
        ("sum by (a) (x)", "b", .no),
        ("sum without (b) (x)", "b", .no),
        ("sum without (b) (x)", "a", .unknown),
        ("sum without (b) (x)", "__name__", .no),
        (#"rate(x{pod="p"}[5m])"#, "pod", .yes),
        ("rate(x[5m])", "pod", .unknown),
        ("rate(x[5m])", "__name__", .no),
        (#"label_replace(sum by (a) (x), "b", "$1", "a", "(.*)")"#, "b", .yes),
        ("count(x)", "instance", .no),
        ("scalar(x) * 2", "instance", .no),
    ])
    func survival(source: String, label: PromQLString, expected: LabelSurvival) throws {
        #expect(try PromQL.parse(source).resultLabels.survival(of: label) == expected)
    }

    @Test func setAlgebra() {
        let known = LabelSet.known(["a", "b"])
        let open = LabelSet.open(including: ["a"], excluding: ["z"])
        #expect(known.removing(["b"]) == .known(["a"]))
        #expect(open.removing(["a"]) == .open(including: [], excluding: ["a", "z"]))
        #expect(open.adding(["z"]) == .open(including: ["a", "z"], excluding: []))
        #expect(open.keepingOnly(["a", "z", "c"]) == .known(["a", "c"]))
        #expect(known.union(open) == .open(including: ["a", "b"], excluding: ["z"]))
        #expect(open.union(.open(including: [], excluding: ["z", "y"])) == .open(including: ["a"], excluding: ["z"]))
        #expect(known.carriedLabels == ["a", "b"])
        #expect(open.isOpen && !known.isOpen)
    }
}

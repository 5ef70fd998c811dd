extension RuleFileReader {
    /// Reads the rule files at `paths` from disk, in parallel across the cores, results in
    /// `paths` order (the benchmark hook: `periscope-bench` times it on W2's three files).
    public static func readFiles(_ paths: [String]) -> [Result] {
        RuleParallel.map(paths) { RuleFileReader(path: $0).readFile() }
    }
}

import Foundation
import PeriscopeDSL
import PeriscopeModel

extension BenchDriver {
    // MARK: Diff

    /// Issue 11's target: `diff` of two W1 outputs (600 dashboards) with 1% of the panels changed.
    static let diffTargetSeconds = 0.5

    /// Copies the W1 output `old` to `new` and changes one panel in every fourth dashboard of each
    /// environment: 150 of the 14,400 panels (1.04%), alternately a query (`expr` + ` > 0`) and a
    /// threshold (the last step's value + 1). Returns the number of panels changed.
    static func makeChangedW1(old: String, new: String) throws -> Int {
        try? FileManager.default.removeItem(atPath: new)
        try FileManager.default.copyItem(atPath: old, toPath: new)
        var changed = 0
        for (environment, _, _) in environments {
            let folder = new + "/\(environment)/grafana/dashboards/W1"
            for (index, file) in try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".json") }).sorted().enumerated() where index % 4 == 0 {
                let path = folder + "/" + file
                guard var json = JSONReader().read(contentsOfFile: path).document?.root, case .array(var panels)? = json["panels"] else { continue }
                let candidates = panels.indices.filter { panels[$0]["type"]?.stringValue != "row" }
                guard !candidates.isEmpty else { continue }
                let target = candidates[(index / 4) % candidates.count]
                var panel = panels[target]
                if index % 8 == 0, case .array(var targets)? = panel["targets"], var first = targets.first, let expr = first["expr"]?.stringValue {
                    first["expr"] = .string(expr + " > 0")
                    targets[0] = first
                    panel["targets"] = .array(targets)
                } else if case .array(var steps)? = panel[path: "fieldConfig.defaults.thresholds.steps"], let last = steps.last, let value = last["value"]?.doubleValue {
                    var step = last
                    step["value"] = .double(value + 1)
                    steps[steps.count - 1] = step
                    panel[path: "fieldConfig.defaults.thresholds.steps"] = .array(steps)
                } else {
                    panel["description"] = .string("changed by the diff benchmark")
                }
                panels[target] = panel
                json["panels"] = .array(panels)
                try Data(JSONWriter().data(json)).write(to: URL(fileURLWithPath: path))
                changed += 1
            }
        }
        return changed
    }

    static func runDiff(work: String, runs: Int) -> Int {
        let old = work + "/w1-out", new = work + "/w1-out-changed"
        print("")
        print("Diff: two W1 outputs (600 dashboards, 14,400 panels), 1% of the panels changed")
        guard FileManager.default.fileExists(atPath: old + "/prod/manifest.json") else {
            print("  \(old) not rendered (W1 failed); skipping the diff benchmark")
            return 1
        }
        let changed: Int
        do {
            changed = try makeChangedW1(old: old, new: new)
        } catch {
            print("  cannot write the changed copy: \(error)")
            return 1
        }
        let markdownFile = work + "/w1-diff.md", jsonFile = work + "/w1-diff.json"
        let markdown = timed("W1 diff", [executablePath, "diff", old, new, "--format", "markdown", "--out", markdownFile], runs: runs)
        let text = timed("W1 diff text", [executablePath, "diff", old, new, "--out", work + "/w1-diff.txt"], runs: runs)
        guard markdown.ok, text.ok, timed("W1 diff json", [executablePath, "diff", old, new, "--format", "json", "--out", jsonFile], runs: 1).ok else { return 1 }
        let comment = (try? String(contentsOfFile: markdownFile, encoding: .utf8)) ?? ""
        let characters = comment.count
        // The panel count the diff reports, from its JSON summary.
        var reported = 0
        if let root = JSONReader().read(contentsOfFile: jsonFile).document?.root, case .array(let environments)? = root["environments"] {
            for environment in environments { reported += environment[path: "summary.panels.changed"]?.intValue ?? 0 }
        }
        print("  panels changed: \(changed); reported by diff: \(reported)\(reported == changed ? "" : "   MISMATCH")")
        print("  diff --format markdown: \(format(markdown.wall)) s wall, peak RSS \(format(markdown.peakMB, 1)) MB   (target < \(format(diffTargetSeconds, 1)) s)")
        print("  diff --format text:     \(format(text.wall)) s wall, peak RSS \(format(text.peakMB, 1)) MB")
        print("  markdown comment: \(characters) characters (limit 65,536)\(comment.contains("Truncated") ? ", truncated with a note" : ", complete")")
        var failures = 0
        if markdown.wall >= diffTargetSeconds { print("  MISSED: the diff is not under \(format(diffTargetSeconds, 1)) s") }
        if characters > 65_536 {
            print("  FAILED: the markdown comment is over GitHub's limit")
            failures += 1
        }
        if reported != changed { failures += 1 }
        return failures
    }
}

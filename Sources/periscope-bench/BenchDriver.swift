import Foundation
import PeriscopeImport
import PromQL

/// Runs the benchmark workloads as whole processes and prints wall time and peak memory.
enum BenchDriver {
    struct Options {
        var shared = "../shared"
        var work = ".build/bench-out"
        var runs = 10
        /// The parts to run (`w1`, `diff`, `w2`, `w2b`, `promql`); all when empty. `diff` needs `w1`'s output.
        var only: Set<String> = []
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch (arguments[index], value) {
            case ("--shared", let value?): options.shared = value
            case ("--work", let value?): options.work = value
            case ("--runs", let value?): options.runs = max(1, Int(value) ?? 10)
            case ("--only", let value?): options.only = Set(value.split(separator: ",").map(String.init))
            default:
                print("unknown argument \(arguments[index])")
                return nil
            }
            index += 2
        }
        return options
    }

    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else { return 64 }
        let work = URL(fileURLWithPath: options.work).standardizedFileURL.path
        try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var failures = 0
        print("Periscope benchmarks (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(options.runs) runs, whole process)")
        print("")
        let runs = { (part: String) in options.only.isEmpty || options.only.contains(part) }
        if runs("w1") { failures += runW1(work: work, shared: options.shared, runs: options.runs) }
        if runs("diff") { failures += runDiff(work: work, runs: options.runs) }
        if runs("w2") { failures += runW2(work: work, shared: options.shared, runs: options.runs) }
        if runs("lint") { failures += runLint(work: work, runs: options.runs) }
        if runs("w2b") { failures += runW2b(work: work, shared: options.shared, runs: options.runs) }
        if runs("promql") { failures += PromQLBenchCommand.compare(work: work, shared: options.shared) }
        return failures == 0 ? 0 : 1
    }

    // MARK: W1

    static let environments = [("dev", "prom-dev", 4), ("staging", "prom-staging", 2), ("prod", "prom-prod", 1)]

    static func writeEnvironments(_ directory: String, names: [String], dashboards: Int) throws {
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, uid, factor) in environments where names.contains(name) {
            let yaml = """
                grafana:
                  folder: W1
                  datasources:
                    metrics: { type: prometheus, uid: \(uid) }
                values:
                  dashboards: \(dashboards)
                  thresholdFactor: \(factor)

                """
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: directory + "/\(name).yaml"))
        }
    }

    /// Links `OUT/<env>/grafana/dashboards/W1/w1-svc-XXX-<env>.json` as `VIEW/<env>/svc-XXX.json`, the layout check_w1.py reads.
    static func makeCheckView(output: String, view: String, envs: [String]) throws {
        try? FileManager.default.removeItem(atPath: view)
        for env in envs {
            let folder = output + "/\(env)/grafana/dashboards/W1"
            try FileManager.default.createDirectory(atPath: view + "/\(env)", withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".json") {
                let service = file.dropFirst("w1-".count).dropLast("-\(env).json".count)
                try FileManager.default.createSymbolicLink(atPath: view + "/\(env)/\(service).json", withDestinationPath: folder + "/" + file)
            }
        }
    }

    static func check(_ script: String, _ arguments: [String]) -> (Bool, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (false, "cannot run \(script): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus == 0, String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The median wall time and the peak memory of `runs` runs of `command`. With `freshFolder`,
    /// that folder is removed before every run (outside the timing, and synced, so the removal's
    /// disk writes do not land in the next run), so each run writes into a fresh folder.
    static func timed(_ label: String, _ command: [String], runs: Int, freshFolder: String? = nil) -> (wall: Double, peakMB: Double, ok: Bool) {
        var walls: [Double] = []
        var peak = 0
        for _ in 0..<runs {
            if let freshFolder {
                try? FileManager.default.removeItem(atPath: freshFolder)
                sync()
            }
            let result = measureProcess(command)
            if result.exitStatus != 0 {
                print("  \(label): exit status \(result.exitStatus) from \(command.joined(separator: " "))")
                return (0, 0, false)
            }
            walls.append(result.wallSeconds)
            peak = max(peak, result.peakResidentKilobytes)
        }
        return (median(walls), Double(peak) / 1024, true)
    }

    /// The `periscope` executable beside this one (`swift build --product periscope`), else this
    /// executable, which runs the same command line (`periscope-bench import dashboard …`).
    static func importCommand() -> (command: [String], name: String) {
        let sibling = URL(fileURLWithPath: executablePath).deletingLastPathComponent().appendingPathComponent("periscope").path
        if FileManager.default.isExecutableFile(atPath: sibling) { return ([sibling], "periscope") }
        return ([executablePath], "periscope-bench")
    }

    /// The target folder a new package at `root` got (`Sources/<target>`).
    static func importTarget(_ root: String) -> String {
        (try? FileManager.default.contentsOfDirectory(atPath: root + "/Sources"))?.sorted().first ?? ""
    }

    static func runW1(work: String, shared: String, runs: Int) -> Int {
        let full = work + "/w1-environments"
        let one = work + "/w1-environments-one"
        do {
            try writeEnvironments(full, names: ["dev", "staging", "prod"], dashboards: 200)
            try writeEnvironments(one, names: ["prod"], dashboards: 1)
        } catch {
            print("cannot write W1 environments: \(error)")
            return 1
        }
        var failures = 0
        print("W1 dashboards: 200 dashboards x 28 panels x 3 environments = 600 files (24,000 queries)")
        let fullOut = work + "/w1-out"
        let fullRun = timed("W1 full", [executablePath, "w1", "render", "--env", "all", "--out", fullOut, "--environments", full], runs: runs)
        let oneOut = work + "/w1-one"
        let oneRun = timed("W1 one", [executablePath, "w1", "render", "--env", "prod", "--out", oneOut, "--environments", one], runs: runs)
        guard fullRun.ok, oneRun.ok else { return 1 }
        print("  full render:       \(format(fullRun.wall)) s wall, peak RSS \(format(fullRun.peakMB, 1)) MB   (target < 0.300 s)")
        print("  one dashboard:     \(format(oneRun.wall * 1000, 1)) ms wall, peak RSS \(format(oneRun.peakMB, 1)) MB   (target < 20 ms)")
        // The plain-Python floor (dicts + json.dump), timed in this run on this machine.
        var plainWall: Double?
        let plainScript = shared + "/bench/w1_plain.py"
        if FileManager.default.fileExists(atPath: plainScript) {
            let plainRuns = max(1, min(runs, 5))
            let plain = timed("w1_plain.py", ["/usr/bin/env", "python3", plainScript, "--out", work + "/w1-plain-out"], runs: plainRuns)
            if plain.ok {
                plainWall = plain.wall
                print("  plain Python (w1_plain.py, same run, median of \(plainRuns)): \(format(plain.wall)) s, peak RSS \(format(plain.peakMB, 1)) MB")
                print("  speed-up vs plain Python, same run: \(format(plain.wall / fullRun.wall, 1))x   (aim: 10x)")
            } else {
                print("  plain Python run failed; no same-run ratio")
            }
        } else {
            print("  \(plainScript) not found; no same-run ratio with plain Python")
        }
        print("  recorded figures of others, same workload: plain Python dicts 1.23 s, grafana-foundation-sdk 2.97 s, grafanalib 5.62 s,")
        print("    grafonnet go-jsonnet 55.6 s, grafonnet C++ jsonnet 179.8 s; one dashboard: foundation-sdk 0.110 s, plain Python 0.038 s")
        print("  one dashboard vs foundation-sdk (recorded): \(format(0.110 / oneRun.wall, 1))x")
        if fullRun.wall >= 0.3 { print("  MISSED: full W1 render is not under 0.3 s") }
        if oneRun.wall >= 0.02 { print("  MISSED: one dashboard is not under 20 ms") }
        // Reading the rendered output back into the artifact model.
        let read = timed("W1 read", [executablePath, "read-dashboards", fullOut], runs: runs)
        if read.ok {
            print("  read 600 dashboards into the model: \(format(read.wall)) s wall, peak RSS \(format(read.peakMB, 1)) MB   (target < 0.250 s)")
            if read.wall >= 0.25 { print("  MISSED: reading the W1 output is not under 0.25 s") }
        } else {
            failures += 1
        }
        // `periscope import dashboard` on the rendered output, the whole command as users run it:
        // reading, normalising, generating and writing the Swift files and the package scaffold
        // into a fresh folder each run; next to the in-process import without writing.
        let importFolders = environments.map { fullOut + "/\($0.0)/grafana/dashboards/W1" }
        // Outside any package (under the work folder it would go into this repository's package).
        let importRoot = FileManager.default.temporaryDirectory.appendingPathComponent("periscope-bench-import-\(ProcessInfo.processInfo.processIdentifier)").path
        let importOut = importRoot + "/w1-import"
        defer { try? FileManager.default.removeItem(atPath: importRoot) }
        let importer = importCommand()
        if let package = PackageWriter.existingPackageRoot(for: importOut) {
            print("  W1 import: the temporary folder \(importOut) is inside the package at \(package); set TMPDIR to a folder outside packages")
            return failures + 1
        }
        let imported = timed("W1 import", importer.command + ["import", "dashboard"] + importFolders + ["--out", importOut], runs: runs, freshFolder: importOut)
        if imported.ok {
            let swiftFiles = (try? FileManager.default.contentsOfDirectory(atPath: importOut + "/Sources/" + importTarget(importOut)))?.filter { $0.hasSuffix(".swift") }.count ?? 0
            if swiftFiles < 600 || !FileManager.default.fileExists(atPath: importOut + "/Package.swift") {
                print("  W1 import: expected a new package with 600 dashboards in \(importOut); found \(swiftFiles) Swift files")
                failures += 1
            }
            print("  import 600 dashboards (\(importer.name) import dashboard DIR... --out DIR, fresh folder each run): \(format(imported.wall)) s wall, peak RSS \(format(imported.peakMB, 1)) MB   (target < 1 s)")
            print("    wrote \(swiftFiles) Swift files (the dashboards, the catalog and its listing) and the package scaffold; \(format(imported.wall / fullRun.wall, 1))x the time of rendering them, same run")
            if let plainWall {
                print("    machine factor: plain Python took \(format(plainWall)) s here against 1.23 s recorded, so about \(format(imported.wall * 1.23 / plainWall)) s on the reference machine")
            }
            if imported.wall >= 1 { print("  MISSED: importing the W1 output is not under 1 s") }
        } else {
            failures += 1
        }
        let inProcess = timed("W1 import in-process", [executablePath, "import-dashboards", fullOut], runs: runs)
        if inProcess.ok {
            print("    of which in-process import without writing (periscope-bench import-dashboards): \(format(inProcess.wall)) s wall")
        } else {
            failures += 1
        }
        let checker = shared + "/bench/check_w1.py"
        if FileManager.default.fileExists(atPath: checker) {
            do {
                try makeCheckView(output: fullOut, view: work + "/w1-view", envs: ["dev", "staging", "prod"])
                try makeCheckView(output: oneOut, view: work + "/w1-view-one", envs: ["prod"])
            } catch {
                print("  cannot build the checker's view: \(error)")
                return failures + 1
            }
            let (fullOK, fullText) = check(checker, [work + "/w1-view"])
            print("  check_w1.py (600 files): \(fullOK ? "OK" : "FAILED") \(fullText)")
            let (oneOK, oneText) = check(checker, [work + "/w1-view-one", "--count", "1", "--envs", "prod"])
            print("  check_w1.py (1 file):    \(oneOK ? "OK" : "FAILED") \(oneText)")
            if !fullOK || !oneOK { failures += 1 }
        } else {
            print("  \(checker) not found; skipping the output check")
        }
        print("")
        return failures
    }
}

import Dispatch
import Foundation
import PeriscopeDSL
import PeriscopeModel
import Synchronization

/// `periscope-bench read-dashboards DIR`: reads every dashboard under `DIR` into the artifact
/// model (JSON reader plus `DashboardReader`), files spread over every core, and prints counts.
/// Timed as a whole process by the driver.
enum ReadBenchmark {
    /// The dashboard files under `directory` (`*.json` but `manifest.json`), sorted.
    static func dashboardFiles(under directory: String) -> [String] {
        let found = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".json") && !$0.hasSuffix("manifest.json") }.sorted().map { directory + "/" + $0 }
    }

    static func readDashboards(_ arguments: [String]) -> Int32 {
        guard let directory = arguments.first else {
            print("usage: periscope-bench read-dashboards DIR")
            return 64
        }
        let files = dashboardFiles(under: directory)
        let totals = Mutex((files: 0, bytes: 0, panels: 0, targets: 0, errors: 0))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            guard case .success(let bytes) = FileBytes.read(path, limit: JSONReader.maximumSize) else {
                totals.withLock { $0.errors += 1 }
                return
            }
            let read = JSONReader().read(bytes, path: path)
            guard let document = read.document else {
                totals.withLock { $0.errors += 1 }
                return
            }
            let result = DashboardReader().read(document)
            let targets = result.dashboard.panels.reduce(0) { $0 + $1.targets.count }
            totals.withLock {
                $0.files += 1
                $0.bytes += bytes.count
                $0.panels += result.dashboard.panels.count
                $0.targets += targets
                if result.hasErrors { $0.errors += 1 }
            }
        }
        let total = totals.withLock { $0 }
        print("read \(total.files) dashboards (\(total.bytes) bytes): \(total.panels) panels, \(total.targets) targets, \(total.errors) with errors")
        return total.errors == 0 && total.files > 0 ? 0 : 1
    }
}

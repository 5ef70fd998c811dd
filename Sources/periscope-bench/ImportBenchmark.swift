import Foundation
import PeriscopeImport
import PeriscopeModel

/// `periscope-bench import-dashboards DIR`: imports every dashboard under `DIR` (the W1 output:
/// 600 files) into Periscope Swift in one import, as `periscope import dashboard DIR` does before
/// writing, and prints counts. Timed as a whole process by the driver.
enum ImportBenchmark {
    static func importDashboards(_ arguments: [String]) -> Int32 {
        guard let directory = arguments.first else {
            print("usage: periscope-bench import-dashboards DIR")
            return 64
        }
        var inputs: [DashboardImporter.Input] = []
        for path in ReadBenchmark.dashboardFiles(under: directory) {
            guard case .success(let bytes) = FileBytes.read(path, limit: JSONReader.maximumSize) else {
                print("cannot read \(path)")
                return 1
            }
            inputs.append(DashboardImporter.Input(path: path, bytes: bytes))
        }
        let result = DashboardImporter().importDashboards(inputs)
        let errors = result.diagnostics.filter { $0.severity == .error }
        for error in errors.prefix(5) { print(error.formatted()) }
        let lines = result.sources.reduce(0) { $0 + $1.text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
        print("imported \(result.sources.count) of \(inputs.count) dashboards: \(lines) lines of Swift, \(errors.count) errors")
        return errors.isEmpty && result.sources.count == inputs.count && !inputs.isEmpty ? 0 : 1
    }
}

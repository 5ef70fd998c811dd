#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PeriscopeDSL

/// Writes to stdout and stderr; diagnostics go to stderr, results meant for people to stdout.
enum Terminal {
    static func out(_ text: String) {
        print(text)
    }

    static func error(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }

    /// The current directory, used to print Swift paths relative to the package.
    static var currentDirectory: String {
        FileManager.default.currentDirectoryPath
    }

    /// Prints diagnostics sorted errors-first within their original order, then a summary line.
    static func report(_ diagnostics: [Diagnostic]) {
        let cwd = currentDirectory
        for diagnostic in diagnostics {
            error(diagnostic.formatted(relativeTo: cwd))
        }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        if errors + warnings > 0 {
            error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }
}

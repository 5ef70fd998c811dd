import Foundation

/// Finding the dashboards and rule files under a folder: what `fmt`, `lint` and `diff` search.
public enum ArtifactSearch {
    /// The `.json`, `.yaml` and `.yml` files under `directory`, recursively, sorted by their UTF-8
    /// bytes; hidden files and folders (a name starting with `.`, so `.git` and `.build`) are
    /// skipped. Paths are `directory` joined with the path below it, as given (not resolved).
    public static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard ArtifactFormatter.kind(ofPath: name) != nil else { continue }
            let path = joined(directory, relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { found.append(path) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `directory` and a relative path joined with one `/` (an empty directory gives the relative
    /// path alone; `.` is kept, `./rules/api.yaml`, as the user wrote it).
    public static func joined(_ directory: String, _ relative: String) -> String {
        if directory.isEmpty { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Whether `path` is a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

import PeriscopeDSL

/// One `loadAll` call: reads each file once and reports each problem once, however many of
/// the requested environments share the file.
final class EnvironmentLoadSession {
    private let directory: EnvironmentDirectory
    private let collector: DiagnosticCollector
    private var listing: [String: [String]]?
    private var listingFailed = false
    private var files: [String: EnvironmentFile] = [:]
    private var reportedExtends: Set<String> = []
    private var reportedCycles: Set<[String]> = []

    init(directory: EnvironmentDirectory, collector: DiagnosticCollector) {
        self.directory = directory
        self.collector = collector
    }

    /// The merged, validated environment `name`, or nil after reporting why not.
    func environment(named name: String) -> Environment? {
        guard let listing = loadListing() else { return nil }
        guard listing[name] != nil else {
            let available = listing.keys.sorted()
            let known = available.isEmpty
                ? "the directory \(directory.path) has no .yaml files"
                : "available: \(available.joined(separator: ", "))"
            collector.emit(Diagnostic(.error, "unknown environment '\(name)' (\(known))\(Suggestion.hint(for: name, among: available))", id: .environmentUnknown))
            return nil
        }
        guard let chain = resolveChain(from: name, listing: listing) else { return nil }
        let documents = chain.compactMap { files[$0] }
        guard documents.count == chain.count, documents.allSatisfy(\.isValid) else { return nil }
        guard let merged = YAMLMerge.merge(chain: documents.reversed().compactMap(\.root)) else { return nil }
        var builder = EnvironmentBuilder(name: name, files: documents.map(\.path))
        let environment = builder.build(from: merged, reportingTo: collector)
        collector.emit(contentsOf: builder.diagnostics)
        return environment
    }

    /// The names from `name` outwards along `extends`, or nil when the chain is broken.
    private func resolveChain(from name: String, listing: [String: [String]]) -> [String]? {
        var chain = [name]
        var current = file(named: name, listing: listing)
        while let reference = current.extends {
            guard listing[reference.name] != nil else {
                if reportedExtends.insert(current.path).inserted {
                    let available = listing.keys.sorted()
                    collector.emit(.error(
                        "extends names no environment '\(reference.name)' in \(directory.path) (available: \(available.joined(separator: ", ")))\(Suggestion.hint(for: reference.name, among: available))",
                        at: reference.location, id: .environmentUnknown))
                }
                return nil
            }
            if let start = chain.firstIndex(of: reference.name) {
                let cycle = Array(chain[start...]) + [reference.name]
                if reportedCycles.insert(Set(cycle).sorted()).inserted {
                    collector.emit(.error("cyclic extends: \(cycle.joined(separator: " -> "))", at: reference.location, id: .environmentExtendsCycle))
                }
                return nil
            }
            chain.append(reference.name)
            current = file(named: reference.name, listing: listing)
        }
        return chain
    }

    /// The file of `name`, read and checked the first time it is needed, its problems reported then.
    private func file(named name: String, listing: [String: [String]]) -> EnvironmentFile {
        if let file = files[name] { return file }
        let fileNames = listing[name] ?? []
        let path = directory.file(fileNames.first ?? "\(name).yaml")
        var file: EnvironmentFile
        if fileNames.count > 1 {
            file = EnvironmentFile(name: name, path: path)
            file.diagnostics.append(.error(
                "environment '\(name)' is defined twice (\(fileNames.joined(separator: " and "))); keep one file",
                at: FileLocation(path: directory.file(fileNames[1])), id: .environmentDuplicate))
        } else {
            file = EnvironmentFile.read(name: name, path: path)
        }
        files[name] = file
        collector.emit(contentsOf: file.diagnostics)
        return file
    }

    private func loadListing() -> [String: [String]]? {
        if let listing { return listing }
        if listingFailed { return nil }
        do {
            let names = try directory.listing()
            listing = names
            return names
        } catch let error as DiagnosticsError {
            listingFailed = true
            collector.emit(contentsOf: error.diagnostics)
        } catch {
            listingFailed = true
            collector.emit(.error("cannot read environment directory '\(directory.path)': \(error)", at: FileLocation(path: directory.path), id: .environmentFileUnreadable))
        }
        return nil
    }
}

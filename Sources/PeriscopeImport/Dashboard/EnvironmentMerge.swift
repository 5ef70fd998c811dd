import PeriscopeDSL
import PeriscopeModel

/// `--env`: copies of one dashboard, one per environment (the dev and prod copies a team keeps),
/// imported as one definition.
///
/// The first copy gives the code. What may differ between the copies:
/// - datasources (at the same place in every copy): one logical name, its uid per environment in
///   `environments/<name>.yaml` (`grafana.datasources`);
/// - the dashboard's `refresh`: `.in("prod") { $0.refresh("1m") }` for each environment whose
///   copy differs from the first.
///
/// Any other difference is an error naming the first place the copies differ (JSON pointer in
/// both files): import such copies separately.
struct EnvironmentMerge {
    var importer: DashboardImporter

    func merge(_ checked: [DashboardImporter.Checked], inputs: [DashboardImporter.Input], names: [String], diagnostics given: [Diagnostic], reservedTypeNames: Set<String>) -> DashboardImporter.Result {
        var diagnostics = given
        func fail() -> DashboardImporter.Result { DashboardImporter.Result(sources: [], environments: ImportedEnvironments(names: names), diagnostics: diagnostics) }
        guard names.count == inputs.count else {
            diagnostics.append(Diagnostic(.error, "--env was given \(names.count) time(s) for \(inputs.count) input(s); give one environment name per input copy, in the same order", id: DashboardImporter.IDs.environmentMismatch))
            return fail()
        }
        guard Set(names).count == names.count else {
            diagnostics.append(Diagnostic(.error, "--env names must differ: \(names.joined(separator: ", "))", id: DashboardImporter.IDs.environmentMismatch))
            return fail()
        }
        guard checked.count == inputs.count, !diagnostics.contains(where: { $0.severity == .error }), let first = checked.first else { return fail() }

        var naming = DatasourceNaming()
        var environments = ImportedEnvironments(names: names)
        var overlays: [String] = []
        let firstRefs = Self.datasourceRefs(first.dashboard)
        for (index, copy) in checked.enumerated() {
            let env = names[index]
            if copy.uid != first.uid {
                diagnostics.append(.error(
                    "--env copies must be one dashboard: uid '\(copy.uid)' differs from '\(first.uid)' of \(first.path)",
                    at: copy.document.location(at: JSONPointer(tokens: ["uid"])), id: DashboardImporter.IDs.environmentMismatch))
                continue
            }
            let refs = Self.datasourceRefs(copy.dashboard)
            if let difference = Self.firstDifference(Self.masked(first.dashboard), Self.masked(copy.dashboard), at: .root) {
                diagnostics.append(.error(
                    "--env copies may differ only in datasources and refresh; \(copy.path) differs from \(first.path) at \(difference)",
                    at: copy.document.location(at: difference), id: DashboardImporter.IDs.environmentMismatch,
                    notes: ["import copies that differ in more than that as separate dashboards"]))
                continue
            }
            for (pointer, ref) in firstRefs {
                guard let own = refs[pointer] else { continue }
                var probe = naming
                let first = probe.reference(ref, inputs: first.inputs, variableTypes: [:])
                naming = probe
                guard first.swift.hasPrefix(".named(") else { continue }
                let logical = String(first.swift.dropFirst(8).dropLast(2))
                let uid = own["uid"]?.stringValue
                environments.datasources[logical, default: [:]][env] = ImportedDatasource(type: own["type"]?.stringValue ?? first.type, uid: uid)
            }
            if index > 0, copy.dashboard["refresh"] != first.dashboard["refresh"] {
                if let refresh = copy.dashboard["refresh"]?.stringValue, DashboardCodeGenerator.isRefreshInterval(refresh) {
                    overlays.append(".in(\(SwiftLiteral.string(env))) { $0.refresh(\(SwiftLiteral.string(refresh))) }")
                } else {
                    overlays.append(".in(\(SwiftLiteral.string(env))) { $0.setting(\"refresh\", \(SwiftLiteral.json(copy.dashboard["refresh"] ?? .null))) }")
                }
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return fail() }
        var typeNames = SwiftIdentifierTaken(reserved: reservedTypeNames)
        let title = first.dashboard["title"]?.stringValue ?? ""
        let typeName = typeNames.typeName(for: title.isEmpty ? first.uid : title)
        var generator = DashboardCodeGenerator(typeName: typeName, inputPath: checked.map(\.path).joined(separator: ", "), inputs: first.inputs)
        generator.extraModifiers = overlays
        let text = generator.generate(first.dashboard, naming: &naming)
        for (name, datasource) in naming.entries where environments.datasources[name] == nil {
            environments.datasources[name] = ["base": datasource]
        }
        let source = ImportedSource(
            fileName: typeName + ".swift", text: text,
            definitions: [ImportedDefinition(kind: .dashboard, expression: "\(typeName).dashboard(env)")], inputPath: first.path)
        return DashboardImporter.Result(sources: [source], environments: environments, diagnostics: diagnostics)
    }

    /// Every datasource reference object by its JSON pointer.
    static func datasourceRefs(_ value: JSONValue, at pointer: JSONPointer = .root) -> [JSONPointer: JSONValue] {
        var result: [JSONPointer: JSONValue] = [:]
        switch value {
        case .object(let members):
            for member in members {
                let child = pointer.appending(member.key)
                if member.key == "datasource", case .object = member.value { result[child] = member.value }
                else { result.merge(datasourceRefs(member.value, at: child)) { a, _ in a } }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() { result.merge(datasourceRefs(element, at: pointer.appending(index))) { a, _ in a } }
        default: break
        }
        return result
    }

    /// The dashboard without what may differ: datasource references' uids and `refresh`.
    static func masked(_ value: JSONValue, top: Bool = true) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.compactMap { member in
                if top && member.key == "refresh" { return nil }
                if member.key == "datasource", case .object = member.value { return JSONMember(member.key, "datasource") }
                return JSONMember(member.key, masked(member.value, top: false))
            })
        case .array(let elements):
            return .array(elements.map { masked($0, top: false) })
        default:
            return value
        }
    }

    /// The first pointer where `a` and `b` differ.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, at pointer: JSONPointer) -> JSONPointer? {
        switch (a, b) {
        case (.object(let left), .object(let right)):
            let keys = (left.map(\.key) + right.map(\.key)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for key in keys {
                guard let l = a[key], let r = b[key] else { return pointer.appending(key) }
                if let found = firstDifference(l, r, at: pointer.appending(key)) { return found }
            }
            return nil
        case (.array(let left), .array(let right)):
            for index in 0..<Swift.max(left.count, right.count) {
                guard index < left.count, index < right.count else { return pointer.appending(index) }
                if let found = firstDifference(left[index], right[index], at: pointer.appending(index)) { return found }
            }
            return nil
        default:
            return a == b ? nil : pointer
        }
    }
}

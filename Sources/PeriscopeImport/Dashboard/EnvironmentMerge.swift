import PeriscopeDSL
import PeriscopeModel

/// `--env`: copies of one dashboard, one per environment (the dev and prod copies a team keeps),
/// imported as one definition whose render for each environment gives that environment's copy.
///
/// The first copy gives the code (and is what the first environment renders). What may differ
/// between the copies, and where it goes:
/// - datasources (at the same place in every copy): one logical name, its uid per environment in
///   `environments/<name>.yaml` (`grafana.datasources`);
/// - a threshold step's value (same steps and colours, another number): a `values:` entry per
///   environment, read where the step is written: `.step(env.values.double("apiErrorsRed"), .red)`;
/// - other thresholds (other steps or colours): `.in("prod") { $0.thresholds([…]) }` on the panel;
/// - a scalar setting of the dashboard: `.in("prod") { $0.refresh("1m") }`, `.time(from:to:)`,
///   `.timezone(…)`, `.description(…)`, else `.in("prod") { $0.setting("path", value) }`;
/// - a scalar setting of a panel (not its type, title or position): `.in("prod") { $0.unit(…) }`,
///   `.decimals(…)`, `.min(…)`, `.max(…)`, else the panel's escape hatch inside `.in`
///   (`.option`, `.fieldOption`, `.setting`).
///
/// `.in` overlays are written for each environment whose copy differs from the first. Anything
/// else (other panels, queries, variables, links, a setting present in the first copy only) is
/// an error per difference, at the difference in that copy, naming the field, both environments
/// and both values: import such copies separately.
struct EnvironmentMerge {
    var importer: DashboardImporter

    /// The most differences reported per copy; the rest are counted in a note.
    static let reportedDifferences = 5

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
        var typeNames = SwiftIdentifierTaken(reserved: reservedTypeNames)
        let title = first.dashboard["title"]?.stringValue ?? ""
        let typeName = typeNames.typeName(for: title.isEmpty ? first.uid : title)
        var overlays = EnvironmentOverlays(first: first.dashboard, firstEnvironment: names[0], valuePrefix: SwiftIdentifier.lowerCamel(typeName, fallback: "dashboard"))
        let firstRefs = Self.datasourceRefs(first.dashboard)
        for (index, copy) in checked.enumerated() {
            let env = names[index]
            if copy.uid != first.uid {
                diagnostics.append(.error(
                    "--env copies must be one dashboard: uid '\(copy.uid)' differs from '\(first.uid)' of \(first.path)",
                    at: copy.document.location(at: Self.inFile(JSONPointer(tokens: ["uid"]), copy)), id: DashboardImporter.IDs.environmentMismatch))
                continue
            }
            let refs = Self.datasourceRefs(copy.dashboard)
            if index > 0 {
                var unsupported: [Difference] = []
                for difference in Self.differences(Self.masked(first.dashboard), Self.masked(copy.dashboard), at: .root) {
                    if !overlays.add(difference, copy: copy.dashboard, environment: env) { unsupported.append(difference) }
                }
                for difference in unsupported.prefix(Self.reportedDifferences) {
                    var notes = ["--env imports differences in datasources, threshold steps and settings of the dashboard or of a panel (not its type, title, position, queries, overrides or transformations, nor a setting only the first copy has); import copies that differ in more as separate dashboards"]
                    if difference == unsupported[Swift.min(unsupported.count, Self.reportedDifferences) - 1], unsupported.count > Self.reportedDifferences {
                        notes.append("and \(unsupported.count - Self.reportedDifferences) more difference(s) not shown")
                    }
                    diagnostics.append(.error(
                        "--env copies differ in \(Self.describe(difference.pointer, in: first.dashboard)): '\(env)' (\(copy.path)) has \(Self.summary(difference.other)) where '\(names[0])' (\(first.path)) has \(Self.summary(difference.first))",
                        at: copy.document.location(at: Self.inFile(difference.pointer, copy)), id: DashboardImporter.IDs.environmentMismatch, notes: notes))
                }
                if !unsupported.isEmpty { continue }
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
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return fail() }
        for (key, values) in overlays.filledValues(names: names) { environments.values[key] = values }
        var generator = DashboardCodeGenerator(typeName: typeName, inputPath: checked.map(\.path).joined(separator: ", "), inputs: first.inputs)
        generator.extraModifiers = overlays.dashboardModifiers(names: names)
        generator.panelEnvironments = overlays.panelEnvironments(names: names)
        let text = generator.generate(first.dashboard, naming: &naming)
        for (name, datasource) in naming.entries where environments.datasources[name] == nil {
            environments.datasources[name] = ["base": datasource]
        }
        let source = ImportedSource(
            fileName: typeName + ".swift", text: text,
            definitions: [ImportedDefinition(kind: .dashboard, expression: "\(typeName).dashboard(env)")], inputPath: first.path)
        return DashboardImporter.Result(sources: [source], environments: environments, diagnostics: diagnostics)
    }

    /// One place where a copy differs from the first: the pointer and both values (nil when the
    /// member is absent on that side).
    struct Difference: Equatable {
        var pointer: JSONPointer
        var first: JSONValue?
        var other: JSONValue?
    }

    /// Every place where `a` and `b` differ, in document order: the deepest differing member; an
    /// array whose length differs is one difference.
    static func differences(_ a: JSONValue, _ b: JSONValue, at pointer: JSONPointer) -> [Difference] {
        switch (a, b) {
        case (.object(let left), .object(let right)):
            let keys = (left.map(\.key) + right.map(\.key)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return keys.flatMap { key -> [Difference] in
                guard let l = a[key], let r = b[key] else { return [Difference(pointer: pointer.appending(key), first: a[key], other: b[key])] }
                return differences(l, r, at: pointer.appending(key))
            }
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return [Difference(pointer: pointer, first: a, other: b)] }
            return left.indices.flatMap { differences(left[$0], right[$0], at: pointer.appending($0)) }
        default:
            return a == b ? [] : [Difference(pointer: pointer, first: a, other: b)]
        }
    }

    /// Where a pointer into the normalised dashboard is in the copy's file: under `dashboard` for
    /// an API export (`{"dashboard": …, "meta": …}`). (Pointers into migrated `rows[]` are
    /// located at the nearest member that exists.)
    static func inFile(_ pointer: JSONPointer, _ copy: DashboardImporter.Checked) -> JSONPointer {
        DashboardNormalizer.dashboardObject(copy.original) == copy.original ? pointer : JSONPointer(tokens: ["dashboard"] + pointer.tokens)
    }

    /// The field a pointer names, for messages: `` `refresh` (/refresh) ``, `` panel 'Errors',
    /// field `targets.0.expr` (/panels/0/targets/0/expr) ``.
    static func describe(_ pointer: JSONPointer, in dashboard: JSONValue) -> String {
        guard let (panelPointer, rest) = EnvironmentOverlays.panelPath(pointer) else { return "`\(pointer.tokens.joined(separator: "."))` (\(pointer))" }
        let panel = EnvironmentOverlays.value(at: panelPointer, in: dashboard)
        let title = panel?["title"]?.stringValue.map { "'\(DashboardCodeGenerator.commentSafe($0))'" } ?? "at \(panelPointer)"
        let kind = panel?["type"] == .string("row") ? "row" : "panel"
        if rest.isEmpty { return "\(kind) \(title) (\(pointer))" }
        return "\(kind) \(title), field `\(rest.joined(separator: "."))` (\(pointer))"
    }

    /// A value for messages: JSON, at most 80 characters; `nothing` for an absent member.
    static func summary(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        if case .array(let elements) = value { return "\(elements.count) element(s)" }
        let text = JSONWriter().string(value).split(separator: "\n").map { $0.trimmingSpacesSubstring }.joined(separator: " ")
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
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

    /// The dashboard without its datasource references (compared by ``datasourceRefs(_:at:)``).
    static func masked(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { member in
                if member.key == "datasource", case .object = member.value { return JSONMember(member.key, "datasource") }
                return JSONMember(member.key, masked(member.value))
            })
        case .array(let elements):
            return .array(elements.map { masked($0) })
        default:
            return value
        }
    }
}

import PeriscopeDSL
import PeriscopeModel

/// Logical datasource names for the datasources of imported dashboards, shared by every file of
/// one import so the same Grafana datasource gets the same name everywhere.
///
/// - Grafana's built-ins become `.mixed`, `.grafana` and `.dashboard`.
/// - A datasource variable (`${datasource}`, `$ds`) stays a variable: `.variable("datasource",
///   type: …)`, its type from the reference, else from the variable's plugin type.
/// - An export input (`${DS_PROMETHEUS}` with `__inputs`) becomes a logical name from the input's
///   name (`prometheus`), mapped in the environments to the input's plugin type and to the
///   `${DS_…}` text, which Grafana's import replaces.
/// - A fixed uid becomes a logical name from the uid, mapped to its type and uid.
/// - A panel that names no datasource uses Grafana's default one: the DSL's `metrics`, which the
///   environments map to `{type: prometheus, uid: prometheus}` for you to correct.
struct DatasourceNaming: Sendable {
    /// Logical name → datasource, for `grafana.datasources` of the environments.
    var entries: [String: ImportedDatasource] = [:]
    /// (type, uid) → logical name.
    private var names: [String: String] = [:]
    private var taken = SwiftIdentifierScope(reserved: ["metrics", "logs"])
    /// What changed this naming, in order: lets ``adopt(_:)`` replay a naming built for one
    /// dashboard alone onto the import's.
    private var changes: [Change] = []

    private enum Change: Sendable {
        case name(key: String, suggestion: String, name: String)
        case entry(name: String, datasource: ImportedDatasource)
    }

    /// The name used when a dashboard names no datasource.
    static let defaultName = "metrics"
    /// The uid written for it, a placeholder to correct.
    static let defaultUID = "prometheus"

    mutating func useDefault() {
        if entries[Self.defaultName] == nil { setEntry(Self.defaultName, ImportedDatasource(type: "prometheus", uid: Self.defaultUID)) }
    }

    /// The Swift expression of a `DatasourceReference` for a normalised reference object, and the
    /// plugin type when known.
    mutating func reference(_ ref: JSONValue, inputs: [String: String], variableTypes: [String: String]) -> (swift: String, type: String?) {
        let uid = ref["uid"]?.stringValue ?? ""
        let type = ref["type"]?.stringValue
        switch uid {
        case "-- Mixed --": return (".mixed", nil)
        case "-- Grafana --": return (".grafana", "grafana")
        case "-- Dashboard --": return (".dashboard", "datasource")
        default: break
        }
        if uid.hasPrefix("$") {
            let name = Self.variableName(uid)
            if let plugin = inputs[name] {
                let logical = logicalName(key: "input:" + uid, suggestion: String(name.hasPrefix("DS_") ? name.dropFirst(3) : Substring(name)))
                setEntry(logical, ImportedDatasource(type: type ?? plugin, uid: uid))
                return (".named(\(SwiftLiteral.string(logical)))", type ?? plugin)
            }
            let resolved = type ?? variableTypes[name] ?? "prometheus"
            let written = uid.hasPrefix("${") && uid.hasSuffix("}") && !uid.contains(":") ? name : uid
            return (".variable(\(SwiftLiteral.string(written)), type: \(SwiftLiteral.string(resolved)))", resolved)
        }
        let resolvedType = type ?? "prometheus"
        let logical = logicalName(key: resolvedType + "\u{0}" + uid, suggestion: uid)
        setEntry(logical, ImportedDatasource(type: resolvedType, uid: uid))
        return (".named(\(SwiftLiteral.string(logical)))", resolvedType)
    }

    /// `x` of `$x`, `${x}` and `${x:format}`.
    static func variableName(_ text: String) -> String {
        var name = Substring(text.dropFirst())
        if name.hasPrefix("{") && name.hasSuffix("}") { name = name.dropFirst().dropLast() }
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        return String(name)
    }

    private mutating func logicalName(key: String, suggestion: String) -> String {
        if let known = names[key] { return known }
        let name = taken.unique(SwiftIdentifier.lowerCamel(suggestion, fallback: "datasource"))
        names[key] = name
        changes.append(.name(key: key, suggestion: suggestion, name: name))
        return name
    }

    private mutating func setEntry(_ name: String, _ datasource: ImportedDatasource) {
        guard entries[name] != datasource else { return }
        entries[name] = datasource
        changes.append(.entry(name: name, datasource: datasource))
    }

    /// Takes over what `other`, a naming that started empty and named the datasources of one
    /// dashboard alone, did, as if that dashboard had been named with this naming: true when
    /// every logical name it handed out is the one this naming hands out for the same
    /// datasource (the dashboard's code is then the same either way); false, and nothing
    /// changed, when one differs (the dashboard must be named again with this naming).
    mutating func adopt(_ other: DatasourceNaming) -> Bool {
        var result = self
        for change in other.changes {
            switch change {
            case .name(let key, let suggestion, let name):
                guard result.logicalName(key: key, suggestion: suggestion) == name else { return false }
            case .entry(let name, let datasource):
                result.setEntry(name, datasource)
            }
        }
        self = result
        return true
    }
}

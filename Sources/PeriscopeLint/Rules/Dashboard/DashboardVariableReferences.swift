import PeriscopeDSL
import PeriscopeModel

/// Where a dashboard's strings name template variables (`$name`, `${name}`, `${name:format}`,
/// `[[name]]`), for the variable rules.
struct DashboardVariableReferences: Sendable {
    /// A use: the variable, and the panel it is in (nil for dashboard-level strings).
    struct Use: Sendable {
        var name: String
        /// The index of the panel in `Grafana.Dashboard.panels` (an index, not a copy: panels are large).
        var panel: Int?
        var location: Location
    }

    var uses: [Use] = []
    /// Names defined: template variables and `__inputs` of an export.
    var defined: [String: Grafana.Variable] = [:]
    var inputs: Set<String> = []

    init(_ dashboard: Grafana.Dashboard) {
        for variable in dashboard.variables where defined[variable.name] == nil { defined[variable.name] = variable }
        inputs = Set(dashboard.inputs.map(\.name))
        // Panels are read in place by index: a copy of a panel costs dozens of retains.
        for index in dashboard.panels.indices {
            let location = dashboard.panels[index].location
            Self.strings(in: dashboard.panels[index].json, skipping: Self.panelSkipped) { text in
                Self.names(in: text) { uses.append(Use(name: $0, panel: index, location: location)) }
            }
            if let repeatVariable = dashboard.panels[index].repeatVariable, !repeatVariable.isEmpty { uses.append(Use(name: repeatVariable, panel: index, location: location)) }
        }
        for row in dashboard.rows {
            if let repeatVariable = row.repeatVariable, !repeatVariable.isEmpty { uses.append(Use(name: repeatVariable, panel: nil, location: row.location)) }
            Self.names(in: row.title) { uses.append(Use(name: $0, panel: nil, location: row.location)) }
        }
        for variable in dashboard.variables {
            Self.strings(in: variable.json, skipping: Self.variableSkipped) { text in
                Self.names(in: text) { name in
                    if name != variable.name { uses.append(Use(name: name, panel: nil, location: variable.location)) }
                }
            }
        }
        Self.strings(in: dashboard.json, skipping: Self.dashboardSkipped) { text in
            Self.names(in: text) { uses.append(Use(name: $0, panel: nil, location: dashboard.location)) }
        }
    }

    /// Members of a panel not searched: a row's nested panels are panels of their own.
    static let panelSkipped: Set<String> = ["panels"]
    /// Members of a variable not searched: its own name and the values it holds.
    static let variableSkipped: Set<String> = ["name", "current", "options", "label", "description"]
    /// Members of the dashboard searched elsewhere (panels, rows, variables) or not used (exports).
    static let dashboardSkipped: Set<String> = ["panels", "rows", "templating", "__inputs", "__requires", "__elements"]

    /// Calls `body` with every string below `value` that may name a variable (it holds `$` or
    /// `[`), not descending into the members of `value` itself named in `skipping`.
    static func strings(in value: JSONValue, skipping: Set<String>, _ body: (String) -> Void) {
        guard case .object(let members) = value else { return strings(in: value, body) }
        for member in members where !skipping.contains(member.key) { strings(in: member.value, body) }
    }

    /// Calls `body` with every string below `value` that may name a variable.
    static func strings(in value: JSONValue, _ body: (String) -> Void) {
        switch value {
        case .string(let text):
            if mayNameVariable(text) { body(text) }
        case .array(let items): for item in items { strings(in: item, body) }
        case .object(let members): for member in members { strings(in: member.value, body) }
        default: break
        }
    }

    /// Whether `text` holds `$` or `[`, read as contiguous bytes (the usual native string).
    private static func mayNameVariable(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "[") }
        }
        return found ?? text.utf8.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "[") }
    }

    /// The variable names referenced in `text`, in order; Grafana's built-ins (`$__interval`,
    /// `$__rate_interval`, any `__` name, `$timeFilter`) left out.
    static func names(in text: String) -> [String] {
        var found: [String] = []
        names(in: text) { found.append($0) }
        return found
    }

    /// Calls `body` with each variable name referenced in `text`, in order (see ``names(in:)``).
    static func names(in text: String, _ body: (String) -> Void) {
        let bytes = Array(text.utf8)
        func isName(_ byte: UInt8) -> Bool { (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F }
        var index = 0
        while index < bytes.count {
            var name: ArraySlice<UInt8> = []
            if bytes[index] == UInt8(ascii: "$") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                    var end = index + 2
                    while end < bytes.count, isName(bytes[end]) { end += 1 }
                    name = bytes[(index + 2)..<end]
                    index = end
                } else {
                    var end = index + 1
                    while end < bytes.count, isName(bytes[end]) { end += 1 }
                    name = bytes[(index + 1)..<end]
                    index = max(end, index + 1)
                }
            } else if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                var end = index + 2
                while end < bytes.count, isName(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "]") || bytes[end] == UInt8(ascii: ":") { name = bytes[(index + 2)..<end] }
                index = end
            } else {
                index += 1
                continue
            }
            guard let first = name.first, !(first >= 0x30 && first <= 0x39) else { continue }
            let text = String(decoding: name, as: UTF8.self)
            if text.hasPrefix("__") || builtIns.contains(text) { continue }
            body(text)
        }
    }

    /// Grafana's global variables that do not start with `__`, and Go-template/regex look-alikes
    /// that are not variables.
    static let builtIns: Set<String> = ["timeFilter", "interval", "value", "labels", "externalLabels"]
}

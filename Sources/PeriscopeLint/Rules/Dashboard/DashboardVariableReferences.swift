import PeriscopeDSL
import PeriscopeModel

/// Where a dashboard's strings name template variables (`$name`, `${name}`, `${name:format}`,
/// `[[name]]`), for the variable rules.
struct DashboardVariableReferences {
    /// A use: the variable, and the panel it is in (nil for dashboard-level strings).
    struct Use {
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
        for (index, panel) in dashboard.panels.enumerated() {
            Self.strings(in: panel.json, skipping: ["panels"]) { text in
                for name in Self.names(in: text) { uses.append(Use(name: name, panel: index, location: panel.location)) }
            }
            if let repeatVariable = panel.repeatVariable, !repeatVariable.isEmpty { uses.append(Use(name: repeatVariable, panel: index, location: panel.location)) }
        }
        for row in dashboard.rows {
            if let repeatVariable = row.repeatVariable, !repeatVariable.isEmpty { uses.append(Use(name: repeatVariable, panel: nil, location: row.location)) }
            for name in Self.names(in: row.title) { uses.append(Use(name: name, panel: nil, location: row.location)) }
        }
        for variable in dashboard.variables {
            Self.strings(in: variable.json, skipping: ["name", "current", "options", "label", "description"]) { text in
                for name in Self.names(in: text) where name != variable.name { uses.append(Use(name: name, panel: nil, location: variable.location)) }
            }
        }
        var top: [JSONMember] = dashboard.json.objectMembers ?? []
        top.removeAll { ["panels", "rows", "templating", "__inputs", "__requires", "__elements"].contains($0.key) }
        Self.strings(in: .object(top), skipping: []) { text in
            for name in Self.names(in: text) { uses.append(Use(name: name, panel: nil, location: dashboard.location)) }
        }
    }

    /// Calls `body` with every string below `value`, not descending into members named in `skipping`.
    static func strings(in value: JSONValue, skipping: Set<String>, _ body: (String) -> Void) {
        switch value {
        case .string(let text):
            if text.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "[") }) { body(text) }
        case .array(let items): for item in items { strings(in: item, skipping: [], body) }
        case .object(let members): for member in members where !skipping.contains(member.key) { strings(in: member.value, skipping: [], body) }
        default: break
        }
    }

    /// The variable names referenced in `text`, in order; Grafana's built-ins (`$__interval`,
    /// `$__rate_interval`, any `__` name, `$timeFilter`) left out.
    static func names(in text: String) -> [String] {
        var found: [String] = []
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
            found.append(text)
        }
        return found
    }

    /// Grafana's global variables that do not start with `__`, and Go-template/regex look-alikes
    /// that are not variables.
    static let builtIns: Set<String> = ["timeFilter", "interval", "value", "labels", "externalLabels"]
}

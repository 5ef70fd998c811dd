import PeriscopeCompiler
import PeriscopeDSL
import PeriscopeModel

/// What differs between `--env` copies of one dashboard, as the generated code says it (see
/// ``EnvironmentMerge``): `values:` entries for threshold steps, `.in("env") { … }` overlays for
/// scalar settings of the dashboard and of its panels.
struct EnvironmentOverlays {
    /// The first copy, which the code is generated from.
    let first: JSONValue
    /// The first copy's environment.
    let firstEnvironment: String
    /// Starts every `values:` key (the dashboard's name), so keys of several dashboards in one
    /// package do not collide.
    let valuePrefix: String

    /// Environment → dashboard settings that differ from the first copy: (path, the copy's value).
    private var dashboardSettings: [String: [([String], JSONValue)]] = [:]
    /// Panel → environment → panel settings that differ: (path in the panel, the copy's value).
    private var panelSettings: [JSONPointer: [String: [([String], JSONValue)]]] = [:]
    /// Panel → threshold step index → `values:` key.
    private var stepKeys: [JSONPointer: [Int: String]] = [:]
    /// `values:` key → environment → value.
    private(set) var values: [String: [String: EnvironmentScalar]] = [:]
    private var keys = SwiftIdentifierScope()

    init(first: JSONValue, firstEnvironment: String, valuePrefix: String) {
        self.first = first
        self.firstEnvironment = firstEnvironment
        self.valuePrefix = valuePrefix
    }

    /// Panel members an overlay does not change: they make it another panel (type, title,
    /// queries, transformations, nested panels; `fieldConfig.overrides` too) or another layout.
    static let fixedPanelMembers: Set<String> = ["type", "title", "gridPos", "id", "targets", "panels", "datasource", "libraryPanel", "repeat", "transformations"]
    /// Dashboard members an overlay does not change.
    static let fixedDashboardMembers: Set<String> = ["uid", "id", "panels", "rows", "templating", "annotations", "links"]

    /// The panel a pointer is inside (`/panels/3`, or `/panels/3/panels/0` in a collapsed row)
    /// and the path in the panel; nil outside panels.
    static func panelPath(_ pointer: JSONPointer) -> (panel: JSONPointer, rest: [String])? {
        let tokens = pointer.tokens
        guard tokens.count >= 2, tokens[0] == "panels", Int(tokens[1]) != nil else { return nil }
        if tokens.count >= 4, tokens[2] == "panels", Int(tokens[3]) != nil {
            return (JSONPointer(tokens: Array(tokens[0..<4])), Array(tokens[4...]))
        }
        return (JSONPointer(tokens: Array(tokens[0..<2])), Array(tokens[2...]))
    }

    /// The value at `pointer`.
    static func value(at pointer: JSONPointer, in root: JSONValue) -> JSONValue? {
        var current: JSONValue? = root
        for token in pointer.tokens {
            if case .array(let elements)? = current {
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            } else {
                current = current?[token]
            }
        }
        return current
    }

    /// The member at `path` (object keys).
    static func member(_ value: JSONValue?, _ path: [String]) -> JSONValue? {
        var current = value
        for key in path { current = current?[key] }
        return current
    }

    /// The longest prefix of `path` that names object members only (an option path cannot index
    /// an array), or nil when `path` starts with an index.
    static func objectPrefix(_ path: [String], in root: JSONValue) -> [String]? {
        var current: JSONValue? = root
        var prefix: [String] = []
        for token in path {
            guard case .object = current else { break }
            prefix.append(token)
            current = current?[token]
        }
        return prefix.isEmpty ? nil : prefix
    }

    /// Records `difference` of the copy for `environment`; false when no overlay can say it.
    ///
    /// A step value goes to `values:` only where the first copy's thresholds are written typed
    /// (`.thresholds([…])`, where the step can read `env`) and the copy's number renders as written.
    mutating func add(_ difference: EnvironmentMerge.Difference, copy: JSONValue, environment: String) -> Bool {
        if let (panelPointer, rest) = Self.panelPath(difference.pointer) {
            guard let panel = Self.value(at: panelPointer, in: first), let copyPanel = Self.value(at: panelPointer, in: copy),
                  panel["type"] != .string("row"), let head = rest.first, !Self.fixedPanelMembers.contains(head) else { return false }
            let thresholdsPath = ["fieldConfig", "defaults", "thresholds"]
            if rest.starts(with: thresholdsPath) {
                if rest.count == 6, rest[3] == "steps", let index = Int(rest[4]), rest[5] == "value",
                   Self.sameStepsButValues(Self.member(panel, thresholdsPath), Self.member(copyPanel, thresholdsPath)),
                   Self.member(panel, thresholdsPath).flatMap({ PanelCodeGenerator.thresholds($0) }) != nil,
                   let mine = difference.first?.doubleValue, let theirs = difference.other?.doubleValue,
                   FieldConfigEncoding.number(theirs) == difference.other {
                    let key = stepKey(panel: panelPointer, title: panel["title"]?.stringValue ?? "", step: index, color: Self.member(panel, thresholdsPath)?["steps"]?.arrayValue?[index]["color"]?.stringValue)
                    values[key, default: [:]][firstEnvironment] = .number(mine)
                    values[key, default: [:]][environment] = .number(theirs)
                    return true
                }
                guard let thresholds = Self.member(copyPanel, thresholdsPath) else { return false }
                record(&panelSettings[panelPointer, default: [:]][environment, default: []], thresholdsPath, thresholds)
                return true
            }
            guard let path = Self.objectPrefix(rest, in: panel), !path.starts(with: ["fieldConfig", "overrides"]),
                  let value = Self.member(copyPanel, path) else { return false }
            record(&panelSettings[panelPointer, default: [:]][environment, default: []], path, value)
            return true
        }
        let tokens = difference.pointer.tokens
        guard let head = tokens.first, !Self.fixedDashboardMembers.contains(head),
              var path = Self.objectPrefix(tokens, in: first) ?? (first[head] == nil ? [head] : nil) else { return false }
        if head == "time" { path = ["time"] }
        guard let value = Self.member(copy, path) else { return false }
        record(&dashboardSettings[environment, default: []], path, value)
        return true
    }

    /// Adds (path, value) unless the path is there already.
    private func record(_ list: inout [([String], JSONValue)], _ path: [String], _ value: JSONValue) {
        if !list.contains(where: { $0.0 == path }) { list.append((path, value)) }
    }

    /// Whether two thresholds objects have the same mode and step colours, and numbers (or the
    /// base's `null`) at the same steps: then only step values differ.
    static func sameStepsButValues(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        guard let a, let b, a["mode"] == b["mode"], let left = a["steps"]?.arrayValue, let right = b["steps"]?.arrayValue,
              left.count == right.count, a.objectMembers?.count == b.objectMembers?.count else { return false }
        return zip(left, right).allSatisfy { l, r in
            l["color"] == r["color"] && (l["value"] == .null) == (r["value"] == .null) && l.objectMembers?.count == r.objectMembers?.count
        }
    }

    /// The `values:` key of one threshold step: `<dashboard><Panel><Colour>` (`apiErrorRateRed`),
    /// the step's index for a colour without a DSL name.
    private mutating func stepKey(panel: JSONPointer, title: String, step: Int, color: String?) -> String {
        if let key = stepKeys[panel]?[step] { return key }
        let colour = color.flatMap { DSLConstants.colors[$0] }.map { SwiftIdentifier.upperCamel($0) } ?? "Step\(step)"
        let key = keys.unique(valuePrefix + SwiftIdentifier.upperCamel(title, fallback: "Panel") + colour)
        stepKeys[panel, default: [:]][step] = key
        return key
    }

    /// Every `values:` entry with a value for each environment (the first copy's where a copy
    /// did not differ).
    func filledValues(names: [String]) -> [String: [String: EnvironmentScalar]] {
        values.mapValues { perEnvironment in
            var filled = perEnvironment
            for name in names where filled[name] == nil { filled[name] = perEnvironment[firstEnvironment] }
            return filled
        }
    }

    // MARK: Code

    /// `.in("prod") { $0.refresh("1m") }` (one call) or a block of chained calls, at `indent`.
    static func overlay(_ environment: String, _ calls: [String], indent: String) -> String {
        let head = ".in(\(SwiftLiteral.string(environment))) {"
        if calls.count == 1, !calls[0].contains("\n") { return head + " $0" + calls[0] + " }" }
        return head + "\n" + indent + "    $0" + calls.joined(separator: "\n" + indent + "        ") + "\n" + indent + "}"
    }

    /// The dashboard's overlays, one per environment that differs, in `names` order.
    func dashboardModifiers(names: [String]) -> [String] {
        let indent = "        "
        return names.compactMap { name -> String? in
            guard let settings = dashboardSettings[name], !settings.isEmpty else { return nil }
            let calls = settings.map { path, value -> String in
                let mine = Self.member(first, path)
                switch path {
                case ["refresh"]:
                    if let text = value.stringValue, DashboardCodeGenerator.isRefreshInterval(text),
                       mine == nil || mine?.stringValue.map(DashboardCodeGenerator.isRefreshInterval) == true {
                        return ".refresh(\(SwiftLiteral.string(text)))"
                    }
                case ["time"]:
                    if let from = value["from"]?.stringValue, let to = value["to"]?.stringValue, value.objectMembers?.count == 2,
                       mine == nil || (mine?["from"]?.stringValue != nil && mine?["to"]?.stringValue != nil && mine?.objectMembers?.count == 2) {
                        return to == "now" ? ".time(from: \(SwiftLiteral.string(from)))" : ".time(from: \(SwiftLiteral.string(from)), to: \(SwiftLiteral.string(to)))"
                    }
                case ["timezone"], ["description"]:
                    if let text = value.stringValue, mine == nil || mine?.stringValue != nil {
                        return ".\(path[0])(\(SwiftLiteral.string(text, indentation: indent + "    ")))"
                    }
                default: break
                }
                return ".setting(\(SwiftLiteral.string(path.joined(separator: "."))), \(SwiftLiteral.json(value, indentation: indent + "    ")))"
            }
            return Self.overlay(name, calls, indent: indent)
        }
    }

    /// What the generator adds to each panel, by the panel's place in generation order
    /// (``panelOrder(_:)``).
    func panelEnvironments(names: [String]) -> [Int: PanelEnvironment] {
        let order = Self.panelOrder(first)
        var result: [Int: PanelEnvironment] = [:]
        for (pointer, ordinal) in order {
            var entry = PanelEnvironment()
            for (step, key) in stepKeys[pointer] ?? [:] { entry.stepValues[step] = "env.values.double(\(SwiftLiteral.string(key)))" }
            let panel = Self.value(at: pointer, in: first) ?? .null
            for name in names {
                guard let settings = panelSettings[pointer]?[name], !settings.isEmpty else { continue }
                entry.overlays.append((name, settings.map { (path: $0.0, value: $0.1, mine: Self.member(panel, $0.0)) }))
            }
            if !entry.stepValues.isEmpty || !entry.overlays.isEmpty { result[ordinal] = entry }
        }
        return result
    }

    /// A panel call: the typed modifier where the first copy's value was typed too (escape
    /// hatches are applied after typed modifiers, so a typed overlay could not replace a hatch),
    /// else the escape hatch for the path.
    static func panelCall(_ path: [String], _ value: JSONValue, mine: JSONValue?, indent: String) -> String {
        let defaults = ["fieldConfig", "defaults"]
        if path.count == 3, path.starts(with: defaults) {
            let key = path[2]
            switch key {
            case "thresholds":
                if let code = PanelCodeGenerator.thresholds(value), mine == nil || mine.flatMap({ PanelCodeGenerator.thresholds($0) }) != nil {
                    return ".thresholds(\(code))"
                }
            case "unit":
                if let id = value.stringValue, mine == nil || mine?.stringValue != nil { return ".unit(\(PanelCodeGenerator.unit(id)))" }
            case "decimals":
                if case .int(let decimals) = value, mine == nil || mine?.intValue != nil { return ".decimals(\(decimals))" }
            case "min", "max":
                func typed(_ value: JSONValue?) -> Bool { value?.doubleValue.map { FieldConfigEncoding.number($0) == value } == true }
                if typed(value), mine == nil || typed(mine), let number = value.doubleValue { return ".\(key)(\(SwiftLiteral.double(number)))" }
            default: break
            }
        }
        return PanelCodeGenerator.hatch(path, value, indent: indent)
    }

    /// Each panel's place in the order the generator writes panels (rows skipped, a collapsed
    /// row's panels where the row is), by its pointer.
    static func panelOrder(_ dashboard: JSONValue) -> [JSONPointer: Int] {
        var result: [JSONPointer: Int] = [:]
        for (index, panel) in (dashboard["panels"]?.arrayValue ?? []).enumerated() {
            let pointer = JSONPointer(tokens: ["panels", String(index)])
            if panel["type"] == .string("row") {
                guard panel["collapsed"] == .bool(true) else { continue }
                for (inner, _) in (panel["panels"]?.arrayValue ?? []).enumerated() {
                    result[pointer.appending("panels").appending(inner)] = result.count
                }
            } else {
                result[pointer] = result.count
            }
        }
        return result
    }
}

/// What one panel's code says per environment: step values read from `values:` and overlays.
struct PanelEnvironment {
    /// Threshold step index → the Swift expression of its value (`env.values.double("…")`).
    var stepValues: [Int: String] = [:]
    /// Per environment (in environment order) the settings of `.in(environment) { $0… }`: the
    /// path in the panel, the environment's value and the first copy's (see
    /// ``EnvironmentOverlays/panelCall(_:_:mine:indent:)``).
    var overlays: [(environment: String, settings: [(path: [String], value: JSONValue, mine: JSONValue?)])] = []

    /// The `.in` modifiers at `indent`.
    func modifiers(indent: String) -> [String] {
        overlays.map { overlay in
            EnvironmentOverlays.overlay(overlay.environment, overlay.settings.map {
                EnvironmentOverlays.panelCall($0.path, $0.value, mine: $0.mine, indent: indent + "        ")
            }, indent: indent)
        }
    }
}

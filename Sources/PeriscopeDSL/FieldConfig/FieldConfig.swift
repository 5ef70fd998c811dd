/// A link shown on a field's values or a panel (`links`).
public struct DataLink: Sendable, Hashable {
    /// The link text.
    public var title: String
    /// The URL; Grafana variables such as `${__value.raw}` may appear in it.
    public var url: String
    /// Whether to open in a new tab.
    public var targetBlank: Bool?

    /// Creates a link.
    public init(_ title: String, url: String, targetBlank: Bool? = nil) {
        self.title = title
        self.url = url
        self.targetBlank = targetBlank
    }
}

/// The field defaults of a panel (`fieldConfig.defaults`).
public struct FieldDefaults: Sendable, Hashable {
    /// The unit.
    public var unit: Unit?
    /// The number of decimals.
    public var decimals: Int?
    /// The minimum of the value range.
    public var min: Double?
    /// The maximum of the value range.
    public var max: Double?
    /// A display name template, e.g. `${__field.labels.route}`.
    public var displayName: String?
    /// Text shown for missing values.
    public var noValue: String?
    /// The field description.
    public var description: String?
    /// Coloured thresholds.
    public var thresholds: Thresholds?
    /// Value mappings.
    public var mappings: [ValueMapping]
    /// The colour mode.
    public var color: FieldColorMode?
    /// Data links on values.
    public var links: [DataLink]
    /// Panel-type specific field options (`fieldConfig.defaults.custom`), set by typed modifiers or by path.
    public var custom: JSONValue

    /// Creates empty defaults.
    public init() {
        self.mappings = []
        self.links = []
        self.custom = .object([])
    }
}

/// Which fields an override applies to.
public enum FieldMatcher: Sendable, Hashable {
    /// The field with this display name.
    case byName(String)
    /// Fields whose name matches the regular expression.
    case byRegex(String)
    /// Fields returned by the query with this refId.
    case byQuery(String)
    /// Fields of a type (`number`, `string`, `time`, `boolean`).
    case byType(String)

    /// Grafana's matcher id.
    public var id: String {
        switch self {
        case .byName: "byName"
        case .byRegex: "byRegexp"
        case .byQuery: "byFrameRefID"
        case .byType: "byType"
        }
    }

    /// Grafana's matcher option.
    public var option: String {
        switch self {
        case .byName(let value), .byRegex(let value), .byQuery(let value), .byType(let value): value
        }
    }
}

/// One property an override sets: Grafana's property id (`unit`, `color`, `custom.lineWidth`) and its value.
public struct FieldProperty: Sendable, Hashable {
    /// The property id.
    public var id: String
    /// The value.
    public var value: JSONValue

    /// Sets any property by id (the escape hatch for the long tail).
    public init(_ id: String, _ value: JSONValue) {
        self.id = id
        self.value = value
    }

    /// Overrides the unit.
    public static func unit(_ unit: Unit) -> FieldProperty { FieldProperty("unit", .string(unit.id)) }
    /// Overrides the decimals.
    public static func decimals(_ value: Int) -> FieldProperty { FieldProperty("decimals", .int(value)) }
    /// Overrides the minimum.
    public static func min(_ value: Double) -> FieldProperty { FieldProperty("min", .double(value)) }
    /// Overrides the maximum.
    public static func max(_ value: Double) -> FieldProperty { FieldProperty("max", .double(value)) }
    /// Overrides the display name.
    public static func displayName(_ value: String) -> FieldProperty { FieldProperty("displayName", .string(value)) }
    /// Overrides the colour.
    public static func color(_ mode: FieldColorMode) -> FieldProperty {
        var value: JSONValue = ["mode": .string(mode.mode)]
        if let fixed = mode.fixedColor { value["fixedColor"] = .string(fixed.rawValue) }
        return FieldProperty("color", value)
    }
    /// Overrides the thresholds.
    public static func thresholds(_ thresholds: Thresholds) -> FieldProperty {
        FieldProperty("thresholds", FieldConfigEncoding.thresholds(thresholds))
    }
    /// Overrides the value mappings.
    public static func mappings(_ mappings: [ValueMapping]) -> FieldProperty {
        FieldProperty("mappings", FieldConfigEncoding.mappings(mappings))
    }
    /// Overrides a panel-specific option, e.g. `.custom("lineWidth", 2)` → `custom.lineWidth`.
    public static func custom(_ path: String, _ value: JSONValue) -> FieldProperty { FieldProperty("custom." + path, value) }
    /// Hides the series from the graph, legend and tooltip.
    public static func hidden() -> FieldProperty {
        FieldProperty("custom.hideFrom", ["legend": true, "tooltip": true, "viz": true])
    }
}

/// An override: properties applied to the fields a matcher selects.
public struct FieldOverride: Sendable, Hashable {
    /// Which fields.
    public var matcher: FieldMatcher
    /// What to set.
    public var properties: [FieldProperty]
    /// Where the override was written.
    public var location: SourceLocation

    /// Creates an override.
    public init(_ matcher: FieldMatcher, _ properties: [FieldProperty], location: SourceLocation) {
        self.matcher = matcher
        self.properties = properties
        self.location = location
    }
}

/// Collects the properties of an override.
@resultBuilder
public enum FieldPropertyBuilder: ListBuilder {
    public typealias Element = FieldProperty
}

extension FieldProperty: BuilderContent { public typealias Builder = FieldPropertyBuilder }

/// The JSON encodings of field-config values shared by defaults and overrides.
public enum FieldConfigEncoding {
    /// `{"mode": …, "steps": [{"color": …, "value": …}]}`.
    public static func thresholds(_ thresholds: Thresholds) -> JSONValue {
        .object([
            JSONMember("mode", .string(thresholds.mode.rawValue)),
            JSONMember("steps", .array(thresholds.steps.map { step in
                .object([JSONMember("color", .string(step.color.rawValue)), JSONMember("value", step.value.map(number) ?? .null)])
            })),
        ])
    }

    /// Grafana's value-mapping list.
    public static func mappings(_ mappings: [ValueMapping]) -> JSONValue {
        var index = 0
        func result(_ result: MappingResult) -> JSONValue {
            var object: JSONValue = .object([])
            if let color = result.color { object["color"] = .string(color.rawValue) }
            if let icon = result.icon { object["icon"] = .string(icon) }
            object["index"] = .int(index)
            if let text = result.text { object["text"] = .string(text) }
            index += 1
            return object
        }
        return .array(mappings.map { mapping in
            switch mapping {
            case .values(let matches):
                var options: [JSONMember] = []
                for match in matches { options.append(JSONMember(match.value, result(match.result))) }
                return ["options": .object(options), "type": "value"]
            case .range(let from, let to, let mapped):
                return ["options": .object([
                    JSONMember("from", from.map(number) ?? .null),
                    JSONMember("result", result(mapped)),
                    JSONMember("to", to.map(number) ?? .null),
                ]), "type": "range"]
            case .regex(let pattern, let mapped):
                return ["options": ["pattern": .string(pattern), "result": result(mapped)], "type": "regex"]
            case .special(let value, let mapped):
                return ["options": ["match": .string(value.rawValue), "result": result(mapped)], "type": "special"]
            }
        })
    }

    /// A number as JSON: integral values as integers, so `1000.0` is written `1000`.
    public static func number(_ value: Double) -> JSONValue {
        if value.isFinite, value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return .int(Int(value)) }
        return .double(value)
    }
}

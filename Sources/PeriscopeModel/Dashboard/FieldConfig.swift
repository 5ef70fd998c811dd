import PeriscopeDSL

extension Grafana {
    /// `fieldConfig`: `defaults` applied to every field and `overrides` for matched fields.
    public struct FieldConfig: Sendable, Equatable {
        /// The fieldConfig object as written; `.object([])` when the panel has none.
        public let json: JSONValue
        /// Where it is (the panel's location when the panel has no fieldConfig).
        public let location: Location
        /// `defaults.unit`: a Grafana unit id such as `s`, `bytes`, `percentunit` or `reqps`.
        public let unit: String?
        /// `defaults.decimals`.
        public let decimals: Int?
        /// `defaults.min`.
        public let min: Double?
        /// `defaults.max`.
        public let max: Double?
        /// `defaults.displayName`.
        public let displayName: String?
        /// `defaults.color.mode`, e.g. `palette-classic` or `thresholds`.
        public let colorMode: String?
        /// `defaults.thresholds`.
        public let thresholds: Thresholds?
        /// `defaults.mappings`.
        public let mappings: [ValueMapping]
        /// `defaults.custom`: options of the panel plugin's field config, untyped.
        public let custom: JSONValue?
        /// `overrides`.
        public let overrides: [Override]

        /// Equal when the fieldConfig objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: FieldConfig, rhs: FieldConfig) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }

    /// `thresholds`: a mode and steps from the base color upwards.
    public struct Thresholds: Sendable, Equatable {
        /// `mode`: `absolute` or `percentage`.
        public let mode: String?
        /// `steps`, in order.
        public let steps: [ThresholdStep]
        /// Where it is.
        public let location: Location

        /// Equal when mode and steps are equal (locations do not take part).
        public static func == (lhs: Thresholds, rhs: Thresholds) -> Bool { lhs.mode == rhs.mode && lhs.steps == rhs.steps }
    }

    /// One threshold step: a color from `value` upwards; the base step has a `null` value.
    public struct ThresholdStep: Sendable, Equatable {
        /// `color`: a named color (`green`) or a CSS color (`#EAB839`).
        public let color: String?
        /// `value`; nil for the base step (`null`, which Grafana reads as -Infinity).
        public let value: Double?
        /// Where it is.
        public let location: Location

        /// Equal when color and value are equal (locations do not take part).
        public static func == (lhs: ThresholdStep, rhs: ThresholdStep) -> Bool { lhs.color == rhs.color && lhs.value == rhs.value }
    }

    /// A value mapping (`mappings[]`): `value`, `range`, `regex` or `special`, options untyped.
    public struct ValueMapping: Sendable, Equatable {
        /// The mapping object as written.
        public let json: JSONValue
        /// `type`: `value`, `range`, `regex` or `special`; the numbered types of mappings written
        /// before Grafana 8 read as their names (1 `value`, 2 `range`), as Grafana migrates them.
        public let type: String?
        /// Where it is.
        public let location: Location

        /// Equal when the mapping objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: ValueMapping, rhs: ValueMapping) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }

    /// A field override: a matcher and the properties it sets.
    public struct Override: Sendable, Equatable {
        /// The override object as written.
        public let json: JSONValue
        /// `matcher.id`: `byName`, `byRegexp`, `byFrameRefID`, `byType`, `byValue`…
        public let matcherID: String?
        /// `matcher.options`: the name, regex, refId or type matched.
        public let matcherOptions: JSONValue?
        /// `properties`: `id` (e.g. `unit`, `color`, `custom.axisPlacement`) and `value`.
        public let properties: [(id: String, value: JSONValue)]
        /// Where it is.
        public let location: Location

        /// Equal when the override objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Override, rhs: Override) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }
}

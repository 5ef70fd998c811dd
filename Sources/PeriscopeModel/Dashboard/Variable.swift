import PeriscopeDSL

extension Grafana {
    /// A template variable (`templating.list[]`).
    public struct Variable: Sendable, Equatable {
        /// The variable object as written or lowered.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// Its pointer, e.g. `/templating/list/0`.
        public let pointer: JSONPointer
        /// `name`: referred to as `$name`, `${name}` or `[[name]]`.
        public let name: String
        /// `type`: `query`, `custom`, `constant`, `datasource`, `interval`, `textbox`, `adhoc`, `groupby`.
        public let type: String?
        /// `label`.
        public let label: String?
        /// The query text: `query` when it is a string, or `query.query` for the object the
        /// query editor saves (`{"query": …, "refId": …}`).
        public let query: String?
        /// `definition`: the query as the editor shows it.
        public let definition: String?
        /// `datasource`.
        public let datasource: DatasourceRef?
        /// `multi`.
        public let multi: Bool?
        /// `includeAll`.
        public let includeAll: Bool?
        /// `regex`.
        public let regex: String?
        /// `refresh`: 0 never, 1 on dashboard load, 2 on time range change (legacy `true` reads as 1,
        /// `false` as 0).
        public let refresh: Int?
        /// `hide`: 0 shown, 1 label hidden, 2 variable hidden.
        public let hide: Int?
        /// `current`: the selected value, untyped (`{"text": …, "value": …}`).
        public let current: JSONValue?

        /// Equal when the variable objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Variable, rhs: Variable) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }

    /// An annotation query (`annotations.list[]`).
    public struct Annotation: Sendable, Equatable {
        /// The annotation object as written or lowered.
        public let json: JSONValue
        /// Where it is.
        public let location: Location
        /// Its pointer, e.g. `/annotations/list/1`.
        public let pointer: JSONPointer
        /// `name`.
        public let name: String?
        /// `datasource`.
        public let datasource: DatasourceRef?
        /// `enable`.
        public let enable: Bool?
        /// `hide`.
        public let hide: Bool?
        /// `iconColor`.
        public let iconColor: String?
        /// Whether it is Grafana's built-in "Annotations & Alerts" query (`builtIn: 1`).
        public let isBuiltIn: Bool
        /// The query expression: `target.expr` (current Grafana) or legacy top-level `expr`.
        public let expr: String?
        /// `titleFormat`, `textFormat` and `tagKeys` templates of Prometheus annotations.
        public let titleFormat: String?
        /// `textFormat`.
        public let textFormat: String?

        /// Equal when the annotation objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Annotation, rhs: Annotation) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }
}

import PeriscopeDSL

extension Grafana {
    /// A dashboard: the classic JSON model (schemaVersion 1 to current), typed where lint, diff
    /// and import look, and kept whole in `json` for everything else.
    ///
    /// `panels` lists every panel once, flattened: top-level panels, the panels of collapsed rows
    /// (nested in the row's `panels`) and the panels of legacy `rows[]` layouts (schemaVersion
    /// before 16), each with the titles of the rows that contain it. Row headers are in `rows`.
    public struct Dashboard: Sendable, Equatable {
        /// The dashboard object as written or lowered; writers write exactly this.
        public let json: JSONValue
        /// Where the dashboard is: the Swift line of its definition, or the file and its root.
        public let location: Location
        /// The pointer of the dashboard object in its file: the root, or `/dashboard` for the
        /// `{"dashboard": …, "meta": …}` shape of Grafana's HTTP API.
        public let pointer: JSONPointer
        /// `uid`; nil when missing or `null` (Grafana assigns one on import).
        public let uid: String?
        /// `title`.
        public let title: String?
        /// `description`.
        public let description: String?
        /// `tags`.
        public let tags: [String]
        /// `schemaVersion`; nil when missing (Grafana then treats the dashboard as version 0).
        public let schemaVersion: Int?
        /// `refresh` as written (`"30s"`, `""`; legacy files may have `false`).
        public let refresh: JSONValue?
        /// `time.from` and `time.to`, e.g. `now-6h` and `now`.
        public let timeRange: (from: String, to: String)?
        /// `timezone` (`browser`, `utc`, an IANA name or `""`).
        public let timezone: String?
        /// Every panel, flattened, with its row path; rows are in `rows`.
        public let panels: [Panel]
        /// The rows: `type: "row"` panels and legacy `rows[]` entries, in document order.
        public let rows: [Row]
        /// `templating.list`.
        public let variables: [Variable]
        /// `annotations.list`.
        public let annotations: [Annotation]
        /// `links`.
        public let links: [Link]
        /// `__inputs` of Grafana's export format: the datasources and constants an import asks for.
        public let inputs: [Input]

        /// Equal when the dashboard objects hold the same JSON data (key order and locations do not take part).
        public static func == (lhs: Dashboard, rhs: Dashboard) -> Bool { lhs.json.isSemanticallyEqual(to: rhs.json) }
    }

    /// An `__inputs` entry of an exported dashboard (`"Export for sharing externally"`).
    public struct Input: Sendable, Equatable {
        /// `name`, e.g. `DS_PROMETHEUS`; the dashboard refers to it as `${DS_PROMETHEUS}`.
        public let name: String
        /// `type`: `datasource` or `constant`.
        public let type: String?
        /// `pluginId` of a datasource input, e.g. `prometheus`.
        public let pluginId: String?
        /// `label` shown by the import dialog.
        public let label: String?
        /// `value` of a constant input.
        public let value: String?
        /// Where it is.
        public let location: Location

        /// Equal when the contents are equal (locations do not take part).
        public static func == (lhs: Input, rhs: Input) -> Bool {
            (lhs.name, lhs.type, lhs.pluginId, lhs.label, lhs.value) == (rhs.name, rhs.type, rhs.pluginId, rhs.label, rhs.value)
        }
    }
}

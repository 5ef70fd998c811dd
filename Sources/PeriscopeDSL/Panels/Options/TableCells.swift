/// How a table cell renders its value (`custom.cellOptions`).
public enum TableCellType: Sendable, Hashable, JSONRepresentable {
    /// Plain text (`auto`).
    case auto
    /// Text coloured from thresholds or mappings (`color-text`).
    case colorText
    /// A background coloured from thresholds or mappings (`color-background`), optionally for the whole row.
    case colorBackground(BackgroundMode = .gradient, applyToRow: Bool? = nil)
    /// A bar gauge in the cell (`gauge`).
    case gauge(BarGaugeDisplayMode = .gradient, valueDisplayMode: BarGaugeValueMode? = nil)
    /// A sparkline of a time series field (`sparkline`).
    case sparkline
    /// Collapsible JSON (`json-view`).
    case jsonView
    /// An image whose URL is the value (`image`).
    case image
    /// The field's data links (`data-links`).
    case dataLinks
    /// The field's actions as buttons (`actions`).
    case actions
    /// Each value as a coloured pill, several for a list value (`pill`, Grafana 12).
    case pill
    /// The value rendered as Markdown (`markdown`, Grafana 12).
    case markdown

    /// Plain or gradient background for `colorBackground` (`mode`).
    public enum BackgroundMode: String, Sendable, Hashable, JSONRepresentable {
        /// A flat colour.
        case basic
        /// A gradient.
        case gradient
    }

    /// `{"type": …}` plus the options of the cell type.
    public var jsonValue: JSONValue {
        switch self {
        case .auto: ["type": "auto"]
        case .colorText: ["type": "color-text"]
        case .colorBackground(let mode, let applyToRow):
            applyToRow.map { ["applyToRow": .bool($0), "mode": mode.jsonValue, "type": "color-background"] }
                ?? ["mode": mode.jsonValue, "type": "color-background"]
        case .gauge(let mode, let valueDisplayMode):
            valueDisplayMode.map { ["mode": mode.jsonValue, "type": "gauge", "valueDisplayMode": $0.jsonValue] }
                ?? ["mode": mode.jsonValue, "type": "gauge"]
        case .sparkline: ["type": "sparkline"]
        case .jsonView: ["type": "json-view"]
        case .image: ["type": "image"]
        case .dataLinks: ["type": "data-links"]
        case .actions: ["type": "actions"]
        case .pill: ["type": "pill"]
        case .markdown: ["type": "markdown"]
        }
    }
}

/// How table cell text is aligned (`custom.align`).
public enum TextAlignment: String, Sendable, Hashable, JSONRepresentable {
    /// Numbers right, text left.
    case auto
    /// Left.
    case left
    /// Right.
    case right
    /// Centred.
    case center
}

/// The row height of a table (`options.cellHeight`): `sm`, `md` or `lg`, the values of
/// `TableCellHeight` in Grafana's `packages/grafana-schema/src/common/table.cue` (which no longer
/// lists `auto`; wrap a column's text with `custom.wrapText` to fit its content instead).
public enum TableCellHeight: String, Sendable, Hashable, JSONRepresentable {
    /// Small rows (`sm`).
    case small = "sm"
    /// Medium rows (`md`).
    case medium = "md"
    /// Large rows (`lg`).
    case large = "lg"
}

extension FieldProperty {
    /// Renders the matched columns' cells as `type` (`custom.cellOptions`).
    public static func cellType(_ type: TableCellType) -> FieldProperty { FieldProperty("custom.cellOptions", type.jsonValue) }
    /// Sets the width of the matched columns in pixels (`custom.width`).
    public static func columnWidth(_ pixels: Int) -> FieldProperty { FieldProperty("custom.width", .int(pixels)) }
    /// Aligns the matched columns (`custom.align`).
    public static func align(_ alignment: TextAlignment) -> FieldProperty { FieldProperty("custom.align", alignment.jsonValue) }
}

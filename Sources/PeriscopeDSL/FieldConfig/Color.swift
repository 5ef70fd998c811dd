/// A Grafana colour: a named palette colour (`green`, `dark-red`, `semi-dark-blue`), a hex or `rgba(…)` string.
public struct Color: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The colour as Grafana stores it.
    public var rawValue: String

    /// Creates a colour from Grafana's spelling.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a colour from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let green: Color = "green"
    public static let red: Color = "red"
    public static let yellow: Color = "yellow"
    public static let orange: Color = "orange"
    public static let blue: Color = "blue"
    public static let purple: Color = "purple"
    public static let text: Color = "text"
    public static let transparent: Color = "transparent"
    public static let darkRed: Color = "dark-red"
    public static let darkGreen: Color = "dark-green"
    public static let darkYellow: Color = "dark-yellow"
    public static let darkOrange: Color = "dark-orange"
    public static let darkBlue: Color = "dark-blue"
    public static let semiDarkRed: Color = "semi-dark-red"
    public static let semiDarkGreen: Color = "semi-dark-green"
    public static let lightRed: Color = "light-red"
    public static let lightGreen: Color = "light-green"

    /// A colour from red, green and blue components (0–255) and an alpha (0–1).
    public static func rgba(_ red: Int, _ green: Int, _ blue: Int, _ alpha: Double = 1) -> Color {
        Color("rgba(\(red), \(green), \(blue), \(alpha))")
    }

    public var description: String { rawValue }
}

/// How Grafana picks the colour of a field: the "Color scheme" standard option,
/// `fieldConfig.defaults.color.mode` (Grafana's `FieldColorModeId`).
public enum FieldColorMode: Sendable, Hashable {
    /// From the thresholds.
    case thresholds
    /// One fixed colour.
    case fixed(Color)
    /// Grafana's classic palette, one colour per series.
    case paletteClassic
    /// The classic palette, picked by series name so colours stay stable.
    case paletteClassicByName
    /// A continuous scheme, e.g. `continuous-GrYlRd`.
    case continuous(String)
    /// Shades of one colour.
    case shades(Color)

    /// Grafana's `mode` string.
    public var mode: String {
        switch self {
        case .thresholds: "thresholds"
        case .fixed: "fixed"
        case .paletteClassic: "palette-classic"
        case .paletteClassicByName: "palette-classic-by-name"
        case .continuous(let scheme): scheme.hasPrefix("continuous-") ? scheme : "continuous-" + scheme
        case .shades: "shades"
        }
    }

    /// The colour that goes with `fixed` and `shades`.
    public var fixedColor: Color? {
        switch self {
        case .fixed(let color), .shades(let color): color
        default: nil
        }
    }
}

/// The former name of ``FieldColorMode``; "color mode" is also Stat's `options.colorMode`.
@available(*, deprecated, renamed: "FieldColorMode")
public typealias ColorMode = FieldColorMode

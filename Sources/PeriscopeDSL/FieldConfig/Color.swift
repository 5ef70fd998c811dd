/// A Grafana colour: a named palette colour (`green`, `dark-red`, `semi-dark-blue`), a hex or `rgba(…)` string.
public struct Color: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The colour as Grafana stores it.
    public var rawValue: String

    /// Creates a colour from Grafana's spelling.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// Creates a colour from a literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// `green`, the main shade of Grafana's green hue (`#73BF69`); the usual base threshold colour.
    public static let green: Color = "green"
    /// `red`, the main shade of Grafana's red hue (`#F2495C`); the usual colour of a breached threshold.
    public static let red: Color = "red"
    /// `yellow`, the main shade of Grafana's yellow hue (`#FADE2A`).
    public static let yellow: Color = "yellow"
    /// `orange`, the main shade of Grafana's orange hue (`#FF9830`).
    public static let orange: Color = "orange"
    /// `blue`, the main shade of Grafana's blue hue (`#5794F2`).
    public static let blue: Color = "blue"
    /// `purple`, the main shade of Grafana's purple hue (`#B877D9`).
    public static let purple: Color = "purple"
    /// `text`: the theme's primary text colour, so a value reads as plain text in light and dark themes.
    public static let text: Color = "text"
    /// `transparent`: no colour (a threshold step or mapping that should not tint the value).
    public static let transparent: Color = "transparent"
    /// `dark-red`, the darkest shade of the red hue (`#C4162A`).
    public static let darkRed: Color = "dark-red"
    /// `dark-green`, the darkest shade of the green hue (`#37872D`).
    public static let darkGreen: Color = "dark-green"
    /// `dark-yellow`, the darkest shade of the yellow hue (`#E0B400`).
    public static let darkYellow: Color = "dark-yellow"
    /// `dark-orange`, the darkest shade of the orange hue (`#FA6400`).
    public static let darkOrange: Color = "dark-orange"
    /// `dark-blue`, the darkest shade of the blue hue (`#1F60C4`).
    public static let darkBlue: Color = "dark-blue"
    /// `semi-dark-red`, between `dark-red` and `red` (`#E02F44`).
    public static let semiDarkRed: Color = "semi-dark-red"
    /// `semi-dark-green`, between `dark-green` and `green` (`#56A64B`).
    public static let semiDarkGreen: Color = "semi-dark-green"
    /// `light-red`, lighter than `red` (`#FF7383`).
    public static let lightRed: Color = "light-red"
    /// `light-green`, lighter than `green` (`#96D98D`).
    public static let lightGreen: Color = "light-green"

    /// A colour from red, green and blue components (0–255) and an alpha (0–1).
    public static func rgba(_ red: Int, _ green: Int, _ blue: Int, _ alpha: Double = 1) -> Color {
        Color("rgba(\(red), \(green), \(blue), \(alpha))")
    }

    /// The colour as Grafana stores it (`dark-red`, `#FF0000`, `rgba(…)`).
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

/// Whether threshold values are absolute or a percentage of the min–max range.
public enum ThresholdsMode: String, Sendable, Hashable {
    /// `absolute`, Grafana's default: a step starts at its value in the field's unit.
    case absolute
    /// `percentage`: a step starts at a percentage (0–100) of the way from the field's min to
    /// its max (as set, or as computed from the data).
    case percentage
}

/// One coloured threshold step; the first step has no value (it starts at minus infinity).
public struct ThresholdStep: Sendable, Hashable {
    /// The colour from this value upwards.
    public var color: Color
    /// The lower bound, nil for the base step.
    public var value: Double?

    /// Creates a step.
    public init(_ color: Color, from value: Double?) {
        self.color = color
        self.value = value
    }

    /// The base step, which applies below every other step.
    public static func base(_ color: Color) -> ThresholdStep { ThresholdStep(color, from: nil) }

    /// A step starting at `value`.
    public static func step(_ value: Double, _ color: Color) -> ThresholdStep { ThresholdStep(color, from: value) }
}

/// Coloured thresholds of a field.
///
/// ```swift
/// .thresholds(.absolute, [.base(.green), .step(0.05, .orange), .step(0.1, .red)])
/// ```
public struct Thresholds: Sendable, Hashable {
    /// Absolute or percentage.
    public var mode: ThresholdsMode
    /// The steps, base first.
    public var steps: [ThresholdStep]
    /// Where the thresholds were set.
    public var location: SourceLocation?

    /// Creates thresholds.
    public init(_ mode: ThresholdsMode = .absolute, _ steps: [ThresholdStep], location: SourceLocation? = nil) {
        self.mode = mode
        self.steps = steps
        self.location = location
    }
}

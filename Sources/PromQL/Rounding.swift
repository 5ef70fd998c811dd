/// Rounding without libm: `Double.rounded()` lowers to calls of `round`/`trunc`, which a
/// program linking only this module (no Foundation) cannot resolve on Linux.
enum Rounding {
    /// Whether `value` is within the range where conversion to `Int64` is exact and cannot trap.
    @inline(__always)
    static func fitsInt64(_ value: Double) -> Bool {
        value > -9.2e18 && value < 9.2e18
    }

    /// Rounds half away from zero, as Go's `math.Round`; values that are already integral
    /// (|x| ≥ 2^52, infinities, NaN) are returned unchanged.
    static func halfAwayFromZero(_ value: Double) -> Double {
        guard fitsInt64(value), Swift.abs(value) < 4.503599627370496e15 else { return value }
        let whole = Double(Int64(value))
        let fraction = value - whole
        if fraction >= 0.5 { return whole + 1 }
        if fraction <= -0.5 { return whole - 1 }
        return whole
    }

    /// Truncates toward zero.
    static func towardZero(_ value: Double) -> Double {
        guard fitsInt64(value), Swift.abs(value) < 4.503599627370496e15 else { return value }
        return Double(Int64(value))
    }
}

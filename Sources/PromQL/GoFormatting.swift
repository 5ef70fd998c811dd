// The Go formatting Prometheus uses for the scalar pieces of an expression, public for tools
// that generate PromQL and must print numbers, durations and strings as Prometheus and
// Go-based generators (Sloth, Pyrra) do.

extension PromDuration {
    /// Prometheus' `model.Duration.String()`: the largest units first, weeks and years only
    /// when exact (`30d`, `4w`, `1d`, `1h30m`, `0s`), truncated to milliseconds.
    public var prometheusText: String { GoFormat.duration(self) }
}

extension PromQL {
    /// Go's `strconv.FormatFloat(value, 'g', -1, 64)` (`fmt`'s `%g`): the shortest digits that
    /// round-trip, in exponent form below 1e-4 and from 1e+06 (`14.4`, `0.0009999999999999432`,
    /// `1e-05`, `30`).
    public static func goGeneralText(_ value: Double) -> String { GoFormat.general(value) }

    /// Go's `strconv.FormatFloat(value, 'f', -1, 64)`: the shortest digits that round-trip,
    /// never an exponent (`99.9`, `100`).
    public static func goFixedText(_ value: Double) -> String { GoFormat.fixed(value) }

    /// Go's `strconv.Quote`, which Prometheus uses for label values (`"a\"b"`).
    public static func goQuoted(_ text: String) -> String { GoFormat.quote(PromQLString(text)) }
}

extension EnvironmentValues {
    /// Reads a number and returns it as PromQL number text, as the YAML wrote it for integers
    /// (`2000`, not `2000.0`) and in its shortest round-trip form otherwise (`0.05`).
    ///
    /// ```swift
    /// AlertRule("APILatencyP99High", expr: "… > \(env.values.promQLNumber("p99LatencySeconds"))")
    /// ```
    public func promQLNumber(_ key: String, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> String {
        if case .int(let value)? = self[key] { return String(value) }
        return Self.promQLNumberText(value(key, as: Double.self, fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// `value` as PromQL number text: integers without a fraction, others in shortest form.
    public static func promQLNumberText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

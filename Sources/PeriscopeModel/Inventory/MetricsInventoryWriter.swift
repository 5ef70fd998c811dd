/// Writes a `MetricsInventory` as `metrics.yaml`: metrics and labels sorted by name, one label per
/// line as a flow map (`code: {values: 8, max: 20}`), strings quoted only when a YAML 1.1 or 1.2
/// loader would read them as something else (`YAMLQuoting`). Same inventory, same bytes.
public enum MetricsInventoryWriter {
    /// The YAML text; `header` lines are written first as `# ` comments.
    public static func write(_ inventory: MetricsInventory, header: [String] = []) -> String {
        var out = ""
        for line in header { out += line.isEmpty ? "#\n" : "# \(line)\n" }
        let metrics = inventory.sortedMetrics
        guard !metrics.isEmpty else { return out + "metrics: {}\n" }
        out += "metrics:\n"
        for metric in metrics {
            out += "  \(YAMLQuoting.string(metric.name)):\n"
            out += "    type: \(metric.type.rawValue)\n"
            if !metric.help.isEmpty { out += "    help: \(YAMLQuoting.string(metric.help))\n" }
            if let unit = metric.unit, !unit.isEmpty { out += "    unit: \(YAMLQuoting.string(unit))\n" }
            if let series = metric.series { out += "    series: \(series)\n" }
            let labels = metric.sortedLabels
            guard !labels.isEmpty else { continue }
            out += "    labels:\n"
            for label in labels {
                let measured = label.values.map { "values: \($0), " } ?? ""
                out += "      \(YAMLQuoting.string(label.name)): {\(measured)max: \(label.maximumValues)}\n"
            }
        }
        return out
    }
}

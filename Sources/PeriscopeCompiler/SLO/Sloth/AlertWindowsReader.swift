import PeriscopeDSL
import PeriscopeModel

/// Reads Sloth's `AlertWindows` catalogs (`apiVersion: sloth.slok.dev/v1`, `kind: AlertWindows`),
/// the files `--slo-period-windows-path` points at, into `SLOAlertWindows`.
///
/// Each file gives one SLO period its page and ticket pairs, quick then slow, each with an
/// `errorBudgetPercent`, a `shortWindow` and a `longWindow` (all required and non-zero, as
/// Sloth checks). Problems are errors at the file's line and column.
///
/// ```yaml
/// apiVersion: "sloth.slok.dev/v1"
/// kind: "AlertWindows"
/// spec:
///   sloPeriod: 28d
///   page:
///     quick: { errorBudgetPercent: 2, shortWindow: 5m, longWindow: 1h }
///     slow: { errorBudgetPercent: 5, shortWindow: 30m, longWindow: 6h }
///   ticket: …
/// ```
public struct AlertWindowsReader: Sendable {
    /// The path shown in locations.
    public var path: String

    /// Creates a reader.
    public init(path: String) { self.path = path }

    /// The catalog in `text`, or nil with the problems found.
    public func read(_ text: String) -> (windows: SLOAlertWindows?, diagnostics: [Diagnostic]) {
        let yaml = YAMLReader(path: path).read(text)
        guard let root = yaml.root else {
            let empty = yaml.isEmpty ? [Diagnostic.error("the alert windows file is empty (expected kind: AlertWindows)", at: FileLocation(path: path, line: 1, column: 1), id: SLODiagnosticID.specInvalid)] : []
            return (nil, yaml.diagnostics + empty)
        }
        var decoder = SpecDecoder()
        let windows = catalog(root, &decoder)
        return (decoder.errorCount == 0 ? windows : nil, yaml.diagnostics + decoder.diagnostics)
    }

    private func catalog(_ root: YAMLTree, _ decoder: inout SpecDecoder) -> SLOAlertWindows? {
        guard let fields = decoder.fields(root, "the alert windows", allowed: ["apiVersion", "kind", "spec"]) else { return nil }
        let apiVersion = decoder.string(fields["apiVersion"], "apiVersion"), kind = decoder.string(fields["kind"], "kind")
        guard apiVersion == "sloth.slok.dev/v1", kind == "AlertWindows" else {
            decoder.error("unsupported alert windows version \(apiVersion ?? "none")/\(kind ?? "none") (expected apiVersion: sloth.slok.dev/v1 and kind: AlertWindows)",
                          at: (fields["apiVersion"] ?? fields["kind"])?.value.location ?? root.location)
            return nil
        }
        guard let specEntry = fields["spec"], let spec = decoder.fields(specEntry.value, "spec", allowed: ["sloPeriod", "page", "ticket"]) else {
            decoder.error("the alert windows have no spec (expected spec: with sloPeriod, page and ticket)", at: root.location)
            return nil
        }
        let period = decoder.duration(spec["sloPeriod"], "sloPeriod")
        if spec["sloPeriod"] == nil { decoder.error("spec has no sloPeriod (expected e.g. sloPeriod: 30d)", at: specEntry.value.location) }
        let page = pairs(spec["page"], "page", at: specEntry.value.location, &decoder)
        let ticket = pairs(spec["ticket"], "ticket", at: specEntry.value.location, &decoder)
        guard let period, let page, let ticket else { return nil }
        return SLOAlertWindows(period: period, page: page, ticket: ticket)
    }

    private func pairs(_ entry: YAMLEntry?, _ what: String, at location: FileLocation, _ decoder: inout SpecDecoder) -> [BurnRateWindow]? {
        guard let entry, let fields = decoder.fields(entry.value, what, allowed: ["quick", "slow"]) else {
            if entry == nil { decoder.error("spec has no \(what) (expected \(what): with quick and slow windows)", at: location) }
            return nil
        }
        var result: [BurnRateWindow] = []
        for speed in ["quick", "slow"] {
            let name = "\(what).\(speed)"
            guard let window = fields[speed], let values = decoder.fields(window.value, name, allowed: ["errorBudgetPercent", "shortWindow", "longWindow"]) else {
                if fields[speed] == nil { decoder.error("\(what) has no \(speed) window (expected errorBudgetPercent, shortWindow and longWindow)", at: entry.value.location) }
                return nil
            }
            let percent = decoder.number(values["errorBudgetPercent"], "\(name).errorBudgetPercent")
            let short = decoder.duration(values["shortWindow"], "\(name).shortWindow")
            let long = decoder.duration(values["longWindow"], "\(name).longWindow")
            for (key, present) in [("errorBudgetPercent", percent.map { $0 != 0 }), ("shortWindow", short.map { $0.milliseconds != 0 }), ("longWindow", long.map { $0.milliseconds != 0 })]
            where present != true {
                decoder.error("\(name) has no \(key), or it is zero (expected a non-zero value, as Sloth requires)", at: values[key]?.value.location ?? window.value.location)
            }
            guard let percent, let short, let long else { return nil }
            result.append(BurnRateWindow(long: long, short: short, budgetPercent: percent))
        }
        return result
    }
}

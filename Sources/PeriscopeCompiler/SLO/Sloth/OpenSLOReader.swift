import PeriscopeDSL
import PeriscopeModel

/// Reads OpenSLO documents into `SLO`s, for `SlothSpecReader`.
///
/// **`openslo/v1alpha` `SLO`**, as Sloth v0.16 maps it: each item of `spec.objectives` is one
/// SLO named `<metadata.name>-<index>` (id `<service>-<name>-<index>`) with the objective
/// `target × 100`; its `ratioMetrics` `good` and `total` queries (`source: prometheus` or
/// `sloth`, `queryType: promql`, each with `{{.window}}`) become the error ratio
/// `1 - (good / total)`; one `timeWindows` item in days (`unit: Day`, `count: 28`) sets the
/// period, else the default period applies. No alerts: OpenSLO v1alpha has no alerting Sloth reads.
///
/// **`openslo/v1` `SLO` and `SLI`** (which Sloth does not read): the SLO's `indicator` (inline)
/// or `indicatorRef` (an `SLI` document of the same file) must be a `ratioMetric` whose
/// metric sources are Prometheus queries (`metricSource.spec.query`, with `{{.window}}`):
/// `good`/`total` gives `1 - (good / total)`, `bad`/`total` an events SLI, `raw` with
/// `rawType: failure` the ratio itself (`success`: one minus it). `budgetingMethod` must be
/// `Occurrences`; one rolling `timeWindow` (`duration: 28d`) sets the period. Each objective
/// (`target`, or `targetPercent`) is one SLO, named `<metadata.name>` when there is one
/// objective and `<metadata.name>-<index>` otherwise; `alertPolicies` are not read, so no
/// alerts are generated. `Service`, `DataSource` and the alerting kinds are skipped with a warning.
///
/// Unknown keys, wrong types, unsupported methods and sources are errors at their line and column.
struct OpenSLOReader {
    static let v1alpha = "openslo/v1alpha"
    static let v1 = "openslo/v1"
    static let skippedKinds = ["Service", "DataSource", "AlertPolicy", "AlertCondition", "AlertNotificationTarget"]
    static let metadataKeys = ["name", "displayName", "labels", "annotations"]

    let reader: SlothSpecReader
    /// Every document of the file, where `indicatorRef` finds its `SLI`.
    let documents: [YAMLTree]

    // MARK: v1alpha

    func v1alpha(_ tree: YAMLTree, _ decoder: inout SpecDecoder) -> [SLO] {
        guard let (name, spec) = header(tree, specKeys: ["service", "description", "timeWindows", "budgetingMethod", "objectives"], &decoder) else { return [] }
        let service = self.service(spec, at: tree.location, &decoder)
        var period = reader.period
        if let windows = spec["timeWindows"] {
            period = v1alphaPeriod(windows, &decoder) ?? period
        }
        let description = decoder.string(spec["description"], "spec.description")
        let items = objectives(spec["objectives"], at: tree.location, &decoder)
        var slos: [SLO] = []
        for (index, item) in items.enumerated() {
            let what = "objective \(index + 1) of SLO '\(name)'"
            guard let fields = decoder.fields(item, what, allowed: ["displayName", "op", "value", "target", "timeSliceTarget", "ratioMetrics"]) else { continue }
            let target = decoder.number(fields["target"], "target of \(what)")
            if fields["target"] == nil { decoder.error("\(what) has no target (expected target: a ratio such as 0.999)", at: item.location) }
            guard let metrics = fields["ratioMetrics"] else {
                decoder.error("\(what) has no ratioMetrics (expected good and total Prometheus queries; Sloth reads no other SLI)", at: item.location)
                continue
            }
            guard let ratio = decoder.fields(metrics.value, "ratioMetrics of \(what)", allowed: ["good", "total", "incremental"]) else { continue }
            let good = v1alphaQuery(ratio["good"], "good", of: what, at: metrics.value.location, &decoder)
            let total = v1alphaQuery(ratio["total"], "total", of: what, at: metrics.value.location, &decoder)
            guard let target, let good, let total, let service else { continue }
            slos.append(slo(service: service, name: "\(name)-\(index)", target: target * 100, sli: Self.goodOverTotal(good: good, total: total),
                            period: period, description: description, at: item.location, objectiveAt: fields["target"]?.value.location, &decoder))
        }
        return slos
    }

    /// Sloth's one time window in days.
    private func v1alphaPeriod(_ entry: YAMLEntry, _ decoder: inout SpecDecoder) -> PrometheusDuration? {
        guard let items = entry.value.items else {
            decoder.error("spec.timeWindows: expected a list, got \(entry.value.kindDescription)", at: entry.value.location)
            return nil
        }
        guard items.count == 1, let window = items.first else {
            if items.count > 1 { decoder.error("only 1 time window is supported (expected one timeWindows item, as Sloth requires)", at: entry.value.location) }
            return nil
        }
        guard let fields = decoder.fields(window, "the time window", allowed: ["unit", "count", "isRolling", "calendar"]) else { return nil }
        let unit = decoder.string(fields["unit"], "unit of the time window")
        guard unit?.lowercased() == "day" else {
            decoder.error("only days based time windows are supported (expected unit: Day, as Sloth requires)", at: fields["unit"]?.value.location ?? window.location)
            return nil
        }
        guard let count = decoder.number(fields["count"], "count of the time window"), count >= 1, count == count.rounded() else {
            decoder.error("the time window has no whole number of days (expected count: e.g. 30)", at: fields["count"]?.value.location ?? window.location)
            return nil
        }
        return PrometheusDuration("\(Int(count))d")
    }

    /// A v1alpha metric source: a PromQL query from `prometheus` (or `sloth`).
    private func v1alphaQuery(_ entry: YAMLEntry?, _ key: String, of what: String, at location: FileLocation, _ decoder: inout SpecDecoder) -> String? {
        guard let entry else {
            decoder.error("ratioMetrics of \(what) has no \(key) (expected \(key): with source: prometheus, queryType: promql and a query)", at: location)
            return nil
        }
        guard let fields = decoder.fields(entry.value, "\(key) of \(what)", allowed: ["source", "queryType", "query", "metadata"]) else { return nil }
        let source = decoder.string(fields["source"], "source of \(key)")
        if source != "prometheus" && source != "sloth" {
            decoder.error("\(key) of \(what) has source '\(source ?? "")' (expected prometheus or sloth, as Sloth requires)", at: fields["source"]?.value.location ?? entry.value.location)
        }
        let type = decoder.string(fields["queryType"], "queryType of \(key)")
        if type != "promql" {
            decoder.error("\(key) of \(what) has queryType '\(type ?? "")' (expected promql)", at: fields["queryType"]?.value.location ?? entry.value.location)
        }
        guard let query = fields["query"] else {
            decoder.error("\(key) of \(what) has no query (expected a PromQL query with {{.window}})", at: entry.value.location)
            return nil
        }
        return reader.checkedQuery(query, "\(key) query of \(what)", &decoder)
    }

    // MARK: v1

    /// The SLOs of a v1 document; nil for an `SLI` or a skipped kind.
    func v1(_ tree: YAMLTree, kind: YAMLEntry?, _ decoder: inout SpecDecoder) -> [SLO]? {
        switch kind?.value.scalar?.text {
        case "SLO": return v1SLO(tree, &decoder)
        case "SLI":
            if let (name, spec) = header(tree, specKeys: Self.sliKeys, &decoder) { _ = sli(spec, of: "SLI '\(name)'", at: tree.location, &decoder) }
            return nil
        case let other? where Self.skippedKinds.contains(other):
            decoder.diagnostics.append(Diagnostic(.warning, "OpenSLO \(other) documents are not used to generate SLO rules (expected SLO and SLI documents; this one is skipped)",
                                                  at: .file(kind!.value.location), id: SLODiagnosticID.specInvalid))
            return nil
        default:
            decoder.error("unsupported OpenSLO kind '\(kind?.value.scalar?.text ?? "none")' (expected SLO or SLI; \(Self.skippedKinds.joined(separator: ", ")) are skipped)",
                          at: kind?.value.location ?? tree.location)
            return nil
        }
    }

    static let sliKeys = ["description", "thresholdMetric", "ratioMetric"]

    private func v1SLO(_ tree: YAMLTree, _ decoder: inout SpecDecoder) -> [SLO] {
        let keys = ["description", "service", "indicator", "indicatorRef", "timeWindow", "budgetingMethod", "objectives", "alertPolicies"]
        guard let (name, spec) = header(tree, specKeys: keys, &decoder) else { return [] }
        let what = "SLO '\(name)'"
        let service = self.service(spec, at: tree.location, &decoder)
        let method = decoder.string(spec["budgetingMethod"], "budgetingMethod of \(what)")
        if method != "Occurrences" {
            decoder.error("budgetingMethod '\(method ?? "")' of \(what) is not supported (expected Occurrences: burn-rate alerts count events)",
                          at: spec["budgetingMethod"]?.value.location ?? tree.location)
        }
        let period = spec["timeWindow"].flatMap { v1Period($0, &decoder) } ?? reader.period
        if let policies = spec["alertPolicies"] {
            decoder.diagnostics.append(Diagnostic(.warning, "alertPolicies of \(what) are not read (expected none; the SLO gets recording rules and no alerts)",
                                                  at: .file(policies.keyLocation), id: SLODiagnosticID.specInvalid))
        }
        let sli = indicator(spec, of: what, at: tree.location, &decoder)
        let items = objectives(spec["objectives"], at: tree.location, &decoder)
        let description = decoder.string(spec["description"], "description of \(what)")
        var slos: [SLO] = []
        for (index, item) in items.enumerated() {
            let owner = "objective \(index + 1) of \(what)"
            let keys = ["displayName", "op", "value", "target", "targetPercent", "timeSliceTarget", "timeSliceWindow", "indicator", "indicatorRef", "compositeWeight"]
            guard let fields = decoder.fields(item, owner, allowed: keys) else { continue }
            if let composite = fields["indicator"] ?? fields["indicatorRef"] {
                decoder.error("\(owner) has its own indicator (expected the SLO's indicator; composite SLOs are not supported)", at: composite.keyLocation)
                continue
            }
            var percent: Double?
            switch (fields["target"], fields["targetPercent"]) {
            case (let target?, nil): percent = decoder.number(target, "target of \(owner)").map { $0 * 100 }
            case (nil, let target?): percent = decoder.number(target, "targetPercent of \(owner)")
            default: decoder.error("\(owner) needs exactly one of target and targetPercent (expected e.g. target: 0.999)", at: item.location)
            }
            guard let percent, let sli, let service else { continue }
            let sloName = items.count == 1 ? name : "\(name)-\(index)"
            let objectiveAt = (fields["target"] ?? fields["targetPercent"])?.value.location
            slos.append(slo(service: service, name: sloName, target: percent, sli: sli, period: period, description: description, at: item.location,
                            objectiveAt: objectiveAt, &decoder))
        }
        return slos
    }

    /// The one rolling time window's duration.
    private func v1Period(_ entry: YAMLEntry, _ decoder: inout SpecDecoder) -> PrometheusDuration? {
        guard let items = entry.value.items, items.count == 1, let window = items.first else {
            decoder.error("timeWindow: expected a list of exactly one time window, got \(entry.value.kindDescription)", at: entry.value.location)
            return nil
        }
        guard let fields = decoder.fields(window, "the time window", allowed: ["duration", "isRolling", "calendar"]) else { return nil }
        if let calendar = fields["calendar"] {
            decoder.error("calendar-aligned time windows are not supported (expected a rolling window: duration and isRolling: true)", at: calendar.keyLocation)
            return nil
        }
        guard let duration = fields["duration"] else {
            decoder.error("the time window has no duration (expected e.g. duration: 28d)", at: window.location)
            return nil
        }
        return decoder.duration(duration, "duration of the time window")
    }

    /// The SLO's `indicator` or the `SLI` its `indicatorRef` names.
    private func indicator(_ spec: [String: YAMLEntry], of what: String, at location: FileLocation, _ decoder: inout SpecDecoder) -> SLI? {
        switch (spec["indicator"], spec["indicatorRef"]) {
        case (let inline?, nil):
            guard let fields = decoder.fields(inline.value, "indicator of \(what)", allowed: ["metadata", "spec"]) else { return nil }
            _ = fields["metadata"].map { decoder.fields($0.value, "indicator metadata", allowed: Self.metadataKeys) }
            guard let body = fields["spec"], let sliSpec = decoder.fields(body.value, "indicator spec of \(what)", allowed: Self.sliKeys) else {
                if fields["spec"] == nil { decoder.error("indicator of \(what) has no spec (expected spec: with ratioMetric)", at: inline.value.location) }
                return nil
            }
            return sli(sliSpec, of: "indicator of \(what)", at: body.value.location, &decoder)
        case (nil, let reference?):
            guard let name = decoder.string(reference, "indicatorRef of \(what)") else { return nil }
            guard let document = documents.first(where: { Self.isSLI($0, named: name) }) else {
                decoder.error("indicatorRef '\(name)' of \(what) names no SLI in the file (expected an \(Self.v1) SLI document with metadata.name: \(name))", at: reference.value.location)
                return nil
            }
            // The SLI document reports its own problems; here they would be reported twice.
            var scratch = SpecDecoder()
            guard let spec = scratch.fields(document.entry("spec")?.value ?? document, "", allowed: Self.sliKeys) else { return nil }
            let sli = self.sli(spec, of: "SLI '\(name)'", at: document.location, &scratch)
            if sli == nil && scratch.errorCount == 0 { decoder.error("SLI '\(name)' cannot be read", at: reference.value.location) }
            return scratch.errorCount == 0 ? sli : nil
        default:
            decoder.error("\(what) needs exactly one of indicator and indicatorRef (expected the SLI inline or the name of an SLI document)", at: location)
            return nil
        }
    }

    private static func isSLI(_ tree: YAMLTree, named name: String) -> Bool {
        tree.entry("apiVersion")?.value.scalar?.text == v1 && tree.entry("kind")?.value.scalar?.text == "SLI"
            && tree.entry("metadata")?.value.entry("name")?.value.scalar?.text == name
    }

    /// A v1 SLI spec: a ratio metric of Prometheus queries.
    private func sli(_ spec: [String: YAMLEntry], of what: String, at location: FileLocation, _ decoder: inout SpecDecoder) -> SLI? {
        if let threshold = spec["thresholdMetric"] {
            decoder.error("thresholdMetric of \(what) is not supported (expected ratioMetric: burn-rate alerts need a ratio of events)", at: threshold.keyLocation)
            return nil
        }
        guard let ratioEntry = spec["ratioMetric"] else {
            decoder.error("\(what) has no ratioMetric (expected ratioMetric: with good or bad, and total)", at: location)
            return nil
        }
        let keys = ["counter", "good", "bad", "total", "rawType", "raw"]
        guard let ratio = decoder.fields(ratioEntry.value, "ratioMetric of \(what)", allowed: keys) else { return nil }
        func query(_ key: String) -> String? { ratio[key].flatMap { metricQuery($0, "\(key) of \(what)", &decoder) } }
        switch (ratio["good"] != nil, ratio["bad"] != nil, ratio["total"] != nil, ratio["raw"] != nil) {
        case (true, false, true, false):
            guard let good = query("good"), let total = query("total") else { return nil }
            return Self.goodOverTotal(good: good, total: total)
        case (false, true, true, false):
            guard let bad = query("bad"), let total = query("total") else { return nil }
            return .events(errors: bad, total: total)
        case (false, false, false, true):
            let rawType = decoder.string(ratio["rawType"], "rawType of \(what)")
            guard let raw = query("raw") else { return nil }
            switch rawType {
            case "failure": return .raw(errorRatio: raw)
            case "success": return .raw(errorRatio: "1 - (\(raw))")
            default:
                decoder.error("rawType '\(rawType ?? "")' of \(what) (expected success or failure)", at: ratio["rawType"]?.value.location ?? ratioEntry.value.location)
                return nil
            }
        default:
            decoder.error("ratioMetric of \(what) needs good and total, bad and total, or raw (expected one of these)", at: ratioEntry.value.location)
            return nil
        }
    }

    /// `metricSource.spec.query` of a Prometheus metric source.
    private func metricQuery(_ entry: YAMLEntry, _ what: String, _ decoder: inout SpecDecoder) -> String? {
        guard let fields = decoder.fields(entry.value, what, allowed: ["metricSource"]), let source = fields["metricSource"],
              let sourceFields = decoder.fields(source.value, "metricSource of \(what)", allowed: ["metricSourceRef", "type", "spec"]) else {
            if entry.value.entries != nil { decoder.error("\(what) has no metricSource (expected metricSource: with type: Prometheus and spec.query)", at: entry.value.location) }
            return nil
        }
        if let type = decoder.string(sourceFields["type"], "type of \(what)"), type.lowercased() != "prometheus" {
            decoder.error("\(what) has the metric source type '\(type)' (expected Prometheus)", at: sourceFields["type"]!.value.location)
            return nil
        }
        guard let query = sourceFields["spec"]?.value.entry("query") else {
            decoder.error("\(what) has no spec.query (expected a PromQL query with {{.window}})", at: source.value.location)
            return nil
        }
        return reader.checkedQuery(query, "query of \(what)", &decoder)
    }

    // MARK: Shared

    /// `metadata.name` (checked as an SLO name) and the `spec` map of an OpenSLO document.
    private func header(_ tree: YAMLTree, specKeys: [String], _ decoder: inout SpecDecoder) -> (String, [String: YAMLEntry])? {
        guard let fields = decoder.fields(tree, "the OpenSLO document", allowed: ["apiVersion", "kind", "metadata", "spec"]) else { return nil }
        let metadata = fields["metadata"].flatMap { decoder.fields($0.value, "metadata", allowed: Self.metadataKeys) } ?? [:]
        let name = decoder.string(metadata["name"], "metadata.name") ?? ""
        if let problem = SLOChecks.nameProblem(name, "metadata.name") {
            decoder.error(problem, at: metadata["name"]?.value.location ?? fields["metadata"]?.value.location ?? tree.location, id: SLODiagnosticID.nameInvalid)
        }
        guard let specEntry = fields["spec"], let spec = decoder.fields(specEntry.value, "spec", allowed: specKeys) else {
            if fields["spec"] == nil { decoder.error("the OpenSLO document has no spec", at: tree.location) }
            return nil
        }
        return (name, spec)
    }

    private func service(_ spec: [String: YAMLEntry], at location: FileLocation, _ decoder: inout SpecDecoder) -> String? {
        let service = decoder.string(spec["service"], "spec.service") ?? ""
        if let problem = SLOChecks.nameProblem(service, "service") {
            decoder.error(problem, at: spec["service"]?.value.location ?? location, id: SLODiagnosticID.nameInvalid)
            return nil
        }
        return service
    }

    private func objectives(_ entry: YAMLEntry?, at location: FileLocation, _ decoder: inout SpecDecoder) -> [YAMLTree] {
        guard let items = entry?.value.items, !items.isEmpty else {
            decoder.error("at least one SLO is required (expected spec.objectives: a list of at least one objective)", at: entry?.value.location ?? location)
            return []
        }
        return items
    }

    private func slo(service: String, name: String, target percent: Double, sli: SLI, period: PrometheusDuration, description: String?,
                     at location: FileLocation, objectiveAt: FileLocation?, _ decoder: inout SpecDecoder) -> SLO {
        if let problem = SLOChecks.objectiveProblem(percent) { decoder.error(problem, at: objectiveAt ?? location, id: SLODiagnosticID.objectiveInvalid) }
        var slo = reader.makeSLO(service: service, name: name, objective: percent, sli: sli, period: period, at: location, &decoder)
            .page { $0.enabled(false) }.ticket { $0.enabled(false) }
        slo.description = description
        return slo
    }

    /// Sloth's OpenSLO error ratio: one minus good over total, as a raw SLI.
    static func goodOverTotal(good: String, total: String) -> SLI {
        .raw(errorRatio: "\n  1 - (\n    (\n      \(good)\n    )\n    /\n    (\n      \(total)\n    )\n  )\n")
    }
}

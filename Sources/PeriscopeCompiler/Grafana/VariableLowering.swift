import PeriscopeDSL

extension GrafanaLowering {
    /// The classic `templating.list` entry of one variable.
    ///
    /// Every kind writes `name` and `type`, and each of `label`, `description`, `hide`,
    /// `skipUrlSync`, `multi`, `includeAll`, `allValue`, `current`, `refresh`, `sort` and
    /// `regex` only when the definition sets it, so Grafana's own defaults never show up as
    /// diff noise. On top of that each kind writes what Grafana needs to build it:
    ///
    /// - `query`: `datasource` (resolved through the environment), `definition` (the query text,
    ///   on a Prometheus datasource with the environment's selectors injected, see
    ///   ``SelectorInjection``), `options: []` and `query`. On a Prometheus datasource `query` is
    ///   the object its variable editor saves, `{"query": …, "refId":
    ///   "PrometheusVariableQueryEditor-VariableQuery"}` (grafana-prometheus
    ///   `components/VariableQueryEditor.tsx`); on other datasources the plain string.
    /// - `custom`: `query` (the options comma-separated, `text : value` where they differ),
    ///   `options`, each `{selected, text, value}`, `selected` when it is in `current`, and
    ///   `current`, which defaults to the first option: Grafana does not fill `current` and
    ///   `options` of an imported custom variable from its `query` (grafonnet's
    ///   `getOptionsForCustomQuery` exists for the same reason).
    /// - `interval`: `query`, `options` (led by Grafana's `auto` option when `auto` is on),
    ///   `auto`, `auto_count`, `auto_min` when set, and `current`, defaulting to the first option
    ///   as Grafana selects it on load.
    /// - `datasource`: `query` (the plugin type, e.g. `prometheus`), `options: []`, and
    ///   `current` defaulting to the environment's datasource of that type (see
    ///   ``environmentDatasourceUID(for:)``), else empty, which Grafana resolves to the default
    ///   datasource of the type. Datasource and interval variables always carry `current`: older
    ///   scenes code reads it unconditionally.
    /// - `constant`: `query` (the value) and `hide: 2` unless set otherwise: Grafana's constant
    ///   variable is hidden (`initialConstantVariableModelState`), and one saved shown is turned
    ///   into a textbox by the schema-27 migration of `DashboardMigrator.ts`.
    /// - `textbox`: `query` (the value).
    /// - `adhoc`: `datasource` when set.
    ///
    /// `current` is `{"selected": false, "text": …, "value": …}` with strings for one value and
    /// arrays for several (or for any `multi` variable), as Grafana saves it.
    public func variable(_ variable: Variable) -> JSONValue {
        var members: [JSONMember] = []
        let isMulti = variable.multi == true
        if let allValue = variable.allValue { members.append(JSONMember("allValue", .string(allValue))) }
        if variable.kind == .interval {
            if let auto = variable.auto { members.append(JSONMember("auto", .bool(auto))) }
            if let count = variable.autoCount { members.append(JSONMember("auto_count", .int(count))) }
            if let min = variable.autoMin { members.append(JSONMember("auto_min", .string(min))) }
        }
        var current = variable.current
        if current == nil, variable.kind == .custom, let first = variable.options.first {
            current = VariableCurrent(first.value, text: first.text)
        }
        if current == nil, variable.kind == .datasource {
            current = VariableCurrent(environmentDatasourceUID(for: variable) ?? "")
        }
        if current == nil, variable.kind == .interval {
            let first = variable.auto == true ? VariableOption(Self.autoIntervalValue(variable.name), text: "auto") : variable.options.first
            current = first.map { VariableCurrent($0.value, text: $0.text) }
        }
        if let current { members.append(JSONMember("current", Self.current(current, multi: isMulti))) }
        switch variable.kind {
        case .query, .adhoc:
            if let reference = variable.datasource {
                members.append(JSONMember("datasource", datasource(reference, at: variable.location)))
            } else if variable.kind == .query {
                members.append(JSONMember("datasource", datasource(.defaultMetrics, at: variable.location)))
            }
        default:
            break
        }
        let query = variable.kind == .query ? injectedQuery(of: variable) : variable.query
        if variable.kind == .query { members.append(JSONMember("definition", .string(query ?? ""))) }
        if let description = variable.description { members.append(JSONMember("description", .string(description))) }
        if let hide = variable.hide {
            members.append(JSONMember("hide", .int(hide.rawValue)))
        } else if variable.kind == .constant {
            members.append(JSONMember("hide", .int(VariableHide.variable.rawValue)))
        }
        if let includeAll = variable.includeAll { members.append(JSONMember("includeAll", .bool(includeAll))) }
        if let label = variable.label { members.append(JSONMember("label", .string(label))) }
        if let multi = variable.multi { members.append(JSONMember("multi", .bool(multi))) }
        members.append(JSONMember("name", .string(variable.name)))
        switch variable.kind {
        case .query, .datasource:
            members.append(JSONMember("options", .array([])))
        case .custom:
            members.append(JSONMember("options", .array(variable.options.map { Self.option($0, current: current) })))
        case .interval:
            var options: [JSONValue] = []
            if variable.auto == true {
                options.append(Self.option(VariableOption(Self.autoIntervalValue(variable.name), text: "auto"), current: current))
            }
            options += variable.options.map { Self.option($0, current: current) }
            members.append(JSONMember("options", .array(options)))
        case .constant, .textbox, .adhoc:
            break
        }
        switch variable.kind {
        case .query where datasourceType(variable.datasource ?? .defaultMetrics) == "prometheus":
            members.append(JSONMember("query", .object([
                JSONMember("query", .string(query ?? "")), JSONMember("refId", .string(Self.prometheusVariableRefId)),
            ])))
        case .query, .datasource, .constant, .textbox:
            members.append(JSONMember("query", .string(query ?? "")))
        case .custom:
            members.append(JSONMember("query", .string(variable.query ?? Self.customQuery(variable.options))))
        case .interval:
            members.append(JSONMember("query", .string(variable.query ?? variable.options.map(\.value).joined(separator: ","))))
        case .adhoc:
            break
        }
        if let refresh = variable.refresh { members.append(JSONMember("refresh", .int(refresh.rawValue))) }
        if let regex = variable.regex { members.append(JSONMember("regex", .string(regex))) }
        if let skip = variable.skipURLSync { members.append(JSONMember("skipUrlSync", .bool(skip))) }
        if let sort = variable.sort { members.append(JSONMember("sort", .int(sort.rawValue))) }
        members.append(JSONMember("type", .string(variable.kind.rawValue)))
        return variable.extra.isEmptyObject ? .object(members) : JSONValue.object(members).merging(variable.extra)
    }

    /// The uid a datasource variable starts on in this environment: its `.current(.named(…))`
    /// logical datasource, else the logical default of its plugin type (`metrics` for
    /// `prometheus`, `logs` for `loki`) when of that type, else the environment's only
    /// datasource of that type; nil when none or several qualify.
    func environmentDatasourceUID(for variable: Variable) -> String? {
        let type = variable.query ?? ""
        switch variable.datasource {
        case .named(let name)?:
            guard let resolved = environment.grafana.datasources[name] else {
                _ = datasource(.named(name), at: variable.location)  // reports the undefined name
                return nil
            }
            return resolved.uid
        case .fixed(let fixed)?:
            return fixed.uid
        case .variable?, .grafana?, .mixed?, .dashboard?:
            return nil
        case nil:
            let candidates = environment.grafana.datasources.filter { $0.value.type == type }
            let logicalDefault = [DatasourceReference.defaultMetrics, .defaultLogs].compactMap { reference -> String? in
                guard case .named(let name) = reference, candidates[name] != nil else { return nil }
                return name
            }.first
            if let logicalDefault { return candidates[logicalDefault]?.uid }
            return candidates.count == 1 ? candidates.first?.value.uid : nil
        }
    }

    /// The query of a query variable, with the environment's selectors when its datasource is Prometheus.
    private func injectedQuery(of variable: Variable) -> String? {
        guard injectsSelectors, let query = variable.query,
              datasourceType(variable.datasource ?? .defaultMetrics) == "prometheus" else { return variable.query }
        return SelectorInjection.rewrite(variableQuery: query, of: variable, environment: environment, diagnostics: diagnostics)
    }

    /// The refId of a Prometheus variable query, as its variable editor saves it.
    static let prometheusVariableRefId = "PrometheusVariableQueryEditor-VariableQuery"

    /// The refId of a Prometheus annotation query, as its `prepareAnnotation` sets it.
    static let prometheusAnnotationRefId = "Anno"

    /// The value Grafana gives the `auto` option of an interval variable.
    static func autoIntervalValue(_ name: String) -> String { "$__auto_interval_\(name)" }

    /// `{"selected": false, "text": …, "value": …}`; arrays when several values or `multi`.
    static func current(_ current: VariableCurrent, multi: Bool) -> JSONValue {
        let asArrays = multi || current.value.count != 1
        func field(_ values: [String]) -> JSONValue {
            asArrays ? .array(values.map(JSONValue.string)) : .string(values.first ?? "")
        }
        return .object([
            JSONMember("selected", .bool(false)),
            JSONMember("text", field(current.text)),
            JSONMember("value", field(current.value)),
        ])
    }

    static func option(_ option: VariableOption, current: VariableCurrent?) -> JSONValue {
        .object([
            JSONMember("selected", .bool(current?.value.contains(option.value) ?? false)),
            JSONMember("text", .string(option.text)),
            JSONMember("value", .string(option.value)),
        ])
    }

    /// Grafana's custom-variable syntax: comma-separated, `text : value` pairs, `\,` for a literal comma.
    static func customQuery(_ options: [VariableOption]) -> String {
        func escaped(_ s: String) -> String { s.replacing(",", with: "\\,") }
        return options.map { option in
            option.text == option.value ? escaped(option.value) : "\(escaped(option.text)) : \(escaped(option.value))"
        }.joined(separator: ",")
    }

    // MARK: Annotations and links

    /// One `annotations.list` entry: the built-in source as Grafana writes it, or a query source.
    ///
    /// A query's PromQL and step go in `target`: `{"expr": …, "interval": step, "refId": "Anno"}`,
    /// where the Prometheus datasource's `prepareAnnotation` (grafana-prometheus `annotations.ts`)
    /// moves a top-level `expr` and `step`; `tagKeys`, `titleFormat`, `textFormat` and
    /// `useValueForTime` stay at the top level, where its `processEvents` reads them.
    public func annotation(_ annotation: Annotation) -> JSONValue {
        var members: [JSONMember] = []
        if annotation.builtIn { members.append(JSONMember("builtIn", .int(1))) }
        members.append(JSONMember("datasource", datasource(annotation.datasource, at: annotation.location)))
        members.append(JSONMember("enable", .bool(annotation.enabled)))
        members.append(JSONMember("hide", .bool(annotation.hide)))
        members.append(JSONMember("iconColor", .string(annotation.iconColor.rawValue)))
        members.append(JSONMember("name", .string(annotation.name)))
        if let tagKeys = annotation.tagKeys { members.append(JSONMember("tagKeys", .string(tagKeys))) }
        if let expr = annotation.expr {
            let injected = injectsSelectors ? SelectorInjection.rewrite(annotation, expr: expr, environment: environment, diagnostics: diagnostics) : expr
            var target = [JSONMember("expr", .string(injected))]
            if let step = annotation.step { target.append(JSONMember("interval", .string(step))) }
            target.append(JSONMember("refId", .string(Self.prometheusAnnotationRefId)))
            members.append(JSONMember("target", .object(target)))
        }
        if let textFormat = annotation.textFormat { members.append(JSONMember("textFormat", .string(textFormat))) }
        if let titleFormat = annotation.titleFormat { members.append(JSONMember("titleFormat", .string(titleFormat))) }
        if annotation.builtIn { members.append(JSONMember("type", "dashboard")) }
        if let useValueForTime = annotation.useValueForTime { members.append(JSONMember("useValueForTime", .bool(useValueForTime))) }
        return .object(members)
    }

    /// One dashboard `links` entry: `title`, `type`, `icon`, `url` (links) or `tags` (dashboards), and what is set.
    public func dashboardLink(_ link: DashboardLink) -> JSONValue {
        var members: [JSONMember] = []
        if let asDropdown = link.asDropdown { members.append(JSONMember("asDropdown", .bool(asDropdown))) }
        if let icon = link.icon { members.append(JSONMember("icon", .string(icon))) }
        if let keepVariables = link.keepVariables { members.append(JSONMember("includeVars", .bool(keepVariables))) }
        if let includeTime = link.includeTime { members.append(JSONMember("keepTime", .bool(includeTime))) }
        if link.kind == .dashboards || !link.tags.isEmpty {
            members.append(JSONMember("tags", .array(link.tags.map(JSONValue.string))))
        }
        if let targetBlank = link.targetBlank { members.append(JSONMember("targetBlank", .bool(targetBlank))) }
        members.append(JSONMember("title", .string(link.title)))
        if let tooltip = link.tooltip { members.append(JSONMember("tooltip", .string(tooltip))) }
        members.append(JSONMember("type", .string(link.kind.rawValue)))
        if let url = link.url { members.append(JSONMember("url", .string(url))) }
        return .object(members)
    }
}

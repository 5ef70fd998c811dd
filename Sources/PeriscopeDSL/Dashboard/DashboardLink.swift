/// A link in the dashboard's header (`links`).
public struct DashboardLink: Sendable, Hashable, Modifiable {
    /// Grafana's link kinds.
    public enum Kind: String, Sendable, Hashable {
        /// `type: "link"`: a link to ``DashboardLink/url``.
        case link
        /// `type: "dashboards"`: links to the dashboards with ``DashboardLink/tags``, or a
        /// dropdown of them.
        case dashboards
    }

    /// The kind.
    public var kind: Kind
    /// The link text (for `.dashboards`, the dropdown title).
    public var title: String
    /// The URL (for `.link`).
    public var url: String?
    /// The dashboard tags to list (for `.dashboards`).
    public var tags: [String]
    /// Show the linked dashboards as a dropdown.
    public var asDropdown: Bool?
    /// Keep the current time range.
    public var includeTime: Bool?
    /// Pass the current variable values.
    public var keepVariables: Bool?
    /// Open in a new tab.
    public var targetBlank: Bool?
    /// A tooltip.
    public var tooltip: String?
    /// An icon (`external link`, `dashboard`, `doc`, `info`, `question`, …).
    public var icon: String?

    /// A link to a URL.
    public static func link(_ title: String, url: String, targetBlank: Bool? = nil, tooltip: String? = nil, icon: String = "external link") -> DashboardLink {
        DashboardLink(kind: .link, title: title, url: url, tags: [], targetBlank: targetBlank, tooltip: tooltip, icon: icon)
    }

    /// Links to the dashboards carrying all of `tags`.
    public static func dashboards(_ title: String, tags: [String], asDropdown: Bool = true) -> DashboardLink {
        DashboardLink(kind: .dashboards, title: title, tags: tags, asDropdown: asDropdown, icon: "external link")
    }

    /// Keeps the current time range when following the link.
    public func includingTime(_ value: Bool = true) -> Self { with { $0.includeTime = value } }
    /// Passes the current variable values when following the link.
    public func keepingVariables(_ value: Bool = true) -> Self { with { $0.keepVariables = value } }
}

/// An annotation source of a dashboard (`annotations.list`).
public struct Annotation: Sendable, Hashable, Modifiable {
    /// The name shown in the annotation toggle.
    public var name: String
    /// The datasource; `.grafana` for built-in annotations.
    public var datasource: DatasourceReference
    /// Whether it is Grafana's built-in "Annotations & Alerts" source.
    public var builtIn: Bool
    /// The query (PromQL for Prometheus sources).
    public var expr: String?
    /// The colour of the markers.
    public var iconColor: Color
    /// Whether it is shown by default.
    public var enabled: Bool
    /// Whether the toggle is hidden.
    public var hide: Bool
    /// Title template (`titleFormat`), e.g. `{{alertname}}`.
    public var titleFormat: String?
    /// Text template (`textFormat`).
    public var textFormat: String?
    /// Comma-separated labels turned into tags (`tagKeys`).
    public var tagKeys: String?
    /// The query step, e.g. `60s`.
    public var step: String?
    /// Whether the series value is the event's start time (`useValueForTime`).
    public var useValueForTime: Bool?
    /// Whether the environment's `prometheus.selectors` are injected into `expr` (true by default).
    public var injectsSelectors: Bool = true
    /// Where the annotation was written.
    public var location: SourceLocation

    /// Grafana's built-in "Annotations & Alerts".
    public static func builtIn(name: String = "Annotations & Alerts", hide: Bool = true, fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column) -> Annotation {
        Annotation(
            name: name, datasource: .grafana, builtIn: true, iconColor: "rgba(0, 211, 255, 1)", enabled: true, hide: hide,
            location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Annotations from a Prometheus query: each series with a value becomes an event. The
    /// environment's `prometheus.selectors` are injected into `expr` as into panel queries.
    ///
    /// ```swift
    /// .prometheus("Deploys", expr: "changes(kube_deployment_status_observed_generation[5m]) > 0", titleFormat: "{{deployment}}")
    /// ```
    public static func prometheus(
        _ name: String, expr: String, datasource: DatasourceReference = .defaultMetrics, iconColor: Color = .blue,
        titleFormat: String? = nil, textFormat: String? = nil, tagKeys: String? = nil, step: String? = nil,
        fileID: String = #fileID, filePath: String = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Annotation {
        Annotation(
            name: name, datasource: datasource, builtIn: false, expr: expr, iconColor: iconColor, enabled: true, hide: false,
            titleFormat: titleFormat, textFormat: textFormat, tagKeys: tagKeys, step: step,
            location: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Shows or hides the annotation by default.
    public func enabled(_ value: Bool) -> Self { with { $0.enabled = value } }
    /// Hides the toggle.
    public func hidden(_ value: Bool = true) -> Self { with { $0.hide = value } }
    /// Opts `expr` out of selector injection (`prometheus.selectors`), as panel queries can.
    public func injectingSelectors(_ value: Bool) -> Self { with { $0.injectsSelectors = value } }
}

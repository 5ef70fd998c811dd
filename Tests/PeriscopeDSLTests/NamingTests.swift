import PeriscopeDSL
import Testing

/// Issue 13, item 5: each word means one thing, in Grafana's terms. A query's `legendFormat`
/// is not a panel's `legend`; a field's colour scheme is not Stat's `colorMode`. The old
/// spellings forward, deprecated, for one release.
@Suite struct NamingTests {
    @Test func legendFormatIsTheQuerysAndLegendThePanels() {
        let query = PrometheusQuery("up").legendFormat("{{job}}")
        #expect(query.legendFormat == "{{job}}")
        #expect(LokiQuery(#"{app="a"}"#).legendFormat("{{pod}}").legendFormat == "{{pod}}")
        let panel = TimeSeries("T") { query }.legend(.table, placement: .right)
        #expect(panel.panel.options[path: "legend.displayMode"] == "table")
        #expect(panel.panel.fieldDefaults.color == nil)
    }

    @Test func colorSchemeIsTheFieldsAndColorModeStats() {
        let panel = Stat("Up").colorScheme(.paletteClassic).colorMode(.background)
        #expect(panel.panel.fieldDefaults.color == .paletteClassic)
        #expect(panel.panel.options["colorMode"] == "background")
        #expect(TimeSeries("T").colorScheme(.continuous("GrYlRd")).panel.fieldDefaults.color == .continuous("GrYlRd"))
    }

    /// The deprecated spellings still do what they did (called from a deprecated context, so
    /// the test build has no warnings).
    @available(*, deprecated)
    @Test func deprecatedSpellingsForward() {
        #expect(PrometheusQuery("up").legend("{{job}}").legendFormat == "{{job}}")
        #expect(LokiQuery(#"{app="a"}"#).legend("{{pod}}").legendFormat == "{{pod}}")
        let color: ColorMode = .fixed(.red)
        #expect(TimeSeries("T").colorMode(color).panel.fieldDefaults.color == .fixed(.red))
    }
}

/// Issue 14, item 4: Grafana 12 table options, written where its table `panelcfg` puts them
/// (the published 11.6 schemas do not have them yet, so they are not schema-validated).
@Suite struct Grafana12TableOptionTests {
    @Test func tableOptionsGoWhereGrafana12ReadsThem() {
        let table = Table("T") { PrometheusQuery("up") }
            .maxRowHeight(120).frozenColumns(2).wrapText().wrapHeaderText().cellType(.pill)
        #expect(table.panel.options[path: "maxRowHeight"] == 120)
        #expect(table.panel.options[path: "frozenColumns.left"] == 2)
        #expect(table.panel.fieldDefaults.custom[path: "wrapText"] == true)
        #expect(table.panel.fieldDefaults.custom[path: "wrapHeaderText"] == true)
        #expect(table.panel.fieldDefaults.custom[path: "cellOptions"] == ["type": "pill"])
        #expect(TableCellType.markdown.jsonValue == ["type": "markdown"])
        #expect(TableCellType.actions.jsonValue == ["type": "actions"])
    }
}

/// Issue 14, item 4: the unified alert list's options (`UnifiedAlertListOptions` of Grafana's
/// `alertlist` panel, which has no published schema).
@Suite struct AlertListOptionTests {
    @Test func ruleSourceInactiveAlertsAndStatColour() {
        let panel = AlertList("Alerts").viewMode(.stat).ruleSource("prometheus").showInactiveAlerts().statColorMode(.backgroundSolid)
        #expect(panel.panel.options["datasource"] == "prometheus")
        #expect(panel.panel.options["showInactiveAlerts"] == true)
        #expect(panel.panel.options["statColorMode"] == "background_solid")
    }
}

import PeriscopeCompiler
import PeriscopeDSL
import Testing
import PeriscopeModel

@Suite("Table, heatmap, text, logs and alert list panels lower to Grafana panel JSON")
struct OtherPanelSnippetTests {
    @Test func tableWritesFooterSortCellOptionsAndColumnOverrides() {
        let panel = Table("Slowest routes") {
            PrometheusQuery("topk(10, sum by (route) (rate(http_requests_total[5m])))").format(.table).instant()
        }
        .showHeader(false)
        .cellHeight(.medium)
        .footer(.sum, fields: ["Value"], countRows: false)
        .sortBy("Value", descending: true)
        .cellType(.colorBackground(.basic, applyToRow: true))
        .align(.right)
        .columnWidth(120)
        .minimumColumnWidth(50)
        .filterable()
        .override(.byName("route")) {
            FieldProperty.columnWidth(240)
            FieldProperty.cellType(.gauge(.lcd, valueDisplayMode: .text))
            FieldProperty.align(.left)
        }
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "align": "right",
                    "cellOptions": {
                      "applyToRow": true,
                      "mode": "basic",
                      "type": "color-background"
                    },
                    "filterable": true,
                    "minWidth": 50,
                    "width": 120
                  }
                },
                "overrides": [
                  {
                    "matcher": {
                      "id": "byName",
                      "options": "Value"
                    },
                    "properties": [
                      {
                        "id": "custom.footer.reducers",
                        "value": [
                          "sum"
                        ]
                      }
                    ]
                  },
                  {
                    "matcher": {
                      "id": "byName",
                      "options": "route"
                    },
                    "properties": [
                      {
                        "id": "custom.width",
                        "value": 240
                      },
                      {
                        "id": "custom.cellOptions",
                        "value": {
                          "mode": "lcd",
                          "type": "gauge",
                          "valueDisplayMode": "text"
                        }
                      },
                      {
                        "id": "custom.align",
                        "value": "left"
                      }
                    ]
                  }
                ]
              },
              "gridPos": {
                "h": 8,
                "w": 12,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "options": {
                "cellHeight": "md",
                "showHeader": false,
                "sortBy": [
                  {
                    "desc": true,
                    "displayName": "Value"
                  }
                ]
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "topk(10, sum by (route) (rate(http_requests_total[5m])))",
                  "format": "table",
                  "instant": true,
                  "range": false,
                  "refId": "A"
                }
              ],
              "title": "Slowest routes",
              "type": "table"
            }

            """)
    }

    @Test(arguments: [
        (TableCellType.auto, #"{"type":"auto"}"#),
        (.colorText, #"{"type":"color-text"}"#),
        (.colorBackground(), #"{"mode":"gradient","type":"color-background"}"#),
        (.gauge(), #"{"mode":"gradient","type":"gauge"}"#),
        (.sparkline, #"{"type":"sparkline"}"#),
        (.jsonView, #"{"type":"json-view"}"#),
        (.image, #"{"type":"image"}"#),
        (.dataLinks, #"{"type":"data-links"}"#),
    ])
    func tableCellTypesUseGrafanasIds(type: TableCellType, expected: String) {
        let compact = JSONWriter().string(type.jsonValue).filter { !$0.isWhitespace }
        #expect(compact == expected)
    }

    @Test func heatmapWritesPreBucketedLayoutColorAxisAndCells() {
        let panel = Heatmap("Latency") {
            PrometheusQuery("sum by (le) (rate(http_request_duration_seconds_bucket[5m]))").format(.heatmap).legendFormat("{{le}}")
        }
        .calculate(false)
        .bucketLayout(.le)
        .colorScheme("Spectral", steps: 64, reverse: true, scale: .exponential, exponent: 0.5)
        .colorRange(min: 0)
        .yAxis(unit: .seconds, decimals: 1, reverse: false)
        .cellGap(2)
        .cellValues(unit: .requestsPerSecond)
        .showValue(.never)
        .hideCells(atOrBelow: 1e-9)
        .tooltip(.single, yHistogram: true)
        .showLegend()
        .exemplarColor("rgba(255,0,255,0.7)")
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {},
                "overrides": []
              },
              "gridPos": {
                "h": 8,
                "w": 12,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "options": {
                "calculate": false,
                "cellGap": 2,
                "cellValues": {
                  "unit": "reqps"
                },
                "color": {
                  "exponent": 0.5,
                  "min": 0,
                  "mode": "scheme",
                  "reverse": true,
                  "scale": "exponential",
                  "scheme": "Spectral",
                  "steps": 64
                },
                "exemplars": {
                  "color": "rgba(255,0,255,0.7)"
                },
                "filterValues": {
                  "le": 1e-09
                },
                "legend": {
                  "show": true
                },
                "rowsFrame": {
                  "layout": "le"
                },
                "showValue": "never",
                "tooltip": {
                  "mode": "single",
                  "yHistogram": true
                },
                "yAxis": {
                  "decimals": 1,
                  "reverse": false,
                  "unit": "s"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "sum by (le) (rate(http_request_duration_seconds_bucket[5m]))",
                  "format": "heatmap",
                  "legendFormat": "{{le}}",
                  "refId": "A"
                }
              ],
              "title": "Latency",
              "type": "heatmap"
            }

            """)
    }

    @Test func heatmapCalculationAndOpacityColor() {
        let panel = Heatmap("Raw latency")
            .calculation(x: HeatmapBuckets(.size, "1m"), y: HeatmapBuckets(.count, "20", scale: .log(base: 2)))
            .colorOpacity(.darkOrange, scale: .linear)
        #expect(JSONWriter().string(panel.panel.options) == """
            {
              "calculate": true,
              "calculation": {
                "xBuckets": {
                  "mode": "size",
                  "value": "1m"
                },
                "yBuckets": {
                  "mode": "count",
                  "scale": {
                    "log": 2,
                    "type": "log"
                  },
                  "value": "20"
                }
              },
              "color": {
                "fill": "dark-orange",
                "mode": "opacity",
                "scale": "linear"
              }
            }

            """)
    }

    @Test func markdownTextHasNoDatasourceOrTargets() {
        let panel = Text("Runbook", markdown: "# Checkout\n\nSee the runbook.")
        #expect(Snippet.json(panel) == #"""
            {
              "fieldConfig": {
                "defaults": {},
                "overrides": []
              },
              "gridPos": {
                "h": 8,
                "w": 12,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "options": {
                "content": "# Checkout\n\nSee the runbook.",
                "mode": "markdown"
              },
              "title": "Runbook",
              "type": "text"
            }

            """#)
    }

    @Test func codeAndHTMLTextOptions() {
        let code = Text("Config", code: "retries: 3", language: .yaml).codeDisplay(showLineNumbers: true, showMiniMap: false)
        #expect(JSONWriter().string(code.panel.options) == """
            {
              "code": {
                "language": "yaml",
                "showLineNumbers": true,
                "showMiniMap": false
              },
              "content": "retries: 3",
              "mode": "code"
            }

            """)
        let html = Text("Banner", html: "<b>Freeze</b>").content("<b>Thaw</b>")
        #expect(html.panel.options == ["mode": "html", "content": "<b>Thaw</b>"])
    }

    @Test func logsWritesDisplayOptionsAndLokiTarget() {
        let panel = Logs("Errors") { LokiQuery(#"{app="checkout"} |= "error""#).maxLines(500) }
            .showTime()
            .showLabels()
            .showCommonLabels(false)
            .wrapLogMessage()
            .prettifyLogMessage()
            .enableLogDetails()
            .dedupStrategy(.signature)
            .sortOrder(.ascending)
            .enableInfiniteScrolling()
        #expect(Snippet.json(panel) == #"""
            {
              "datasource": {
                "type": "loki",
                "uid": "loki-test"
              },
              "fieldConfig": {
                "defaults": {},
                "overrides": []
              },
              "gridPos": {
                "h": 8,
                "w": 12,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "options": {
                "dedupStrategy": "signature",
                "enableInfiniteScrolling": true,
                "enableLogDetails": true,
                "prettifyLogMessage": true,
                "showCommonLabels": false,
                "showLabels": true,
                "showTime": true,
                "sortOrder": "Ascending",
                "wrapLogMessage": true
              },
              "targets": [
                {
                  "datasource": {
                    "type": "loki",
                    "uid": "loki-test"
                  },
                  "expr": "{app=\"checkout\"} |= \"error\"",
                  "maxLines": 500,
                  "refId": "A"
                }
              ],
              "title": "Errors",
              "type": "logs"
            }

            """#)
    }

    @Test func alertListWritesFiltersGroupingAndEveryStateFlag() {
        let panel = AlertList("Firing alerts")
            .viewMode(.list)
            .groupBy(["team"])
            .maxItems(20)
            .sortOrder(.importance)
            .dashboardAlerts(false)
            .alertName("Checkout")
            .alertInstanceLabelFilter(#"{team="payments"}"#)
            .stateFilter([.firing, .pending])
            .folder(uid: "f1", title: "Payments")
            .showInstances()
        #expect(Snippet.json(panel) == #"""
            {
              "fieldConfig": {
                "defaults": {},
                "overrides": []
              },
              "gridPos": {
                "h": 8,
                "w": 12,
                "x": 0,
                "y": 0
              },
              "id": 1,
              "options": {
                "alertInstanceLabelFilter": "{team=\"payments\"}",
                "alertName": "Checkout",
                "dashboardAlerts": false,
                "folder": {
                  "title": "Payments",
                  "uid": "f1"
                },
                "groupBy": [
                  "team"
                ],
                "groupMode": "custom",
                "maxItems": 20,
                "showInstances": true,
                "sortOrder": 3,
                "stateFilter": {
                  "error": false,
                  "firing": true,
                  "noData": false,
                  "normal": false,
                  "pending": true,
                  "recovering": false
                },
                "viewMode": "list"
              },
              "title": "Firing alerts",
              "type": "alertlist"
            }

            """#)
        let regrouped = panel.groupByRule()
        #expect(regrouped.panel.options["groupMode"] == "default")
        #expect(regrouped.panel.options["groupBy"] == JSONValue?.none)
    }
}

/// The table footer as current Grafana stores it (`migrateFooterV2`, table `migrations.ts`).
@Suite struct TableFooterSnippetTests {
    @Test func footerForEveryColumnGoesInCustomFooterReducers() {
        let panel = Table("Totals").footer(.sum)
        let json = Snippet.json(panel)
        #expect(json.contains("""
                  "custom": {
                    "footer": {
                      "reducers": [
                        "sum"
                      ]
                    }
                  }
            """), "\(json)")
        #expect(!json.contains("\"show\""))
    }

    @Test func countingRowsIsCountAll() {
        #expect(Snippet.json(Table("Rows").footer(.count, countRows: true)).contains("\"countAll\""))
        #expect(!Snippet.json(Table("Values").footer(.count)).contains("\"countAll\""))
    }
}

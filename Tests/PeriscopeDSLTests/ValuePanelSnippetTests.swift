import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite("Single-value panels lower to Grafana panel JSON")
struct ValuePanelSnippetTests {
    @Test func statWritesReduceColorGraphAndTextModes() {
        let panel = Stat("Error ratio") { PrometheusQuery("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))") }
            .unit(.percentUnit)
            .decimals(2)
            .reduce(.lastNotNull)
            .colorMode(.background)
            .graphMode(.none)
            .textMode(.valueAndName)
            .justifyMode(.center)
            .orientation(.horizontal)
            .wideLayout(false)
            .showPercentChange(colorMode: .inverted)
            .textSize(value: 32)
            .thresholds([.base(.green), .step(0.05, .red)])
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "decimals": 2,
                  "thresholds": {
                    "mode": "absolute",
                    "steps": [
                      {
                        "color": "green",
                        "value": null
                      },
                      {
                        "color": "red",
                        "value": 0.05
                      }
                    ]
                  },
                  "unit": "percentunit"
                },
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
                "colorMode": "background",
                "graphMode": "none",
                "justifyMode": "center",
                "orientation": "horizontal",
                "percentChangeColorMode": "inverted",
                "reduceOptions": {
                  "calcs": [
                    "lastNotNull"
                  ]
                },
                "showPercentChange": true,
                "text": {
                  "valueSize": 32
                },
                "textMode": "value_and_name",
                "wideLayout": false
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))",
                  "refId": "A"
                }
              ],
              "title": "Error ratio",
              "type": "stat"
            }

            """)
    }

    @Test func statFieldColorModeAndStatColorModeAreDistinct() {
        let panel = Stat("Up").colorScheme(.fixed(.blue)).colorMode(.backgroundSolid)
        #expect(panel.panel.fieldDefaults.color == .fixed(.blue))
        #expect(panel.panel.options["colorMode"] == "background_solid")
    }

    @Test func reduceAfterAllValuesDropsValuesAndLimit() {
        let panel = Stat("Pods").allValues(limit: 5).reduce(.max, fields: "/^Value$/")
        #expect(panel.panel.options["reduceOptions"] == ["calcs": ["max"], "fields": "/^Value$/"])
    }

    @Test func gaugeWritesThresholdDisplayAndSizing() {
        let panel = Gauge("CPU") { PrometheusQuery(#"avg(rate(node_cpu_seconds_total{mode!="idle"}[5m]))"#) }
            .unit(.percentUnit)
            .min(0)
            .max(1)
            .reduce(.mean, fields: "/^Value$/")
            .showThresholdLabels()
            .showThresholdMarkers(false)
            .sizing(.manual)
            .minimumGaugeSize(width: 100, height: 120)
            .thresholds([.base(.green), .step(80, .orange), .step(90, .red)], mode: .percentage)
        #expect(Snippet.json(panel) == #"""
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "max": 1,
                  "min": 0,
                  "thresholds": {
                    "mode": "percentage",
                    "steps": [
                      {
                        "color": "green",
                        "value": null
                      },
                      {
                        "color": "orange",
                        "value": 80
                      },
                      {
                        "color": "red",
                        "value": 90
                      }
                    ]
                  },
                  "unit": "percentunit"
                },
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
                "minVizHeight": 120,
                "minVizWidth": 100,
                "reduceOptions": {
                  "calcs": [
                    "mean"
                  ],
                  "fields": "/^Value$/"
                },
                "showThresholdLabels": true,
                "showThresholdMarkers": false,
                "sizing": "manual"
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "avg(rate(node_cpu_seconds_total{mode!=\"idle\"}[5m]))",
                  "refId": "A"
                }
              ],
              "title": "CPU",
              "type": "gauge"
            }

            """#)
    }

    @Test func barGaugeWritesDisplayValueAndNameModes() {
        let panel = BarGauge("Disk usage") { PrometheusQuery("node_filesystem_avail_bytes").legendFormat("{{mountpoint}}") }
            .displayMode(.lcd)
            .valueMode(.text)
            .namePlacement(.top)
            .showUnfilled(false)
            .sizing(.manual)
            .minimumBarSize(width: 8, height: 16)
            .maximumBarHeight(300)
            .orientation(.horizontal)
            .allValues(limit: 10)
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
                "displayMode": "lcd",
                "maxVizHeight": 300,
                "minVizHeight": 16,
                "minVizWidth": 8,
                "namePlacement": "top",
                "orientation": "horizontal",
                "reduceOptions": {
                  "calcs": [],
                  "limit": 10,
                  "values": true
                },
                "showUnfilled": false,
                "sizing": "manual",
                "valueMode": "text"
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "node_filesystem_avail_bytes",
                  "legendFormat": "{{mountpoint}}",
                  "refId": "A"
                }
              ],
              "title": "Disk usage",
              "type": "bargauge"
            }

            """)
    }

    @Test func pieChartWritesPieTypeLabelsAndLegendValues() {
        let panel = PieChart("Traffic by region") {
            PrometheusQuery("sum by (region) (rate(http_requests_total[5m]))").legendFormat("{{region}}")
        }
        .pieType(.donut)
        .reduce(.lastNotNull)
        .legend(.table, placement: .right)
        .legendValues(.percent, .value)
        .displayLabels(.name, .percent)
        .tooltip(.single, sort: .unsorted)
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
                "displayLabels": [
                  "name",
                  "percent"
                ],
                "legend": {
                  "calcs": [],
                  "displayMode": "table",
                  "placement": "right",
                  "showLegend": true,
                  "values": [
                    "percent",
                    "value"
                  ]
                },
                "pieType": "donut",
                "reduceOptions": {
                  "calcs": [
                    "lastNotNull"
                  ]
                },
                "tooltip": {
                  "mode": "single",
                  "sort": "none"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "sum by (region) (rate(http_requests_total[5m]))",
                  "legendFormat": "{{region}}",
                  "refId": "A"
                }
              ],
              "title": "Traffic by region",
              "type": "piechart"
            }

            """)
    }
}

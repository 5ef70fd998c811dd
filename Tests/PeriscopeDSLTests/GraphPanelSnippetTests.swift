import PeriscopeCompiler
import PeriscopeDSL
import Testing

@Suite("Graph-like panels lower to Grafana panel JSON")
struct GraphPanelSnippetTests {
    @Test func timeSeriesWritesLegendTooltipAndGraphFieldOptions() {
        let panel = TimeSeries("Requests") {
            PrometheusQuery("sum by (route) (rate(http_requests_total[5m]))").legendFormat("{{route}}")
        }
        .unit(.requestsPerSecond)
        .legend(.table, placement: .right, calcs: [.mean, .max])
        .legendSort(by: "Max")
        .tooltip(.multi, sort: .descending)
        .drawStyle(.line)
        .lineInterpolation(.smooth)
        .lineWidth(2)
        .fillOpacity(10)
        .gradientMode(.opacity)
        .showPoints(.never)
        .pointSize(4)
        .spanNulls(upTo: 300_000)
        .stacking(.normal)
        .axisPlacement(.left)
        .axisLabel("req/s")
        .axisSoftRange(min: 0)
        .scale(.log(base: 10))
        .thresholdsStyle(.dashedAndArea)
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "axisLabel": "req/s",
                    "axisPlacement": "left",
                    "axisSoftMin": 0,
                    "drawStyle": "line",
                    "fillOpacity": 10,
                    "gradientMode": "opacity",
                    "lineInterpolation": "smooth",
                    "lineWidth": 2,
                    "pointSize": 4,
                    "scaleDistribution": {
                      "log": 10,
                      "type": "log"
                    },
                    "showPoints": "never",
                    "spanNulls": 300000,
                    "stacking": {
                      "group": "A",
                      "mode": "normal"
                    },
                    "thresholdsStyle": {
                      "mode": "dashed+area"
                    }
                  },
                  "unit": "reqps"
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
                "legend": {
                  "calcs": [
                    "mean",
                    "max"
                  ],
                  "displayMode": "table",
                  "placement": "right",
                  "showLegend": true,
                  "sortBy": "Max",
                  "sortDesc": true
                },
                "tooltip": {
                  "mode": "multi",
                  "sort": "desc"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "sum by (route) (rate(http_requests_total[5m]))",
                  "legendFormat": "{{route}}",
                  "refId": "A"
                }
              ],
              "title": "Requests",
              "type": "timeseries"
            }

            """)
    }

    @Test func timeSeriesWithoutTypedOptionsWritesEmptyOptions() {
        let panel = TimeSeries("Up") { PrometheusQuery("up") }
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
              "options": {},
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "up",
                  "refId": "A"
                }
              ],
              "title": "Up",
              "type": "timeseries"
            }

            """)
    }

    @Test func timeSeriesLineStyleSpanNullsAndSymlogScale() {
        let panel = TimeSeries("Latency")
            .dashedLines(dash: 10, gap: 5)
            .spanNulls(false)
            .scale(.symlog(base: 2, linearThreshold: 0.5))
            .axisCenteredZero()
            .axisGridShow(false)
            .axisSoftRange(min: -1.5, max: 10)
            .hideLegend()
            .tooltipHidesZeros()
        #expect(Snippet.json(panel) == """
            {
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "axisCenteredZero": true,
                    "axisGridShow": false,
                    "axisSoftMax": 10,
                    "axisSoftMin": -1.5,
                    "lineStyle": {
                      "dash": [
                        10,
                        5
                      ],
                      "fill": "dash"
                    },
                    "scaleDistribution": {
                      "linearThreshold": 0.5,
                      "log": 2,
                      "type": "symlog"
                    },
                    "spanNulls": false
                  }
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
                "legend": {
                  "displayMode": "list",
                  "showLegend": false
                },
                "tooltip": {
                  "hideZeros": true
                }
              },
              "title": "Latency",
              "type": "timeseries"
            }

            """)
    }

    @Test func barChartWritesOptionsStackingAndFieldOptions() {
        let panel = BarChart("Requests by status") {
            PrometheusQuery("sum by (code) (increase(http_requests_total[1h]))").format(.table).instant()
        }
        .xField("code")
        .colorByField("code")
        .orientation(.horizontal)
        .barWidth(0.8)
        .groupWidth(0.7)
        .barRadius(0.1)
        .stacking(.percent)
        .showValue(.always)
        .xTickLabelRotation(-45)
        .xTickLabelMaxLength(12)
        .fullHighlight()
        .hideLegend()
        .tooltip(.multi)
        .fillOpacity(80)
        .lineWidth(1)
        .gradientMode(.hue)
        .axisCenteredZero()
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "axisCenteredZero": true,
                    "fillOpacity": 80,
                    "gradientMode": "hue",
                    "lineWidth": 1
                  }
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
                "barRadius": 0.1,
                "barWidth": 0.8,
                "colorByField": "code",
                "fullHighlight": true,
                "groupWidth": 0.7,
                "legend": {
                  "displayMode": "list",
                  "showLegend": false
                },
                "orientation": "horizontal",
                "showValue": "always",
                "stacking": "percent",
                "tooltip": {
                  "mode": "multi"
                },
                "xField": "code",
                "xTickLabelMaxLength": 12,
                "xTickLabelRotation": -45
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "sum by (code) (increase(http_requests_total[1h]))",
                  "format": "table",
                  "instant": true,
                  "range": false,
                  "refId": "A"
                }
              ],
              "title": "Requests by status",
              "type": "barchart"
            }

            """)
    }

    @Test func histogramWritesBucketsCombineAndStacking() {
        let panel = Histogram("Response sizes") { PrometheusQuery("http_response_size_bytes") }
            .bucketCount(20)
            .bucketSize(1024)
            .bucketOffset(0.5)
            .combine()
            .stacking(.normal)
            .legend(.list, placement: .bottom, calcs: [.count])
            .tooltip(.multi)
            .fillOpacity(60)
            .unit(.bytes)
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "fillOpacity": 60,
                    "stacking": {
                      "group": "A",
                      "mode": "normal"
                    }
                  },
                  "unit": "bytes"
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
                "bucketCount": 20,
                "bucketOffset": 0.5,
                "bucketSize": 1024,
                "combine": true,
                "legend": {
                  "calcs": [
                    "count"
                  ],
                  "displayMode": "list",
                  "placement": "bottom",
                  "showLegend": true
                },
                "tooltip": {
                  "mode": "multi"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "http_response_size_bytes",
                  "refId": "A"
                }
              ],
              "title": "Response sizes",
              "type": "histogram"
            }

            """)
    }

    @Test func stateTimelineWritesMergeAlignmentAndMappings() {
        let panel = StateTimeline("Target health") { PrometheusQuery(#"up{job="api"}"#).legendFormat("{{instance}}") }
            .mappings([.value("1", text: "UP", color: .green), .value("0", text: "DOWN", color: .red)])
            .mergeValues()
            .showValue(.never)
            .alignValue(.center)
            .rowHeight(0.8)
            .lineWidth(0)
            .fillOpacity(70)
            .legend()
            .tooltip(.single)
        #expect(Snippet.json(panel) == #"""
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "fillOpacity": 70,
                    "lineWidth": 0
                  },
                  "mappings": [
                    {
                      "options": {
                        "1": {
                          "color": "green",
                          "index": 0,
                          "text": "UP"
                        }
                      },
                      "type": "value"
                    },
                    {
                      "options": {
                        "0": {
                          "color": "red",
                          "index": 1,
                          "text": "DOWN"
                        }
                      },
                      "type": "value"
                    }
                  ]
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
                "alignValue": "center",
                "legend": {
                  "calcs": [],
                  "displayMode": "list",
                  "placement": "bottom",
                  "showLegend": true
                },
                "mergeValues": true,
                "rowHeight": 0.8,
                "showValue": "never",
                "tooltip": {
                  "mode": "single"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "up{job=\"api\"}",
                  "legendFormat": "{{instance}}",
                  "refId": "A"
                }
              ],
              "title": "Target health",
              "type": "state-timeline"
            }

            """#)
    }

    @Test func statusHistoryWritesRowAndColumnSizes() {
        let panel = StatusHistory("Replica status") {
            PrometheusQuery("kube_deployment_status_replicas_available").legendFormat("{{deployment}}")
        }
        .thresholds([.base(.red), .step(1, .green)])
        .showValue(.auto)
        .rowHeight(0.9)
        .colWidth(0.5)
        .hideLegend()
        .tooltip(.none)
        .lineWidth(1)
        #expect(Snippet.json(panel) == """
            {
              "datasource": {
                "type": "prometheus",
                "uid": "prom-test"
              },
              "fieldConfig": {
                "defaults": {
                  "custom": {
                    "lineWidth": 1
                  },
                  "thresholds": {
                    "mode": "absolute",
                    "steps": [
                      {
                        "color": "red",
                        "value": null
                      },
                      {
                        "color": "green",
                        "value": 1
                      }
                    ]
                  }
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
                "colWidth": 0.5,
                "legend": {
                  "displayMode": "list",
                  "showLegend": false
                },
                "rowHeight": 0.9,
                "showValue": "auto",
                "tooltip": {
                  "mode": "none"
                }
              },
              "targets": [
                {
                  "datasource": {
                    "type": "prometheus",
                    "uid": "prom-test"
                  },
                  "expr": "kube_deployment_status_replicas_available",
                  "legendFormat": "{{deployment}}",
                  "refId": "A"
                }
              ],
              "title": "Replica status",
              "type": "status-history"
            }

            """)
    }
}

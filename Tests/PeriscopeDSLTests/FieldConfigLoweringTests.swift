import PeriscopeCompiler
import PeriscopeDSL
import Testing
import PeriscopeModel

@Suite("Field config: overrides, thresholds and value mappings")
struct FieldConfigLoweringTests {
    private func fieldConfig(_ panel: some PanelConvertible) -> String {
        JSONWriter().string(Snippet.lowering().fieldConfig(panel.panel))
    }

    @Test func overridesByNameRegexQueryAndType() {
        let panel = TimeSeries("Traffic")
            .override(.byName("errors")) { FieldProperty.color(.fixed(.red)) }
            .override(.byRegex("/5..$/")) {
                FieldProperty.unit(.percentUnit)
                FieldProperty.custom("lineWidth", 3)
            }
            .override(.byQuery("B")) { FieldProperty.hidden() }
            .override(.byType("number")) { FieldProperty.decimals(1) }
        #expect(fieldConfig(panel) == """
            {
              "defaults": {},
              "overrides": [
                {
                  "matcher": {
                    "id": "byName",
                    "options": "errors"
                  },
                  "properties": [
                    {
                      "id": "color",
                      "value": {
                        "fixedColor": "red",
                        "mode": "fixed"
                      }
                    }
                  ]
                },
                {
                  "matcher": {
                    "id": "byRegexp",
                    "options": "/5..$/"
                  },
                  "properties": [
                    {
                      "id": "unit",
                      "value": "percentunit"
                    },
                    {
                      "id": "custom.lineWidth",
                      "value": 3
                    }
                  ]
                },
                {
                  "matcher": {
                    "id": "byFrameRefID",
                    "options": "B"
                  },
                  "properties": [
                    {
                      "id": "custom.hideFrom",
                      "value": {
                        "legend": true,
                        "tooltip": true,
                        "viz": true
                      }
                    }
                  ]
                },
                {
                  "matcher": {
                    "id": "byType",
                    "options": "number"
                  },
                  "properties": [
                    {
                      "id": "decimals",
                      "value": 1
                    }
                  ]
                }
              ]
            }

            """)
    }

    @Test func absoluteThresholdsStartWithANullBase() {
        let panel = Stat("Latency").thresholds([.base(.green), .step(0.25, .yellow), .step(1, .red)])
        #expect(fieldConfig(panel) == """
            {
              "defaults": {
                "thresholds": {
                  "mode": "absolute",
                  "steps": [
                    {
                      "color": "green",
                      "value": null
                    },
                    {
                      "color": "yellow",
                      "value": 0.25
                    },
                    {
                      "color": "red",
                      "value": 1
                    }
                  ]
                }
              },
              "overrides": []
            }

            """)
    }

    @Test func percentageThresholdsWriteTheirMode() {
        let panel = Gauge("Quota").thresholds([.base(.blue), .step(75, .orange)], mode: .percentage)
        #expect(fieldConfig(panel) == """
            {
              "defaults": {
                "thresholds": {
                  "mode": "percentage",
                  "steps": [
                    {
                      "color": "blue",
                      "value": null
                    },
                    {
                      "color": "orange",
                      "value": 75
                    }
                  ]
                }
              },
              "overrides": []
            }

            """)
    }

    @Test func thresholdsRememberTheModifierLine() {
        let line = #line + 1
        let panel = Stat("Latency").thresholds([.base(.green), .step(1, .red)])
        #expect(panel.panel.modifierLocations[.thresholds]?.line == line)
        #expect(panel.panel.fieldDefaults.thresholds?.location?.line == line)
    }

    @Test func valueRangeRegexAndSpecialMappings() {
        let panel = Stat("Status").mappings([
            .value("1", text: "OK", color: .green),
            .range(from: 2, to: 4.5, MappingResult(text: "Degraded", color: .orange)),
            .regex("^err.*", MappingResult(text: "Error")),
            .special(.nullAndNaN, MappingResult(text: "No data", color: .text)),
        ])
        #expect(fieldConfig(panel) == """
            {
              "defaults": {
                "mappings": [
                  {
                    "options": {
                      "1": {
                        "color": "green",
                        "index": 0,
                        "text": "OK"
                      }
                    },
                    "type": "value"
                  },
                  {
                    "options": {
                      "from": 2,
                      "result": {
                        "color": "orange",
                        "index": 1,
                        "text": "Degraded"
                      },
                      "to": 4.5
                    },
                    "type": "range"
                  },
                  {
                    "options": {
                      "pattern": "^err.*",
                      "result": {
                        "index": 2,
                        "text": "Error"
                      }
                    },
                    "type": "regex"
                  },
                  {
                    "options": {
                      "match": "null+nan",
                      "result": {
                        "color": "text",
                        "index": 3,
                        "text": "No data"
                      }
                    },
                    "type": "special"
                  }
                ]
              },
              "overrides": []
            }

            """)
    }
}

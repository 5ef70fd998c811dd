#!/usr/bin/env python3
"""Writes a realistic 150-panel Grafana dashboard (the shape exported mixins have) to argv[1]:
10 rows of 15 panels (time series with legends, overrides and stacking; stats with thresholds
and mappings; gauges, bar gauges, tables), a datasource variable and query variables. `make
canary` imports it with `periscope import dashboard` and type-checks the generated Swift
within CANARY_LIMIT_MS per body and expression (issue 12, item 6)."""
import json
import sys

services = ["api", "auth", "billing", "cart", "catalog", "checkout", "db", "cache", "queue", "search"]
ds = {"type": "prometheus", "uid": "${datasource}"}


def target(expr, legend="", ref="A"):
    return {"datasource": ds, "expr": expr, "legendFormat": legend, "refId": ref}


panels = []
y = 0
pid = 1
for service in services:
    panels.append({"type": "row", "title": f"{service} service", "collapsed": False, "id": pid,
                   "gridPos": {"x": 0, "y": y, "w": 24, "h": 1}, "panels": []})
    pid += 1
    y += 1
    x = 0
    for i in range(15):
        kind = ["timeseries", "stat", "timeseries", "gauge", "bargauge", "table"][i % 6]
        w, h = {"timeseries": (12, 8), "stat": (6, 4), "gauge": (6, 6), "bargauge": (12, 8), "table": (24, 8)}[kind]
        if x + w > 24:
            x = 0
            y += 8
        sel = f'job="{service}", instance=~"$instance"'
        panel = {"type": kind, "title": f"{service} {kind} {i}", "id": pid, "datasource": ds,
                 "gridPos": {"x": x, "y": y, "w": w, "h": h},
                 "fieldConfig": {"defaults": {"unit": ["reqps", "percentunit", "s", "bytes"][i % 4],
                                              "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": None}, {"color": "red", "value": 80 + i}]}},
                                 "overrides": []},
                 "targets": [target(f'sum by (route) (rate(http_requests_total{{{sel}}}[$__rate_interval]))', "{{route}}"),
                             target(f'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{{{sel}}}[5m])))', "p99", "B")]}
        if kind == "timeseries":
            panel["fieldConfig"]["defaults"]["custom"] = {"lineWidth": 2, "fillOpacity": 10, "stacking": {"group": "A", "mode": "normal"}}
            panel["fieldConfig"]["overrides"] = [{"matcher": {"id": "byName", "options": "p99"},
                                                  "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": "red"}}, {"id": "unit", "value": "s"}]}]
            panel["options"] = {"legend": {"displayMode": "table", "placement": "right", "showLegend": True, "calcs": ["mean", "max"]},
                                "tooltip": {"mode": "multi", "sort": "desc"}}
        elif kind == "stat":
            panel["options"] = {"colorMode": "background", "graphMode": "none", "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False}}
            panel["fieldConfig"]["defaults"]["mappings"] = [{"type": "value", "options": {"0": {"text": "down", "color": "red", "index": 0}}}]
        elif kind == "bargauge":
            panel["options"] = {"displayMode": "gradient", "orientation": "horizontal", "showUnfilled": True}
        elif kind == "table":
            panel["transformations"] = [{"id": "organize", "options": {"excludeByName": {"Time": True}}}]
        panels.append(panel)
        pid += 1
        x += w
    y += 8

dashboard = {
    "title": "Imported platform overview", "uid": "imported-platform", "schemaVersion": 39, "tags": ["canary"],
    "time": {"from": "now-6h", "to": "now"}, "panels": panels,
    "templating": {"list": [
        {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source"},
        {"name": "instance", "type": "query", "datasource": ds, "query": "label_values(up, instance)", "refresh": 2, "multi": True, "includeAll": True},
    ]},
}
assert sum(1 for p in panels if p["type"] != "row") == 150
with open(sys.argv[1], "w") as f:
    json.dump(dashboard, f, indent=2)

#!/usr/bin/env python3
"""Writes old/ and new/: two hand-made rendered output folders (dev, prod) holding the scripted
change set of the diff golden tests. Run from this folder; the outputs are committed."""
import copy, hashlib, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))

def panel(pid, title, ptype, x, y, w, h, targets=(), unit=None, thresholds=None):
    p = {"id": pid, "type": ptype, "title": title, "gridPos": {"x": x, "y": y, "w": w, "h": h},
         "datasource": {"type": "prometheus", "uid": "${datasource}"},
         "targets": [{"refId": r, "expr": e, "legendFormat": l} for r, e, l in targets],
         "fieldConfig": {"defaults": {}, "overrides": []}, "options": {}, "pluginVersion": "11.2.0"}
    if unit: p["fieldConfig"]["defaults"]["unit"] = unit
    if thresholds: p["fieldConfig"]["defaults"]["thresholds"] = {"mode": "absolute", "steps": [{"color": "green", "value": None}] + [{"color": c, "value": v} for c, v in thresholds]}
    return p

def row(pid, title, y, collapsed=False, panels=()):
    return {"id": pid, "type": "row", "title": title, "collapsed": collapsed, "gridPos": {"x": 0, "y": y, "w": 24, "h": 1}, "panels": list(panels)}

REQUESTS = 'sum by (route) (\n  rate(http_requests_total{job="api"}[5m])\n)'
ERRORS = 'sum(rate(http_requests_total{job="api",code=~"5.."}[5m]))\n/\nsum(rate(http_requests_total{job="api"}[5m]))'
LATENCY = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))'

def api_dashboard(env, new):
    panels = [
        row(1, "HTTP", 0),
        panel(2, "Requests", "timeseries", 0, 1, 12, 8, [("A", REQUESTS.replace("[5m]", "[1m]") if new else REQUESTS, "{{route}}")], unit="reqps"),
        panel(3, "Errors", "stat", 12, 1, 12, 8, [("A", ERRORS, "")], unit="percentunit", thresholds=[("red", 90 if new else 80)]),
        panel(4, "Latency", "timeseries", 12 if new else 0, 9, 12 if new else 24, 8, [("A", LATENCY, "p99")], unit="s"),
    ]
    if new:
        panels.append(panel(6, "Saturation", "timeseries", 0, 9, 12, 8, [("A", 'sum(process_open_fds{job="api"})', "fds")]))
    panels.append(row(5, "Details", 17, collapsed=True, panels=[panel(7, "Goroutines", "timeseries", 0, 18, 24, 6, [("A", "go_goroutines", "")])]))
    datasource = "prom-dev-2" if (new and env == "dev") else "prom-" + env
    dashboard = {
        "id": 17 if new else 3, "uid": "api", "title": "API overview", "tags": ["api", env], "timezone": "utc",
        "schemaVersion": 41, "version": 9 if new else 4, "refresh": "1m", "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus",
                                  "current": {"text": datasource, "value": datasource}}]},
        "annotations": {"list": []}, "links": [], "panels": panels,
    }
    if new:  # key order does not matter
        dashboard = dict(reversed(list(dashboard.items())))
    return dashboard

def db_dashboard(env):
    return {"id": 4, "uid": "db", "title": "Database", "tags": ["db"], "schemaVersion": 41, "version": 1,
            "time": {"from": "now-6h", "to": "now"}, "templating": {"list": []}, "annotations": {"list": []}, "links": [],
            "panels": [panel(1, "Connections", "timeseries", 0, 0, 24, 8, [("A", 'sum(pg_stat_activity_count{env="%s"})' % env, "")])]}

def rules(env, new):
    critical_for = "10m" if new else "5m"
    text = f"""groups:
  - name: api-alerts
    rules:
      - alert: HighErrorRate
        expr: |-
          sum(rate(http_requests_total{{job="api",code=~"5.."}}[5m]))
            / sum(rate(http_requests_total{{job="api"}}[5m])) > 0.05
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: API error ratio above 5%
      - alert: HighErrorRate
        expr: |-
          sum(rate(http_requests_total{{job="api",code=~"5.."}}[5m]))
            / sum(rate(http_requests_total{{job="api"}}[5m])) > 0.05
        for: {critical_for}
        labels:
          severity: critical
        annotations:
          summary: API error ratio above 5%
"""
    if not new:
        text += """      - alert: APIDown
        expr: up{job="api"} == 0
        for: 1m
        labels:
          severity: critical
"""
    text += """  - name: api-recording
    rules:
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
"""
    return text

def write_side(side, new):
    root = os.path.join(HERE, side)
    shutil.rmtree(root, ignore_errors=True)
    for env in ("dev", "prod"):
        files = {
            "grafana/dashboards/payments/api.json": json.dumps(api_dashboard(env, new), indent=2) + "\n",
            "prometheus/rules/api.yaml": rules(env, new),
            "grafana/provisioning/dashboards.yaml": "apiVersion: 1\nproviders:\n  - name: periscope\n    type: file\n    options:\n      path: /var/lib/grafana/dashboards\n      foldersFromFilesStructure: true\n",
        }
        if env == "prod":
            files["grafana/dashboards/%s/db.json" % ("platform" if new else "payments")] = json.dumps(db_dashboard(env), indent=2) + "\n"
        kinds = {"grafana/dash": "grafana-dashboard", "prometheus/ru": "prometheus-rules", "grafana/prov": "grafana-provisioning"}
        artifacts = []
        for path, text in sorted(files.items()):
            full = os.path.join(root, env, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
            kind = next(k for prefix, k in kinds.items() if path.startswith(prefix))
            artifacts.append({"kind": kind, "path": path, "sha256": hashlib.sha256(text.encode()).hexdigest()})
        manifest = {"artifacts": artifacts, "environment": env, "generator": "periscope", "manifestVersion": 1}
        with open(os.path.join(root, env, "manifest.json"), "w") as f:
            f.write(json.dumps(manifest, indent=2, sort_keys=True) + "\n")

write_side("old", False)
write_side("new", True)

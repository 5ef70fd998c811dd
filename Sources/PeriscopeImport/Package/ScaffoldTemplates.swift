// Generated from templates/ by Tests/Tools/embed-templates.py (`make templates`); do not edit.
// ScaffoldTemplateTests fails when this copy and templates/ differ.

/// The files under `templates/`, by path relative to it (`monitoring/Package.swift`).
enum ScaffoldTemplates {
    static let files: [String: String] = [
        "import/Sources/__TARGET__/__TARGET__.swift": #"""
import Periscope

/// The monitoring catalog of this package: `swift run __TARGET__ render --env all --out build`.
///
/// `periscope import` wrote the definitions it imported into this folder and lists them in
/// `ImportedCatalog.swift`, which it regenerates on every import. Add your own definitions
/// below, next to `ImportedCatalog.items(env)`.
@main
struct __TARGET__: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            ImportedCatalog.items(env)
        }
    }
}

"""#,
        "monitoring/.github/workflows/monitoring.yml": #"""
name: monitoring
on: [push, pull_request]
jobs:
  render:
    runs-on: ubuntu-latest
    container: swift:6.0
    steps:
      - uses: actions/checkout@v4
      - name: Render every environment
        run: swift run Monitoring render --env all --out build
      - name: Check committed output is up to date
        run: swift run Monitoring render --check --out build
      - uses: actions/upload-artifact@v4
        with:
          name: rendered
          path: build/

"""#,
        "monitoring/.gitignore": #"""
.build/
.swiftpm/
Package.resolved
build/

"""#,
        "monitoring/Makefile": #"""
SWIFT ?= swift
OUT ?= build

# The catalog executable; `swift build` builds it once and every target below runs it.
BIN = $$($(SWIFT) build --show-bin-path)/__TARGET__

.PHONY: all build render check test clean

all: render

build:
	$(SWIFT) build --product __TARGET__

## Render every environment (environments/*.yaml except base) into $(OUT)/<env>/.
render: build
	$(BIN) render --env all --out $(OUT)

## Exit 1 when the files in $(OUT) differ from a fresh render.
check: build
	$(BIN) render --check --out $(OUT)

## Run the promtool unit tests of every rendered environment (needs promtool on PATH).
test: render
	$(BIN) test $(OUT)

clean:
	rm -rf .build $(OUT)

"""#,
        "monitoring/Package.swift": #"""
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "__PACKAGE__",
    platforms: [.macOS(.v15)],
    dependencies: [
        __PERISCOPE_DEPENDENCY__,
    ],
    targets: [
        .executableTarget(
            name: "__TARGET__",
            dependencies: [.product(name: "Periscope", package: "__PERISCOPE_PACKAGE__")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

"""#,
        "monitoring/Sources/__TARGET__/__TARGET__.swift": #"""
import Periscope

/// The monitoring catalog of this repository: `swift run Monitoring render --env all --out build`.
@main
struct Monitoring: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            Service.dashboard(env)
        }
    }
}

/// One service's dashboard. Declare each row on its own, as below, to keep type-checking fast.
enum Service {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("My service", uid: "my-service") {
            traffic(env)
        }
        .tags("my-service")
        .time(from: "now-6h")
        .variables {
            QueryVariable("job", query: "label_values(http_requests_total, job)").label("Job")
        }
    }

    static func traffic(_ env: Environment) -> Row {
        Row("Traffic") {
            TimeSeries("Requests") {
                PrometheusQuery(#"sum by (route) (rate(http_requests_total{job="$job"}[$__rate_interval]))"#).legendFormat("{{route}}")
            }
            .unit(.requestsPerSecond)

            Stat("Error ratio") {
                PrometheusQuery(#"sum(rate(http_requests_total{job="$job", code=~"5.."}[5m])) / sum(rate(http_requests_total{job="$job"}[5m]))"#)
            }
            .unit(.percentUnit)
            .thresholds([.base(.green), .step(env.values.double("errorRatioThreshold"), .red)])
        }
    }
}

"""#,
        "monitoring/environments/base.yaml": #"""
# Shared by every environment; dev/staging/prod extend it.
grafana:
  folder: My service
  refresh: 1m
  datasources:
    metrics: { type: prometheus }
prometheus:
  scrapeInterval: 30s
alerting:
  # A severity tier becomes the alert's `severity` label: mapped here, or its own name when
  # not mapped (.warning -> warning, .critical -> critical).
  severities:
    page: critical
    ticket: warning
values:
  errorRatioThreshold: 0.05

"""#,
        "monitoring/environments/dev.yaml": #"""
extends: base
grafana:
  uidPrefix: dev-
  datasources:
    metrics: { uid: prom-dev }
prometheus:
  selectors: { env: dev }

"""#,
        "monitoring/environments/prod.yaml": #"""
extends: base
grafana:
  uidPrefix: ""
  datasources:
    metrics: { uid: prom-prod }
prometheus:
  selectors: { env: prod }

"""#,
        "monitoring/environments/staging.yaml": #"""
extends: base
grafana:
  uidPrefix: staging-
  datasources:
    metrics: { uid: prom-staging }
prometheus:
  selectors: { env: staging }

"""#,
    ]
}

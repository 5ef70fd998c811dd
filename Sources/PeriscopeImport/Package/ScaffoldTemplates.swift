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
# Renders the monitoring catalog on every pull request and push to main. On a pull request it
# also renders the base revision, posts the semantic diff of the two as one PR comment (updated
# on every push), uploads the HTML diff as an artifact, lints the output and runs the alert
# unit tests. See README.md, "The pull-request loop".
name: monitoring

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write

concurrency:
  group: monitoring-${{ github.ref }}
  cancel-in-progress: true

env:
  # promtool for the alert unit tests, from Prometheus' release.
  PROMETHEUS_VERSION: "3.1.0"

jobs:
  monitoring:
    runs-on: ubuntu-latest
    container: swift:6.3
    steps:
      - name: Check out the head revision
        uses: actions/checkout@v4
        with:
          path: head

      - name: Check out the base revision
        if: github.event_name == 'pull_request'
        uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.base.sha }}
          path: base

      - name: Install promtool
        run: |
          apt-get update -qq && apt-get install -y -qq --no-install-recommends curl ca-certificates >/dev/null
          archive="prometheus-${PROMETHEUS_VERSION}.linux-amd64"
          curl -fsSL "https://github.com/prometheus/prometheus/releases/download/v${PROMETHEUS_VERSION}/${archive}.tar.gz" \
            | tar -xz -C /usr/local/bin --strip-components=1 "${archive}/promtool"
          promtool --version

      - name: Render the head revision
        working-directory: head
        run: |
          swift build --product __TARGET__
          "$(swift build --show-bin-path)/__TARGET__" render --env all --out build

      - name: Render the base revision
        if: github.event_name == 'pull_request'
        working-directory: base
        run: |
          # The base may predate the catalog or fail to build: then everything shows as added.
          if [ -f Package.swift ] && swift build --product __TARGET__ \
            && "$(swift build --show-bin-path)/__TARGET__" render --env all --out build; then
            echo "rendered the base revision"
          else
            echo "::warning::the base revision did not render; the diff shows every file as added"
            rm -rf build && mkdir -p build
          fi

      - name: Diff base and head
        if: github.event_name == 'pull_request'
        run: |
          bin="$(swift build --package-path head --show-bin-path)/__TARGET__"
          "$bin" diff base/build head/build --format markdown > diff.md
          "$bin" diff base/build head/build --format html > diff.html

      - name: Upload the HTML diff
        id: upload
        if: github.event_name == 'pull_request'
        uses: actions/upload-artifact@v4
        with:
          name: monitoring-diff
          path: diff.html

      - name: Post or update the diff comment
        # A pull request from a fork gets a read-only token: the diff stays in the artifact.
        if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository
        uses: actions/github-script@v7
        env:
          ARTIFACT_URL: ${{ steps.upload.outputs.artifact-url }}
        with:
          script: |
            const fs = require('fs');
            // The hidden marker finds this workflow's comment again, so each push updates it.
            const marker = '<!-- periscope-monitoring-diff -->';
            const diff = fs.readFileSync('diff.md', 'utf8');
            const body = `${marker}\n${diff}\n\n[Side-by-side HTML diff](${process.env.ARTIFACT_URL}) (artifact \`monitoring-diff\`)\n`;
            const { owner, repo } = context.repo;
            const issue_number = context.issue.number;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
            const previous = comments.find((comment) => comment.body && comment.body.includes(marker));
            if (previous) {
              await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
            } else {
              await github.rest.issues.createComment({ owner, repo, issue_number, body });
            }

      - name: Lint the rendered output
        working-directory: head
        run: |
          "$(swift build --show-bin-path)/__TARGET__" lint build --format github

      - name: Alert unit tests (promtool)
        working-directory: head
        run: |
          "$(swift build --show-bin-path)/__TARGET__" test build

      - name: Check the rendered output renders again byte for byte
        working-directory: head
        run: |
          "$(swift build --show-bin-path)/__TARGET__" render --check --out build

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

.PHONY: all build render check lint test clean

all: render

build:
	$(SWIFT) build --product __TARGET__

## Render every environment (environments/*.yaml except base) into $(OUT)/<env>/.
render: build
	$(BIN) render --env all --out $(OUT)

## Exit 1 when the files in $(OUT) differ from a fresh render.
check: build
	$(BIN) render --check --out $(OUT)

## Lint the rendered dashboards and rule files (GitHub annotations in CI: --format github).
lint: render
	$(BIN) lint $(OUT)

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
        "monitoring/README.md": #"""
# __PACKAGE__

Monitoring as code with [Periscope](https://github.com/periscope-dev/periscope): the Grafana
dashboards, Prometheus alerting and recording rules, alert unit tests and SLOs of this
repository are Swift definitions in `Sources/__TARGET__/`, rendered into plain Grafana JSON and
Prometheus rule files for every environment in `environments/`.

## Layout

```
Package.swift                          depends on Periscope; the executable __TARGET__ is the catalog
Sources/__TARGET__/__TARGET__.swift    the catalog: lists every definition
Sources/__TARGET__/ServiceDashboard.swift   an example dashboard, one declaration per row
Sources/__TARGET__/ServiceAlerts.swift      an alert rule and its promtool unit tests
Sources/__TARGET__/ServiceSLOs.swift        an SLO: Sloth-style burn-rate rules and an SLO dashboard
environments/base.yaml                 shared settings; dev, staging and prod extend it
environments/{dev,staging,prod}.yaml   datasource uids, uid prefix, the env selector, values
Makefile                               the commands below
.github/workflows/monitoring.yml       the pull-request loop
```

## Working locally

```sh
make render     # swift build, then render every environment into build/<env>/
make test       # render, then run the alert unit tests with promtool (apt-get install prometheus)
make lint       # render, then lint the output
make check      # exit 1 when build/ differs from a fresh render
```

`build/<env>/` holds `grafana/dashboards/<folder>/<uid>.json`, Grafana provisioning,
`prometheus/rules/<namespace>.yaml`, `prometheus/tests/<namespace>.yaml` and a
`manifest.json`. The same input always gives the same bytes. Deploy those folders the way
you deploy dashboards and rules today (Grafana file provisioning, a ConfigMap,
`mimirtool rules sync`, …).

Every command has `--help`: `swift run __TARGET__ --help`.

## The pull-request loop

`.github/workflows/monitoring.yml` runs on every pull request (and on pushes to `main`):

1. checks out the head revision and the base revision of the pull request side by side;
2. installs `promtool` from Prometheus' release (`PROMETHEUS_VERSION` at the top);
3. builds and renders the head revision into `head/build`, and the base revision into
   `base/build` (a base that does not build yet counts as empty, so everything shows as added);
4. runs `__TARGET__ diff base/build head/build` as markdown and as HTML: what changed, per
   environment, in the words a reviewer needs (which panel's query changed and how, which
   alert's `for` went from 5m to 10m, which dashboards appeared), not thousands of lines of JSON;
5. uploads the HTML diff (old and new layouts side by side) as the artifact `monitoring-diff`;
6. posts the markdown diff as a comment on the pull request, or updates the comment it posted
   before (it finds it by a hidden marker), so there is always exactly one; pull requests from
   forks only get the artifact, since their token cannot comment;
7. lints the rendered output with `--format github`, so problems show as annotations on the
   changed lines;
8. runs the alert unit tests (`__TARGET__ test build`), which fail the check when an alert no
   longer fires when it should;
9. checks that rendering again gives the same bytes.

A reviewer reads the comment, downloads the HTML diff for layout changes, and merges when the
checks are green.

## Next steps

- Add a dashboard: a new `enum` with `static func dashboard(_ env: Environment) -> Dashboard`,
  listed in `__TARGET__.swift`. Keep one declaration per row: it keeps type-checking fast.
- Add what differs per environment to `environments/*.yaml` (`values:` for thresholds,
  `grafana.datasources` for uids), or use `.in(.prod) { … }` in Swift.
- Bring existing dashboards and rule files in with `periscope import dashboard|rules … --out .`:
  the imported Swift goes into `Sources/__TARGET__/`, listed in `ImportedCatalog.swift`; add
  `ImportedCatalog.items(env)` to the catalog.

"""#,
        "monitoring/Sources/__TARGET__/ServiceAlerts.swift": #"""
import Periscope

/// The service's alert, and the promtool unit test that shows when it fires.
/// `swift run __TARGET__ test build` runs the test on every rendered environment.
enum ServiceAlerts {
    /// The rule namespace: `prometheus/rules/my-service.yaml`.
    static let namespace = "my-service"

    static func groups(_ env: Environment) -> [RuleGroup] {
        [
            RuleGroup("my-service", namespace: namespace) {
                highErrorRatio(env)
            }
            .interval("1m"),
        ]
    }

    static func highErrorRatio(_ env: Environment) -> AlertRule {
        AlertRule("MyServiceHighErrorRatio", expr: """
            sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
              /
            sum by (job) (rate(http_requests_total[5m]))
              > \(env.values.promQLNumber("errorRatioThreshold"))
            """)
            .for("10m")
            .severity(env.is(.prod) ? .page : .ticket)
            .summary("High 5xx ratio on {{ $labels.job }}")
            .description("{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} fail.")
            .runbook("https://runbooks.example.com/my-service/high-error-ratio")
    }

    static func tests(_ env: Environment) -> RuleTests {
        RuleTests(namespace: namespace, evaluationInterval: "1m") {
            AlertTest("half of the requests failing fires", interval: "1m") {
                InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x60")
                InputSeries(#"http_requests_total{job="api", code="500"}"#, values: "0+60x60")
                ExpectNoAlerts("MyServiceHighErrorRatio", at: "5m")
                ExpectAlerts("MyServiceHighErrorRatio", at: "30m") {
                    ExpectedAlert(labels: ["job": "api"],
                                  annotations: ["summary": "High 5xx ratio on api", "description": "50% of the requests to api fail."])
                }
            }
            AlertTest("no errors, no alert", interval: "1m") {
                InputSeries(#"http_requests_total{job="api", code="200"}"#, values: "0+60x60")
                ExpectNoAlerts("MyServiceHighErrorRatio", at: "30m")
            }
        }
    }
}

"""#,
        "monitoring/Sources/__TARGET__/ServiceDashboard.swift": #"""
import Periscope

/// One service's dashboard. Declare each row on its own, as below, to keep type-checking fast.
enum ServiceDashboard {
    static func dashboard(_ env: Environment) -> Dashboard {
        Dashboard("My service", uid: "my-service") {
            traffic(env)
            latency
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

    static var latency: Row {
        Row("Latency") {
            TimeSeries("p99") {
                PrometheusQuery(#"histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="$job"}[$__rate_interval])))"#)
            }
            .unit(.seconds)
            .width(24)
        }
    }
}

"""#,
        "monitoring/Sources/__TARGET__/ServiceSLOs.swift": #"""
import Periscope

/// The service's SLO: 99.9% of requests do not fail with a 5xx over 30 days (99% in dev).
/// It expands into Sloth's recording rules and multiwindow, multi-burn-rate alerts
/// (`prometheus/rules/slos.yaml`) and an SLO dashboard (`slo-my-service`).
enum ServiceSLOs {
    static func slos(_ env: Environment) -> [SLO] {
        [availability]
    }

    static let availability = SLO(service: "my-service", name: "availability", objective: 99.9,
                                  sli: .events(counter: "http_requests_total", errors: #"code=~"5..""#))
        .description("Requests that do not fail with a 5xx.")
        .alertAnnotation("description", "my-service is failing more requests than its availability SLO allows.")
        .alertAnnotation("runbook_url", "https://runbooks.example.com/my-service/availability")
        .page { $0.severity(.page) }
        .ticket { $0.severity(.ticket) }
        .in(.dev) { $0.objective(99).page { $0.severity(.ticket) } }
}

"""#,
        "monitoring/Sources/__TARGET__/__TARGET__.swift": #"""
import Periscope

/// The monitoring catalog of this repository: every dashboard, rule group, alert unit test and
/// SLO, rendered for each environment in `environments/` by
/// `swift run __TARGET__ render --env all --out build`.
@main
struct __TARGET__: CatalogDefinition {
    static func catalog(_ env: Environment) -> Catalog {
        Catalog {
            ServiceDashboard.dashboard(env)
            ServiceAlerts.groups(env)
            ServiceAlerts.tests(env)
            ServiceSLOs.slos(env)
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

# Periscope developer commands. `make render` and `make test` work on a fresh machine.
SWIFT ?= swift
OUT ?= build
FUZZ_SECONDS ?= 60

CANARY_LIMIT_MS ?= 300

.PHONY: all build render lint test test-deps bench canary integration fuzz docs clean

all: build

build:
	$(SWIFT) build --product periscope

## Render the built-in example catalog for dev, staging and prod into build/.
render: build
	$$($(SWIFT) build --show-bin-path)/periscope render --env all --out $(OUT)

## Render the example catalog, then lint the rendered output (findings point at the Swift lines);
## exits 1 on any error or warning.
lint: render
	$$($(SWIFT) build --show-bin-path)/periscope lint $(OUT) --strict

## Install what the tests need (promtool from Debian's prometheus package, node from Debian's
## nodejs to run Grafana's own variable-query patterns, PyYAML, and jsonschema for the Grafana
## schema conformance test).
test-deps:
	@missing=""; \
	{ command -v promtool && command -v prometheus; } >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@python3 -c "import yaml" 2>/dev/null || python3 -m pip install -q pyyaml
	@python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema==4.26.0

## Build and run every test, then the compile-time canary.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) canary
	$(MAKE) docs
	$(MAKE) integration
	$(MAKE) fuzz

## Build the DocC documentation of the DSL into docs-out/ (swift-docc-plugin, added to the
## package only for this, PERISCOPE_DOCS=1). Broken symbol and article links are errors.
docs:
	PERISCOPE_DOCS=1 $(SWIFT) package --allow-writing-to-directory docs-out generate-documentation \
		--target PeriscopeDSL --output-path docs-out --warnings-as-errors \
		--transform-for-static-hosting --hosting-base-path periscope

## Build templates/monitoring (a user's own package) against this checkout and render it.
integration:
	bash Tests/Integration/user-package.sh

## Fuzz the PromQL library with libFuzzer for FUZZ_SECONDS (60 in make test); fails on any crash.
fuzz:
	bash Tests/Fuzz/run-fuzz.sh $(FUZZ_SECONDS)

## Type-check a realistic 200-panel dashboard (one declaration per row); fail if any function
## body or expression takes longer than CANARY_LIMIT_MS to type-check.
canary:
	$(SWIFT) build --target PeriscopeDSL
	@bin=$$($(SWIFT) build --show-bin-path); \
	out=$$(swiftc -typecheck -Xfrontend -warn-long-function-bodies=$(CANARY_LIMIT_MS) \
		-Xfrontend -warn-long-expression-type-checking=$(CANARY_LIMIT_MS) \
		-I $$bin/Modules Tests/Canary/LargeDashboard.swift 2>&1); status=$$?; \
	echo "$$out"; \
	if [ $$status -ne 0 ] || echo "$$out" | grep -q "to type-check"; then \
		echo "canary: FAILED (limit $(CANARY_LIMIT_MS) ms per body/expression)"; exit 1; fi; \
	echo "canary: 200-panel dashboard type-checks within $(CANARY_LIMIT_MS) ms per body and expression"

## Release build; renders the benchmark workloads and prints wall time and peak memory.
## test-deps installs PyYAML (check_w1/check_w2) and promtool (timed on the W2 files).
bench: test-deps
	$(SWIFT) build -c release --product periscope-bench
	@python3 -c "import promql_parser" 2>/dev/null || python3 -m pip install -q promql-parser==0.12.0 || echo "promql-parser unavailable: comparison skipped"
	$$($(SWIFT) build -c release --show-bin-path)/periscope-bench run --shared ../shared --work .build/bench-out

clean:
	rm -rf .build $(OUT)
